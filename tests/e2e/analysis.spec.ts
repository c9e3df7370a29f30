import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/**
 * The analysis charts as a finance user meets them on the demo company: the dashboard's trend
 * chart draws (its canvas has painted pixels) with labelled axes read from ECharts' own option
 * after rendering (the chart host's data-* attributes, see renderer/src/features/analysis/chart),
 * follows a change of the org-unit filter, and re-labels its axes in English. Screenshots of the
 * dashboard (both halves, the filter bar), the post-evaluation and the partner evaluation in both languages go to tests/.artifacts/ for review.
 */

/** painted (non-transparent) pixels of the chart's canvas */
function inked(chart: Locator): Promise<number> {
  return chart.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
    const g = c.getContext('2d');
    if (!g) return 0;
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
    return n;
  });
}

/** the rest of the dashboard (ranking and metrics table), scrolled into view */
async function lowerHalf(page: Page, lang: string): Promise<void> {
  const body = page.locator('.analysis-body');
  await body.evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await expect(page.getByTestId('chart-top-bottom')).toBeVisible();
  await expect(page.locator('[data-testid=grid-analysis-metrics] .ag-row').first()).toBeVisible();
  // the members' names in the page's language (fetched again after a switch): Dali's Binchuan County first by code
  await expect(page.getByTestId('grid-analysis-metrics')).toContainText(lang === 'en' ? 'Binchuan County' : '宾川县');
  await page.screenshot({ path: `tests/.artifacts/analysis-dashboard-lower-${lang}.png` });
  await body.evaluate((e) => e.scrollTo(0, 0));
}

async function openFromNav(page: Page, label: string): Promise<void> {
  await page.locator('nav.sidebar .nav-item', { hasText: label }).click();
  await expect(page.locator('.page-head h2')).toHaveText(label);
}

test('the dashboard charts draw, follow the filters and speak both languages', async ({ page }) => {
  // the demo company's year (its documents are dated 2026), whatever today's date: the slice the page keeps for the session
  await page.addInitScript(() => sessionStorage.setItem('ccd.analysis.filter', JSON.stringify({ from: '2026-01', to: '2026-12' })));
  const app = await (await new AppPage(page).open()).signIn('wangfang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await openFromNav(page, '费用效益分析');

  const trend = page.locator('[data-chart=trend]');
  await expect(trend).toHaveAttribute('data-axes', '月份|费用（元）|收入（元）|费用率');
  await expect(trend).toHaveAttribute('data-series', '实际费用|已占用|收入|费用率');
  await expect(trend).toHaveAttribute('data-categories', Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}`).join('|'));
  await expect.poll(() => inked(trend)).toBeGreaterThan(2000);
  const all = Number(await trend.getAttribute('data-sum'));
  expect(all).toBeGreaterThan(0);
  await expect(page.locator('[data-chart=scatter]')).toHaveAttribute('data-axes', '实际费用（元）|收入（元）');
  await expect(page.locator('[data-chart=bva]')).toHaveAttribute('data-axes', /月份\|金额（元）\|执行率/);
  await page.screenshot({ path: 'tests/.artifacts/analysis-dashboard-zh-CN.png' });
  await lowerHalf(page, 'zh-CN');

  // one district (五华区) of the company: part of the cost, so the chart's data changes
  const unit = page.locator('[data-testid=analysis-filter] select[name=subtreeOf]');
  const wuhua = await unit.locator('option', { hasText: '五华区' }).getAttribute('value');
  await unit.selectOption(wuhua!);
  await expect.poll(async () => Number(await trend.getAttribute('data-sum'))).not.toBe(all);
  const branch = Number(await trend.getAttribute('data-sum'));
  expect(branch).toBeGreaterThan(0);
  expect(branch).toBeLessThan(all);
  expect(await inked(trend)).toBeGreaterThan(2000);
  await unit.selectOption({ index: 0 });
  await expect.poll(async () => Number(await trend.getAttribute('data-sum'))).toBe(all);

  await app.switchLanguage('en');
  await expect(app.pageTitle).toHaveText('Cost-benefit analysis');
  await expect(trend).toHaveAttribute('data-axes', 'Month|Cost (¥)|Revenue (¥)|Cost ratio');
  await expect(trend).toHaveAttribute('data-series', 'Actual cost|Committed|Revenue|Cost ratio');
  await expect.poll(() => inked(trend)).toBeGreaterThan(2000);
  expect(Number(await trend.getAttribute('data-sum'))).toBe(all);
  await page.screenshot({ path: 'tests/.artifacts/analysis-dashboard-en.png' });
  // the filter bar's partner field shows its whole placeholder at 1440 px in English
  const partnerField = page.locator('[data-testid=analysis-filter] .partner-filter input');
  await expect(partnerField).toHaveAttribute('placeholder', 'Partner code or name…');
  expect(await partnerField.evaluate((e: HTMLInputElement) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await page.locator('[data-testid=analysis-filter]').screenshot({ path: 'tests/.artifacts/analysis-filter-en.png' });
  await lowerHalf(page, 'en');

  await openFromNav(page, 'Post-evaluation');
  await page.screenshot({ path: 'tests/.artifacts/analysis-post-en.png' });

  await openFromNav(page, 'Partner evaluation');
  await expect(page.getByTestId('score-weights')).toContainText('%');
  await page.screenshot({ path: 'tests/.artifacts/analysis-partners-en.png' });
  await app.switchLanguage('zh-CN');
  await expect(app.pageTitle).toHaveText('渠道评价');
  await page.screenshot({ path: 'tests/.artifacts/analysis-partners-zh-CN.png' });
  await openFromNav(page, '事后评估');
  await page.screenshot({ path: 'tests/.artifacts/analysis-post-zh-CN.png' });
  await openFromNav(page, '费用效益分析');
  await page.locator('[data-testid=analysis-filter]').screenshot({ path: 'tests/.artifacts/analysis-filter-zh-CN.png' });
});
