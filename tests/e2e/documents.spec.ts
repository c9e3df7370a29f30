import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { DocumentPage, QueuePage } from './pages/documents';
import { GridModel } from './pages/GridModel';
import { Api } from './support/api';
import { startServer, type TestServer } from './support/server';

/**
 * The money path across four users (issues 8 and 9): zhangwei applies for ¥10,000 and sees the
 * line's balance; the county manager (zhouqiang) and the branch approver (lina) approve through
 * their queues with the keyboard; budget vs actual shows the commitment; zhangwei claims with a
 * photo; both approve again; wangfang pays; budget vs actual shows the actual. Own demo company.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer({ demo: true });
});
test.afterAll(async () => {
  await server?.stop();
});

const AMOUNT = 1_000_000; // ¥10,000.00: at the two-level route's threshold
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
// 1×1 PNG
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

interface Preview {
  line: { id: number; orgUnitId: number } | null;
  result: string;
  allocated: number;
  committed: number;
  actual: number;
  available: number;
}
interface Bva {
  grandTotal: { total: { committed: number; actual: number } };
}

async function approveInQueue(app: AppPage, user: string, number: string) {
  await app.signIn(user);
  await app.navItems.filter({ hasText: '待我审批' }).click();
  const queue = new QueuePage(app.page);
  await expect(queue.row(number)).toBeVisible();
  await queue.focus(number);
  await expect(queue.detail.getByTestId('act-approve')).toHaveAttribute('title', /A/);
  await app.page.keyboard.press('a');
  await expect(queue.pageMessage).toContainText(`已批准 ${number}`);
  await expect(queue.row(number)).toHaveCount(0);
  await app.signOut();
}

test('request, keyboard approvals, claim with a photo, payment; budget vs actual follows', async ({ page, request }) => {
  test.setTimeout(180_000);
  const zhang = await new Api(request, server.url).signIn('zhangwei');
  const day = today();

  // a cost type whose line can take ¥10,000 for partner P000001 this month
  const partner = (await zhang.call<{ rows: { id: number; code: string; channelTypeId: number }[] }>('partners.list', { quick: 'P000001', limit: 1 })).rows[0]!;
  const costTypes = await zhang.call<{ id: number; code: string; nameZh: string; requiresPreapproval: boolean }[]>('costTypes.list', {});
  let chosen: { costType: (typeof costTypes)[number]; preview: Preview } | null = null;
  for (const code of ['PROMO', 'ADV', 'DISPLAY', 'EVENT', 'TRAINING']) {
    const costType = costTypes.find((c) => c.code === code)!;
    const preview = await zhang.call<Preview>('costRequests.budgetPreview', { partnerId: partner.id, costTypeId: costType.id, activityStart: day, activityEnd: day, amount: AMOUNT });
    if (preview.line && preview.result === 'ok') {
      chosen = { costType, preview };
      break;
    }
  }
  expect(chosen, 'a budget line with room for ¥10,000').not.toBeNull();
  const { costType, preview } = chosen!;
  const bvaInput = { fiscalYear: Number(day.slice(0, 4)), granularity: 'year', filter: { orgUnit: [preview.line!.orgUnitId], costType: [costType.id], channelType: [partner.channelTypeId] } };
  const before = (await zhang.call<Bva>('budgets.vsActual', bvaInput)).grandTotal.total;

  // zhangwei applies; the budget box shows the line's balance and what the request leaves
  const app = await (await new AppPage(page, server.url).open()).signIn('zhangwei');
  await expect(app.pageTitle).toHaveText('工作台');
  await app.navItems.filter({ hasText: '费用申请' }).click();
  await new GridModel(page, 'cost-requests').addButton.click();
  const doc = new DocumentPage(page);
  await doc.pickPartner(partner.code);
  await doc.field('costTypeId').selectOption({ label: costType.nameZh });
  await doc.field('title').fill('五华城东门店年末促销');
  await doc.field('activityStart').fill(day);
  await doc.field('activityEnd').fill(day);
  await doc.field('amount').fill('10,000');
  await expect(doc.budget.getByTestId('bb-available')).toHaveText(yuan(preview.available));
  await expect(doc.budget.getByTestId('bb-after')).toHaveText(yuan(preview.available - AMOUNT));
  await expect(doc.budget).toHaveAttribute('data-result', 'ok');
  await page.screenshot({ path: 'tests/.artifacts/request-draft-zh-CN.png' });
  const number = await doc.save();
  await expect(doc.message).toContainText(number);
  await doc.submit();
  await expect(page.getByTestId('route-progress')).toContainText('周强');
  await app.signOut();

  // the county manager, then the branch approver, approve from their queues with the keyboard
  await approveInQueue(app, 'zhouqiang', number);
  await approveInQueue(app, 'lina', number);
  const committed = (await zhang.call<Bva>('budgets.vsActual', bvaInput)).grandTotal.total;
  expect(committed.committed - before.committed).toBe(AMOUNT);
  expect(committed.actual).toBe(before.actual);

  // zhangwei claims with one invoice line and a photo
  await app.signIn('zhangwei');
  await app.navItems.filter({ hasText: '费用申请' }).click();
  const list = new GridModel(page, 'cost-requests');
  await list.search(number);
  await list.root.locator('.ag-cell[col-id="number"]', { hasText: number }).dblclick();
  await expect(doc.status()).toHaveAttribute('data-status', 'open');
  await page.getByTestId('doc-claim').click();
  await expect(doc.field('title')).toHaveValue('五华城东门店年末促销');
  await doc.lines.typeInto(1, 'invoiceNumber', '24532000000012345678');
  await doc.lines.typeInto(1, 'invoiceDate', day);
  await doc.lines.typeInto(1, 'amount', '10000');
  await doc.lines.typeInto(1, 'tax', '566.04');
  await expect(page.getByTestId('lines-total')).toHaveText('¥10,000.00');
  const claimNumber = await doc.save();
  await page.getByTestId('attachment-input').setInputFiles({ name: 'shop-photo.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.getByTestId('attachment')).toHaveCount(1);
  await expect(page.getByTestId('attachment').locator('img')).toBeVisible();
  await page.screenshot({ path: 'tests/.artifacts/claim-draft-zh-CN.png' });
  await doc.submit();
  await app.signOut();

  await approveInQueue(app, 'zhouqiang', claimNumber);
  await approveInQueue(app, 'lina', claimNumber);

  // wangfang pays it from the claims to pay
  await app.signIn('wangfang');
  await app.navItems.filter({ hasText: '费用核销' }).click();
  const claims = new GridModel(page, 'claims');
  await claims.search(claimNumber);
  await claims.root.locator('.ag-cell[col-id="number"]', { hasText: claimNumber }).click();
  // ticked with Space, it goes on a payment list for treasury
  await page.keyboard.press('Space');
  await expect(page.getByTestId('export-pay-list')).toContainText('(1)');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-pay-list').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByTestId('open-pay').click();
  const pay = page.getByTestId('pay-dialog');
  await expect(pay.locator('input[name=amount]')).toHaveValue('10,000.00');
  await pay.locator('input[name=reference]').fill('TRX-20261205-01');
  await page.screenshot({ path: 'tests/.artifacts/pay-zh-CN.png' });
  await pay.locator('button[type=submit]').click();
  await expect(page.getByTestId('page-message')).toContainText(`已登记付款 ${claimNumber}`);
  const paid = (await zhang.call<Bva>('budgets.vsActual', bvaInput)).grandTotal.total;
  expect(paid.actual - before.actual).toBe(AMOUNT);
  expect(paid.committed).toBe(before.committed);
});
