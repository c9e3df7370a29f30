import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';
import { Api } from './support/api';

/**
 * Switching 中文/English re-renders everything at once — navigation, grid headers, coded values,
 * AG Grid's own texts — and the choice is remembered for the user: after a reload, after signing
 * out and in, and in a fresh browser.
 */
test('switching the language re-renders the grid and is remembered for the user', async ({ page, browser, baseURL }) => {
  const app = await (await new AppPage(page).open()).signIn('chenjie');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  expect(await grid.headers()).toEqual(expect.arrayContaining(['编码', '名称', '状态', '星级', '渠道类型', '所属组织', '合同开始']));
  await expect(grid.cell(1, 'status')).toHaveText('合作中');
  await grid.root.locator('.ag-header-cell[col-id="name"] .ag-header-cell-filter-button').click();
  await expect(page.locator('.ag-filter').first()).toContainText('包含');
  await page.keyboard.press('Escape');

  await app.switchLanguage('en');
  expect(await app.navLabels()).toEqual(['Home', 'Budget planning', 'Budget vs actual', 'Budget transfers', 'Cost requests', 'Claims', 'My approvals', 'Cost-benefit analysis', 'Post-evaluation', 'Partner evaluation', 'Results', 'Partners', 'Org units', 'Channel types', 'Cost types', 'Stand-ins']);
  await expect(app.pageTitle).toHaveText('Partners');
  await expect.poll(() => grid.headers()).toEqual(expect.arrayContaining(['Code', 'Name', 'Status', 'Stars', 'Channel type', 'Org unit', 'Contract start']));
  await expect(grid.cell(1, 'status')).toHaveText('Cooperating');
  await expect(grid.rowCount).toHaveText(/rows$/);
  await grid.root.locator('.ag-header-cell[col-id="name"] .ag-header-cell-filter-button').click();
  await expect(page.locator('.ag-filter').first()).toContainText('Contains');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(app.pageTitle).toHaveText('Partners');
  await expect.poll(() => grid.headers()).toContain('Channel type');

  await app.signOut();
  await expect(page.locator('form.sign-in button[type=submit]')).toHaveText('Sign in');
  await app.signIn('chenjie');
  await expect(app.pageTitle).toHaveText('Partners');

  const fresh = await browser.newContext({ baseURL, locale: 'zh-CN' });
  const other = new AppPage(await fresh.newPage());
  await other.open();
  await expect(other.page.locator('form.sign-in button[type=submit]')).toHaveText('登录');
  await other.signIn('chenjie');
  await expect(other.pageTitle).toHaveText('Home'); // the start page (工作台) for everyone
  await fresh.close();

  await app.switchLanguage('zh-CN');
  await expect(app.pageTitle).toHaveText('渠道合作伙伴');
  await expect.poll(() => grid.headers()).toContain('渠道类型');
});

test('a language chosen on the sign-in page wins over the saved one and is saved; English shows English names and ISO dates', async ({ page, request, baseURL }) => {
  const app = await new AppPage(page).open();
  await expect(page.locator('form.sign-in')).toContainText('zhaomin'); // every demo user is listed
  await app.switchLanguage('en');
  await app.signIn('wangfang'); // saved: 中文
  expect(await app.navLabels()).toContain('Budget planning');
  await expect(page.getByTestId('company')).toHaveText('Yunling Telecom Co., Ltd.');
  await expect(app.scope).toHaveText('Yunling Telecom Co., Ltd.');
  const api = await new Api(request, baseURL!).signIn('wangfang');
  expect((await api.call<{ locale: string }>('auth.me')).locale).toBe('en');

  // one date format per language: ISO with a 24-hour time in English
  await app.navItems.filter({ hasText: 'Budget planning' }).click();
  await expect(page.getByTestId('version-list')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await page.screenshot({ path: 'tests/.artifacts/budget-plan-en.png' });
  await app.navItems.filter({ hasText: 'Partners' }).click();
  await expect(page.getByTestId('read-only-note')).toContainText('Channel staff (within their org units) and administrators add and change partners.');
  await page.screenshot({ path: 'tests/.artifacts/partners-read-only-en.png' });

  await app.signOut();
  await app.switchLanguage('zh-CN');
  await app.signIn('wangfang');
  expect(await app.navLabels()).toContain('预算编制');
  await expect(page.getByTestId('company')).toHaveText('云岭通信有限公司');
  expect((await api.call<{ locale: string }>('auth.me')).locale).toBe('zh-CN');
});
