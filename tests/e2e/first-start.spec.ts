import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { startServer, type TestServer } from './support/server';

/**
 * First start on an empty data folder (a server without --demo): the app offers the demo company
 * or an empty one; the empty path creates the first administrator, who can then sign in.
 */
let server: TestServer;
test.beforeEach(async () => {
  server = await startServer({ demo: false });
});
test.afterEach(async () => {
  await server?.stop();
});

test('the empty company path creates the first administrator, who can sign in', async ({ page }) => {
  const app = await new AppPage(page, server.url).open();
  const first = app.firstStart();
  await first.expectShown();
  await expect(first.demo).toContainText('演示公司');
  await expect(first.empty).toContainText('空白公司');

  await first.createEmptyCompany({ company: '滇南渠道有限公司', username: 'boss', name: '周总', password: 'short' });
  await expect(first.fieldError('adminPassword')).toHaveText('密码至少 8 位');

  await first.field('adminPassword').fill('s3cret-pass');
  await page.locator('.first-start button[type=submit]').click();
  await expect(page.locator('form.sign-in')).toBeVisible();

  await app.signIn('boss', 's3cret-pass');
  await expect(app.currentUser).toContainText('周总');
  await expect(app.currentUser).toContainText('管理员');
  expect(await app.navLabels()).toContain('用户');
  // everyone starts on 工作台 (home); the empty company's partners page says so
  const partners = await app.go('渠道合作伙伴', 'partners');
  await expect(partners.rowCount).toHaveText('0 行');
  await expect(partners.empty).toHaveText('暂无数据');
  await partners.search('无此伙伴');
  await expect(partners.empty).toHaveText('没有符合条件的记录');
  const users = await app.go('用户', 'users');
  expect(await users.columnTexts('username')).toEqual(['boss']);
});

test('the demo company path fills the company and offers the demo users', async ({ page }) => {
  const app = await new AppPage(page, server.url).open();
  const first = app.firstStart();
  await first.expectShown();
  await first.demo.click();
  await expect(page.locator('form.sign-in')).toBeVisible({ timeout: 60_000 });
  await app.signIn('zhangwei');
  await expect(app.scope).toHaveText('五华区');
  const partners = await app.go('渠道合作伙伴', 'partners');
  expect(await partners.count()).toBeGreaterThan(0);
});
