import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { BudgetTransfersPage } from './pages/budget';
import { QueuePage } from './pages/documents';
import { Api } from './support/api';
import { startServer, type TestServer } from './support/server';

/**
 * A budget document decided from the approver's queue (issue 9, point 7): wangfang (finance)
 * submits a transfer of ¥300 from 五华区 to 盘龙区 (终端渠道 / 促销费, this month); its default route
 * ("财务复核（双人）": another finance user) puts it in zhaomin's queue with its budget impact; she
 * approves it with the keyboard (A); the transfer's page then shows it approved and both cells'
 * balances moved. Own demo company.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

const AMOUNT = 30_000;
const yuan = (f: number) => `${f < 0 ? '-' : ''}¥${(Math.abs(f) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

test('a transfer waits in the other finance user’s queue with its impact, is approved with A, and moves the balances', async ({ page, request }) => {
  test.setTimeout(60_000);
  const wang = await new Api(request, server.url).signIn('wangfang');
  const d = new Date();
  const period = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  const units = await wang.call<{ id: number; code: string }[]>('orgUnits.list');
  const idOf = (list: { id: number; code: string }[], code: string) => list.find((x) => x.code === code)!.id;
  const key = { channelTypeId: idOf(await wang.call('channelTypes.list'), 'TERMINAL'), costTypeId: idOf(await wang.call('costTypes.list'), 'PROMO') };
  const from = { ...key, orgUnitId: idOf(units, 'KM-WH'), period };
  const to = { ...key, orgUnitId: idOf(units, 'KM-PL'), period };
  const available = async (cell: typeof from) => (await wang.call<{ available: number }>('budgets.checkAvailability', { cell, amount: 0 })).available;
  const [fromBefore, toBefore] = [await available(from), await available(to)];
  expect(fromBefore).toBeGreaterThan(AMOUNT);
  const t = await wang.call<{ id: number; number: string; state: string }>('budgetTransfers.create', { from, to, amount: AMOUNT, reason: '盘龙区月末促销', submit: true });
  expect(t.state).toBe('submitted');

  // zhaomin's queue: the transfer, its source cell's available before → after
  const app = await (await new AppPage(page, server.url).open()).signIn('zhaomin');
  await app.navItems.filter({ hasText: '待我审批' }).click();
  const queue = new QueuePage(page);
  await expect(queue.row(t.number)).toBeVisible();
  const rowId = (await queue.root.locator('.ag-row', { has: page.locator('.ag-cell[col-id="number"]', { hasText: t.number }) }).first().getAttribute('row-id'))!;
  await expect(queue.cell(rowId, 'impact')).toHaveText(`${yuan(fromBefore)} → ${yuan(fromBefore - AMOUNT)}`);
  await queue.focus(t.number);
  await expect(queue.detail).toContainText('王芳');

  // A approves the focused row; it leaves the queue
  await page.keyboard.press('a');
  await expect(queue.pageMessage).toContainText(`已批准 ${t.number}`);
  await expect(queue.row(t.number)).toHaveCount(0);

  // the transfer's page: approved by zhaomin, both balances moved by the amount
  await app.navItems.filter({ hasText: '预算调拨' }).click();
  const transfers = new BudgetTransfersPage(page);
  await expect(transfers.cell(t.id, 'state')).toHaveText('已批准');
  await transfers.select(t.id, 'number');
  await expect(transfers.detail.getByTestId('detail-from').getByTestId('available-now')).toHaveText(yuan(fromBefore - AMOUNT));
  await expect(transfers.detail.getByTestId('detail-to').getByTestId('available-now')).toHaveText(yuan(toBefore + AMOUNT));
  expect(await wang.call('budgetTransfers.get', { id: t.id })).toMatchObject({ state: 'approved', decidedByName: '赵敏' });
  expect([await available(from), await available(to)]).toEqual([fromBefore - AMOUNT, toBefore + AMOUNT]);
});
