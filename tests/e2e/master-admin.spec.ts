import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { Api } from './support/api';
import { startServer, type TestServer } from './support/server';

/**
 * The administrator's small lists (client-side grids): money and percentages edited as people
 * type them, adding and deactivating catalogue entries, a child org unit placed under its parent,
 * and a new user who can sign in after a password reset. Own demo company.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

interface CostType {
  code: string;
  receiptThresholdFen: number;
  defaultToleranceBp: number;
}

test('cost types: a receipt threshold in yuan and a tolerance in percent are stored as fen and basis points', async ({ page, request }) => {
  const api = await new Api(request, server.url).signIn('admin');
  const app = await (await new AppPage(page, server.url).open()).signIn('admin');
  const grid = await app.go('费用类型', 'cost-types');
  const adv = (await api.call<(CostType & { id: number })[]>('costTypes.list', {})).find((c) => c.code === 'ADV')!;

  await grid.typeInto(adv.id, 'receiptThresholdFen', '¥2,500.50');
  await expect(grid.cell(adv.id, 'receiptThresholdFen')).toHaveText('¥2,500.50');
  await grid.typeInto(adv.id, 'defaultToleranceBp', '7.5%');
  await expect(grid.cell(adv.id, 'defaultToleranceBp')).toHaveText('7.50%');
  await grid.typeInto(adv.id, 'receiptThresholdFen', '12.345');
  await expect(grid.message).toContainText('金额最多两位小数');
  const saved = (await api.call<CostType[]>('costTypes.list', {})).find((c) => c.code === 'ADV')!;
  expect(saved).toMatchObject({ receiptThresholdFen: 250050, defaultToleranceBp: 750 });
});

test('channel types: add one, deactivate it, find it under show inactive', async ({ page }) => {
  const app = await (await new AppPage(page, server.url).open()).signIn('admin');
  const grid = await app.go('渠道类型', 'channel-types');
  const before = await grid.count();
  await grid.addButton.click();
  const dialog = page.getByTestId('add-catalog');
  await dialog.locator('input[name=code]').fill('CARRIER');
  await dialog.locator('input[name=nameZh]').fill('运营商厅');
  await dialog.locator('input[name=nameEn]').fill('Carrier store');
  await dialog.locator('button[type=submit]').click();
  await expect(app.pageMessage).toContainText('已新增“运营商厅”');
  await expect(grid.rowCount).toHaveText(`${before + 1} 行`);

  const row = grid.root.locator('.ag-row[row-id]', { hasText: 'CARRIER' }).first();
  await row.locator('.ag-cell[col-id="code"]').click();
  await grid.toggleActive.click();
  await page.getByTestId('confirm-dialog').locator('button[type=submit]').click();
  await expect(grid.rowCount).toHaveText(`${before} 行`);
  await grid.showInactive.check();
  await expect(grid.root.locator('.ag-row[row-id]', { hasText: 'CARRIER' }).first().locator('.ag-cell[col-id="active"]')).toHaveText('已停用');
});

test('org units: a child unit appears right under its parent, indented', async ({ page }) => {
  const app = await (await new AppPage(page, server.url).open()).signIn('admin');
  const grid = await app.go('组织', 'org-units');
  await grid.select(3, 'name');
  await grid.root.getByRole('button', { name: '新增下级组织' }).click();
  const dialog = page.getByTestId('add-org-unit');
  await dialog.locator('input[name=code]').fill('KM-WH-05');
  await dialog.locator('input[name=nameZh]').fill('五华城中网格');
  await dialog.locator('input[name=nameEn]').fill('Wuhua Central Grid');
  await dialog.locator('button[type=submit]').click();
  await expect(app.pageMessage).toContainText('五华城中网格');
  const codes = await grid.columnTexts('code');
  expect(codes.slice(codes.indexOf('KM-WH'), codes.indexOf('KM-WH') + 6)).toEqual(['KM-WH', 'KM-WH-01', 'KM-WH-02', 'KM-WH-03', 'KM-WH-04', 'KM-WH-05']);
  const pad = (code: string) =>
    grid.root.locator('.ag-row[row-id]', { hasText: code }).first().locator('.ag-cell[col-id="name"]').evaluate((el) => (el as unknown as { style: { paddingLeft: string } }).style.paddingLeft);
  expect(parseInt(await pad('KM-WH-05'))).toBeGreaterThan(parseInt(await pad('KM-WH')));

  // a unit whose English name is only the Chinese one copied over: English mode shows the Chinese
  // name visibly marked "(zh)", in the page's own name column as everywhere else
  await grid.select(3, 'name');
  await grid.root.getByRole('button', { name: '新增下级组织' }).click();
  await dialog.locator('input[name=code]').fill('KM-WH-06');
  await dialog.locator('input[name=nameZh]').fill('五华北部网格');
  await dialog.locator('input[name=nameEn]').fill('五华北部网格');
  await dialog.locator('button[type=submit]').click();
  await expect(app.pageMessage).toContainText('五华北部网格');
  await app.switchLanguage('en');
  const nameOf = (code: string) => grid.root.locator('.ag-row[row-id]', { hasText: code }).first().locator('.ag-cell[col-id="name"]');
  await expect(nameOf('KM-WH-06')).toHaveText('五华北部网格 (zh)');
  await expect(nameOf('KM-WH-06')).toHaveClass(/name-fallback/);
  await expect(nameOf('KM-WH-05')).toHaveText('Wuhua Central Grid');
  await page.screenshot({ path: 'tests/.artifacts/org-units-en.png' });
  await app.switchLanguage('zh-CN');
});

test('users: a new user with a reset password can sign in', async ({ page, request }) => {
  const app = await (await new AppPage(page, server.url).open()).signIn('admin');
  const grid = await app.go('用户', 'users');
  await grid.addButton.click();
  const dialog = page.getByTestId('add-user');
  await dialog.locator('input[name=username]').fill('staff99');
  await dialog.locator('input[name=displayName]').fill('孙九九');
  await dialog.locator('input[name=password]').fill('first-pass-1');
  await dialog.locator('button[type=submit]').click();
  await expect(dialog.locator('.field-error')).toHaveText('至少分配一个组织');
  await dialog.getByTestId('unit-picker').locator('label').filter({ hasText: /^五华区\s/ }).locator('input').check();
  await dialog.locator('button[type=submit]').click();
  await expect(app.pageMessage).toContainText('孙九九');

  await grid.root.locator('.ag-row[row-id]', { hasText: 'staff99' }).first().locator('.ag-cell[col-id="username"]').click();
  await grid.root.getByRole('button', { name: '重置密码' }).click();
  await page.getByTestId('reset-password').locator('input[name=password]').fill('second-pass-2');
  await page.getByTestId('reset-password').locator('button[type=submit]').click();
  await expect(app.pageMessage).toContainText('已重置');

  const api = await new Api(request, server.url).signIn('staff99', 'second-pass-2');
  const me = await api.call<{ username: string; role: string }>('auth.me', {});
  expect(me).toMatchObject({ username: 'staff99', role: 'channel_staff' });
});
