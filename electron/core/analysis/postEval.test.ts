import { describe, expect, it } from 'vitest';
import type { Caller, TestCore } from '../testing';
import { analysisTestbed, insertAll, worldOf, type Doc, type PartnerInfo, type ResultRow } from './testkit';

/** Post-evaluation verdicts on fixed cases, worked out by hand from the written rule (postEval.ts). */
let core: TestCore;
let w: ReturnType<typeof worldOf>;
let wang: Caller;
let lina: Caller;
analysisTestbed({ partners: 40, users: ['wangfang', 'lina'] }, (b) => {
  ({ core, w } = b);
  [wang, lina] = b.callers as [Caller, Caller];
});

const request = (p: PartnerInfo, expected: number, claimed: number, o: Partial<Doc> = {}): Doc => ({
  type: 'cost_request', pid: p.id, costType: w.costTypes[0]!, activityStart: '2030-06-10', activityEnd: '2030-06-20', state: 'approved', closed: true,
  submittedAt: '2030-05-01T00:00:00.000Z', decidedAt: '2030-05-02T00:00:00.000Z', due: '2030-07-20', duplicate: false, entries: [], amount: 1000, expected, claimed, ...o,
});
const r = (p: PartnerInfo, period: string, revenue: number, margin: number | null): ResultRow => ({ pid: p.id, period, revenue, margin });

describe('post-evaluation of closed requests', () => {
  it('verdicts by the written rule, against last year and against the 3 months before', async () => {
    const km = w.partners.filter((p) => w.scopeOf('lina').has(p.ou));
    const qj = w.partners.find((p) => !w.scopeOf('lina').has(p.ou))!;
    const [P1, P2, P3, P4, P5] = km;
    const results = [
      r(P1!, '2029-06', 2000, 500), r(P1!, '2030-06', 3000, 1200), r(P1!, '2030-03', 1800, 400), r(P1!, '2030-04', 2100, 400), r(P1!, '2030-05', 2100, 400),
      r(P2!, '2029-06', 2000, 500), r(P2!, '2030-06', 2500, 800),
      r(P3!, '2029-06', 2000, 500), r(P3!, '2030-06', 3000, 600),
      r(P4!, '2030-06', 9000, 900),
      r(P5!, '2029-06', 1000, 100), r(P5!, '2030-06', 1500, null),
      r(qj, '2029-06', 1, 1), r(qj, '2030-06', 9, 9),
    ];
    const docs = [
      request(P1!, 1000, 500), request(P2!, 1000, 500), request(P3!, 1000, 500), request(P4!, 1000, 500), request(P5!, 0, 400),
      request(P1!, 1000, 500, { closed: false }), request(qj, 0, 1),
    ];
    insertAll(core.env.db.$client, w.admin, w.partners, results, docs);
    const filter = { from: '2030-06', to: '2030-06' };
    const last = await wang('analysis.postEvaluations', { filter, baseline: 'lastYear' });
    const row = (p: PartnerInfo) => last.rows.find((x) => x.partner.id === p.id)!;
    expect(last.total).toBe(6);
    // P1: uplift 3000 − 2000 = 1000 ≥ 800 (80 % of 1000); incremental margin 700 − 500 cost → ROI 40 %
    expect(row(P1!)).toMatchObject({ actualUplift: 1000, roiBp: 4000, verdict: 'effective', reason: 'target_met', plannedCost: 1000, actualCost: 500 });
    expect(row(P2!)).toMatchObject({ actualUplift: 500, verdict: 'not_effective', reason: 'below_target' });
    expect(row(P3!)).toMatchObject({ actualUplift: 1000, roiBp: -8000, verdict: 'not_effective', reason: 'negative_roi' });
    expect(row(P4!)).toMatchObject({ actualUplift: null, verdict: 'not_measurable', reason: 'no_results' });
    // P5: margin unknown (ROI does not decide); no expected revenue → target = the cost 400 ≤ uplift 500
    expect(row(P5!)).toMatchObject({ actualUplift: 500, roiBp: null, verdict: 'effective' });

    const pre3 = await wang('analysis.postEvaluations', { filter, baseline: 'pre3' });
    const p1 = pre3.rows.find((x) => x.partner.id === P1!.id)!;
    // baseline = (1800 + 2100 + 2100) × 1 ÷ 3 = 2000; margin 1200 − 1200 ÷ 3 = 800 → (800 − 500) ÷ 500
    expect(p1).toMatchObject({ baselineRevenue: 2000, actualUplift: 1000, roiBp: 6000, verdict: 'effective' });
    expect(pre3.rows.filter((x) => x.verdict === 'not_measurable').length).toBe(5);

    const notMeasurable = await wang('analysis.postEvaluations', { filter, verdict: 'not_measurable' });
    expect(notMeasurable.rows.map((x) => x.partner.id)).toEqual([P4!.id]);

    // a Kunming approver: the Qujing request is not theirs
    const kmRows = await lina('analysis.postEvaluations', { filter });
    expect(kmRows.total).toBe(5);
    const byUnit = await lina('analysis.postEvaluationSummary', { filter, by: 'orgUnit' });
    expect(byUnit.reduce((s, x) => s + x.count, 0)).toBe(5);
    expect(byUnit.reduce((s, x) => s + x.effective, 0)).toBe(2);
    expect(byUnit.reduce((s, x) => s + x.notEffective, 0)).toBe(2);
    const byManager = await wang('analysis.postEvaluationSummary', { filter, by: 'manager' });
    expect(byManager.reduce((s, x) => s + x.count, 0)).toBe(6);
  });
});
