import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { BudgetPlanPage, BudgetTransfersPage, BudgetVsActualPage, planAmount } from './pages/budget';
import { Api } from './support/api';
import { readDownload } from './support/xlsx';
import { startServer, type TestServer } from './support/server';

/**
 * Planning a year by pasting from Excel (issue 3, point 8): wangfang (finance) creates the 2027
 * plan, adds a line and pastes a twelve-month block from the clipboard with real Ctrl+V; the row
 * total follows; an invalid paste is marked and blocks the save until it is undone; she saves
 * and submits; approving her own version is refused; zhaomin (finance) approves; budget vs actual
 * for 2027 shows the pasted sum as allocated, and the drill-down lists its twelve allocations.
 * Own demo company. Screenshots of the 2026 plan grid and budget vs actual in zh-CN for review.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const MONTHS = ['¥12,000.00', '15,500.50', '9800', '10,000', '10000', '10000', '8,000', '8000', '9000', '12000', '11000', '6000.25'];
const fen = (s: string) => Math.round(Number(s.replace(/[¥,]/g, '')) * 100);
const SUM = MONTHS.reduce((a, s) => a + fen(s), 0);
const yuan = (f: number) => `¥${(f / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

interface Plan {
  fiscalYear: number;
  versions: { id: number; state: string; lineCount: number; totalFen: number }[];
}

test('a 2027 plan pasted from Excel, approved by another finance user, shows in budget vs actual', async ({ page, request }) => {
  test.setTimeout(120_000);
  const api = await new Api(request, server.url).signIn('wangfang');
  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.navItems.filter({ hasText: '预算编制' }).click();
  const plan = new BudgetPlanPage(page);
  await plan.createPlan(2027);
  await expect(plan.versionState(1)).toHaveText('草稿');

  await plan.addLine({ orgUnit: '五华区', channelType: '终端渠道', costType: '促销费' });
  await expect(plan.cell(-1, 'm1')).toBeFocused();
  await plan.pasteAt(-1, 'm1', `${MONTHS.join('\t')}\r\n`);
  await expect(plan.entryMessage).toContainText('已粘贴 12 个单元格');
  // grouped yuan, the unit said once; fen where the column has them (¥12,000.00 and 15,500.50 pasted)
  await expect(page.getByTestId('amount-unit')).toHaveText('金额单位：元');
  await expect(plan.cell(-1, 'm1')).toHaveText('12,000');
  await expect(plan.cell(-1, 'm2')).toHaveText('15,500.50');
  await expect(plan.cell(-1, 'year')).toHaveText(planAmount(SUM));
  // arrow keys move like in a spreadsheet; the quarter columns follow the months
  await plan.cell(-1, 'm1').click();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  await expect(plan.cell(-1, 'q1')).toBeFocused();
  await expect(plan.cell(-1, 'q1')).toHaveText(planAmount(fen(MONTHS[0]!) + fen(MONTHS[1]!) + fen(MONTHS[2]!)));
  await expect(plan.root.locator(`.ag-row-pinned .ag-cell[col-id="year"]`)).toHaveText(planAmount(SUM));

  // leaving with unsaved changes asks first
  await app.navItems.filter({ hasText: '预算执行' }).click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('尚未保存');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: '取消' }).click();
  await expect(app.pageTitle).toHaveText('预算编制');

  // an invalid paste: marked with its reason, and nothing is saved
  await plan.addLine({ orgUnit: '盘龙区', channelType: '终端渠道', costType: '促销费' });
  await plan.pasteAt(-2, 'm1', '1000\tabc\t3000\r\n');
  await expect(plan.cell(-2, 'm2')).toHaveClass(/cell-invalid/);
  await expect(plan.cell(-2, 'm2')).toHaveText('abc');
  await expect(plan.invalid).toHaveText('1 个单元格有误');
  await plan.save();
  await expect(plan.issues).toContainText('没有保存任何内容');
  await expect(plan.issues.getByTestId('issue-item')).toHaveText(/^五华区|^盘龙区/);
  let stored = (await api.call<Plan[]>('budgetPlans.list')).find((p) => p.fiscalYear === 2027)!;
  expect(stored.versions[0]!.lineCount).toBe(0);

  // undo takes back the paste (button), then the added line (Ctrl+Z)
  await plan.root.getByTestId('undo').click();
  await expect(plan.cell(-2, 'm2')).not.toHaveClass(/cell-invalid/);
  await expect(plan.invalid).toBeHidden();
  await expect(plan.issues).toBeHidden();
  await plan.cell(-1, 'm3').click();
  await page.keyboard.press('Control+z');
  await expect(plan.root.locator('.ag-row[row-id="-2"]')).toHaveCount(0);

  await plan.save();
  await expect(plan.entryMessage).toContainText('已保存：1 行');
  await expect(plan.entryMessage).toHaveCSS('position', 'fixed'); // a toast over the page, not above the grid
  await expect(plan.pending).toBeHidden();
  await expect(plan.root.getByTestId('save-lines')).toBeDisabled(); // nothing left to save
  stored = (await api.call<Plan[]>('budgetPlans.list')).find((p) => p.fiscalYear === 2027)!;
  expect(stored.versions[0]).toMatchObject({ lineCount: 1, totalFen: SUM });

  await plan.versionAction('submit');
  await expect(plan.versionState(1)).toHaveText('待审批');
  // the submitter is not offered Approve: the route's step shows who decides (another finance user)
  await expect(page.getByTestId('version-route')).toContainText('另一位财务审批');
  await expect(page.getByTestId('version-route')).toContainText('赵敏');
  await expect(page.getByTestId('version-approve')).toHaveCount(0);
  await app.signOut();

  await app.signIn('zhaomin');
  await app.navItems.filter({ hasText: '预算编制' }).click();
  await expect(page.getByTestId('plan-select').locator('option:checked')).toContainText('2027');
  await plan.versionAction('approve', '同意');
  await expect(plan.versionState(1)).toHaveText('已批准');
  await expect(plan.versions.getByTestId('version-1')).toContainText('执行中');

  await app.navItems.filter({ hasText: '预算执行' }).click();
  const bva = new BudgetVsActualPage(page);
  await bva.show({ year: 2027, granularity: 'year' });
  await expect(bva.grandTotal('2027', 'allocated')).toHaveText(yuan(SUM));
  await expect(bva.grandTotal('2027', 'available')).toHaveText(yuan(SUM));
  await bva.grandTotal('2027', 'allocated').click();
  await expect(bva.drill).toBeVisible();
  await expect(bva.drill.getByTestId('drill-count')).toHaveText('共 12 条');
  await expect(bva.drill.locator('tbody tr').first()).toContainText('预算下达');
  await expect(bva.drill.locator('tbody tr').first()).toContainText('2027 v1');
});

interface LineRow {
  lineId: number;
  amounts: number[];
  floors: number[] | null;
  used: number[] | null;
}

test('in English: a cell below its floor is marked before save, the refusal is read and navigated by keyboard', async ({ page, request }) => {
  test.setTimeout(120_000);
  const api = await new Api(request, server.url).signIn('wangfang');
  const plan2026 = (await api.call<(Plan & { id: number })[]>('budgetPlans.list')).find((p) => p.fiscalYear === 2026)!;
  const draft = await api.call<{ id: number; number: number; version: number }>('budgetVersions.revise', { planId: plan2026.id });
  // the first line of the grid whose month has something committed or spent
  const lines = await api.call<{ rows: LineRow[] }>('budgetVersions.lines', { versionId: draft.id, limit: 20 });
  const line = lines.rows.find((r) => r.floors?.some((f) => f > 0));
  if (!line) throw new Error('the demo 2026 plan has no committed or spent cell in its first lines');
  const m = line.floors!.findIndex((f) => f > 0);
  const col = `m${m + 1}`;

  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.switchLanguage('en');
  await app.navItems.filter({ hasText: 'Budget planning' }).click();
  const plan = new BudgetPlanPage(page);
  await plan.selectPlan(2026);
  await expect(plan.versionState(draft.number)).toHaveText('Draft');
  await expect(plan.rowCount).toHaveText(/^\d+ lines$/); // budget pages count lines, as their totals do
  await expect(plan.root.getByTestId('save-lines')).toBeDisabled();
  // the floor view shows what cannot be planned away before anything is typed
  await plan.root.getByTestId('show-floors').click();
  await expect(plan.cell(line.lineId, col).getByTestId('floor')).toHaveText(`floor ${planAmount(line.floors![m]!)}`);
  await page.screenshot({ path: 'tests/.artifacts/budget-plan-floors-en.png' });

  // typed below it: marked at once, counted, explained in the status line when the cell has the focus
  await plan.typeInto(line.lineId, col, '0');
  await expect(plan.cell(line.lineId, col)).toHaveClass(/cell-invalid/);
  await expect(plan.invalid).toHaveText('1 invalid cell');
  await expect(plan.focusedIssue).toBeHidden(); // Enter moved the focus down
  await page.keyboard.press('ArrowUp');
  await expect(plan.focusedIssue).toContainText(` · ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m]}: `);
  await expect(plan.focusedIssue).toContainText(`Below the floor of ${yuan(line.floors![m]!)}`);

  // the save is refused by the core: the list names line, month and the figure, nothing is saved
  await plan.save();
  await expect(plan.issues).toContainText('Not saved: 1 cell needs a change');
  const item = plan.issues.getByTestId('issue-item');
  await expect(item).toContainText(`Cannot be below the ${yuan(line.used![m]!)} already committed and spent`);
  await page.screenshot({ path: 'tests/.artifacts/budget-plan-refused-en.png' });
  // by keyboard: F8 from elsewhere in the grid, and Enter on the listed entry
  await plan.cell(line.lineId, 'year').click();
  await page.keyboard.press('F8');
  await expect(plan.cell(line.lineId, col)).toBeFocused();
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(plan.cell(line.lineId, col)).toBeFocused();
  // raised to the floor: the mark, the count and the list go
  await plan.typeInto(line.lineId, col, String(line.floors![m]! / 100));
  await expect(plan.cell(line.lineId, col)).not.toHaveClass(/cell-invalid/);
  await expect(plan.issues).toBeHidden();
  await expect(plan.invalid).toBeHidden();
  // discard, confirmed with Ctrl+Enter
  await plan.root.getByTestId('discard').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('confirm-dialog')).toBeHidden();
  await expect(plan.pending).toBeHidden();
  // leave the demo plan as it was for the next test
  const v = await api.call<{ version: number }>('budgetVersions.get', { id: draft.id });
  await api.call('budgetVersions.cancel', { id: draft.id, version: v.version, comment: '' });
  await app.switchLanguage('zh-CN'); // the choice is saved for wangfang: the next tests read Chinese
});

test('at 1440 px the plan grid shows twelve months and the year beside its keys in 中文 and English; the partner column collapses, and a paste still lands in its columns', async ({ page, request }) => {
  test.setTimeout(120_000);
  const api = await new Api(request, server.url).signIn('wangfang');
  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.navItems.filter({ hasText: '预算编制' }).click();
  const plan = new BudgetPlanPage(page);
  await plan.selectPlan(2026);
  await expect(plan.rowCount).toHaveText('702 行');
  const fits = { decemberInside: true, yearInside: true, scrolled: 0, cutHeaders: [], cutTotals: [] };
  // the demo plan has partner lines: the column is shown; collapsed, the twelve months and the year fit
  await expect(plan.partnerToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(plan.root.locator('.ag-header-cell[col-id="partnerId"]')).toHaveCount(1);
  await plan.partnerToggle.click();
  await expect(plan.partnerToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(plan.root.locator('.ag-header-cell[col-id="partnerId"]')).toHaveCount(0);
  await expect.poll(() => plan.fit()).toEqual(fits);
  await page.screenshot({ path: 'tests/.artifacts/budget-plan-1440-zh-CN.png' });
  await app.switchLanguage('en');
  await expect(plan.rowCount).toHaveText('702 lines');
  await expect(page.getByTestId('amount-unit')).toHaveText('Amounts in yuan (¥)');
  await expect(plan.partnerToggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => plan.fit()).toEqual(fits);
  await page.screenshot({ path: 'tests/.artifacts/budget-plan-1440-en.png' });
  // shown again, it takes its room back (the months then scroll)
  await plan.partnerToggle.click();
  await expect(plan.root.locator('.ag-header-cell[col-id="partnerId"]')).toHaveCount(1);
  await app.switchLanguage('zh-CN');

  // a new plan has no partner line: the column starts collapsed; a block with keys, partner and
  // twelve months pasted at the org unit column lands as in the Excel template, and shows the column
  const [partner] = (await api.call<{ rows: { code: string }[] }>('partners.list', { limit: 1 })).rows;
  await plan.createPlan(2029);
  await expect(plan.partnerToggle).toHaveAttribute('aria-pressed', 'false');
  await plan.addLine({ orgUnit: '五华区', channelType: '终端渠道', costType: '促销费' });
  const months = (k: number) => Array.from({ length: 12 }, (_, m) => String((m + 1) * k)).join('\t');
  await plan.pasteAt(-1, 'orgUnitId', `五华区\t终端渠道\t促销费\t\t${months(100)}\r\n盘龙区\t终端渠道\t返利\t${partner!.code}\t${months(10)}\r\n`);
  await expect(plan.entryMessage).toContainText('按含“合作伙伴”列的列序粘贴');
  await expect(plan.entryMessage).toContainText('已显示合作伙伴列');
  await expect(plan.partnerToggle).toHaveAttribute('aria-pressed', 'true');
  await expect(plan.cell(-1, 'm1')).toHaveText('100');
  await expect(plan.cell(-1, 'm12')).toHaveText('1,200');
  await expect(plan.cell(-2, 'orgUnitId')).toHaveText('盘龙区');
  await expect(plan.cell(-2, 'costTypeId')).toHaveText('返利');
  await expect(plan.cell(-2, 'partnerId')).toContainText(partner!.code);
  await expect(plan.cell(-2, 'm1')).toHaveText('10');
  await expect(plan.cell(-2, 'm12')).toHaveText('120');
  await expect(plan.invalid).toBeHidden();
  // collapsed by hand: a paste over the keys still counts the column (a blank partner keeps it collapsed)
  await plan.partnerToggle.click();
  await expect(plan.root.locator('.ag-header-cell[col-id="partnerId"]')).toHaveCount(0);
  await plan.pasteAt(-1, 'channelTypeId', `业务渠道\t活动费\t\t7\r\n`);
  await expect(plan.cell(-1, 'costTypeId')).toHaveText('活动费');
  await expect(plan.cell(-1, 'm1')).toHaveText('7');
  await expect(plan.partnerToggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => plan.fit()).toEqual(fits);
  await plan.root.getByTestId('discard').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(plan.pending).toBeHidden();
  // the empty 2029 draft is voided: the next tests see the plans as they were
  const draft = (await api.call<(Plan & { id: number })[]>('budgetPlans.list')).find((p) => p.fiscalYear === 2029)!.versions[0]!;
  const v = await api.call<{ version: number }>('budgetVersions.get', { id: draft.id });
  await api.call('budgetVersions.cancel', { id: draft.id, version: v.version, comment: '' });
});

test('a transfer found by words in any order, saved and submitted at once, shows both cells with their balances; a draft is edited and deleted', async ({ page, request }) => {
  test.setTimeout(120_000);
  const api = await new Api(request, server.url).signIn('wangfang');
  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.navItems.filter({ hasText: '预算调拨' }).click();
  const grid = new BudgetTransfersPage(page);
  await grid.create.click();
  const d = page.getByTestId('create-transfer');
  const month = String(new Date().getMonth() + 1);
  await expect(d.locator('select[name=fromMonth]')).toHaveValue(month);
  await expect(d.locator('select[name=toMonth]')).toHaveValue(month);
  await d.locator('input[name=fromSearch]').fill('促销 五华　终端');
  await expect(d.locator('select[name=fromLine] option:checked')).toHaveText('五华区 / 终端渠道 / 促销费');
  await d.locator('input[name=toSearch]').fill('盘龙 促销 终端');
  await expect(d.locator('select[name=toLine] option:checked')).toHaveText('盘龙区 / 终端渠道 / 促销费');
  await expect(d.getByTestId('available-from')).toContainText('可用余额');
  await d.locator('input[name=amount]').fill('100');
  await d.locator('textarea[name=reason]').fill('盘龙区年末促销');
  await page.screenshot({ path: 'tests/.artifacts/transfer-dialog-zh-CN.png' });
  await d.getByTestId('save-submit').click();
  await expect(d).toBeHidden();
  await expect(app.pageMessage).toContainText('已保存并提交调拨 BT-2026-');
  const [made] = await api.call<{ id: number; state: string; number: string }[]>('budgetTransfers.list', { fiscalYear: 2026 });
  expect(made!.state).toBe('submitted');

  // its page: from and to, the amount, both balances now and after approval
  await grid.select(made!.id, 'number');
  await expect(grid.detail.getByTestId('detail-amount')).toContainText('¥100.00');
  await expect(grid.detail.getByTestId('detail-from')).toContainText(`五华区 / 终端渠道 / 促销费 · 2026 ${month}月`);
  await expect(grid.detail.getByTestId('detail-to')).toContainText('盘龙区 / 终端渠道 / 促销费');
  const fromNow = fen((await grid.detail.getByTestId('detail-from').getByTestId('available-now').textContent()) ?? '');
  await expect(grid.detail.getByTestId('detail-from').getByTestId('available-after')).toHaveText(yuan(fromNow - 10_000));
  const toNow = fen((await grid.detail.getByTestId('detail-to').getByTestId('available-now').textContent()) ?? '');
  await expect(grid.detail.getByTestId('detail-to').getByTestId('available-after')).toHaveText(yuan(toNow + 10_000));
  await page.screenshot({ path: 'tests/.artifacts/transfers-zh-CN.png' });

  // a draft (Ctrl+Enter saves it), edited, then deleted: gone from the list unless asked for
  await grid.create.click();
  await d.locator('input[name=fromSearch]').fill('五华 终端 促销');
  await d.locator('input[name=toSearch]').fill('盘龙 终端 促销');
  await d.locator('input[name=amount]').fill('50');
  await d.locator('textarea[name=reason]').fill('草稿');
  await page.keyboard.press('Control+Enter');
  await expect(d).toBeHidden();
  const [draft] = await api.call<{ id: number; state: string; amount: number }[]>('budgetTransfers.list', { fiscalYear: 2026 });
  expect(draft!.state).toBe('draft');
  await grid.select(draft!.id, 'number');
  await grid.root.getByTestId('transfer-edit').click();
  await expect(d.locator('input[name=amount]')).toHaveValue('50.00');
  await d.locator('input[name=amount]').fill('60');
  await d.locator('button[type=submit]').click();
  await expect(d).toBeHidden();
  await expect(grid.cell(draft!.id, 'amount')).toHaveText('¥60.00');
  await grid.root.getByTestId('transfer-cancel').click();
  await expect(page.getByTestId('reason-dialog')).toContainText('删除草稿');
  await page.getByTestId('reason-dialog').locator('button[type=submit]').click();
  await expect(grid.root.locator(`.ag-row[row-id="${draft!.id}"]`)).toHaveCount(0);
  await grid.root.locator('input[name=showDeleted]').check();
  await expect(grid.cell(draft!.id, 'state')).toHaveText('已作废');

  await app.switchLanguage('en');
  await grid.select(made!.id, 'number');
  await expect(grid.detail).toContainText('Available after approval');
  await page.screenshot({ path: 'tests/.artifacts/transfers-en.png' });
  await app.switchLanguage('zh-CN');
});

test('the 2026 plan grid and budget vs actual in 中文, for review', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await (await new AppPage(page, server.url).open()).signIn('wangfang');
  await app.navItems.filter({ hasText: '预算编制' }).click();
  const plan = new BudgetPlanPage(page);
  await plan.selectPlan(2026);
  await expect(plan.rowCount).toHaveText('702 行');
  await expect(plan.root.locator('.ag-row-pinned .ag-cell[col-id="year"]')).not.toBeEmpty();
  await page.screenshot({ path: 'tests/.artifacts/budget-plan-zh-CN.png' });

  await app.navItems.filter({ hasText: '预算执行' }).click();
  const bva = new BudgetVsActualPage(page);
  await bva.show({ year: 2026, granularity: 'quarter' });
  await expect(bva.grandTotal('2026-Q1', 'allocated')).not.toBeEmpty();
  await expect(bva.root.locator('.over-tag, .over-cells').first()).toBeVisible();
  await page.screenshot({ path: 'tests/.artifacts/budget-vs-actual-zh-CN.png' });

  // over-budget cells: line × month, only the rows that are or contain them
  await bva.setDimensions(['组织', '渠道类型', '费用类型']);
  await bva.show({ granularity: 'month' });
  await bva.onlyOverBudget();
  // the first over cell in view (columns further right are rendered off screen)
  const over = bva.root.locator('.ag-cell.cell-over').filter({ visible: true }).first();
  await expect(over).toBeVisible();
  await expect(over.locator('.over-tag')).toHaveText('超支');
  // every row shown has an over cell; the focused one says why it is marked
  const shownRows = await bva.root.locator('.ag-center-cols-container .ag-row').count();
  expect(await bva.root.locator('.ag-center-cols-container .ag-row:has(.cell-over, .over-cells)').count()).toBe(shownRows);
  await over.click();
  await expect(page.getByTestId('bva-status')).toContainText('已占用与已发生超出预算，超支 ¥');
  await page.keyboard.press('Escape');
  await expect(bva.drill).toBeHidden();
  await page.screenshot({ path: 'tests/.artifacts/budget-vs-actual-over-zh-CN.png' });
  await bva.onlyOverBudget(false);
  await bva.setDimensions(['分公司', '费用类型']);

  // the year as a whole, and the entries behind one figure
  await bva.show({ granularity: 'year' });
  const figure = bva.root.locator('.ag-row[row-id="2"] .ag-cell[col-id="2026|actual"]');
  await figure.click();
  await expect(bva.drill.getByTestId('drill-count')).toHaveText(/共 \d+ 条/);
  // the pane's total is the figure clicked (over all entries, not the first page), dates newest first, each entry's line named
  await expect(bva.drill.getByTestId('drill-total')).toHaveText(`合计实际发生：${(await figure.textContent())!.trim()}`);
  const days = await bva.drill.locator('tbody tr td:first-child').allTextContents();
  expect(days.length).toBeGreaterThan(1);
  expect([...days].sort().reverse()).toEqual(days);
  await expect(bva.drill.getByTestId('drill-line').first()).toHaveText(/ \/ .+ \/ /);
  await page.screenshot({ path: 'tests/.artifacts/budget-vs-actual-drill-zh-CN.png' });
  const download = page.waitForEvent('download');
  await bva.drill.getByTestId('drill-export').click();
  const file = await readDownload(await download);
  expect(file.header).toEqual(['时间', '类型', '金额', '期间', '预算行', '来源单据', '记账人', '备注']);
  const count = Number((await bva.drill.getByTestId('drill-count').textContent())!.replace(/\D/g, ''));
  expect(file.rows).toHaveLength(count + 1);
  expect(file.rows.at(-1)!.slice(1, 3)).toEqual(['合计实际发生', fen((await figure.textContent())!.trim()) / 100]);
  // Esc closes the pane and gives the focus back to the figure
  await page.keyboard.press('Escape');
  await expect(bva.drill).toBeHidden();
  await expect(figure).toBeFocused();
});
