import { describe, expect, it } from 'vitest';
import { budgetTestbed } from '../testing';
import { verifyHistory } from './history';
import { approvedPlan, codeOf, errOf, ledgerSum, months, revise } from './testkit';

const bed = budgetTestbed();
const { ops, row } = bed;

describe('budget plans and versions', () => {
  it('a plan per fiscal year starts with an empty draft; only finance creates plans', async () => {
    const zhang = await bed.core.as('zhangwei');
    const wang = await bed.core.as('wangfang');
    expect(await codeOf(zhang('budgetPlans.create', { fiscalYear: 2027, name: 'x' }))).toBe('forbidden');
    const plan = await wang('budgetPlans.create', { fiscalYear: 2027, name: '2027 预算' });
    expect(plan.versions).toEqual([expect.objectContaining({ number: 1, state: 'draft', inForce: false, lineCount: 0, totalFen: 0 })]);
    expect(plan.openVersionId).toBe(plan.versions[0]!.id);
    expect(await codeOf(wang('budgetPlans.create', { fiscalYear: 2027, name: 'again' }))).toBe('duplicate');
    // every role can read the plans (the demo's 2026 plan is approved)
    const seen = await zhang('budgetPlans.list', {});
    expect(seen.map((p) => p.fiscalYear)).toEqual([2027, 2026]);
    expect(seen[1]!.inForceVersionId).not.toBeNull();
  });

  it('draft → submitted → approved by another finance user, who is never the submitter', async () => {
    const wang = await bed.core.as('wangfang');
    const zhao = await bed.core.as('zhaomin');
    const lina = await bed.core.as('lina');
    const plan = await wang('budgetPlans.create', { fiscalYear: 2027, name: '2027' });
    const v = plan.versions[0]!;
    expect(await codeOf(wang('budgetVersions.submit', { id: v.id, version: v.version }))).toBe('version_empty');
    const saved = await wang('budgetVersions.saveLines', {
      versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(1000, 2000, 3000)), row('KM-PL', 'ADV', months(500))],
    });
    expect(saved).toMatchObject({ version: v.version + 1, saved: 2, created: 2 });
    const sub = await wang('budgetVersions.submit', { id: v.id, version: saved.version });
    expect(sub.state).toBe('submitted');
    // the two-person rule is the default route (another finance user): the submitter has no task on it
    expect(await codeOf(wang('budgetVersions.approve', { id: v.id, version: sub.version }))).toBe('not_your_turn');
    expect(await codeOf(lina('budgetVersions.approve', { id: v.id, version: sub.version }))).toBe('forbidden');
    expect(await codeOf(zhao('budgetVersions.approve', { id: v.id, version: sub.version - 1 }))).toBe('conflict');
    const ok = await zhao('budgetVersions.approve', { id: v.id, version: sub.version, comment: '同意' });
    expect(ok).toMatchObject({ state: 'approved', inForce: true, submittedBy: wang.userId, decidedBy: zhao.userId, totalFen: 1000 + 2000 + 3000 * 10 + 500 * 12 });
    // the ledger holds one allocation per non-zero cell, adding up to the version
    const led = ledgerSum(bed.core, 'l.plan_id = ?', plan.id);
    expect(led).toEqual({ allocated: ok.totalFen, committed: 0, actual: 0, n: 24 });
    // an approved version is frozen: the API refuses, and so does the database
    expect(await codeOf(wang('budgetVersions.saveLines', { versionId: v.id, version: ok.version, rows: [] }))).toBe('version_locked');
    expect(() => bed.core.env.db.$client.prepare('UPDATE budget_version_lines SET m01 = 1 WHERE version_id = ?').run(v.id)).toThrow(/version_locked/);
    expect(await codeOf(zhao('budgetVersions.approve', { id: v.id, version: ok.version }))).toBe('invalid_state');
    const history = await wang('budgets.history', { documentType: 'budget_version', documentId: v.id });
    expect(history.map((h) => [h.action, h.fromState, h.toState, h.userId])).toEqual([
      ['create', null, 'draft', wang.userId],
      ['submit', 'draft', 'submitted', wang.userId],
      ['approve', 'submitted', 'approved', zhao.userId],
    ]);
    expect(history[2]!.comment).toBe('同意');
    expect(verifyHistory(bed.core.env.db.$client)).toBeNull();
  });

  it('a revision starts from the approved version; its approval posts only the differences; one version stays in force', async () => {
    const { wang, zhao, planId, version: v1, lineIds } = await approvedPlan(bed.core, 2027, [
      row('KM-WH', 'PROMO', months(1000)), row('KM-PL', 'PROMO', months(700)), row('QJ-QL', 'ADV', months(300)),
    ]);
    const v2 = await wang('budgetVersions.revise', { planId, note: '调整' });
    expect(v2).toMatchObject({ number: 2, state: 'draft', basedOnVersionId: v1.id, lineCount: 3, totalFen: v1.totalFen });
    expect(await codeOf(wang('budgetVersions.revise', { planId }))).toBe('open_version_exists');
    const same = await wang('budgetVersions.compare', { a: v1.id, b: v2.id });
    expect(same.rows.map((r) => r.status)).toEqual(['same', 'same', 'same']);

    const amounts = months(1000);
    amounts[2] = 1500; // March +500
    const saved = await wang('budgetVersions.saveLines', {
      versionId: v2.id, version: v2.version,
      rows: [row('KM-WH', 'PROMO', amounts), row('DL-DL', 'EVENT', months(100), { controlMode: 'warn', toleranceBp: 500 })],
      removeLineIds: [lineIds[2]!],
    });
    const cmp = await wang('budgetVersions.compare', { a: v1.id, b: v2.id });
    const byLine = new Map(cmp.rows.map((r) => [r.lineId, r]));
    expect(byLine.get(lineIds[0]!)).toMatchObject({ status: 'changed', changedMonths: [3] });
    expect(byLine.get(lineIds[0]!)!.diff[2]).toBe(500);
    expect(byLine.get(lineIds[1]!)!.status).toBe('same');
    expect(byLine.get(lineIds[2]!)).toMatchObject({ status: 'removed', b: null });
    expect(byLine.get(saved.lineIds[1]!)).toMatchObject({ status: 'added', a: null });
    expect(cmp.totals.diff.reduce((a, b) => a + b, 0)).toBe(500 + 1200 - 3600);
    const changed = await wang('budgetVersions.compare', { a: v1.id, b: v2.id, onlyChanged: true, limit: 2 });
    expect(changed.total).toBe(3);
    expect(changed.rows).toHaveLength(2);
    const rest = await wang('budgetVersions.compare', { a: v1.id, b: v2.id, onlyChanged: true, limit: 2, cursor: changed.nextCursor! });
    expect(rest.rows.map((r) => r.status)).toEqual(['added']);

    const before = ledgerSum(bed.core, 'l.plan_id = ?', planId);
    const sub = await wang('budgetVersions.submit', { id: v2.id, version: saved.version });
    const ok = await zhao('budgetVersions.approve', { id: v2.id, version: sub.version });
    expect(ok.inForce).toBe(true);
    const after = ledgerSum(bed.core, "l.plan_id = ? AND e.source_type = 'budget_version' AND e.source_id = ?", planId, v2.id);
    expect(after).toMatchObject({ allocated: 500 + 1200 - 3600, n: 1 + 12 + 12 });
    expect(ledgerSum(bed.core, 'l.plan_id = ?', planId).allocated).toBe(before.allocated + 500 + 1200 - 3600);
    // the old version stays readable, approved but no longer in force
    expect(await wang('budgetVersions.get', { id: v1.id })).toMatchObject({ state: 'approved', inForce: false, totalFen: v1.totalFen });
    // Σ allocation per cell = the amounts of the version in force
    const cells = bed.core.env.db.$client
      .prepare("SELECT line_id AS lineId, period, sum(amount) AS a FROM budget_ledger WHERE kind = 'allocation' AND line_id IN (SELECT id FROM budget_lines WHERE plan_id = ?) GROUP BY line_id, period")
      .all(planId) as { lineId: number; period: string; a: number }[];
    const lines = await wang('budgetVersions.lines', { versionId: v2.id, limit: 100 });
    for (const c of cells) {
      const l = lines.rows.find((r) => r.lineId === c.lineId);
      expect(c.a).toBe(l ? l.amounts[Number(c.period.slice(5)) - 1] : 0);
    }
    // the database allows only one version in force per plan
    expect(() => bed.core.env.db.$client.prepare('UPDATE budget_versions SET in_force = 1 WHERE id = ?').run(v1.id)).toThrow(/UNIQUE/);
  });

  it('reject needs a reason and ends the version; return sends it back for editing; cancel ends a draft', async () => {
    const wang = await bed.core.as('wangfang');
    const zhao = await bed.core.as('zhaomin');
    const plan = await wang('budgetPlans.create', { fiscalYear: 2027, name: '2027' });
    let v = plan.versions[0]!;
    const saved = await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(100))] });
    v = await wang('budgetVersions.submit', { id: v.id, version: saved.version });
    const noReason = await errOf(zhao('budgetVersions.reject', { id: v.id, version: v.version, comment: ' ' }));
    expect(noReason?.code).toBe('validation');
    v = await zhao('budgetVersions.return', { id: v.id, version: v.version, comment: '促销费偏高' });
    expect(v.state).toBe('returned');
    const edited = await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(80))] });
    v = await wang('budgetVersions.submit', { id: v.id, version: edited.version });
    v = await zhao('budgetVersions.reject', { id: v.id, version: v.version, comment: '不符合年度目标' });
    expect(v).toMatchObject({ state: 'rejected', inForce: false });
    expect(ledgerSum(bed.core, 'l.plan_id = ?', plan.id).n).toBe(0);
    // a rejected plan can start over: a new empty draft (nothing is in force)
    const again = await wang('budgetVersions.revise', { planId: plan.id });
    expect(again).toMatchObject({ number: 2, lineCount: 0, basedOnVersionId: null });
    const cancelled = await wang('budgetVersions.cancel', { id: again.id, version: again.version });
    expect(cancelled.state).toBe('cancelled');
    const hist = await wang('budgets.history', { documentType: 'budget_version', documentId: v.id });
    expect(hist.map((h) => h.action)).toEqual(['create', 'submit', 'return', 'submit', 'reject']);
  });

  it('of two approvers acting at once exactly one succeeds; the other is told the version changed', async () => {
    const admin = await bed.core.as('admin');
    const hq = bed.ids.org('YL');
    await admin('users.create', { username: 'sunyue', displayName: '孙悦', role: 'finance', orgUnitIds: [hq], password: 'finance-pass-1' });
    const wang = await bed.core.as('wangfang');
    const zhao = await bed.core.as('zhaomin');
    const sun = await bed.core.as('sunyue', 'finance-pass-1');
    const plan = await wang('budgetPlans.create', { fiscalYear: 2027, name: '2027' });
    const v = plan.versions[0]!;
    const saved = await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(100))] });
    const sub = await wang('budgetVersions.submit', { id: v.id, version: saved.version });
    const results = await Promise.all([codeOf(zhao('budgetVersions.approve', { id: v.id, version: sub.version })), codeOf(sun('budgetVersions.reject', { id: v.id, version: sub.version, comment: '不同意' }))]);
    expect(results).toEqual(['ok', 'conflict']);
    expect(await sun('budgetVersions.get', { id: v.id })).toMatchObject({ state: 'approved', decidedBy: zhao.userId });
    expect(ledgerSum(bed.core, 'l.plan_id = ?', plan.id).n).toBe(12);
  });

  it('a revision may not plan a cell below what is already committed and spent', async () => {
    const { wang, zhao, planId, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'PROMO', months(1000))]);
    await ops(wang).commit({ cell: { lineId: lineIds[0]!, period: '2027-01' }, amount: 800, source: { type: 'cost_request', id: 1, ref: 'REQ-1' } });
    const draft = await wang('budgetVersions.revise', { planId });
    // the draft's grid rows carry the floor the save applies: committed + actual, here 800 in January
    const [line] = (await wang('budgetVersions.lines', { versionId: draft.id })).rows;
    expect(line).toMatchObject({ floors: months(800, 0), used: months(800, 0) });
    const bad = await errOf(wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows: [row('KM-WH', 'PROMO', months(500))] }));
    expect(bad?.code).toBe('validation');
    expect(bad?.details).toEqual([{ path: 'rows.0.amounts.0', reason: 'v.below_used', params: { used: 800, allocated: 1000, limit: 525 } }]);
    // allowed when saved, refused at approval if spending grew in between — and then nothing changes
    const saved = await wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows: [row('KM-WH', 'PROMO', months(900))] });
    expect(await codeOf(wang('budgetVersions.saveLines', { versionId: draft.id, version: saved.version, rows: [row('KM-WH', 'PROMO', [799, ...months(900).slice(1)])] }))).toBe('validation');
    const sub = await wang('budgetVersions.submit', { id: draft.id, version: saved.version });
    // a submitted version is not edited: no floors
    expect((await wang('budgetVersions.lines', { versionId: draft.id })).rows[0]).toMatchObject({ floors: null, used: null });
    await ops(wang).recordActual({ cell: { lineId: lineIds[0]!, period: '2027-01' }, amount: 150, source: { type: 'cost_claim', id: 9, ref: 'CLM-9' } });
    const before = ledgerSum(bed.core, 'l.plan_id = ?', planId);
    const refused = await errOf(zhao('budgetVersions.approve', { id: draft.id, version: sub.version }));
    expect(refused?.code).toBe('budget_below_used');
    expect(refused?.details).toEqual([{ lineId: lineIds[0], period: '2027-01', allocated: 1000, newAllocated: 900, used: 950, rule: 'below_used', limit: 945 }]);
    expect(ledgerSum(bed.core, 'l.plan_id = ?', planId)).toEqual(before);
    expect((await wang('budgetVersions.get', { id: draft.id })).state).toBe('submitted');
    // returned, corrected within what is used, approved
    const back = await zhao('budgetVersions.return', { id: draft.id, version: sub.version, comment: '一月已用 950' });
    const fixed = await wang('budgetVersions.saveLines', { versionId: draft.id, version: back.version, rows: [row('KM-WH', 'PROMO', [950, ...months(900).slice(1)])] });
    const again = await wang('budgetVersions.submit', { id: draft.id, version: fixed.version });
    await zhao('budgetVersions.approve', { id: draft.id, version: again.version });
    expect(ledgerSum(bed.core, 'l.plan_id = ?', planId)).toMatchObject({ allocated: 950 + 900 * 11, committed: 800, actual: 150 });
    // and a later revision through the helper
    await revise(wang, zhao, planId, [row('KM-WH', 'PROMO', months(1000))]);
    expect(ledgerSum(bed.core, 'l.plan_id = ?', planId).allocated).toBe(12_000);
  });

  it('a revision may not make a cell block-controlled while it is already past the new limit', async () => {
    const { wang, zhao, planId, lineIds } = await approvedPlan(bed.core, 2027, [row('KM-WH', 'ADV', months(1000), { controlMode: 'warn', toleranceBp: 0 })]);
    const warned = await ops(wang).commit({ cell: { lineId: lineIds[0]!, period: '2027-01' }, amount: 1200, source: { type: 'cost_request', id: 1, ref: '' } });
    expect(warned.result).toBe('warn');
    const draft = await wang('budgetVersions.revise', { planId });
    const bad = await errOf(wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows: [row('KM-WH', 'ADV', months(1000), { controlMode: 'block', toleranceBp: 1000 })] }));
    expect(bad?.details).toEqual([{ path: 'rows.0.amounts.0', reason: 'v.over_block_limit', params: { used: 1200, allocated: 1000, limit: 1100 } }]);
    // with enough allocation (or tolerance) the tighter rule is fine
    const amounts = months(1000);
    amounts[0] = 1100;
    const ok = await wang('budgetVersions.saveLines', { versionId: draft.id, version: draft.version, rows: [row('KM-WH', 'ADV', amounts, { controlMode: 'block', toleranceBp: 1000 })] });
    const sub = await wang('budgetVersions.submit', { id: draft.id, version: ok.version });
    await zhao('budgetVersions.approve', { id: draft.id, version: sub.version });
    const a = await wang('budgets.checkAvailability', { cell: { lineId: lineIds[0]!, period: '2027-01' }, amount: 10 });
    expect(a).toMatchObject({ control: 'block', toleranceBp: 1000, allocated: 1100, committed: 1200, limit: 1210, result: 'ok' });
    expect((await wang('budgets.checkAvailability', { cell: { lineId: lineIds[0]!, period: '2027-01' }, amount: 11 })).result).toBe('block');
  });
});

describe('scope of version actions', () => {
  it('submitting, deciding, cancelling or revising a version needs every one of its lines in the caller’s scope', async () => {
    const admin = await bed.core.as('admin');
    await admin('users.create', { username: 'qjfin', displayName: 'QJ finance', role: 'finance', orgUnitIds: [bed.ids.org('QJ')], password: 'password-qj' });
    const qj = await bed.core.as('qjfin', 'password-qj');
    const wang = await bed.core.as('wangfang');
    const plan = await wang('budgetPlans.create', { fiscalYear: 2027, name: '2027' });
    const v = plan.versions[0]!;
    const saved = await wang('budgetVersions.saveLines', { versionId: v.id, version: v.version, rows: [row('KM-WH', 'PROMO', months(1000)), row('QJ-QL', 'PROMO', months(500))] });
    const refused = async (p: Promise<unknown>) => {
      const e = await errOf(p);
      expect(e).toMatchObject({ code: 'out_of_scope', params: { orgUnitId: bed.ids.org('KM-WH'), scope: 'QJ 曲靖分公司' } });
    };
    await refused(qj('budgetVersions.submit', { id: v.id, version: saved.version }));
    await refused(qj('budgetVersions.cancel', { id: v.id, version: saved.version }));
    const sub = await wang('budgetVersions.submit', { id: v.id, version: saved.version });
    await refused(qj('budgetVersions.reject', { id: v.id, version: sub.version, comment: 'no' }));
    await refused(qj('budgetVersions.return', { id: v.id, version: sub.version, comment: 'no' }));
    await refused(qj('budgetVersions.approve', { id: v.id, version: sub.version }));
    const approved = await (await bed.core.as('zhaomin'))('budgetVersions.approve', { id: v.id, version: sub.version });
    expect(approved.state).toBe('approved');
    // a revision copies every line of the version in force: refused too, and no draft is left behind
    await refused(qj('budgetVersions.revise', { planId: plan.id }));
    expect((await wang('budgetPlans.list', {})).find((p) => p.id === plan.id)!.openVersionId).toBeNull();
    // a plan of the caller's own branch is theirs to work on
    const own = await qj('budgetPlans.create', { fiscalYear: 2028, name: '2028' });
    const d = own.versions[0]!;
    const s = await qj('budgetVersions.saveLines', { versionId: d.id, version: d.version, rows: [row('QJ-QL', 'PROMO', months(500))] });
    expect((await qj('budgetVersions.submit', { id: d.id, version: s.version })).state).toBe('submitted');
  });
});
