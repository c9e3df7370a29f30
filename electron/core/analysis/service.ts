import type { z } from 'zod';
import type { ResultRow, ResultsPage, resultsQuery } from '../../../shared/api/areas/results';
import type { Handlers, OrgCtx } from '../context';
import { isoNow } from '../context';
import { dbOf, inTx, stmt } from '../budgets/sql';
import { RESULT_COLUMNS, resultRows, writeResults } from './results';
import { proposalHandlers } from './proposalService';

/**
 * results.list / results.save. The list is the grid's page: filtered by month range, org unit
 * (subtree) and partner text, always limited to the caller's scope by the partner's org unit, with
 * totals over every matching row (not just the page).
 */
type Query = z.output<typeof resultsQuery>;

const SORT_SQL: Record<Query['sort'][number]['colId'], string> = {
  partner: 'p.code',
  orgUnit: 'o.path',
  period: 'r.period',
  revenue: 'r.revenue',
  grossMargin: 'r.gross_margin',
  newSubscribers: 'r.new_subscribers',
};

export function resultsWhere(ctx: OrgCtx, q: Pick<Query, 'from' | 'to' | 'orgUnitId' | 'partner'>): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const s = ctx.scope.sql('p.org_unit_id');
  where.push(...s.where);
  params.push(...s.params);
  if (q.from) {
    where.push('r.period >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('r.period <= ?');
    params.push(q.to);
  }
  if (q.orgUnitId !== undefined) {
    where.push("o.path LIKE (SELECT path FROM org_units WHERE id = ?) || '%'");
    params.push(q.orgUnitId);
  }
  if (q.partner) {
    where.push("(instr(lower(p.code), lower(?)) > 0 OR instr(p.name, ?) > 0)");
    params.push(q.partner, q.partner);
  }
  return { where, params };
}

export function listResults(ctx: OrgCtx, q: Query): ResultsPage {
  const db = dbOf(ctx);
  const { where, params } = resultsWhere(ctx, q);
  const from = 'FROM sales_results r JOIN partners p ON p.id = r.partner_id JOIN org_units o ON o.id = p.org_unit_id';
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order = [...q.sort.map((s) => `${SORT_SQL[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`), 'p.code', 'r.period'].join(', ');
  const rows = stmt(db, `SELECT ${RESULT_COLUMNS} ${from} ${w} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as ResultRow[];
  const t = stmt(
    db,
    `SELECT count(*) AS rows, coalesce(sum(r.revenue), 0) AS revenue, coalesce(sum(r.gross_margin), 0) AS grossMargin,
       count(r.gross_margin) AS marginKnownRows, coalesce(sum(r.new_subscribers), 0) AS newSubscribers ${from} ${w}`,
  ).get(...params) as ResultsPage['totals'];
  return { rows, totals: t };
}

export const resultHandlers = {
  'results.list': (q, ctx) => listResults(ctx, q),
  'results.save': (i, ctx) =>
    inTx(ctx, () => {
      const res = writeResults(dbOf(ctx), i.rows, { userId: ctx.user.id, at: isoNow(ctx), scope: ctx.scope });
      return { created: res.created, updated: res.updated, unchanged: res.unchanged, rows: resultRows(dbOf(ctx), i.rows) };
    }),
  ...proposalHandlers,
} satisfies Handlers<'results.list' | 'results.save' | 'results.proposal' | 'results.saveProposal'>;
