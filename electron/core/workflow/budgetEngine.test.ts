import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { verifyHistory } from '../budgets/history';
import { approvedPlan, demoIds, ledgerSum, months, type Row } from '../budgets/testkit';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * Budget versions and transfers on the approval engine (issue 9 point 7): their default route is
 * the two-person rule (another finance user), they appear in the approver's queue and home page,
 * the separation-of-duties rules hold with delegation, and routes match on their facts.
 */
let core: TestCore;
let wang: Caller;
let zhao: Caller;
let lina: Caller;
let chen: Caller;
let sun: Caller;
let admin: Caller;
let ids: ReturnType<typeof demoIds>;
let lineIds: number[];
const NOW = new Date('2026-06-10T02:00:00Z');

const row = (org: string, cost: string, amounts: number[]): Row => ({
  orgUnitId: ids.org(org), channelTypeId: ids.channel('TERMINAL'), costTypeId: ids.cost(cost), partnerId: null, amounts,
});

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e.code;
}

beforeAll(async () => {
  core = await freshCore({ demo: true, now: () => NOW });
  ids = demoIds(core);
  [lina, chen, sun, admin] = await Promise.all([core.as('lina'), core.as('chenjie'), core.as('sunli'), core.as('admin')]);
  const plan = await approvedPlan(core, 2027, [row('KM-WH', 'PROMO', months(100_000)), row('KM-PL', 'PROMO', months(20_000)), row('QJ-QL', 'PROMO', months(5_000))]);
  ({ wang, zhao, lineIds } = plan);
});
afterAll(() => core.dispose());

const transfer = async (amount: number, period = '2027-03', by: Caller = wang) => {
  const t = await by('budgetTransfers.create', { from: { lineId: lineIds[0]!, period }, to: { lineId: lineIds[1]!, period }, amount, reason: '调拨测试' });
  return by('budgetTransfers.submit', { id: t.id, version: t.version });
};
const draftVersion = async (rows: Row[]) => {
  const plans = await wang('budgetPlans.list', {});
  const plan = plans.find((p) => p.fiscalYear === 2027)!;
  const d = await wang('budgetVersions.revise', { planId: plan.id });
  return wang('budgetVersions.saveLines', { versionId: d.id, version: d.version, rows }).then((s) => ({ id: d.id, version: s.version }));
};

describe('budget documents on the engine', () => {
  it('a transfer waits in the other finance user’s queue and home page, shows its route, and only they may decide it', async () => {
    const t = await transfer(3_000);
    const ref = { docType: 'budget_transfer' as const, docId: t.id };
    // the submitter: no Approve (the page asks the engine), and the engine refuses
    const own = await wang('approvals.detail', ref);
    expect(own.can).toMatchObject({ approve: false, reject: false, return: false, withdraw: true });
    expect(await code(wang('approvals.act', { ...ref, version: t.version, action: 'approve' }))).toBe('not_your_turn');
    // the other finance user sees it in the queue, with the source cell's figures, and on the home page
    const q = await zhao('approvals.queue', { docTypes: ['budget_transfer'] });
    const item = q.rows.find((r) => r.docId === t.id)!;
    expect(item).toMatchObject({ number: t.number, amount: 3_000, stepName: '另一位财务审批', docVersion: t.version, impact: { lineId: lineIds[0], availableBefore: 100_000, availableAfter: 97_000 } });
    expect((await zhao('home.summary', {})).waiting.count).toBeGreaterThanOrEqual(1);
    const d = await zhao('approvals.detail', ref);
    expect(d.can.approve).toBe(true);
    expect(d.progress).toMatchObject({ routeName: '财务复核（双人）', steps: [{ name: '另一位财务审批', tasks: [{ assignee: { id: zhao.userId }, state: 'waiting' }] }] });
    // approved through the same call as the queue's: the ledger moves in the same transaction
    const ok = await zhao('approvals.act', { ...ref, version: item.docVersion, action: 'approve' });
    expect(ok.state).toBe('approved');
    expect(ledgerSum(core, 'e.line_id = ? AND e.period = ?', lineIds[0], '2027-03').allocated).toBe(97_000);
    expect(await wang('budgetTransfers.get', { id: t.id })).toMatchObject({ state: 'approved', decidedBy: zhao.userId });
    expect(verifyHistory(core.env.db.$client)).toBeNull();
  });

  it('separation of duties for both kinds: the requester never decides, also not as a stand-in; a stand-in decides "B for A"', async () => {
    // zhaomin names wangfang as her stand-in: wangfang sees her own documents "for zhaomin" nowhere to decide
    const del = await zhao('delegations.create', { toUserId: wang.userId, startDate: '2026-06-01', endDate: '2026-06-30' });
    const t = await transfer(1_000);
    const v = await draftVersion([row('KM-WH', 'PROMO', months(100_500))]);
    const sv = await wang('budgetVersions.submit', { id: v.id, version: v.version });
    for (const [docType, docId, version] of [['budget_transfer', t.id, t.version], ['budget_version', sv.id, sv.version]] as const) {
      const q = await wang('approvals.queue', { docTypes: [docType] });
      expect(q.rows.some((r) => r.docId === docId)).toBe(false); // minus documents I requested
      expect(await code(wang('approvals.act', { docType, docId, version, action: 'approve' }))).toBe('self_approval');
      expect(await code(wang('approvals.act', { docType, docId, version, action: 'reject', comment: 'x' }))).toBe('self_approval');
      // an administrator has no bypass
      expect(await code(admin('approvals.act', { docType, docId, version, action: 'approve' }))).toBe('not_your_turn');
    }
    await zhao('delegations.end', { id: del.id });
    // zhaomin names chenjie (an approver, company-wide): he decides for her, recorded as "chenjie for zhaomin"
    await zhao('delegations.create', { toUserId: chen.userId, startDate: '2026-06-01', endDate: '2026-06-30', docTypes: ['budget_transfer', 'budget_version'] });
    const q = await chen('approvals.queue', { docTypes: ['budget_transfer', 'budget_version'] });
    expect(q.rows.filter((r) => r.docId === t.id || r.docId === sv.id).map((r) => r.forUser?.id)).toEqual([zhao.userId, zhao.userId]);
    await chen('approvals.act', { docType: 'budget_transfer', docId: t.id, version: t.version, action: 'approve' });
    const ver = await chen('approvals.act', { docType: 'budget_version', docId: sv.id, version: sv.version, action: 'approve' });
    expect(ver.state).toBe('approved');
    const hist = await wang('documents.history', { docType: 'budget_version', docId: sv.id });
    expect(hist.at(-1)).toMatchObject({ action: 'approve', userId: chen.userId, onBehalfOf: zhao.userId });
    expect((await wang('budgetVersions.get', { id: sv.id })).inForce).toBe(true);
    // one person decides at most one step: a two-step route with chenjie on both steps
    await admin('routes.save', {
      docType: 'budget_transfer', name: '两步', priority: 5, conditions: { minAmount: 50_000 },
      steps: [{ kind: 'user', name: '陈杰', userId: chen.userId }, { kind: 'role', name: '财务', role: 'finance', level: 'company' }],
    });
    const big = await transfer(60_000);
    const s1 = await chen('approvals.act', { docType: 'budget_transfer', docId: big.id, version: big.version, action: 'approve' });
    expect(s1).toMatchObject({ state: 'submitted', stepIndex: 1 });
    // step 2 waits for zhaomin, whom chenjie stands in for: he decided step 1, so he may not decide this one
    expect(await code(chen('approvals.act', { docType: 'budget_transfer', docId: big.id, version: s1.version, action: 'approve' }))).toBe('already_decided');
    const s2 = await zhao('approvals.act', { docType: 'budget_transfer', docId: big.id, version: s1.version, action: 'approve' });
    expect(s2.state).toBe('approved');
  });

  it('routes match budget documents on amount and org subtree; the version’s unit is the one containing all its lines; withdraw before a decision', async () => {
    // transfers of ¥500+ go to the route above (chenjie first), smaller ones to the default
    expect((await wang('approvals.simulate', { docType: 'budget_transfer', docId: (await transfer(49_999, '2027-04')).id })).routeName).toBe('财务复核（双人）');
    const big = await transfer(50_000, '2027-05');
    expect(await wang('approvals.simulate', { docType: 'budget_transfer', docId: big.id })).toMatchObject({ routeName: '两步', steps: [{ approvers: [{ id: chen.userId }] }, { approvers: [{ id: zhao.userId }] }] });
    expect((await wang('approvals.progress', { docType: 'budget_transfer', docId: big.id }))!.steps[0]!.tasks[0]!.assignee.id).toBe(chen.userId);
    // withdrawn by its author before anyone decided: a draft again, its task gone from the queue
    const w = await wang('approvals.withdraw', { docType: 'budget_transfer', docId: big.id, version: big.version });
    expect(w.state).toBe('draft');
    expect((await chen('approvals.queue', { docTypes: ['budget_transfer'] })).rows.some((r) => r.docId === big.id)).toBe(false);
    // a route for versions inside Qujing (QJ): sunli decides them; a version with Kunming lines keeps the default
    await admin('routes.save', {
      docType: 'budget_version', name: '曲靖', priority: 5, conditions: { orgUnitId: ids.org('QJ') }, steps: [{ kind: 'role', name: '曲靖审批', role: 'approver', level: 'branch' }],
    });
    const qjFin = await admin('users.create', { username: 'qjfin', displayName: 'QJ finance', role: 'finance', orgUnitIds: [ids.org('QJ')], password: 'password-qj' });
    const qj = await core.as('qjfin', 'password-qj');
    const own = await qj('budgetPlans.create', { fiscalYear: 2028, name: '2028' });
    const d = own.versions[0]!;
    const s = await qj('budgetVersions.saveLines', { versionId: d.id, version: d.version, rows: [row('QJ-QL', 'PROMO', months(500))] });
    const sub = await qj('budgetVersions.submit', { id: d.id, version: s.version });
    expect(sub.submittedBy).toBe(qjFin.id);
    expect(await qj('approvals.progress', { docType: 'budget_version', docId: d.id })).toMatchObject({ routeName: '曲靖', steps: [{ tasks: [{ assignee: { id: sun.userId } }] }] });
    const mixed = await draftVersion([row('QJ-QL', 'PROMO', months(5_000)), row('KM-PL', 'PROMO', months(20_000))]);
    expect((await wang('approvals.simulate', { docType: 'budget_version', docId: mixed.id })).routeName).toBe('财务复核（双人）');
    // acting on a version needs all its lines in scope: lina (KM) is refused before anything else
    expect(await code(lina('approvals.act', { docType: 'budget_version', docId: d.id, version: sub.version, action: 'approve' }))).toBe('out_of_scope');
    expect((await sun('approvals.act', { docType: 'budget_version', docId: d.id, version: sub.version, action: 'approve' })).state).toBe('approved');
  });
});
