import { describe, expect, it } from 'vitest';
import { budgetTestbed } from '../testing';
import { verifyHistory } from './history';
import { approvedPlan, codeOf, errOf, ledgerSum, months } from './testkit';

const bed = budgetTestbed();
const { ops, row } = bed;

const cellSum = (lineId: number, period: string) => ledgerSum(bed.core, 'e.line_id = ? AND e.period = ?', lineId, period);

describe('budget transfers (调拨)', () => {
  it('move budget between cells once another finance user approves, as a pair of ledger entries', async () => {
    const { wang, zhao, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000)), row('KM-PL', 'PROMO', months(2_000))]);
    const from = { lineId: lineIds[0]!, period: '2027-03' };
    const to = { lineId: lineIds[1]!, period: '2027-04' };
    const t = await wang('budgetTransfers.create', { from, to, amount: 3_000, reason: '盘龙区四月活动' });
    expect(t).toMatchObject({ state: 'draft', amount: 3_000, fromLineId: from.lineId, toPeriod: '2027-04', number: `BT-2027-${String(t.id).padStart(5, '0')}` });
    expect(cellSum(from.lineId, from.period).allocated).toBe(10_000); // a draft moves nothing
    const sub = await wang('budgetTransfers.submit', { id: t.id, version: t.version });
    // the two-person rule is the default route (another finance user): the submitter has no task on it
    expect(await codeOf(wang('budgetTransfers.approve', { id: t.id, version: sub.version }))).toBe('not_your_turn');
    const ok = await zhao('budgetTransfers.approve', { id: t.id, version: sub.version });
    expect(ok).toMatchObject({ state: 'approved', decidedBy: zhao.userId });
    expect(cellSum(from.lineId, from.period)).toMatchObject({ allocated: 7_000, n: 2 });
    expect(cellSum(to.lineId, to.period)).toMatchObject({ allocated: 5_000, n: 2 });
    const moved = bed.core.env.db.$client.prepare("SELECT kind, amount, source_ref AS ref FROM budget_ledger WHERE source_type = 'budget_transfer' AND source_id = ? ORDER BY id").all(t.id);
    expect(moved).toEqual([{ kind: 'transfer_out', amount: -3_000, ref: ok.number }, { kind: 'transfer_in', amount: 3_000, ref: ok.number }]);
    const hist = await wang('budgets.history', { documentType: 'budget_transfer', documentId: t.id });
    expect(hist.map((h) => h.action)).toEqual(['create', 'submit', 'approve']);
    expect(verifyHistory(bed.core.env.db.$client)).toBeNull();
  });

  it('can never take the source below what is committed and spent — checked again at approval', async () => {
    const { wang, zhao, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000)), row('KM-PL', 'PROMO', months(2_000))]);
    const from = { lineId: lineIds[0]!, period: '2027-03' };
    const to = { lineId: lineIds[1]!, period: '2027-03' };
    await ops(wang).commit({ cell: from, amount: 4_000, source: { type: 'cost_request', id: 1, ref: '' } });
    await ops(wang).recordActual({ cell: from, amount: 1_000, source: { type: 'cost_claim', id: 1, ref: '' } });
    const tooMuch = await errOf(wang('budgetTransfers.create', { from, to, amount: 5_001, reason: 'x' }));
    expect(tooMuch).toMatchObject({ code: 'transfer_exceeds_available', params: { available: 5_000, amount: 5_001 } });
    const t = await wang('budgetTransfers.create', { from, to, amount: 5_000, reason: '全部可用余额' });
    const sub = await wang('budgetTransfers.submit', { id: t.id, version: t.version });
    await ops(wang).commit({ cell: from, amount: 1, source: { type: 'cost_request', id: 2, ref: '' } });
    const before = ledgerSum(bed.core);
    expect(await codeOf(zhao('budgetTransfers.approve', { id: t.id, version: sub.version }))).toBe('transfer_exceeds_available');
    expect(ledgerSum(bed.core)).toEqual(before);
    expect((await wang('budgetTransfers.get', { id: t.id })).state).toBe('submitted');
    // returned, reduced, approved: the source keeps exactly what is used
    const back = await zhao('budgetTransfers.return', { id: t.id, version: sub.version, comment: '已有新申请占用' });
    const edited = await wang('budgetTransfers.update', { id: t.id, version: back.version, amount: 4_999 });
    const again = await wang('budgetTransfers.submit', { id: t.id, version: edited.version });
    await zhao('budgetTransfers.approve', { id: t.id, version: again.version });
    const src = cellSum(from.lineId, from.period);
    expect(src.allocated - src.committed - src.actual).toBe(0);
  });

  it('targets a key (creating its line), refuses the same cell, needs a reason to reject, can be cancelled', async () => {
    const { wang, zhao, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000))]);
    const from = { lineId: lineIds[0]!, period: '2027-05' };
    expect((await errOf(wang('budgetTransfers.create', { from, to: from, amount: 1, reason: 'x' })))?.details).toEqual([{ path: 'to', reason: 'v.same_cell' }]);
    const key = { orgUnitId: bed.ids.org('KM-GD'), channelTypeId: bed.ids.channel('ECOM'), costTypeId: bed.ids.cost('PROMO'), partnerId: null, period: '2027-05' };
    const t = await wang('budgetTransfers.create', { from, to: key, amount: 500, reason: '电商新增' });
    expect(t.toLineId).not.toBe(from.lineId);
    expect(await codeOf(wang('budgetTransfers.create', { from, to: { ...key, period: '2026-05' }, amount: 1, reason: 'x' }))).toBe('validation');
    const sub = await wang('budgetTransfers.submit', { id: t.id, version: t.version });
    expect(await codeOf(zhao('budgetTransfers.reject', { id: t.id, version: sub.version, comment: '' }))).toBe('validation');
    const rej = await zhao('budgetTransfers.reject', { id: t.id, version: sub.version, comment: '预算冻结' });
    expect(rej.state).toBe('rejected');
    const t2 = await wang('budgetTransfers.create', { from, to: key, amount: 500, reason: '再试' });
    expect((await wang('budgetTransfers.cancel', { id: t2.id, version: t2.version })).state).toBe('cancelled');
    expect(ledgerSum(bed.core, "e.source_type = 'budget_transfer' AND l.plan_id = (SELECT id FROM budget_plans WHERE fiscal_year = 2027)").n).toBe(0);
    const list = await wang('budgetTransfers.list', { fiscalYear: 2027 });
    expect(list.map((x) => [x.id, x.state])).toEqual([[t2.id, 'cancelled'], [t.id, 'rejected']]);
    // the list follows the org scope: Qujing's staff sees no Kunming transfers
    const qj = await bed.core.as('staff05');
    expect(await qj('budgetTransfers.list', { fiscalYear: 2027 })).toEqual([]);
    expect(await codeOf(qj('budgetTransfers.get', { id: t.id }))).toBe('out_of_scope');
    expect(await codeOf(qj('budgets.history', { documentType: 'budget_transfer', documentId: t.id }))).toBe('out_of_scope');
  });

  it('saves and submits in one step (one transaction: a refused submit leaves no draft); a draft can change its cells, then submit', async () => {
    const { wang, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(10_000)), row('KM-PL', 'PROMO', months(2_000))]);
    const from = { lineId: lineIds[0]!, period: '2027-06' };
    const to = { lineId: lineIds[1]!, period: '2027-06' };
    const t = await wang('budgetTransfers.create', { from, to, amount: 1_000, reason: '一步提交', submit: true });
    expect(t).toMatchObject({ state: 'submitted', submittedBy: wang.userId });
    expect((await wang('budgets.history', { documentType: 'budget_transfer', documentId: t.id })).map((h) => h.action)).toEqual(['create', 'submit']);
    const count = () => bed.core.env.db.$client.prepare('SELECT count(*) FROM budget_transfers').pluck().get();
    const n = count();
    expect(await codeOf(wang('budgetTransfers.create', { from, to, amount: 10_001, reason: 'x', submit: true }))).toBe('transfer_exceeds_available');
    expect(count()).toBe(n);
    // a draft: other cells, amount and reason, then saved and submitted at once
    const draft = await wang('budgetTransfers.create', { from, to, amount: 100, reason: '草稿' });
    const moved = await wang('budgetTransfers.update', {
      id: draft.id, version: draft.version, from: { lineId: lineIds[1]!, period: '2027-07' }, to: { lineId: lineIds[0]!, period: '2027-08' }, amount: 200, reason: '改为反向', submit: true,
    });
    expect(moved).toMatchObject({ fromLineId: lineIds[1], fromPeriod: '2027-07', toLineId: lineIds[0], toPeriod: '2027-08', amount: 200, reason: '改为反向', state: 'submitted' });
    expect(await codeOf(wang('budgetTransfers.update', { id: draft.id, version: moved.version, amount: 1 }))).toBe('invalid_state');
    expect(verifyHistory(bed.core.env.db.$client)).toBeNull();
  });
});

describe('scope of transfers', () => {
  it('a transfer is read where its source lies, and acted on only by someone whose scope covers both lines', async () => {
    const { wang, lineIds } = await approvedPlan(bed.core, 2027, [row('QJ-QL', 'PROMO', months(10_000)), row('KM-WH', 'PROMO', months(2_000))]);
    const admin = await bed.core.as('admin');
    await admin('users.create', { username: 'qjfin', displayName: 'QJ finance', role: 'finance', orgUnitIds: [bed.ids.org('QJ')], password: 'password-qj' });
    const qj = await bed.core.as('qjfin', 'password-qj');
    const t = await wang('budgetTransfers.create', { from: { lineId: lineIds[0]!, period: '2027-03' }, to: { lineId: lineIds[1]!, period: '2027-03' }, amount: 1_000, reason: '支援昆明' });
    expect((await qj('budgetTransfers.get', { id: t.id })).toLineId).toBe(lineIds[1]);
    const refused = { code: 'out_of_scope', params: { orgUnitId: bed.ids.org('KM-WH') } };
    await expect(qj('budgetTransfers.update', { id: t.id, version: t.version, amount: 2_000 })).rejects.toMatchObject(refused);
    await expect(qj('budgetTransfers.submit', { id: t.id, version: t.version })).rejects.toMatchObject(refused);
    await expect(qj('budgetTransfers.cancel', { id: t.id, version: t.version })).rejects.toMatchObject(refused);
    const sub = await wang('budgetTransfers.submit', { id: t.id, version: t.version });
    for (const m of ['budgetTransfers.reject', 'budgetTransfers.return'] as const) await expect(qj(m, { id: t.id, version: sub.version, comment: 'no' })).rejects.toMatchObject(refused);
    await expect(qj('budgetTransfers.approve', { id: t.id, version: sub.version })).rejects.toMatchObject(refused);
    expect((await wang('budgetTransfers.get', { id: t.id })).state).toBe('submitted');
  });
});
