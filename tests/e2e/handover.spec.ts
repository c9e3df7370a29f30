import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';
import { Api } from './support/api';
import { startServer, type TestServer } from './support/server';

/**
 * lina (approver, 昆明分公司) hands all partners of 刘娜 (staff01, 盘龙区) over to 吴强, a second
 * manager of 盘龙区 the administrator adds (a receiver must work for the partners' units):
 * the dialog says how many will move before anything happens, the move is recorded in the
 * history, and the grid and the core show the new owner. Own demo company.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

interface User {
  id: number;
  username: string;
}
const owned = (api: Api, userId: number) =>
  api.call<{ total: number }>('partners.list', { limit: 1, includeInactive: true, filter: { ownerUserId: { filterType: 'set', values: [userId] } } }).then((p) => p.total);

test('lina hands a manager’s partners over and the history records it', async ({ page, request }) => {
  const admin = await new Api(request, server.url).signIn('admin');
  const panlong = (await admin.call<{ id: number; code: string }[]>('orgUnits.list', {})).find((u) => u.code === 'KM-PL')!;
  await admin.call('users.create', { username: 'wuqiang', displayName: '吴强', role: 'channel_staff', orgUnitIds: [panlong.id], password: 'password-zq' });
  const api = await new Api(request, server.url).signIn('lina');
  const users = await api.call<User[]>('users.list', {});
  const from = users.find((u) => u.username === 'staff01')!;
  const to = users.find((u) => u.username === 'wuqiang')!;
  const moving = await owned(api, from.id);
  const already = await owned(api, to.id);
  expect(moving).toBeGreaterThan(0);

  const app = await (await new AppPage(page, server.url).open()).signIn('lina');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  const dialog = await grid.openHandover();
  await expect(dialog.root).toContainText('暂无交接记录');
  await expect(dialog.submit).toBeDisabled();
  await dialog.from.selectOption(String(from.id));
  await dialog.to.selectOption(String(to.id));
  await expect(dialog.count).toHaveText(`将把 ${moving} 个渠道合作伙伴从 刘娜 移交给 吴强。`);
  await dialog.note.fill('刘娜调岗');
  await dialog.submit.click();

  await expect(dialog.root).toBeHidden();
  await expect(app.pageMessage).toContainText(`已将 ${moving} 个渠道合作伙伴从 刘娜 移交给 吴强`);
  expect(await owned(api, from.id)).toBe(0);
  expect(await owned(api, to.id)).toBe(already + moving);

  await grid.search('盘龙');
  await expect.poll(() => grid.columnTexts('ownerUserId')).toContain('吴强');
  expect(await grid.columnTexts('ownerUserId')).not.toContain('刘娜');

  const again = await grid.openHandover();
  await expect(again.history.locator('tbody tr')).toHaveCount(1);
  await expect(again.history.locator('tbody tr').first()).toContainText('刘娜');
  await expect(again.history.locator('tbody tr').first()).toContainText('吴强');
  await expect(again.history.locator('tbody tr').first()).toContainText(String(moving));
  await expect(again.history.locator('tbody tr').first()).toContainText('李娜');
});
