import type { z } from 'zod';
import type { budgetsApi, LedgerEntryRow } from '../../../shared/api/areas/budgets';
import type { Page } from '../../../shared/api/areas/common';
import { ApiError } from '../../../shared/api/errors';
import { periodOf } from '../../../shared/domain/budget';
import type { OrgCtx, Handlers } from '../context';
import { lineWhere } from './filters';
import { requirePlanOfYear } from './lines';
import { dbOf } from './sql';

/**
 * Drill-down: the ledger entries behind any figure of budget vs actual — the row's keys, the
 * bucket's period range (shared/domain/budget.ts `bucketRange`) and optionally some kinds —
 * with their source document, user and time. Newest first, paged by id (keyset).
 */
type In = z.output<(typeof budgetsApi)['budgets.entries']['input']>;
/**
 * Beyond this many matching entries, the page walks the ledger's primary key backwards and tests
 * each entry's line (`+e.line_id` keeps the planner off the line index): the first page of a
 * whole plan costs milliseconds instead of sorting a million ids. Narrower drills use the index.
 */
const BROAD = 10_000;

export function ledgerEntries(ctx: OrgCtx, i: In): Page<LedgerEntryRow> {
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
  const total = db.prepare(`SELECT count(*) FROM budget_ledger e WHERE ${where('e.line_id').join(' AND ')}`).pluck().get(...params) as number;
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
        e.against_type AS againstType, e.against_id AS againstId, e.user_id AS userId, u.display_name AS userName, e.note
       FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN users u ON u.id = e.user_id
       WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id DESC`,
    )
    .all(JSON.stringify(ids)) as LedgerEntryRow[];
  return { rows, total, nextCursor: rows.length === i.limit ? String(rows.at(-1)!.id) : null };
}

export const entryHandlers: Handlers<'budgets.entries'> = {
  'budgets.entries': (i, ctx) => ledgerEntries(ctx, i),
};
