import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';
import { Api, type PartnerDto } from './support/api';
import { startServer, type TestServer } from './support/server';

/**
 * Deactivating asks once, hides the partner from the list and keeps the record: "show inactive"
 * brings it back, marked 已停用, and it can be activated again. Runs on its own demo company so
 * the shared one keeps its counts.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

test('deactivate a partner, then find it under show inactive and activate it again', async ({ page, request }) => {
  const api = await new Api(request, server.url).signIn('zhangwei');
  const app = await (await new AppPage(page, server.url).open()).signIn('zhangwei');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  const total = await grid.count();

  await grid.select(85);
  await expect(grid.toggleActive).toHaveText('停用');
  await grid.toggleActive.click();
  await expect(grid.confirm).toContainText('五华城西永盛手机卖场');
  await grid.confirm.getByRole('button', { name: '取消' }).click();
  expect((await api.call<PartnerDto>('partners.get', { id: 85 })).active).toBe(true);

  await grid.toggleSelected();
  await expect(app.pageMessage).toContainText('已停用');
  await expect(grid.rowCount).toHaveText(`${total - 1} 行`);
  await expect(grid.root.locator('.ag-row[row-id="85"]')).toHaveCount(0);
  expect((await api.call<PartnerDto>('partners.get', { id: 85 })).active).toBe(false);

  await grid.showInactive.check();
  await expect(grid.rowCount).toHaveText(`${total} 行`);
  await expect(grid.cell(85, 'active')).toHaveText('已停用');
  await expect(grid.root.locator('.ag-row[row-id="85"]').first()).toHaveClass(/row-inactive/);

  await grid.select(85);
  await expect(grid.toggleActive).toHaveText('启用');
  await grid.toggleSelected();
  await expect(grid.cell(85, 'active')).toHaveText('启用');
  expect((await api.call<PartnerDto>('partners.get', { id: 85 })).active).toBe(true);
});
