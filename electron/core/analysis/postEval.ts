import type { z } from 'zod';
import type { postEvaluationsInput, postEvaluationSummaryInput } from '../../../shared/api/areas/analysis';
import type { Baseline, PostEvaluation, PostEvaluationPage, PostEvaluationSummaryRow, Verdict } from '../../../shared/api/areas/analysisTypes';
import type { OrgCtx } from '../context';
import { addMonths, and, bp, costTypeWhere, keyOf, monthsOf, names, partnerWhere, scale, whereSql } from './slice';

/**
 * Post-evaluation of every closed request (issue 10 point 3), by one written rule:
 * - activity months: the months the activity touches; baseline months: the same months a year
 *   earlier (lastYear), or the 3 months before the activity's first month (pre3, scaled to the
 *   activity's months: Σ × months ÷ 3, rounded half away from zero);
 * - not measurable: the partner has no results row for an activity month or a baseline month;
 * - actual uplift = revenue over the activity months − baseline revenue; target = 80 % of the
 *   request's expected revenue (rounded up), or the actual cost when it expected none;
 * - ROI = (incremental margin − actual cost) ÷ actual cost, when every one of those rows has a
 *   margin (else ROI is not known and does not decide);
 * - effective: uplift ≥ target and ROI (when known) ≥ 0; otherwise not effective.
 * Planned cost = the request's amount; actual cost = what approved claims took of it (claimed
 * amount: a closed request's cost is settled even while its payment is pending).
 * Listed by the request's org unit and its owner (the manager who looks after it now); shown are
 * requests whose partner and org unit are in the caller's scope.
 */
type Input = z.output<typeof postEvaluationsInput>;

interface ReqRow {
  id: number; number: string; title: string; partnerId: number; ou: number; owner: number; costType: number;
  activityStart: string; activityEnd: string; amount: number; expected: number; claimed: number;
}

export interface Evaluated {
  actualUplift: number | null;
  activityRevenue: number | null;
  baselineRevenue: number | null;
  roiBp: number | null;
  verdict: Verdict;
  reason: string;
}

/** the rule, on one request and its partner's results by month (revenue, margin or null) */
export function evaluate(
  r: { activityStart: string; activityEnd: string; expected: number; claimed: number },
  resultsOf: (period: string) => { revenue: number; margin: number | null } | undefined,
  baseline: Baseline,
): Evaluated {
  const act = monthsOf(r.activityStart.slice(0, 7), r.activityEnd.slice(0, 7));
  const base = baseline === 'lastYear' ? act.map((p) => addMonths(p, -12)) : [1, 2, 3].map((k) => addMonths(act[0]!, -4 + k));
  const a = act.map(resultsOf);
  const b = base.map(resultsOf);
  if (a.some((x) => !x) || b.some((x) => !x)) return { actualUplift: null, activityRevenue: null, baselineRevenue: null, roiBp: null, verdict: 'not_measurable', reason: 'no_results' };
  const sum = (xs: typeof a, f: (x: NonNullable<(typeof a)[number]>) => number) => xs.reduce((s, x) => s + f(x!), 0);
  const [num, den] = baseline === 'lastYear' ? [1, 1] : [act.length, 3];
  const activityRevenue = sum(a, (x) => x.revenue);
  const baselineRevenue = scale(sum(b, (x) => x.revenue), num, den);
  const uplift = activityRevenue - baselineRevenue;
  const marginKnown = [...a, ...b].every((x) => x!.margin !== null);
  const incMargin = marginKnown ? sum(a, (x) => x.margin!) - scale(sum(b, (x) => x.margin!), num, den) : null;
  const roiBp = incMargin === null ? null : bp(incMargin - r.claimed, r.claimed);
  const target = r.expected > 0 ? Math.floor((r.expected * 4 + 4) / 5) : r.claimed;
  const verdict: Verdict = uplift >= target && (roiBp === null || roiBp >= 0) ? 'effective' : 'not_effective';
  const reason = uplift < target ? 'below_target' : roiBp !== null && roiBp < 0 ? 'negative_roi' : 'target_met';
  return { actualUplift: uplift, activityRevenue, baselineRevenue, roiBp, verdict, reason };
}

function evaluateAll(ctx: OrgCtx, i: Pick<Input, 'filter' | 'baseline' | 'managerId'>): (ReqRow & Evaluated)[] {
  const db = ctx.db.$client;
  const f = i.filter;
  const w = and(partnerWhere(ctx, f), ctx.scope.sql('r.org_unit_id'), costTypeWhere(f, 'r.cost_type_id'));
  if (i.managerId !== undefined) {
    w.where.push('r.owner_user_id = ?');
    w.params.push(i.managerId);
  }
  const reqs = db
    .prepare(
      `SELECT r.id, r.number, r.title, r.partner_id AS partnerId, r.org_unit_id AS ou, r.owner_user_id AS owner, r.cost_type_id AS costType,
         r.activity_start AS activityStart, r.activity_end AS activityEnd, r.amount, r.expected_revenue AS expected, r.claimed_amount AS claimed
       FROM cost_requests r JOIN partners p ON p.id = r.partner_id
       WHERE r.settle_state = 'closed' AND r.activity_end >= ? AND r.activity_end < ?${whereSql(w)} ORDER BY r.activity_end DESC, r.id DESC`,
    )
    .all(`${f.from}-01`, `${addMonths(f.to, 1)}-01`, ...w.params) as ReqRow[];
  if (reqs.length === 0) return [];
  // the partners' results over every month any of them needs (a year before the earliest activity … the latest)
  const lo = addMonths(reqs.reduce((m, r) => (r.activityStart < m ? r.activityStart : m), reqs[0]!.activityStart).slice(0, 7), -12);
  const hi = reqs.reduce((m, r) => (r.activityEnd > m ? r.activityEnd : m), reqs[0]!.activityEnd).slice(0, 7);
  const res = new Map<string, { revenue: number; margin: number | null }>();
  const rows = db
    .prepare(
      `SELECT partner_id, period, revenue, gross_margin FROM sales_results
       WHERE partner_id IN (SELECT value FROM json_each(?)) AND period BETWEEN ? AND ?`,
    )
    .raw(true)
    .all(JSON.stringify([...new Set(reqs.map((r) => r.partnerId))]), lo, hi) as [number, string, number, number | null][];
  for (const [pid, period, revenue, margin] of rows) res.set(`${pid}|${period}`, { revenue, margin });
  return reqs.map((r) => ({ ...r, ...evaluate(r, (p) => res.get(`${r.partnerId}|${p}`), i.baseline) }));
}

export function postEvaluations(ctx: OrgCtx, i: Input): PostEvaluationPage {
  const all = evaluateAll(ctx, i).filter((r) => !i.verdict || r.verdict === i.verdict);
  const page = all.slice(i.offset, i.offset + i.limit);
  const db = ctx.db.$client;
  const loc = ctx.user.locale;
  const pn = names(db, 'partner', page.map((r) => r.partnerId), loc);
  const ou = names(db, 'orgUnit', page.map((r) => r.ou), loc);
  const mg = names(db, 'manager', page.map((r) => r.owner), loc);
  const ct = names(db, 'costType', page.map((r) => r.costType), loc);
  const rows: PostEvaluation[] = page.map((r) => ({
    requestId: r.id, number: r.number, title: r.title,
    partner: keyOf(pn, r.partnerId), orgUnit: keyOf(ou, r.ou), manager: keyOf(mg, r.owner), costType: keyOf(ct, r.costType),
    activityStart: r.activityStart, activityEnd: r.activityEnd, plannedCost: r.amount, actualCost: r.claimed, expectedUplift: r.expected,
    actualUplift: r.actualUplift, activityRevenue: r.activityRevenue, baselineRevenue: r.baselineRevenue, roiBp: r.roiBp, verdict: r.verdict, reason: r.reason,
  }));
  return { rows, total: all.length };
}

export function postEvaluationSummary(ctx: OrgCtx, i: z.output<typeof postEvaluationSummaryInput>): PostEvaluationSummaryRow[] {
  const all = evaluateAll(ctx, i);
  const by = new Map<number, PostEvaluationSummaryRow>();
  for (const r of all) {
    const k = i.by === 'manager' ? r.owner : r.ou;
    let s = by.get(k);
    if (!s) by.set(k, (s = { key: { id: k, code: '', name: '' }, count: 0, effective: 0, notEffective: 0, notMeasurable: 0, plannedCost: 0, actualCost: 0, expectedUplift: 0, actualUplift: 0 }));
    s.count++;
    if (r.verdict === 'effective') s.effective++;
    else if (r.verdict === 'not_effective') s.notEffective++;
    else s.notMeasurable++;
    s.plannedCost += r.amount;
    s.actualCost += r.claimed;
    s.expectedUplift += r.expected;
    s.actualUplift += r.actualUplift ?? 0;
  }
  const nm = names(ctx.db.$client, i.by === 'manager' ? 'manager' : 'orgUnit', [...by.keys()], ctx.user.locale);
  return [...by.values()].map((s) => ({ ...s, key: keyOf(nm, s.key.id) })).sort((a, b) => a.key.code.localeCompare(b.key.code) || (a.key.id ?? 0) - (b.key.id ?? 0));
}
