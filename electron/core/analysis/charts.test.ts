import { describe, expect, it } from 'vitest';
import type { TopBottom } from '../../../shared/api/areas/analysisTypes';
import type { Caller, TestCore } from '../testing';
import { analysisTestbed, unitId, insertAll, worldOf, type Doc, type Entry, type PartnerInfo, type ResultRow } from './testkit';

/**
 * Top/bottom lists and budget vs actual on fixed data: a handful of partners and two budget lines
 * in 2030 (a year the demo company leaves empty), every expected figure worked out by hand below.
 * Scope: wangfang (finance) sees the company, lina (Kunming's approver) Kunming's partners and
 * lines only.
 */
let core: TestCore;
let w: ReturnType<typeof worldOf>;
let wang: Caller;
let lina: Caller;
analysisTestbed({ partners: 20, users: ['wangfang', 'lina'] }, (b) => {
  ({ core, w } = b);
  [wang, lina] = b.callers as [Caller, Caller];
});

const db = () => core.env.db.$client;
const unit = (code: string) => unitId(db(), code);

/** partners re-homed for the test (code, unit; one channel type) */
function partners(specs: { code: string; ou: number }[]): PartnerInfo[] {
  const ct = w.partners[0]!.ct;
  return specs.map((s, i) => {
    const p = w.partners[i]!;
    db().prepare('UPDATE partners SET code = ?, org_unit_id = ?, channel_type_id = ?, owner_user_id = NULL WHERE id = ?').run(s.code, s.ou, ct, p.id);
    return { ...p, code: s.code, ou: s.ou, ct, mgr: null };
  });
}
/** an approved claim of partner p carrying the given ledger entries */
const claim = (p: PartnerInfo, entries: Omit<Entry, 'line'>[]): Doc => ({
  type: 'claim', pid: p.id, costType: w.costTypes[0]!, activityStart: '2030-05-01', activityEnd: '2030-05-31', state: 'approved',
  submittedAt: null, decidedAt: null, due: '2030-06-30', duplicate: false, entries: entries.map((e) => ({ ...e, line: w.lines[0]!.id })),
});
const codes = (t: TopBottom) => ({ top: t.top.map((r) => [r.key.code, r.value]), bottom: t.bottom.map((r) => [r.key.code, r.value]) });

describe('analysis.topBottom (fixed data)', () => {
  /**
   * Range 2030-05..06. Kunming (KM-WH): TA, TB, TC, TD, TE; Qujing (QJ-QL): TF.
   *   revenue: TA 400 + 600, TB 500, TC 500, TD none (no results row), TE 300, TF 2000
   *   actual:  TA 60 + 40 (and a commitment of 999, not actual), TB 100 (+ 500 in July, out of range),
   *            TC 50, TD 80, TE none (no cost), TF 10
   *   ratio = actual ÷ revenue in basis points: TA 1000, TB 2000, TC 1000, TD — (no revenue), TE 0, TF 50
   */
  function seed() {
    const km = unit('KM-WH');
    const [A, B, C, D, E, F] = partners([
      { code: 'TA', ou: km }, { code: 'TB', ou: km }, { code: 'TC', ou: km }, { code: 'TD', ou: km }, { code: 'TE', ou: km }, { code: 'TF', ou: unit('QJ-QL') },
    ]);
    const results: ResultRow[] = [
      { pid: A!.id, period: '2030-05', revenue: 400, margin: null }, { pid: A!.id, period: '2030-06', revenue: 600, margin: null },
      { pid: B!.id, period: '2030-06', revenue: 500, margin: null }, { pid: C!.id, period: '2030-05', revenue: 500, margin: null },
      { pid: E!.id, period: '2030-06', revenue: 300, margin: null }, { pid: F!.id, period: '2030-06', revenue: 2000, margin: null },
      // outside the range
      { pid: D!.id, period: '2030-04', revenue: 9000, margin: null },
    ];
    const docs: Doc[] = [
      claim(A!, [{ period: '2030-05', kind: 'actual', amount: 60 }, { period: '2030-06', kind: 'actual', amount: 40 }, { period: '2030-06', kind: 'commitment', amount: 999 }]),
      claim(B!, [{ period: '2030-06', kind: 'actual', amount: 100 }, { period: '2030-07', kind: 'actual', amount: 500 }]),
      claim(C!, [{ period: '2030-05', kind: 'actual', amount: 50 }]),
      claim(D!, [{ period: '2030-06', kind: 'actual', amount: 80 }]),
      claim(F!, [{ period: '2030-05', kind: 'actual', amount: 10 }]),
    ];
    insertAll(db(), w.admin, w.partners, results, docs);
  }
  const filter = { from: '2030-05', to: '2030-06' };

  it('revenue: ties by code, a partner without revenue is at the bottom with 0, one without cost is still listed', async () => {
    seed();
    const t = await wang('analysis.topBottom', { filter, measure: 'revenue', n: 3 });
    expect(codes(t)).toEqual({ top: [['TF', 2000], ['TA', 1000], ['TB', 500]], bottom: [['TD', 0], ['TE', 300], ['TB', 500]] });
    expect(t.top[1]).toMatchObject({ revenue: 1000, actual: 100 });
    expect(t.bottom[1]).toMatchObject({ revenue: 300, actual: 0 });
    const all = await wang('analysis.topBottom', { filter, measure: 'revenue', n: 10 });
    expect(all.top.map((r) => r.key.code)).toEqual(['TF', 'TA', 'TB', 'TC', 'TE', 'TD']);
  });

  it('actual: commitments and months outside the range do not count; a partner without cost is bottom with 0', async () => {
    seed();
    const t = await wang('analysis.topBottom', { filter, measure: 'actual', n: 3 });
    expect(codes(t)).toEqual({ top: [['TA', 100], ['TB', 100], ['TD', 80]], bottom: [['TE', 0], ['TF', 10], ['TC', 50]] });
  });

  it('ratio: lowest is best, no revenue means no ratio (left out), no cost is a ratio of 0', async () => {
    seed();
    const t = await wang('analysis.topBottom', { filter, measure: 'ratio', n: 3 });
    expect(codes(t)).toEqual({ top: [['TE', 0], ['TF', 50], ['TA', 1000]], bottom: [['TB', 2000], ['TA', 1000], ['TC', 1000]] });
    const all = await wang('analysis.topBottom', { filter, measure: 'ratio', n: 100 });
    expect(all.top.map((r) => r.key.code)).toEqual(['TE', 'TF', 'TA', 'TC', 'TB']);
  });

  it('by org unit: the partners summed under their unit', async () => {
    seed();
    const t = await wang('analysis.topBottom', { filter, dimension: 'orgUnit', measure: 'actual', n: 2 });
    expect(codes(t)).toEqual({ top: [['KM-WH', 330], ['QJ-QL', 10]], bottom: [['QJ-QL', 10], ['KM-WH', 330]] });
  });

  it('scope: a branch user sees only their branch; a filter narrows within it', async () => {
    seed();
    expect(codes(await lina('analysis.topBottom', { filter, measure: 'revenue', n: 3 }))).toEqual({
      top: [['TA', 1000], ['TB', 500], ['TC', 500]], bottom: [['TD', 0], ['TE', 300], ['TB', 500]],
    });
    expect(codes(await lina('analysis.topBottom', { filter, measure: 'ratio', n: 2 }))).toEqual({ top: [['TE', 0], ['TA', 1000]], bottom: [['TB', 2000], ['TA', 1000]] });
    // Qujing's unit asked for by Kunming's approver: nothing, not Qujing's partner
    expect(await lina('analysis.topBottom', { filter: { ...filter, orgUnitId: unit('QJ-QL') }, measure: 'revenue' })).toEqual({ top: [], bottom: [] });
    expect(codes(await wang('analysis.topBottom', { filter: { ...filter, orgUnitId: unit('QJ-QL') }, measure: 'revenue', n: 3 }))).toEqual({
      top: [['TF', 2000]], bottom: [['TF', 2000]],
    });
  });
});

describe('analysis.budgetVsActual (fixed data)', () => {
  const entry = (d: ReturnType<typeof db>) => d.prepare(
    `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, against_type, against_id, user_id, at) VALUES (?, ?, ?, ?, 'test', 1, NULL, NULL, ?, '2030-01-01T00:00:00.000Z')`,
  );
  /**
   * One Kunming line and one Qujing line, months 2030-04..06:
   *   KM: 05 allocation 1000, transfer_in 200, commitment 300, release −100, actual 150; 06 allocation 500, actual 500
   *   QJ: 05 allocation 400, transfer_out −100, commitment 10, actual 10
   * allocated = allocation + transfers, committed = commitment + release, execution = actual ÷ allocated (bp)
   */
  function seed() {
    const within = (root: string) => w.lines.find((l) => w.subtree(unit(root)).has(l.ou))!;
    const [km, qj] = [within('KM'), within('QJ')];
    expect(km && qj).toBeTruthy();
    const ins = entry(db());
    const rows: [number, string, string, number][] = [
      [km.id, '2030-05', 'allocation', 1000], [km.id, '2030-05', 'transfer_in', 200], [km.id, '2030-05', 'commitment', 300], [km.id, '2030-05', 'release', -100],
      [km.id, '2030-05', 'actual', 150], [km.id, '2030-06', 'allocation', 500], [km.id, '2030-06', 'actual', 500],
      [qj.id, '2030-05', 'allocation', 400], [qj.id, '2030-05', 'transfer_out', -100], [qj.id, '2030-05', 'commitment', 10], [qj.id, '2030-05', 'actual', 10],
      // outside the range
      [km.id, '2030-07', 'actual', 7777],
    ];
    for (const [line, period, kind, amount] of rows) ins.run(line, period, kind, amount, w.admin);
    return { km, qj };
  }
  const filter = { from: '2030-04', to: '2030-06' };

  it('per month: allocated, committed, actual and execution as worked out by hand; an empty month has no execution', async () => {
    seed();
    expect(await wang('analysis.budgetVsActual', { filter })).toEqual([
      { period: '2030-04', allocated: 0, committed: 0, actual: 0, executionBp: null },
      // 160 ÷ 1500 = 10.667 %
      { period: '2030-05', allocated: 1500, committed: 210, actual: 160, executionBp: 1067 },
      { period: '2030-06', allocated: 500, committed: 0, actual: 500, executionBp: 10_000 },
    ]);
  });

  it('scope and filters: Kunming sees its line only; the org unit and cost type filters narrow the lines', async () => {
    const { qj } = seed();
    expect(await lina('analysis.budgetVsActual', { filter })).toEqual([
      { period: '2030-04', allocated: 0, committed: 0, actual: 0, executionBp: null },
      { period: '2030-05', allocated: 1200, committed: 200, actual: 150, executionBp: 1250 },
      { period: '2030-06', allocated: 500, committed: 0, actual: 500, executionBp: 10_000 },
    ]);
    const qjOnly = await wang('analysis.budgetVsActual', { filter: { ...filter, orgUnitId: unit('QJ') } });
    expect(qjOnly[1]).toEqual({ period: '2030-05', allocated: 300, committed: 10, actual: 10, executionBp: 333 });
    expect(qjOnly[2]).toMatchObject({ allocated: 0, actual: 0, executionBp: null });
    const other = w.costTypes.find((c) => c !== qj.costType)!;
    const byType = await wang('analysis.budgetVsActual', { filter: { ...filter, orgUnitId: unit('QJ'), costTypeIds: [other] } });
    expect(byType.every((p) => p.allocated === 0 && p.actual === 0)).toBe(true);
    const own = await wang('analysis.budgetVsActual', { filter: { ...filter, orgUnitId: unit('QJ'), costTypeIds: [qj.costType] } });
    expect(own[1]).toMatchObject({ allocated: 300, actual: 10 });
  });
});
