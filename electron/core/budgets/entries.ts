import type { z } from 'zod';
import type { budgetsApi, LedgerEntriesPage, LedgerEntryRow } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { periodOf } from '../../../shared/domain/budget';
import type { OrgCtx, Handlers } from '../context';
import { lineWhere } from './filters';
import { requirePlanOfYear } from './lines';
import { dbOf, SUM_ACTUAL, SUM_ALLOCATED, SUM_COMMITTED } from './sql';

/**
 * Drill-down: the ledger entries behind any figure of budget vs actual — the row's keys, the
 * bucket's period range (shared/domain/budget.ts `bucketRange`) and optionally some kinds —
 * with their source document, user, time and line's partner, and the sums of all of them per figure
 * (the pane's total equals the figure clicked). Newest first by id: the ledger is appended when
 * things are posted, so id order is posting order. Paged by id (keyset).
 */
type In = z.output<(typeof budgetsApi)['budgets.entries']['input']>;
/**
 * Beyond this many matching entries, the page walks the ledger's primary key backwards and tests
 * each entry's line (`+e.line_id` keeps the planner off the line index): the first page of a
 * whole plan costs milliseconds instead of sorting a million ids. Narrower drills use the index.
 */
const BROAD = 10_000;

export function ledgerEntries(ctx: OrgCtx, i: In): LedgerEntriesPage {
  const db = dbOf(ctx);
  const planId = requirePlanOfYear(db, i.fiscalYear);
  const f = lineWhere(ctx, planId, i.filter, i.keys);
  const rest = ['e.period BETWEEN ? AND ?'];
  const params: unknown[] = [...f.params, i.from ?? periodOf(i.fiscalYear, 1), i.to ?? periodOf(i.fiscalYear, 12)];
  if (i.kinds?.length) {
    rest.push('e.kind IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(i.kinds));
  }
  const where = (lineTerm: string) => [`${lineTerm} IN (SELECT l.id FROM budget_lines l WHERE ${f.where.join(' AND ')})`, ...rest];
  const agg = db
    .prepare(
      `SELECT count(*) AS n, coalesce(${SUM_ALLOCATED('e')}, 0) AS allocated, coalesce(${SUM_COMMITTED('e')}, 0) AS committed, coalesce(${SUM_ACTUAL('e')}, 0) AS actual
       FROM budget_ledger e WHERE ${where('e.line_id').join(' AND ')}`,
    )
    .get(...params) as { n: number; allocated: number; committed: number; actual: number };
  const total = agg.n;
  const page = [...where(total > BROAD ? '+e.line_id' : 'e.line_id')];
  const pageParams = [...params];
  if (i.cursor !== undefined) {
    const before = Number(i.cursor);
    if (!Number.isSafeInteger(before)) throw new ApiError('validation', 'Invalid cursor');
    page.push('e.id < ?');
    pageParams.push(before);
  }
  // the page's ids first (from an index alone), then their rows with names
  const ids = db.prepare(`SELECT e.id FROM budget_ledger e WHERE ${page.join(' AND ')} ORDER BY e.id DESC LIMIT ?`).pluck().all(...pageParams, i.limit) as number[];
  const rows = db
    .prepare(
      `SELECT e.id, e.at, e.period, e.kind, e.amount, e.line_id AS lineId, l.org_unit_id AS orgUnitId, l.channel_type_id AS channelTypeId,
        l.cost_type_id AS costTypeId, l.partner_id AS partnerId, e.source_type AS sourceType, e.source_id AS sourceId, e.source_ref AS sourceRef,
        e.against_type AS againstType, e.against_id AS againstId, e.user_id AS userId, u.display_name AS userName, e.note,
        CASE WHEN p.id IS NULL THEN NULL ELSE p.code || ' ' || p.name END AS partnerName
       FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN users u ON u.id = e.user_id LEFT JOIN partners p ON p.id = l.partner_id
       WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id DESC`,
    )
    .all(JSON.stringify(ids)) as LedgerEntryRow[];
  const sums = { allocated: agg.allocated, committed: agg.committed, actual: agg.actual };
  return { rows, total, nextCursor: rows.length === i.limit ? String(rows.at(-1)!.id) : null, sums };
}

export const entryHandlers: Handlers<'budgets.entries'> = {
  'budgets.entries': (i, ctx) => ledgerEntries(ctx, i),
};
