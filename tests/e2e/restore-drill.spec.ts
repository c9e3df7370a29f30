import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { Api, type PartnerDto } from './support/api';
import { startServer, type TestServer } from './support/server';

/**
 * The restore drill: an administrator backs up, someone changes data, the administrator restores
 * the backup from Settings → Backups (one confirmation), signs in again and the change is gone;
 * the database from before the restore is listed as a backup. On its own demo company.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

test('back up, change, restore from Settings, sign in again: the change is gone and the old state kept', async ({ page, request }) => {
  const app = await (await new AppPage(page, server.url).open()).signIn('admin');
  await page.locator('nav.sidebar .nav-item').filter({ hasText: '备份与恢复' }).click();
  await expect(app.pageTitle).toHaveText('备份与恢复');
  await page.getByTestId('backup-now').click();
  await expect(app.pageMessage).toContainText('已备份');
  // one language at a time: a toast written in Chinese closes when the user switches to English
  // (it would otherwise stay for its 4 seconds)
  await app.switchLanguage('en');
  await expect(app.pageTitle).toHaveText('Backups and restore');
  await expect(app.pageMessage).toHaveCount(0, { timeout: 1500 });
  await app.switchLanguage('zh-CN');
  const rows = page.getByTestId('backup-row');
  await expect(rows).toHaveCount(1);

  const api = await new Api(request, server.url).signIn('zhangwei');
  const before = await api.call<PartnerDto>('partners.get', { id: 85 });
  await api.call('partners.update', { id: 85, version: before.version, patch: { name: '演练后改的名字' } });
  expect((await api.call<PartnerDto>('partners.get', { id: 85 })).name).toBe('演练后改的名字');

  await rows.first().getByTestId('restore').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('恢复前');
  await dialog.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(app.pageMessage).toContainText('已恢复');
  await page.getByTestId('sign-in-again').click();
  await app.signIn('admin');

  const again = await new Api(request, server.url).signIn('zhangwei');
  expect((await again.call<PartnerDto>('partners.get', { id: 85 })).name).toBe(before.name);
  await page.locator('nav.sidebar .nav-item').filter({ hasText: '备份与恢复' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: '恢复前' })).toHaveCount(1);
});
