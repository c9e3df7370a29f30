import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * The approval engine's rules on a real SQLite file: route matching and versioning, escalation,
 * separation of duties for every rule × both document types × delegation, forward, withdraw,
 * return and resubmit, bulk approve with a failing item.
 */
let core: TestCore;
let zhang: Caller;
let zhou: Caller;
let lina: Caller;
let chen: Caller;
let admin: Caller;
const NOW = new Date('2026-06-10T02:00:00Z');
const db = () => core.env.db.$client;
const one = <T>(sql: string, ...p: unknown[]) => db().prepare(sql).pluck().get(...p) as T;

beforeAll(async () => {
  core = await freshCore({ demo: true, now: () => NOW });
  [zhang, zhou, lina, chen, admin] = await Promise.all([core.as('zhangwei'), core.as('zhouqiang'), core.as('lina'), core.as('chenjie'), core.as('admin')]);
});
afterAll(() => core.dispose());

const partner = () =>
  one<number>(
    `SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%'
     AND p.active = 1 AND p.status = 'cooperating' ORDER BY p.id LIMIT 1`,
  );
const costType = (code: string) => one<number>('SELECT id FROM cost_types WHERE code = ?', code);
const userId = (u: string) => one<number>('SELECT id FROM users WHERE username = ?', u);

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e.code;
}

/** A submitted request of zhangwei's (small: one step, the county manager; large: two steps). */
async function submitted(amount: number, month = '06') {
  const d = await zhang('costRequests.create', { partnerId: partner(), costTypeId: costType('PROMO'), title: '活动', activityStart: `2026-${month}-20`, activityEnd: `2026-${month}-25`, amount });
  return zhang('costRequests.submit', { id: d.id, version: d.version });
}
/** A submitted claim of zhangwei's on a fresh approved request. */
async function submittedClaim(amount: number, month: string) {
  const r = await submitted(amount, month);
  const s1 = await zhou('approvals.act', { docType: 'cost_request', docId: r.id, version: r.version, action: 'approve', confirmWarn: true });
  const a = s1.state === 'approved' ? s1 : await lina('approvals.act', { docType: 'cost_request', docId: r.id, version: s1.version, action: 'approve', confirmWarn: true });
  const c = await zhang('claims.create', { requestId: r.id, title: '核销', lines: [{ invoiceType: 'receipt', amount, tax: 0 }] });
  expect(a.state).toBe('approved');
  const pdf = await zhang('files.put', { name: `proof-${c.id}.pdf`, dataBase64: Buffer.from(`%PDF-1.4\n% proof ${c.id}\n`).toString('base64') });
  await zhang('attachments.add', { docType: 'claim', docId: c.id, fileId: pdf.fileId });
  return zhang('claims.submit', { id: c.id, version: (await zhang('claims.get', { id: c.id })).version });
}

describe('routes', () => {
  it('picks the first matching route by priority: two steps from ¥10,000, one below; simulate names the approvers', async () => {
    const small = await submitted(500_000);
    const big = await submitted(1_500_000);
    const ps = await zhang('approvals.progress', { docType: 'cost_request', docId: small.id });
    const pb = await zhang('approvals.progress', { docType: 'cost_request', docId: big.id });
    expect(ps!.steps).toHaveLength(1);
    expect(pb!.steps).toHaveLength(2);
    expect(ps!.steps[0]!.tasks.map((t) => t.assignee.id)).toEqual([userId('zhouqiang')]);
    const d = await zhang('costRequests.create', { partnerId: partner(), costTypeId: costType('PROMO'), title: 'x', activityStart: '2026-06-20', activityEnd: '2026-06-21', amount: 2_000_000 });
    const sim = await zhang('approvals.simulate', { docType: 'cost_request', docId: d.id });
    expect(sim.steps.map((s) => s.approvers.map((a) => a.id))).toEqual([[userId('zhouqiang')], [userId('lina')]]);
  });

  it('keeps the route version a document was submitted under; a new version applies to new documents', async () => {
    const before = await submitted(300_000);
    const routes = await admin('routes.list', { docType: 'cost_request' });
    const std = routes.find((r) => r.priority === 100)!;
    const v2 = await admin('routes.save', { id: std.id, docType: 'cost_request', name: std.name, priority: 100, conditions: std.conditions, steps: [{ kind: 'role', name: '分公司审批', role: 'approver', level: 'branch' }] });
    expect(v2.routeVersion).toBe(std.routeVersion + 1);
    expect(v2.routeKey).toBe(std.routeKey);
    const after = await submitted(300_000);
    const pBefore = await zhang('approvals.progress', { docType: 'cost_request', docId: before.id });
    const pAfter = await zhang('approvals.progress', { docType: 'cost_request', docId: after.id });
    expect(pBefore!.routeVersion).toBe(std.routeVersion);
    expect(pBefore!.steps[0]!.tasks[0]!.assignee.id).toBe(userId('zhouqiang'));
    expect(pAfter!.routeVersion).toBe(v2.routeVersion);
    expect(pAfter!.steps[0]!.tasks[0]!.assignee.id).toBe(userId('lina'));
    // the old version still decides the old document
    const a = await zhou('approvals.act', { docType: 'cost_request', docId: before.id, version: before.version, action: 'approve', confirmWarn: true });
    expect(a.state).toBe('approved');
    // back to the default for the other tests
    await admin('routes.save', { id: v2.id, docType: 'cost_request', name: std.name, priority: 100, conditions: std.conditions, steps: std.steps });
    expect((await admin('routes.list', { docType: 'cost_request', includeOld: true })).filter((r) => r.routeKey === std.routeKey)).toHaveLength(3);
    // saved again without a change: no new version
    const v3 = (await admin('routes.list', { docType: 'cost_request' })).find((r) => r.routeKey === std.routeKey)!;
    const same = await admin('routes.save', { id: v3.id, docType: 'cost_request', name: v3.name, priority: v3.priority, conditions: v3.conditions, steps: v3.steps });
    expect(same).toMatchObject({ id: v3.id, routeVersion: v3.routeVersion, current: true });
    expect((await admin('routes.list', { docType: 'cost_request', includeOld: true })).filter((r) => r.routeKey === std.routeKey)).toHaveLength(3);
  });

  it('escalates a step whose approver is excluded to the next level up, and records it', async () => {
    // zhouqiang is Wuhua's manager; when he requests, his own step goes to the branch manager
    await admin('users.update', { id: userId('zhouqiang'), version: one<number>('SELECT version FROM users WHERE id = ?', userId('zhouqiang')), patch: { role: 'channel_staff' } });
    const z = await core.as('zhouqiang');
    const d = await z('costRequests.create', { partnerId: partner(), costTypeId: costType('PROMO'), title: '经理自己的申请', activityStart: '2026-06-20', activityEnd: '2026-06-21', amount: 200_000 });
    const s = await z('costRequests.submit', { id: d.id, version: d.version });
    const p = await z('approvals.progress', { docType: 'cost_request', docId: s.id });
    expect(p!.steps[0]!.tasks.map((t) => [t.assignee.id, t.via])).toEqual([[userId('lina'), 'escalated']]);
    const h = await z('documents.history', { docType: 'cost_request', docId: s.id });
    expect(h.some((x) => x.action === 'escalate')).toBe(true);
    await admin('users.update', { id: userId('zhouqiang'), version: one<number>('SELECT version FROM users WHERE id = ?', userId('zhouqiang')), patch: { role: 'approver' } });
  });
});

describe('separation of duties (every rule × both document types × delegation)', () => {
  for (const type of ['cost_request', 'claim'] as const) {
    it(`${type}: the requester never approves, not even as a stand-in; one person decides one step; no administrator bypass`, async () => {
      // months of their own, so the budget of earlier tests does not run out
      const doc = type === 'claim' ? await submittedClaim(1_200_000, '09') : await submitted(1_200_000, '08');
      const v = doc.version;
      // requester, administrator, someone not on the route
      expect(await code(zhang('approvals.act', { docType: type, docId: doc.id, version: v, action: 'approve' }))).toBe('not_your_turn');
      expect(await code(admin('approvals.act', { docType: type, docId: doc.id, version: v, action: 'approve' }))).toBe('not_your_turn');
      expect(await code(chen('approvals.act', { docType: type, docId: doc.id, version: v, action: 'approve' }))).toBe('not_your_turn');
      // zhouqiang names zhangwei (channel staff cannot stand in) and then lina as stand-in
      expect(await code(zhou('delegations.create', { toUserId: userId('zhangwei'), startDate: '2026-06-01', endDate: '2026-06-30' }))).toBe('validation');
      const del = await zhou('delegations.create', { toUserId: userId('lina'), startDate: '2026-06-01', endDate: '2026-06-30', docTypes: [type] });
      // lina stands in for step 1 ("lina for zhouqiang") …
      const q = await lina('approvals.queue', { docTypes: [type] });
      const item = q.rows.find((r) => r.docId === doc.id)!;
      expect(item.forUser?.id).toBe(userId('zhouqiang'));
      const s1 = await lina('approvals.act', { docType: type, docId: doc.id, version: v, action: 'approve' });
      expect(s1.stepIndex).toBe(1);
      const h = await lina('documents.history', { docType: type, docId: doc.id });
      const row = h.find((x) => x.action === 'step_approve')!;
      expect([row.userId, row.onBehalfOf]).toEqual([userId('lina'), userId('zhouqiang')]);
      // … so step 2 (the branch approver = lina) escalates past her to the company's approver
      const p = await lina('approvals.progress', { docType: type, docId: doc.id });
      expect(p!.steps[1]!.tasks.map((t) => t.assignee.id)).toEqual([userId('chenjie')]);
      expect(await code(lina('approvals.act', { docType: type, docId: doc.id, version: s1.version, action: 'approve' }))).toBe('not_your_turn');
      // a stand-in for the second step who decided the first is refused too
      const del2 = await chen('delegations.create', { toUserId: userId('lina'), startDate: '2026-06-01', endDate: '2026-06-30' });
      expect(await code(lina('approvals.act', { docType: type, docId: doc.id, version: s1.version, action: 'approve' }))).toBe('already_decided');
      await chen('delegations.end', { id: del2.id });
      await zhou('delegations.end', { id: del.id });
      const done = await chen('approvals.act', { docType: type, docId: doc.id, version: s1.version, action: 'approve', confirmWarn: true });
      expect(done.state).toBe('approved');
    });
  }
});

describe('actions', () => {
  it('reject and return need a reason; return makes the document editable and a resubmission starts a new run', async () => {
    const s = await submitted(200_000);
    expect(await code(zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: s.version, action: 'reject' }))).toBe('validation');
    const r = await zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: s.version, action: 'return', comment: '请补充活动方案' });
    expect(r.state).toBe('returned');
    const cur = await zhang('costRequests.get', { id: s.id });
    const upd = await zhang('costRequests.update', { id: s.id, version: cur.version, partnerId: cur.partnerId, costTypeId: cur.costTypeId, title: '活动（已补充）', activityStart: cur.activityStart, activityEnd: cur.activityEnd, amount: 150_000 });
    const again = await zhang('costRequests.submit', { id: s.id, version: upd.version });
    expect(again.status).toBe('submitted');
    expect(one<number>(`SELECT count(*) FROM approval_runs WHERE doc_type = 'cost_request' AND doc_id = ?`, s.id)).toBe(2);
    const rej = await zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: again.version, action: 'reject', comment: '预算已用完' });
    expect(rej.state).toBe('rejected');
    expect(await code(zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: rej.version, action: 'approve' }))).toBe('invalid_state');
  });

  it('withdraw works before the first decision only; forward hands the task to an eligible approver with a reason', async () => {
    const s = await submitted(1_100_000);
    const w = await zhang('approvals.withdraw', { docType: 'cost_request', docId: s.id, version: s.version, comment: '' });
    expect(w.state).toBe('draft');
    const again = await zhang('costRequests.submit', { id: s.id, version: w.version });
    const targets = await zhou('approvals.forwardTargets', { docType: 'cost_request', docId: s.id });
    expect(targets.map((t) => t.id)).not.toContain(userId('zhangwei'));
    expect(targets.map((t) => t.id)).toContain(userId('lina'));
    expect(await code(zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: again.version, action: 'forward', toUserId: userId('zhangwei'), comment: '出差' }))).toBe('validation');
    const f = await zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: again.version, action: 'forward', toUserId: userId('chenjie'), comment: '出差' });
    expect(await code(zhou('approvals.act', { docType: 'cost_request', docId: s.id, version: f.version, action: 'approve' }))).toBe('not_your_turn');
    const a = await chen('approvals.act', { docType: 'cost_request', docId: s.id, version: f.version, action: 'approve' });
    expect(a.stepIndex).toBe(1);
    expect(await code(zhang('approvals.withdraw', { docType: 'cost_request', docId: s.id, version: a.version, comment: '' }))).toBe('already_decided');
  });

  it('bulk approve reports a result per item: a stale one fails, the others are approved', async () => {
    const docs = [await submitted(100_000), await submitted(110_000), await submitted(120_000)];
    const items = docs.map((d) => ({ docType: 'cost_request' as const, docId: d.id, version: d.version }));
    items[1]!.version += 5; // seen long ago
    const res = await zhou('approvals.bulkApprove', { items, confirmWarn: true });
    expect(res.results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(res.results[1]!.error?.code).toBe('conflict');
    expect(one<string>('SELECT approval_state FROM cost_requests WHERE id = ?', docs[1]!.id)).toBe('submitted');
    expect(one<string>('SELECT approval_state FROM cost_requests WHERE id = ?', docs[0]!.id)).toBe('approved');
  });

  it('history.verify names the first tampered row', async () => {
    expect((await admin('history.verify', {})).ok).toBe(true);
    const target = one<number>('SELECT id FROM document_history ORDER BY id DESC LIMIT 1 OFFSET 3');
    db().exec('DROP TRIGGER IF EXISTS document_history_no_update');
    db().prepare(`UPDATE document_history SET comment = 'changed' WHERE id = ?`).run(target);
    const v = await admin('history.verify', {});
    expect(v).toMatchObject({ ok: false, firstBroken: target });
    expect(await code(zhang('history.verify', {}))).toBe('forbidden');
  });
});
