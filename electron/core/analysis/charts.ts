import type { z } from 'zod';
import type { AnalysisFilter, scatterInput, topBottomInput } from '../../../shared/api/areas/analysis';
import type { BudgetVsActualPoint, ScatterData, ScatterPoint, TopBottom, TopBottomRow, TrendPoint } from '../../../shared/api/areas/analysisTypes';
import type { OrgCtx } from '../context';
import { stmt } from '../budgets/sql';
import { budgetCells, results, spend, SPEND_SUMS, spendFrom } from './facts';
import { computeMetrics } from './metrics';
import { bp, costTypeWhere, keyOf, monthsOf, names, partnerWhere, whereSql } from './slice';
import { partnerScoresPage, rankingOf } from './scores';

/** The charts' data (issue 10 point 5): trend, spend vs revenue per partner, budget vs actual, top and bottom lists. */

const byMonth = (c: string) => c;

export function trend(ctx: OrgCtx, f: AnalysisFilter): TrendPoint[] {
  const s = { filter: f, from: f.from, to: f.to };
  const points = new Map<string, TrendPoint>(monthsOf(f.from, f.to).map((p) => [p, { period: p, committed: 0, actual: 0, revenue: 0, ratioBp: null }]));
  for (const [, b, committed, actual] of spend(ctx, s, 'NULL', byMonth)) {
    const t = points.get(b)!;
    t.committed += committed!;
    t.actual += actual!;
  }
  for (const [, b, revenue] of results(ctx, s, 'NULL', byMonth, true)) points.get(b)!.revenue += revenue!;
  for (const t of points.values()) t.ratioBp = bp(t.actual, t.revenue);
  return [...points.values()];
}

/**
 * Spend vs revenue per partner over the range: one GROUP BY over the ledger per holder document
 * (then joined to the documents' partners) and one over the results, combined per partner in SQL; the points are the first
 * `limit` by actual (then revenue, then id), the quadrant lines the medians of all.
 */
export function scatter(ctx: OrgCtx, i: z.output<typeof scatterInput>): ScatterData {
  const f = i.filter;
  const pw = partnerWhere(ctx, f);
  const cw = costTypeWhere(f, 'd.cost_type_id');
  // the ledger summed per holder document first (its covering index, no join), then each holder joined once to its partner
  const byHolder = (type: string, table: string) => `SELECT d.partner_id, h.committed, h.actual, 0 FROM h JOIN ${table} d ON d.id = h.id WHERE h.t = '${type}'${whereSql(cw)}`;
  const sql = `
    WITH h(t, id, committed, actual) AS (SELECT l.against_type, l.against_id, ${SPEND_SUMS} ${spendFrom('', null)} GROUP BY l.against_type, l.against_id),
    x(pid, committed, actual, revenue) AS (
      ${byHolder('cost_request', 'cost_requests')}
      UNION ALL ${byHolder('claim', 'claims')}
      UNION ALL SELECT r.partner_id, 0, 0, SUM(r.revenue) FROM sales_results r WHERE r.period BETWEEN ? AND ? GROUP BY r.partner_id
    )
    SELECT p.id, p.code, p.name, p.channel_type_id, p.org_unit_id, SUM(x.actual) AS s_actual, SUM(x.committed) AS s_committed, SUM(x.revenue) AS s_revenue
    FROM x JOIN partners p ON p.id = x.pid WHERE 1 = 1${whereSql(pw)}
    GROUP BY p.id HAVING SUM(x.actual) <> 0 OR SUM(x.committed) <> 0 OR SUM(x.revenue) <> 0
    ORDER BY s_actual DESC, s_revenue DESC, p.id`;
  const params = [f.from, f.to, ...cw.params, ...cw.params, f.from, f.to, ...pw.params];
  const rows = stmt(ctx.db.$client, sql).raw(true).all(...params) as [number, string, string, number, number, number, number, number][];
  const med = (k: 5 | 7) => {
    if (rows.length === 0) return 0;
    const a = Float64Array.from(rows, (r) => r[k]).sort();
    return a[Math.floor((a.length - 1) / 2)]!;
  };
  const points: ScatterPoint[] = rows.slice(0, i.limit).map((r) => ({
    partnerId: r[0], code: r[1], name: r[2], channelTypeId: r[3], orgUnitId: r[4], actual: r[5], committed: r[6], revenue: r[7], ratioBp: bp(r[5], r[7]),
  }));
  return { points, total: rows.length, medianActual: med(5), medianRevenue: med(7) };
}

export function budgetVsActual(ctx: OrgCtx, f: AnalysisFilter): BudgetVsActualPoint[] {
  const points = new Map<string, BudgetVsActualPoint>(monthsOf(f.from, f.to).map((p) => [p, { period: p, allocated: 0, committed: 0, actual: 0, executionBp: null }]));
  for (const [, b, allocated, committed, actual] of budgetCells(ctx, { filter: f, from: f.from, to: f.to }, 'NULL', byMonth)) {
    const t = points.get(b)!;
    t.allocated += allocated!;
    t.committed += committed!;
    t.actual += actual!;
  }
  for (const t of points.values()) t.executionBp = bp(t.actual, t.allocated);
  return [...points.values()];
}

/** the n best and n worst members; ratio: lowest is best; members without a value are left out */
export function topBottom(ctx: OrgCtx, i: z.output<typeof topBottomInput>): TopBottom {
  const f = i.filter;
  let rows: TopBottomRow[];
  if (i.measure === 'score') {
    const kind = i.dimension === 'orgUnit' ? 'orgUnit' : i.dimension === 'manager' ? 'manager' : null;
    if (kind) {
      rows = rankingOf(ctx, { period: f.to, orgUnitId: f.orgUnitId, channelTypeIds: f.channelTypeIds, partnerIds: f.partnerIds, kind }).rows.map((r) => ({ key: r.subject, value: r.score, revenue: 0, actual: 0 }));
    } else {
      const page = partnerScoresPage(ctx, { period: f.to, orgUnitId: f.orgUnitId, channelTypeIds: f.channelTypeIds, partnerIds: f.partnerIds, yellowOnly: false, sort: 'score', limit: 1_000_000, offset: 0 });
      rows = page.rows.map((r) => ({ key: r.partner, value: r.score, revenue: r.revenue, actual: r.actual }));
    }
  } else {
    const buckets = [{ label: 'range', start: f.from, end: f.to, months: monthsOf(f.from, f.to).length }];
    const { accs, rowOf } = computeMetrics(ctx, { filter: f, dimension: i.dimension, baseline: i.baseline, buckets, bucket: () => "'range'" });
    const dimNames = names(ctx.db.$client, i.dimension, accs.map((a) => a.k), ctx.user.locale);
    rows = accs.map((a) => {
      const r = rowOf(a);
      const value = i.measure === 'revenue' ? r.revenue : i.measure === 'actual' ? r.actual : i.measure === 'ratio' ? r.ratioBp : r.roiBp;
      return { key: keyOf(dimNames, a.k), value, revenue: r.revenue ?? 0, actual: r.actual };
    });
  }
  const valued = rows.filter((r) => r.value !== null);
  const better = i.measure === 'ratio' ? -1 : 1;
  const tie = (a: TopBottomRow, b: TopBottomRow) => a.key.code.localeCompare(b.key.code) || (a.key.id ?? 0) - (b.key.id ?? 0);
  const best = [...valued].sort((a, b) => better * (b.value! - a.value!) || tie(a, b));
  const worst = [...valued].sort((a, b) => better * (a.value! - b.value!) || tie(a, b));
  return { top: best.slice(0, i.n), bottom: worst.slice(0, i.n) };
}
