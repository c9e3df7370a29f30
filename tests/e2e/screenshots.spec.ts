import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';

/**
 * The partner grid as a finance user first sees it, in both languages, saved for review
 * (tests/.artifacts/partners-<lang>.png at 1440×900). Checked here: no header is cut off, and no
 * text of the other language leaks into the headers and the toolbar.
 */
async function truncatedHeaders(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=grid-partners] .ag-header-cell-text')
    .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''));
}

test('the partner grid in 中文 and English', async ({ page }) => {
  const app = await (await new AppPage(page).open()).signIn('admin');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  await expect(grid.cell(1, 'name')).not.toBeEmpty();

  const zhHeaders = await grid.headers();
  expect(zhHeaders.length).toBeGreaterThan(10);
  for (const h of zhHeaders) expect(h).not.toMatch(/[A-Za-z]/);
  expect((await grid.root.locator('.toolbar').innerText()).replaceAll('Excel', '')).not.toMatch(/[A-Za-z]{2,}/); // 导出 Excel: a product name
  expect(await truncatedHeaders(page)).toEqual([]);
  await page.screenshot({ path: 'tests/.artifacts/partners-zh-CN.png' });

  await app.switchLanguage('en');
  await expect.poll(() => grid.headers()).toContain('Channel type');
  await expect(grid.cell(1, 'name')).not.toBeEmpty();
  await expect(grid.cell(1, 'status')).toHaveText('Cooperating');
  for (const h of await grid.headers()) expect(h).not.toMatch(/[\u4e00-\u9fff]/);
  expect(await grid.root.locator('.toolbar').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
  expect(await truncatedHeaders(page)).toEqual([]);
  await page.screenshot({ path: 'tests/.artifacts/partners-en.png' });

  await app.switchLanguage('zh-CN');
});
