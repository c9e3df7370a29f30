import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * The money path end to end through the API on a real SQLite file: request → route (county
 * manager, then the branch above ¥10,000) → commitment → claim with proof → approval → payment
 * (actual, commitment consumed) → the request closes and releases the rest.
 */
let core: TestCore;
let zhang: Caller;
let zhou: Caller;
let lina: Caller;
let wang: Caller;
const NOW = new Date('2026-06-10T02:00:00Z');
const db = () => core.env.db.$client;
const one = <T>(sql: string, ...p: unknown[]) => db().prepare(sql).pluck().get(...p) as T;

beforeAll(async () => {
  core = await freshCore({ demo: true, now: () => NOW });
  [zhang, zhou, lina, wang] = await Promise.all([core.as('zhangwei'), core.as('zhouqiang'), core.as('lina'), core.as('wangfang')]);
});
afterAll(() => core.dispose());

function wuhuaPartner() {
  return db()
    .prepare(
      `SELECT p.id, p.channel_type_id AS channelTypeId FROM partners p JOIN org_units o ON o.id = p.org_unit_id
       WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%' AND p.active = 1 AND p.status = 'cooperating' ORDER BY p.id LIMIT 1`,
    )
    .get() as { id: number; channelTypeId: number };
}
const costType = (code: string) => one<number>('SELECT id FROM cost_types WHERE code = ?', code);
const ledgerSum = (kind: string, type: string, id: number) =>
  one<number>(`SELECT coalesce(sum(amount), 0) FROM budget_ledger WHERE kind = ? AND against_type = ? AND against_id = ?`, kind, type, id);

async function expectCode(p: Promise<unknown>, code: string) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  expect((e as ApiError).code).toBe(code);
  return e as ApiError;
}

describe('request → approval → claim → payment', () => {
  it('takes a ¥12,000 request through two steps, commits it, claims it with a photo and pays it', async () => {
    const p = wuhuaPartner();
    const promo = costType('PROMO');
    const preview = await zhang('costRequests.budgetPreview', { partnerId: p.id, costTypeId: promo, activityStart: '2026-06-20', activityEnd: '2026-07-10', amount: 1_200_000 });
    expect(preview.line).not.toBeNull();
    expect(preview.months.map((m) => m.period)).toEqual(['2026-06', '2026-07']);
    expect(preview.months.reduce((s, m) => s + m.amount, 0)).toBe(1_200_000);

    const draft = await zhang('costRequests.create', {
      partnerId: p.id, costTypeId: promo, title: '暑期促销', activityStart: '2026-06-20', activityEnd: '2026-07-10', amount: 1_200_000,
      expectedRevenue: 5_000_000, promises: [{ text: '陈列奖励', amount: 50_000 }],
    });
    expect(draft.number).toMatch(/^SQ-2026-\d{6}$/);
    expect(draft.status).toBe('draft');
    const sub = await zhang('costRequests.submit', { id: draft.id, version: draft.version });
    expect(sub.status).toBe('submitted');
    expect(sub.postHoc).toBe(false);

    // zhangwei cannot approve his own request, and lina is not the first step
    await expectCode(zhang('approvals.act', { docType: 'cost_request', docId: sub.id, version: sub.version, action: 'approve' }), 'not_your_turn');
    await expectCode(lina('approvals.act', { docType: 'cost_request', docId: sub.id, version: sub.version, action: 'approve' }), 'not_your_turn');
    const q = await zhou('approvals.queue', {});
    const item = q.rows.find((r) => r.docId === sub.id)!;
    expect(item).toBeTruthy();
    expect(item.impact).not.toBeNull();
    const s1 = await zhou('approvals.act', { docType: 'cost_request', docId: sub.id, version: item.docVersion, action: 'approve', comment: '同意' });
    expect(s1.state).toBe('submitted');
    expect(s1.stepIndex).toBe(1);
    expect(ledgerSum('commitment', 'cost_request', sub.id)).toBe(0);
    // a stale version is a conflict
    await expectCode(lina('approvals.act', { docType: 'cost_request', docId: sub.id, version: item.docVersion, action: 'approve' }), 'conflict');
    const s2 = await lina('approvals.act', { docType: 'cost_request', docId: sub.id, version: s1.version, action: 'approve', confirmWarn: true });
    expect(s2.state).toBe('approved');
    expect(ledgerSum('commitment', 'cost_request', sub.id)).toBe(1_200_000);
    const approved = await zhang('costRequests.get', { id: sub.id });
    expect(approved.status).toBe('open');

    // claim with a proof (a PNG by content), then through the route
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const claim = await zhang('claims.create', {
      requestId: sub.id, title: '暑期促销核销',
      lines: [{ invoiceType: 'e_invoice', invoiceNumber: '24532000000012345678', invoiceDate: '2026-07-12', amount: 1_000_000, tax: 56_604 }],
    });
    expect(claim.amount).toBe(1_000_000);
    await expectCode(zhang('claims.submit', { id: claim.id, version: claim.version }), 'proof_required');
    const file = await zhang('files.put', { name: 'photo.png', dataBase64: png.toString('base64') });
    await zhang('attachments.add', { docType: 'claim', docId: claim.id, fileId: file.fileId });
    const fake = await zhang('files.put', { name: 'fake.png', dataBase64: Buffer.from('not an image').toString('base64') });
    await expectCode(zhang('attachments.add', { docType: 'claim', docId: claim.id, fileId: fake.fileId }), 'file_type_refused');
    const c1 = await zhang('claims.get', { id: claim.id });
    const cs = await zhang('claims.submit', { id: claim.id, version: c1.version });
    expect(cs.status).toBe('submitted');
    const a1 = await zhou('approvals.act', { docType: 'claim', docId: claim.id, version: cs.version, action: 'approve' });
    const a2 = await lina('approvals.act', { docType: 'claim', docId: claim.id, version: a1.version, action: 'approve' });
    expect(a2.state).toBe('approved');
    const req = await zhang('costRequests.get', { id: sub.id });
    expect(req.status).toBe('partly_claimed');
    expect(req.claimedAmount).toBe(1_000_000);

    // finance pays 9,000 of 10,000 approved (reason), then the rest; actual posted, commitment consumed
    const c2 = await wang('claims.get', { id: claim.id });
    await expectCode(wang('payments.create', { claimId: claim.id, version: c2.version, amount: 900_000, approvedAmount: 950_000, method: 'bank_transfer', paidOn: '2026-07-20' }), 'validation');
    const paid1 = await wang('payments.create', { claimId: claim.id, version: c2.version, amount: 900_000, method: 'bank_transfer', reference: 'TX1', paidOn: '2026-07-20' });
    expect(paid1.status).toBe('partly_paid');
    expect(ledgerSum('actual', 'cost_request', sub.id)).toBe(900_000);
    const paid2 = await wang('payments.create', { claimId: claim.id, version: paid1.version, amount: 100_000, method: 'bank_transfer', reference: 'TX2', paidOn: '2026-07-21' });
    expect(paid2.status).toBe('paid');
    expect(ledgerSum('actual', 'cost_request', sub.id)).toBe(1_000_000);
    // commitment held = 1,200,000 − consumed 1,000,000 while the request stays open
    expect(ledgerSum('commitment', 'cost_request', sub.id) + ledgerSum('release', 'cost_request', sub.id)).toBe(200_000);

    // closing releases the rest
    const open = await zhang('costRequests.get', { id: sub.id });
    const closed = await zhang('costRequests.close', { id: sub.id, version: open.version, comment: '活动结束' });
    expect(closed.status).toBe('closed');
    expect(ledgerSum('commitment', 'cost_request', sub.id) + ledgerSum('release', 'cost_request', sub.id)).toBe(0);

    const verify = await (await core.as('admin'))('history.verify', {});
    expect(verify.ok).toBe(true);
  });

  it('refuses to submit a request whose key has no budget line anywhere up the tree, naming it', async () => {
    const p = wuhuaPartner();
    const e = await (async () => {
      const d = await zhang('costRequests.create', { partnerId: p.id, costTypeId: costType('PROMO'), title: '明年活动', activityStart: '2027-03-01', activityEnd: '2027-03-05', amount: 10_000 });
      return expectCode(zhang('costRequests.submit', { id: d.id, version: d.version }), 'no_budget_line');
    })();
    expect(String(e.params?.periods)).toContain('2027-03');
  });
});
