import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { PartnersPage } from './pages/PartnersPage';
import { Api } from './support/api';

/**
 * The grid wrapper on the paged partner list: Ctrl+F quick search and the empty state under a
 * filter, server-side sort and value-list filter, the column chooser, and scrolling that asks the
 * core for the next block with the previous block's keyset cursor.
 */
test('quick search, sort, filter and the column chooser run against the core', async ({ page, request, baseURL }) => {
  const api = await new Api(request, baseURL!).signIn('lina');
  const app = await (await new AppPage(page).open()).signIn('lina');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  const all = await grid.count();

  await grid.cell(1, 'name').click();
  await page.keyboard.press('Control+f');
  await expect(grid.quick).toBeFocused();
  await page.keyboard.type('盘龙');
  await expect.poll(() => grid.count()).toBeLessThan(all);
  for (const name of await grid.columnTexts('name')) expect(name).toContain('盘龙');
  await grid.search('没有这个伙伴');
  await expect(grid.empty).toHaveText('没有符合条件的记录');
  await expect(grid.rowCount).toHaveText('0 行');
  await grid.quick.press('Escape');
  await expect(grid.rowCount).toHaveText(`${all} 行`);
  await expect(grid.empty).toBeHidden();

  const lowest = await api.call<{ rows: { id: number; starRating: number }[] }>('partners.list', { limit: 1, sort: [{ colId: 'starRating', sort: 'asc' }] });
  await grid.root.locator('.ag-header-cell[col-id="starRating"] .ag-header-cell-label').click();
  await expect.poll(async () => (await grid.renderedRowIds())[0]).toBe(String(lowest.rows[0]!.id));

  const ecom = await api.call<{ total: number }>('partners.list', { limit: 1, filter: { channelTypeId: { filterType: 'set', values: [4] } } });
  await grid.root.locator('.ag-header-cell[col-id="channelTypeId"] .ag-header-cell-filter-button').click();
  await page.getByTestId('set-filter').getByLabel('电商').check();
  await expect(grid.rowCount).toHaveText(`${ecom.total} 行`);
  await page.keyboard.press('Escape');
  expect(new Set(await grid.columnTexts('channelTypeId'))).toEqual(new Set(['电商']));

  await grid.columnChooser.click();
  await page.getByRole('menu').getByLabel('联系电话').uncheck();
  await expect.poll(() => grid.headers()).not.toContain('联系电话');
  await page.getByRole('menu').getByLabel('联系电话').check();
  await expect.poll(() => grid.headers()).toContain('联系电话');
});

test('scrolling down fetches the next blocks by keyset cursor', async ({ page }) => {
  const cursors: boolean[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/partners.list')) cursors.push(!!(r.postDataJSON() as { cursor?: string }).cursor);
  });
  const app = await (await new AppPage(page).open()).signIn('wangfang');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  expect(await grid.count()).toBe(300);
  for (let i = 0; i < 30 && !(await grid.renderedRowIds()).includes('300'); i++) {
    await grid.root.locator('.ag-body-viewport, .ag-grid-viewport').first().evaluate((el) => el.scrollBy(0, 1500));
    await page.waitForTimeout(150);
  }
  await expect(grid.cell(300, 'code')).toHaveText('P000300');
  expect(cursors[0]).toBe(false);
  expect(cursors.slice(1).filter(Boolean).length).toBeGreaterThanOrEqual(2);
});

test('Home / End stay in the row, Ctrl+Home / Ctrl+End go to the corners, Tab leaves after the last visible column', async ({ page }) => {
  const app = await (await new AppPage(page).open()).signIn('lina');
  await app.go('渠道合作伙伴', 'partners');
  const grid = new PartnersPage(page);
  await grid.waitLoaded();
  /** the focused cell: row index (or the pinned row) and column id */
  const focused = () =>
    page.evaluate(() => {
      const cell = document.activeElement?.closest('.ag-cell');
      return cell ? `${cell.closest('.ag-row')?.getAttribute('row-index')}:${cell.getAttribute('col-id')}` : null;
    });
  const displayed = async () => {
    const ids = await grid.root.locator('.ag-header-row-column .ag-header-cell[col-id]').evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('col-id')!, x: el.getBoundingClientRect().x + (el.closest('.ag-pinned-left-header') ? -1e6 : 0) })),
    );
    return ids.sort((a, b) => a.x - b.x).map((c) => c.id);
  };
  const cols = await displayed();
  const [first, last] = [cols[0], cols.at(-1)];

  await grid.root.locator('.ag-row[row-index="2"] .ag-cell[col-id="name"]').click();
  await page.keyboard.press('End');
  await expect.poll(focused).toBe(`2:${last}`);
  await page.keyboard.press('Home');
  await expect.poll(focused).toBe(`2:${first}`);
  await page.keyboard.press('Control+End');
  const lastRow = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.ag-center-cols-container .ag-row[row-index]')].map((r) => Number(r.getAttribute('row-index')))));
  expect(Number((await focused())!.split(':')[0])).toBeGreaterThanOrEqual(lastRow);
  expect((await focused())!.split(':')[1]).toBe(last);
  await page.keyboard.press('Control+Home');
  await expect.poll(focused).toBe(`0:${first}`);

  // Tab from the last visible column leaves the grid (it does not wrap to the next row) …
  await page.keyboard.press('End');
  await expect.poll(focused).toBe(`0:${last}`);
  await page.keyboard.press('Tab');
  await expect.poll(focused).toBeNull();
  // … and a column hidden with the chooser is never visited: End stops before it
  await grid.columnChooser.click();
  const lastHeader = (await grid.headers()).at(-1)!;
  await page.getByRole('menu').getByLabel(lastHeader).uncheck();
  await page.keyboard.press('Escape');
  const inView = await grid.root.locator('.ag-row[row-index]').evaluateAll((rows) => {
    const wrapper = rows[0]!.closest('.ag-root-wrapper')!;
    const top = wrapper.querySelector('.ag-header')!.getBoundingClientRect().bottom;
    const bottom = wrapper.getBoundingClientRect().bottom - 20;
    const r = rows.find((x) => x.getBoundingClientRect().top >= top && x.getBoundingClientRect().bottom <= bottom);
    return r?.getAttribute('row-index');
  });
  await grid.root.locator(`.ag-row[row-index="${inView}"] .ag-cell[col-id="name"]`).first().click();
  await expect.poll(focused).not.toBeNull();
  const row = (await focused())!.split(':')[0];
  await page.keyboard.press('End');
  await expect.poll(focused).toBe(`${row}:${cols.at(-2)}`);
  await grid.columnChooser.click();
  await page.getByRole('menu').getByLabel(lastHeader).check();
  await page.keyboard.press('Escape');
});
