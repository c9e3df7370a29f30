import type { AnalysisFilter } from '../../../shared/api/areas/analysis';
import type { OrgCtx } from '../context';
import { stmt } from '../budgets/sql';
import { and, costTypeWhere, monthStart, nextMonthStart, partnerWhere, whereSql, type Where } from './slice';

/**
 * The aggregates every analysis figure is made of, each one GROUP BY in SQL (never rows pulled
 * into JavaScript). `key` is an SQL expression over `p` (the partner) or `d` (the document);
 * `bucket` one over the month column (see slice.ts `bucketSql`). Formulas: README.md
 * "Analysis: formulas".
 *
 * Spend is read from the budget ledger, attributed through the entry's holder document
 * (`against`: the request, or a stand-alone claim) to its partner and cost type. The ledger's
 * month is the activity's month: commitments are split over the activity's months by days, and a
 * payment consumes the earliest committed months first and posts the actual there
 * (documents/line.ts, documents/effects.ts) — so these figures reconcile with budget vs actual.
 * The covering index budget_ledger_analysis_ix (against_type, period, against_id, kind, amount)
 * serves every range of months without touching the table.
 */
export type Row = [k: number | string | null, b: string, ...values: number[]];
export interface Slice {
  filter: Pick<AnalysisFilter, 'orgUnitId' | 'channelTypeIds' | 'partnerIds' | 'costTypeIds'>;
  from: string;
  to: string;
}

const HOLDERS = [
  ['cost_request', 'cost_requests'],
  ['claim', 'claims'],
] as const;

/** a constant member (NULL: totals per bucket) is not grouped by, so an index ordered by the month serves the GROUP BY */
const groupBy = (key: string) => (key === 'NULL' ? 'GROUP BY b' : 'GROUP BY k, b');

const needsPartner = (key: string, w: Where) => key.includes('p.') || w.where.some((t) => t.includes('p.'));

/**
 * One statement over both holder kinds (requests and stand-alone claims): each holder's part is
 * its own GROUP BY (k, b) (the part's SQL: k, b, then `values` sums), UNION ALL'd and summed once
 * more per (k, b). The parts' parameters come in holder order.
 */
function overHolders(ctx: OrgCtx, values: number, part: (type: string, table: string) => string, params: () => unknown[]): Row[] {
  const sums = Array.from({ length: values }, (_, i) => `SUM(v${i})`).join(', ');
  const parts = HOLDERS.map(([type, table]) => `SELECT * FROM (${part(type, table)})`).join(' UNION ALL ');
  const cols = ['k', 'b', ...Array.from({ length: values }, (_, i) => `v${i}`)].join(', ');
  return stmt(ctx.db.$client, `WITH x(${cols}) AS (${parts}) SELECT k, b, ${sums} FROM x GROUP BY k, b`)
    .raw(true)
    .all(...HOLDERS.flatMap(() => params())) as Row[];
}

/** committed (commitments and releases) and actual of ledger entries `l` as SQL sums */
export const SPEND_SUMS = "SUM(CASE WHEN l.kind = 'actual' THEN 0 ELSE l.amount END), SUM(CASE WHEN l.kind = 'actual' THEN l.amount ELSE 0 END)";
/** the ledger entries of a holder kind (`d`, then any further join) within the months (bound as two parameters); no table: both kinds, no join */
export const spendFrom = (type: string, table: string | null, join = '') =>
  `FROM budget_ledger l ${table ? `JOIN ${table} d ON d.id = l.against_id ${join}` : ''}
   WHERE l.against_type ${table ? `= '${type}'` : "IN ('cost_request','claim')"} AND l.period BETWEEN ? AND ? AND l.kind IN ('commitment','release','actual')`;

/** [k, b, committed, actual] */
export function spend(ctx: OrgCtx, s: Slice, key: string, bucket: (col: string) => string): Row[] {
  const pw = partnerWhere(ctx, s.filter);
  const w = and(pw, costTypeWhere(s.filter, 'd.cost_type_id'));
  const join = needsPartner(key, pw) ? 'JOIN partners p ON p.id = d.partner_id' : '';
  // nothing asked of the document (no member, no filter): one GROUP BY over the ledger's index alone, both holder kinds at once
  if (!join && !key.includes('d.') && w.where.length === 0) {
    return stmt(ctx.db.$client, `SELECT ${key} AS k, ${bucket('l.period')} AS b, ${SPEND_SUMS} ${spendFrom('', null)} ${groupBy(key)}`)
      .raw(true)
      .all(s.from, s.to) as Row[];
  }
  return overHolders(
    ctx, 2,
    (type, table) => `SELECT ${key} AS k, ${bucket('l.period')} AS b, ${SPEND_SUMS} ${spendFrom(type, table, join)}${whereSql(w)} ${groupBy(key)}`,
    () => [s.from, s.to, ...w.params],
  );
}

/** [k, b, revenue, marginSum, rows, rowsWithMargin] of the results data (sales_results); revenueOnly: [k, b, revenue] */
export function results(ctx: OrgCtx, s: Slice, key: string, bucket: (col: string) => string, revenueOnly = false): Row[] {
  const w = partnerWhere(ctx, s.filter);
  const join = needsPartner(key, w) ? 'JOIN partners p ON p.id = r.partner_id' : '';
  return stmt(
    ctx.db.$client,
    `SELECT ${key} AS k, ${bucket('r.period')} AS b, SUM(r.revenue)${revenueOnly ? '' : ', TOTAL(r.gross_margin), COUNT(*), COUNT(r.gross_margin)'}
     FROM sales_results r ${join} WHERE r.period BETWEEN ? AND ?${whereSql(w)} ${groupBy(key)}`,
  )
    .raw(true)
    .all(s.from, s.to, ...w.params)
    .map((r) => (revenueOnly ? (r as Row) : fixTotal(r as Row)));
}

/** TOTAL() is a float; margins are integer fen, so the sum is exact below 2^53 */
const fixTotal = (r: Row): Row => {
  r[3] = Math.round(r[3] as number);
  return r;
};

/** [k, label, revenue, marginSum, rows, rowsWithMargin] over each window's months (baselines) */
export function resultsInWindows(ctx: OrgCtx, s: Pick<Slice, 'filter'>, key: string, windows: { label: string; start: string; end: string }[]): Row[] {
  if (windows.length === 0) return [];
  const w = partnerWhere(ctx, s.filter);
  const join = needsPartner(key, w) ? 'JOIN partners p ON p.id = r.partner_id' : '';
  const values = windows.map(() => '(?, ?, ?)').join(', ');
  return ctx.db.$client
    .prepare(
      `WITH win(label, s, e) AS (VALUES ${values})
       SELECT ${key} AS k, win.label AS b, SUM(r.revenue), TOTAL(r.gross_margin), COUNT(*), COUNT(r.gross_margin)
       FROM win JOIN sales_results r ON r.period BETWEEN win.s AND win.e ${join} WHERE 1 = 1${whereSql(w)} ${groupBy(key)}`,
    )
    .raw(true)
    .all(...windows.flatMap((x) => [x.label, x.start, x.end]), ...w.params)
    .map((r) => fixTotal(r as Row));
}

/** [k, b, lagDaysSum, claims]: activity end → claim submitted, claims submitted in the months (not drafts, not cancelled) */
export function settlementLag(ctx: OrgCtx, s: Slice, key: string, bucket: (col: string) => string): Row[] {
  const w = and(partnerWhere(ctx, s.filter), costTypeWhere(s.filter, 'd.cost_type_id'));
  return stmt(
    ctx.db.$client,
    `SELECT ${key} AS k, ${bucket('substr(d.submitted_at, 1, 7)')} AS b,
       SUM(CAST(julianday(substr(d.submitted_at, 1, 10)) - julianday(d.activity_end) AS INTEGER)), COUNT(*)
     FROM claims d JOIN partners p ON p.id = d.partner_id
     WHERE d.submitted_at >= ? AND d.submitted_at < ? AND d.approval_state NOT IN ('draft','cancelled')${whereSql(w)}
     ${groupBy(key)}`,
  )
    .raw(true)
    .all(monthStart(s.from), nextMonthStart(s.to), ...w.params) as Row[];
}

/** [k, b, cycleSecondsSum, documents]: last submission → final decision of requests and claims decided in the months */
export function cycleTime(ctx: OrgCtx, s: Slice, key: string, bucket: (col: string) => string): Row[] {
  const w = and(partnerWhere(ctx, s.filter), costTypeWhere(s.filter, 'd.cost_type_id'));
  return overHolders(
    ctx, 2,
    (_, table) => `SELECT ${key} AS k, ${bucket('substr(d.decided_at, 1, 7)')} AS b,
         SUM(CAST(strftime('%s', d.decided_at) AS INTEGER) - CAST(strftime('%s', d.submitted_at) AS INTEGER)), COUNT(*)
       FROM ${table} d JOIN partners p ON p.id = d.partner_id
       WHERE d.decided_at >= ? AND d.decided_at < ? AND d.approval_state IN ('approved','rejected') AND d.submitted_at IS NOT NULL${whereSql(w)}
       ${groupBy(key)}`,
    () => [monthStart(s.from), nextMonthStart(s.to), ...w.params],
  );
}

/**
 * [k, b, allocated, committed, actual] of the budget's own cells (lines of the caller's org units):
 * budget execution is read where the budget is, by the line's org unit, channel type, cost type
 * and partner (a county's line serves its townships' partners).
 */
export function budgetCells(ctx: OrgCtx, s: Slice, key: string, bucket: (col: string) => string): Row[] {
  const w = and(partnerWhere(ctx, s.filter, 'bl', 'bl.org_unit_id'), costTypeWhere(s.filter, 'bl.cost_type_id'));
  return stmt(
    ctx.db.$client,
    `SELECT ${key} AS k, ${bucket('l.period')} AS b,
       SUM(CASE WHEN l.kind IN ('allocation','transfer_in','transfer_out') THEN l.amount ELSE 0 END),
       SUM(CASE WHEN l.kind IN ('commitment','release') THEN l.amount ELSE 0 END),
       SUM(CASE WHEN l.kind = 'actual' THEN l.amount ELSE 0 END)
     FROM budget_lines bl JOIN budget_ledger l ON l.line_id = bl.id
     WHERE l.period BETWEEN ? AND ?${whereSql(w)} ${groupBy(key)}`,
  )
    .raw(true)
    .all(s.from, s.to, ...w.params) as Row[];
}
