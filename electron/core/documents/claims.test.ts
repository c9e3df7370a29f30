import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';

/** Claim rules (issue 8 point 4), request life after approval (cancel, expiry) and the ledger they leave. */
let core: TestCore;
let zhang: Caller;
let zhou: Caller;
let lina: Caller;
let wang: Caller;
let now = new Date('2026-06-10T02:00:00Z');
const db = () => core.env.db.$client;
const one = <T>(sql: string, ...p: unknown[]) => db().prepare(sql).pluck().get(...p) as T;

beforeAll(async () => {
  core = await freshCore({ demo: true, now: () => now });
  [zhang, zhou, lina, wang] = await Promise.all([core.as('zhangwei'), core.as('zhouqiang'), core.as('lina'), core.as('wangfang')]);
});
afterAll(() => core.dispose());

const partner = () =>
  one<number>(
    `SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%'
     AND p.active = 1 AND p.status = 'cooperating' ORDER BY p.id LIMIT 1`,
  );
const costType = (code: string) => one<number>('SELECT id FROM cost_types WHERE code = ?', code);
const held = (type: string, id: number) => one<number>(`SELECT coalesce(sum(amount), 0) FROM budget_ledger WHERE against_type = ? AND against_id = ? AND kind IN ('commitment','release')`, type, id);

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e.code;
}

async function approvedRequest(amount: number, month = '10') {
  const d = await zhang('costRequests.create', { partnerId: partner(), costTypeId: costType('PROMO'), title: '活动', activityStart: `2026-${month}-01`, activityEnd: `2026-${month}-05`, amount });
  const s = await zhang('costRequests.submit', { id: d.id, version: d.version });
  const a = await zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: s.version, action: 'approve', confirmWarn: true });
  const b = a.state === 'approved' ? a : await lina('approvals.act', { docType: 'cost_request', docId: s.id, version: a.version, action: 'approve', confirmWarn: true });
  expect(b.state).toBe('approved');
  return zhang('costRequests.get', { id: s.id });
}

async function attach(claimId: number, bytes: Buffer, name = 'p.pdf') {
  const f = await zhang('files.put', { name, dataBase64: bytes.toString('base64') });
  return zhang('attachments.add', { docType: 'claim', docId: claimId, fileId: f.fileId });
}
const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n`);

describe('claims', () => {
  it('checks invoice fields by type and reports every problem of every line at once', async () => {
    const r = await approvedRequest(300_000);
    const e = await zhang('claims.create', {
      requestId: r.id, title: 'x',
      lines: [
        { invoiceType: 'e_invoice', invoiceCode: '1234567890', invoiceNumber: '123', amount: 1000, tax: 0 },
        { invoiceType: 'vat_special', invoiceCode: '12345', invoiceNumber: '12345678', amount: 1000, tax: 2000 },
        { invoiceType: 'none', invoiceNumber: '1', amount: 1000, tax: 0 },
      ],
    }).then(() => null, (x: ApiError) => x);
    expect(e?.code).toBe('validation');
    expect((e?.details as { path: string }[]).map((i) => i.path).sort()).toEqual(['lines.0.invoiceCode', 'lines.0.invoiceNumber', 'lines.1.invoiceCode', 'lines.1.tax', 'lines.2.invoiceNumber']);
    expect(one<number>('SELECT count(*) FROM claims WHERE request_id = ?', r.id)).toBe(0);
  });

  it('flags a duplicate invoice and a duplicate file anywhere in the company; submitting them needs a reason', async () => {
    const a = await approvedRequest(200_000, '11');
    const b = await approvedRequest(200_000, '11');
    const inv = { invoiceType: 'vat_general' as const, invoiceCode: '053002200111', invoiceNumber: '00123456', amount: 100_000, tax: 1_000 };
    const c1 = await zhang('claims.create', { requestId: a.id, title: '一', lines: [inv] });
    await attach(c1.id, pdf('same file'));
    const s1 = await zhang('claims.submit', { id: c1.id, version: (await zhang('claims.get', { id: c1.id })).version });
    expect(s1.flags.duplicateInvoice).toBe(false);
    const c2 = await zhang('claims.create', { requestId: b.id, title: '二', lines: [inv] });
    const att = await attach(c2.id, pdf('same file'));
    expect(att.duplicates.map((d) => d.number)).toEqual([c1.number]);
    const got = await zhang('claims.get', { id: c2.id });
    expect(got.flags).toMatchObject({ duplicateInvoice: true, duplicateFile: true });
    expect(got.lines[0]!.duplicates.map((d) => d.number)).toEqual([c1.number]);
    expect(await code(zhang('claims.submit', { id: c2.id, version: got.version }))).toBe('duplicate_needs_reason');
    const s2 = await zhang('claims.submit', { id: c2.id, version: got.version, duplicateReason: '同一张发票分两次报销（经财务确认）' });
    expect(s2.duplicateReason).toContain('财务');
    // the first claim now shows the duplicate too, and the approver's queue flags it
    expect((await zhang('claims.get', { id: c1.id })).flags.duplicateInvoice).toBe(true);
    const q = await zhou('approvals.queue', { docTypes: ['claim'] });
    expect(q.rows.find((r) => r.docId === c2.id)?.flags.duplicateInvoice).toBe(true);
  });

  it('refuses a claim above what remains on its request beyond the tolerance; within it, commits the extra at approval', async () => {
    await core.call('costTypes.update', { id: costType('PROMO'), version: one<number>('SELECT version FROM cost_types WHERE id = ?', costType('PROMO')), patch: {} }, { token: (await core.as('admin')).token });
    db().prepare('UPDATE cost_types SET claim_tolerance_bp = 1000 WHERE id = ?').run(costType('PROMO'));
    const r = await approvedRequest(100_000, '12');
    const over = await zhang('claims.create', { requestId: r.id, title: '超', lines: [{ invoiceType: 'receipt', amount: 111_000, tax: 0 }] });
    await attach(over.id, pdf('over'));
    expect(await code(zhang('claims.submit', { id: over.id, version: (await zhang('claims.get', { id: over.id })).version }))).toBe('claim_exceeds_request');
    const within = await zhang('claims.create', { requestId: r.id, title: '容差内', lines: [{ invoiceType: 'receipt', amount: 108_000, tax: 0 }] });
    await attach(within.id, pdf('within'));
    const s = await zhang('claims.submit', { id: within.id, version: (await zhang('claims.get', { id: within.id })).version });
    expect(s.flags.overRequest).toBe(true);
    await zhou('approvals.act', { docType: 'claim', docId: s.id, version: s.version, action: 'approve', confirmWarn: true });
    // the request held 100,000 + 8,000 extra; fully claimed, it closed and keeps what the claim still needs
    const req = await zhang('costRequests.get', { id: r.id });
    expect(req.status).toBe('closed');
    expect(held('cost_request', r.id)).toBe(108_000);
    const c = await wang('claims.get', { id: s.id });
    await wang('payments.create', { claimId: s.id, version: c.version, amount: 108_000, method: 'bank_transfer', paidOn: '2026-12-20' });
    expect(held('cost_request', r.id)).toBe(0);
    expect(one<number>(`SELECT sum(amount) FROM budget_ledger WHERE kind = 'actual' AND against_type = 'cost_request' AND against_id = ?`, r.id)).toBe(108_000);
    db().prepare('UPDATE cost_types SET claim_tolerance_bp = 0 WHERE id = ?').run(costType('PROMO'));
  });

  it('stands alone only for cost types without pre-approval: committed at approval, consumed by payment', async () => {
    expect(await code(zhang('claims.create', { partnerId: partner(), costTypeId: costType('PROMO'), activityStart: '2026-06-01', activityEnd: '2026-06-02', title: 'x', lines: [{ invoiceType: 'receipt', amount: 100, tax: 0 }] }))).toBe('preapproval_required');
    const free = one<number | undefined>('SELECT id FROM cost_types WHERE requires_preapproval = 0 ORDER BY id LIMIT 1');
    if (free === undefined) return;
    const preview = await zhang('costRequests.budgetPreview', { partnerId: partner(), costTypeId: free, activityStart: '2026-06-01', activityEnd: '2026-06-02', amount: 1 });
    if (!preview.line) return; // the demo plans no line for it in Wuhua
    const c = await zhang('claims.create', { partnerId: partner(), costTypeId: free, activityStart: '2026-06-01', activityEnd: '2026-06-02', title: '独立核销', lines: [{ invoiceType: 'receipt', amount: 5_000, tax: 0 }] });
    await attach(c.id, pdf('standalone'));
    const s = await zhang('claims.submit', { id: c.id, version: (await zhang('claims.get', { id: c.id })).version });
    await zhou('approvals.act', { docType: 'claim', docId: s.id, version: s.version, action: 'approve', confirmWarn: true });
    expect(held('claim', c.id)).toBe(5_000);
    const got = await wang('claims.get', { id: c.id });
    await wang('payments.create', { claimId: c.id, version: got.version, amount: 4_000, approvedAmount: 4_000, approvedReason: '部分票据不合规', method: 'offset', paidOn: '2026-06-30' });
    expect(held('claim', c.id)).toBe(0);
  });
});

describe('request life after approval', () => {
  it('a cancelled approved request releases everything; an unclaimed one expires after due + grace, by the system', async () => {
    const r = await approvedRequest(50_000, '07');
    expect(held('cost_request', r.id)).toBe(50_000);
    const c = await zhang('costRequests.cancel', { id: r.id, version: r.version, comment: '活动取消' });
    expect(c.status).toBe('cancelled');
    expect(held('cost_request', r.id)).toBe(0);

    const e = await approvedRequest(60_000, '07');
    now = new Date('2026-11-01T02:00:00Z'); // due 2026-08-04 (+30), grace +60 → expires after 2026-10-03
    try {
      const [w, z] = [await core.as('wangfang'), await core.as('zhangwei')];
      const n = await w('costRequests.expireDue', {});
      expect(n.expired).toBeGreaterThanOrEqual(1);
      expect((await z('costRequests.get', { id: e.id })).status).toBe('expired');
      expect(held('cost_request', e.id)).toBe(0);
      const h = await z('documents.history', { docType: 'cost_request', docId: e.id });
      expect(h.at(-1)).toMatchObject({ action: 'expire', userName: '系统 System' });
    } finally {
      now = new Date('2026-06-10T02:00:00Z');
    }
    [zhang, zhou, lina, wang] = await Promise.all([core.as('zhangwei'), core.as('zhouqiang'), core.as('lina'), core.as('wangfang')]);
  });

  it('a request submitted after its activity started is post-hoc', async () => {
    const d = await zhang('costRequests.create', { partnerId: partner(), costTypeId: costType('PROMO'), title: '补', activityStart: '2026-06-01', activityEnd: '2026-06-30', amount: 10_000 });
    const s = await zhang('costRequests.submit', { id: d.id, version: d.version });
    expect(s.postHoc).toBe(true);
    const list = await zhang('costRequests.list', { mine: true, limit: 500 });
    expect(list.rows.find((r) => r.id === s.id)?.postHoc).toBe(true);
    expect(list.sum).toBe(list.rows.reduce((a, r) => a + r.amount, 0));
  });
});

describe('handover (seed 004)', () => {
  it("moves the giver's open requests, claims and promises with the partners, lists them on a sheet, and the receiver acknowledges", async () => {
    const admin = await core.as('admin');
    const wh = one<number>(`SELECT id FROM org_units WHERE code = 'KM-WH'`);
    const receiver = await admin('users.create', { username: 'handover_rx', displayName: '接手人', role: 'channel_staff', orgUnitIds: [wh], password: 'rx-password-1' });
    const d = await zhang('costRequests.create', {
      partnerId: partner(), costTypeId: costType('PROMO'), title: '交接中的申请', activityStart: '2026-06-20', activityEnd: '2026-06-21', amount: 10_000,
      promises: [{ text: '年底返利 2%', amount: 20_000 }],
    });
    const open = one<number>(`SELECT count(*) FROM cost_requests WHERE owner_user_id = ? AND (approval_state IN ('draft','submitted','returned') OR settle_state IN ('open','partly_claimed'))`, zhang.userId);
    const h = await lina('partners.handover', { fromUserId: zhang.userId, toUserId: receiver.id, note: '调岗' });
    expect(h.documentCount).toBeGreaterThanOrEqual(open + 1);
    expect(one<number>('SELECT owner_user_id FROM cost_requests WHERE id = ?', d.id)).toBe(receiver.id);
    expect(one<number>('SELECT owner_user_id FROM promises WHERE request_id = ?', d.id)).toBe(receiver.id);
    expect(one<number>('SELECT created_by FROM cost_requests WHERE id = ?', d.id)).toBe(zhang.userId);
    const sheet = await lina('partners.handoverSheet', { id: h.id });
    expect(sheet.filter((s) => s.kind === 'partner')).toHaveLength(h.partnerCount);
    expect(sheet.find((s) => s.kind === 'cost_request' && s.id === d.id)?.ref).toBe(d.number);
    expect(sheet.some((s) => s.kind === 'promise' && s.name === '年底返利 2%')).toBe(true);
    const rx = await core.as('handover_rx', 'rx-password-1');
    expect(await code(lina('partners.acknowledgeHandover', { id: h.id }))).toBe('forbidden');
    const ack = await rx('partners.acknowledgeHandover', { id: h.id });
    expect(ack.acknowledgedAt).not.toBeNull();
    // the receiver now edits the moved draft; the history says it was handed over
    const moved = await rx('costRequests.get', { id: d.id });
    await rx('costRequests.update', { id: d.id, version: moved.version, partnerId: moved.partnerId, costTypeId: moved.costTypeId, title: '接手后修改', activityStart: moved.activityStart, activityEnd: moved.activityEnd, amount: 10_000 });
    expect((await rx('documents.history', { docType: 'cost_request', docId: d.id })).some((x) => x.action === 'handover')).toBe(true);
  });
});
