import type { RowIssue } from '../../../../shared/api/areas/excel';
import { ApiError } from '../../../../shared/api/errors';
import type { AuthedCtx } from '../../context';
import type { Typed } from '../cells/types';
import { apiErrorIssues, RowRejected } from '../kinds/common';
import type { RefTables } from '../kinds/refs';
import type { ImportRow, RowIssueLite, RowOutcome, ServiceKind } from '../kinds/types';

/** Helpers between typed rows, issues and the service kinds' transaction. */
export function displayTyped(v: Typed | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

export function toIssues(row: ImportRow, lite: RowIssueLite[], headers: Record<string, string>): RowIssue[] {
  return lite.map((i) => ({
    row: row.row,
    column: i.columnKey ? (headers[i.columnKey] ?? i.columnKey) : '',
    columnKey: i.columnKey,
    value: i.columnKey ? displayTyped(row.v[i.columnKey]) : '',
    reason: i.reason,
    ...(i.params ? { params: i.params } : {}),
  }));
}

export interface Applied {
  outcomes: (RowOutcome & { row: number })[];
  issues: RowIssue[];
}

/**
 * Applies every row of a service kind through its service functions, each row in a savepoint so
 * a refused row leaves no trace, all inside the caller's transaction. Synchronous.
 */
export function applyServiceRows(ctx: AuthedCtx, kind: ServiceKind, rows: ImportRow[], refs: RefTables, headers: Record<string, string>): Applied {
  const client = ctx.db.$client;
  const outcomes: Applied['outcomes'] = [];
  const issues: RowIssue[] = [];
  for (const row of rows) {
    try {
      outcomes.push({ ...client.transaction(() => kind.applyRow(ctx, row, refs))(), row: row.row });
    } catch (e) {
      if (e instanceof RowRejected) issues.push(...toIssues(row, e.issues, headers));
      else if (e instanceof ApiError) issues.push(...toIssues(row, apiErrorIssues(e, {}), headers));
      else throw e;
    }
  }
  return { outcomes, issues };
}
