import type { ScoreWeights } from '../../../shared/api/areas/analysisTypes';
import { monthStart, nextMonthStart } from './slice';

/**
 * The monthly partner score (issue 10 point 4) as one SQL: the CTE `scored` holds every partner of
 * the company scored in month M — those with a results row for M or actual cost in M — with its
 * components, total and ranks. Computed over the whole company (a rank and a yellow card are facts,
 * the same for every viewer); callers then show only the rows of the caller's scope.
 *
 * Components, each an integer 0–10000 (= 0–100.00):
 * - revenue: percentile of the month's revenue within the partner's channel type,
 *   (below + (equal − 1) ÷ 2) ÷ (n − 1): `below` partners of lower revenue, `equal` partners of the
 *   same revenue (itself included), so ties share the mean of their positions; n = 1 → 10000;
 * - cost ratio: the same percentile of the ratio actual ÷ revenue, ordered worst first (cost
 *   without revenue is the worst of all; no cost and no revenue is a ratio of 0);
 * - timeliness: claims submitted in M by their due date ÷ claims submitted in M (none → 10000);
 * - flags: 10000 − 2500 × (claims submitted in M despite a duplicate invoice + claims rejected in M), at least 0.
 * Divisions round half up (all terms are non-negative). total = Σ weight × component (weights sum
 * to 100, so total is 0 … 1,000,000 and score = total ÷ 10000). Ranks: total high to low, then
 * revenue high to low, then partner code — unique, so ties are broken deterministically.
 * A yellow card: one of the last three of a ranking of more than three members.
 */
export function scoredCte(period: string, w: ScoreWeights): { sql: string; params: Record<string, unknown> } {
  const sql = `
  facts AS (
      SELECT partner_id AS pid, revenue AS rev, 0 AS act, 0 AS n, 0 AS ok, 0 AS dup, 0 AS rej, 1 AS has FROM sales_results WHERE period = @m
      UNION ALL
      SELECT d.partner_id, 0, l.amount, 0, 0, 0, 0, 0 FROM budget_ledger l JOIN cost_requests d ON d.id = l.against_id
      WHERE l.against_type = 'cost_request' AND l.period = @m AND l.kind = 'actual'
      UNION ALL
      SELECT d.partner_id, 0, l.amount, 0, 0, 0, 0, 0 FROM budget_ledger l JOIN claims d ON d.id = l.against_id
      WHERE l.against_type = 'claim' AND l.period = @m AND l.kind = 'actual'
      UNION ALL
      SELECT partner_id, 0, 0, 1, substr(submitted_at, 1, 10) <= due, duplicate_reason <> '', 0, 0 FROM claims
      WHERE submitted_at >= @m0 AND submitted_at < @m1 AND approval_state NOT IN ('draft','cancelled')
      UNION ALL
      SELECT partner_id, 0, 0, 0, 0, 0, 1, 0 FROM claims WHERE decided_at >= @m0 AND decided_at < @m1 AND approval_state = 'rejected'),
  agg AS (SELECT pid, SUM(rev) AS revenue, SUM(act) AS actual, SUM(n) AS subn, SUM(ok) AS ontime, SUM(dup) AS dups, SUM(rej) AS rejn, MAX(has) AS has
      FROM facts GROUP BY pid),
  base AS (SELECT p.id, p.code, p.channel_type_id AS ct, p.org_unit_id AS ou, p.owner_user_id AS mgr, p.star_rating AS star,
      a.revenue, a.actual, a.subn, a.ontime, a.dups, a.rejn
      FROM agg a JOIN partners p ON p.id = a.pid WHERE a.has = 1 OR a.actual <> 0),
  ratios AS (SELECT *, (revenue = 0 AND actual > 0) AS inf, CASE WHEN revenue > 0 THEN actual * 1.0 / revenue ELSE 0 END AS ratio FROM base),
  comp AS (SELECT *, count(*) OVER (PARTITION BY ct) AS nct,
      rank() OVER (PARTITION BY ct ORDER BY revenue) AS rrev, count(*) OVER (PARTITION BY ct, revenue) AS trev,
      rank() OVER (PARTITION BY ct ORDER BY inf DESC, ratio DESC) AS rrat, count(*) OVER (PARTITION BY ct, inf, ratio) AS trat
      FROM ratios),
  sc AS (SELECT *,
      CASE WHEN nct = 1 THEN 10000 ELSE ((2 * (rrev - 1) + trev - 1) * 20000 + 2 * (nct - 1)) / (4 * (nct - 1)) END AS srev,
      CASE WHEN nct = 1 THEN 10000 ELSE ((2 * (rrat - 1) + trat - 1) * 20000 + 2 * (nct - 1)) / (4 * (nct - 1)) END AS srat,
      CASE WHEN subn = 0 THEN 10000 ELSE (ontime * 20000 + subn) / (2 * subn) END AS stime,
      max(0, 10000 - 2500 * (dups + rejn)) AS sflag FROM comp),
  tot AS (SELECT *, @wr * srev + @wc * srat + @wt * stime + @wf * sflag AS total FROM sc),
  scored AS (SELECT *,
      row_number() OVER (PARTITION BY ct ORDER BY total DESC, revenue DESC, code) AS rct, count(*) OVER (PARTITION BY ct) AS oct,
      row_number() OVER (PARTITION BY ou ORDER BY total DESC, revenue DESC, code) AS rou, count(*) OVER (PARTITION BY ou) AS oou
      FROM tot)`;
  return { sql, params: { m: period, m0: monthStart(period), m1: nextMonthStart(period), wr: w.revenue, wc: w.costRatio, wt: w.timeliness, wf: w.flags } };
}

/** suggested star from the score (total 0 … 1,000,000): ≥ 80 → 5, ≥ 60 → 4, ≥ 40 → 3, ≥ 20 → 2, else 1 */
export const suggestedStar = (total: number) => (total >= 800_000 ? 5 : total >= 600_000 ? 4 : total >= 400_000 ? 3 : total >= 200_000 ? 2 : 1);
export const isYellow = (rank: number, of: number) => of > 3 && rank > of - 3;
