import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { BudgetPlanPage, BudgetVsActualPage, planAmount } from './pages/budget';
import { ImportWizard } from './pages/importWizard';
import { Api } from './support/api';
import { startServer, type TestServer } from './support/server';
import { bufferOf, readDownload, XLSX_MIME } from './support/xlsx';

/**
 * Budget lines through Excel on the planning page, as wangfang (finance) on an own demo company:
 * Export on the 2026 plan's grid downloads the version's lines in the grid's order (money as yuan
 * numbers with the ¥ format); Import is offered only for an editable version; after a revision
 * the exported file, with one December amount raised, goes through the import wizard opened for
 * that draft — one update, the rest unchanged — and the grid shows the new amount after the commit.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

interface Line {
  lineId: number;
  amounts: number[];
  total: number;
}
const yuan = (f: number) => `¥${(f / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

test('export the plan grid, and import an edited file into a revision', async ({ page, request }) => {
  test.setTimeout(120_000);
  const api = await new Api(request, server.url).signIn('wangfang');
  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.navItems.filter({ hasText: '预算编制' }).click();
  const plan = new BudgetPlanPage(page);
  await expect(plan.versionState(2)).toHaveText('已批准');
  // the row count shows a digit before the version's lines have arrived ("0 行"): wait for them
  await expect.poll(() => plan.count(), { timeout: 15_000 }).toBeGreaterThan(100);
  const count = await plan.count();
  // the approved version can be exported, not imported into
  await expect(plan.root.getByTestId('import-lines')).toBeDisabled();

  const download = page.waitForEvent('download');
  await plan.root.locator('.toolbar button', { hasText: '导出 Excel' }).click();
  const file = await readDownload(await download);
  expect(file.header.slice(0, 5)).toEqual(['ID', '组织', '渠道类型', '费用类型', '合作伙伴']);
  expect(file.header).toContain('12月');
  expect(file.header).toContain('全年合计');
  expect(file.rows).toHaveLength(count);
  const rendered = (await plan.renderedRowIds()).filter((id) => id !== '0'); // not the pinned totals row
  expect(file.rows.slice(0, rendered.length).map((r) => String(r[0]))).toEqual(rendered);
  const dec = file.header.indexOf('12月');
  const first = file.rows[0]!;
  expect(typeof first[dec]).toBe('number');
  expect(file.sheet.getRow(2).getCell(dec + 1).numFmt).toBe('"¥"#,##0.00');

  // a revision (a new draft) can be imported into: December of the first line + ¥1,000.00
  await plan.versionAction('revise', 'Excel');
  await expect(plan.versionState(3)).toHaveText('草稿');
  const importButton = plan.root.getByTestId('import-lines');
  await expect(importButton).toBeEnabled();
  const lineId = Number(first[0]);
  const lines = await api.call<{ rows: Line[] }>('budgetVersions.lines', { versionId: (await draftId(api)), limit: 5000 });
  const line = lines.rows.find((l) => l.lineId === lineId)!;
  const before = line.amounts[11]!;
  file.sheet.getRow(2).getCell(dec + 1).value = (before + 100_000) / 100;
  const edited = await bufferOf(file.workbook);

  await importButton.click();
  const wizard = new ImportWizard(page);
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(wizard.kind.locator('option:checked')).toHaveText('预算行');
  await expect(wizard.root.getByTestId('import-target')).toContainText('v3');
  await wizard.choose({ name: 'budget-2026.xlsx', buffer: edited, mimeType: XLSX_MIME });
  expect(await wizard.counts()).toEqual({ total: count, create: 0, update: 1, unchanged: count - 1, rejected: 0 });
  await page.screenshot({ path: 'tests/.artifacts/budget-import-dry-run-zh-CN.png' });
  await wizard.commit();
  await expect(wizard.result).toBeVisible();
  await expect(wizard.resultSummary).toContainText('更新 1 条');
  await page.getByTestId('import-dialog').getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();

  // the grid loaded the version again: December and the year total (whole yuan in the demo plan)
  await expect(plan.entryMessage).toContainText('已从 Excel 导入');
  await expect(plan.cell(lineId, 'year')).toHaveText(planAmount(line.total + 100_000, false));
  await expect(plan.pending).toBeHidden();
});

async function draftId(api: Api): Promise<number> {
  const plans = await api.call<{ versions: { id: number; state: string }[] }[]>('budgetPlans.list');
  return plans[0]!.versions.find((v) => v.state === 'draft')!.id;
}

test('budget vs actual exports what it shows: grouped headers, amounts as ¥ numbers, the grand total', async ({ page }) => {
  test.setTimeout(90_000);
  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.navItems.filter({ hasText: '预算执行' }).click();
  const bva = new BudgetVsActualPage(page);
  await bva.show({ year: 2026, granularity: 'quarter' });
  const shownTotal = (await bva.grandTotal('2026-Q1', 'allocated').textContent())!.trim();
  expect(shownTotal).toMatch(/^¥[\d,]+\.\d\d$/);
  const rowsShown = await bva.count();

  const download = page.waitForEvent('download');
  await bva.root.locator('.toolbar button', { hasText: '导出 Excel' }).click();
  const file = await readDownload(await download);
  expect(file.header[0]).toBe('分公司');
  // a figure's header is its group's (the quarter) and its own: "<Q1 label> 预算"
  const q1 = file.header.findIndex((h) => h.endsWith(' 预算'));
  expect(q1).toBeGreaterThan(0);
  const quarter = file.header[q1]!.slice(0, -' 预算'.length);
  expect(file.header).toContain(`${quarter} 执行率`);
  // the body rows, then the pinned grand total
  expect(file.rows).toHaveLength(rowsShown + 1);
  const total = file.rows.at(-1)!;
  expect(total[0]).toBe('总计');
  expect(typeof total[q1]).toBe('number');
  expect(yuan(Math.round((total[q1] as number) * 100))).toBe(shownTotal);
  expect(file.sheet.getRow(file.rows.length + 1).getCell(q1 + 1).numFmt).toBe('"¥"#,##0.00');
  const rate = file.header.indexOf(`${quarter} 执行率`);
  expect(file.sheet.getRow(2).getCell(rate + 1).numFmt).toBe('0.00%');
});
