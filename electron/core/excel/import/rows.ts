import type { RowIssue } from '../../../../shared/api/areas/excel';
import { ApiError } from '../../../../shared/api/errors';
import { formatFenPlain } from '../../../../shared/domain/money';
import { scopeLabel } from '../../auth/scope';
import type { OrgCtx } from '../../context';
import type { Typed } from '../cells/types';
import { apiErrorIssues, RowRejected } from '../kinds/common';
import type { RefTables } from '../kinds/refs';
import type { ImportRow, RowIssueLite, RowOutcome, ServiceKind } from '../kinds/types';

/** Helpers between typed rows, issues and the service kinds' transaction. */

/**
 * A scope refusal names the user's scope: "outside your scope (五华区)" — the org units the user is
 * assigned, in the user's language — so the row's author knows which units the file may name.
 * Field-level refusals of the services (v.out_of_scope) read the same way in the report.
 */
export function nameScope(ctx: OrgCtx, issues: RowIssue[]): RowIssue[] {
  if (!issues.some((i) => i.reason === 'x.out_of_scope' || i.reason === 'v.out_of_scope')) return issues;
  const scope = scopeLabel(ctx.db.$client, ctx.user);
  for (const i of issues) {
    if (i.reason !== 'x.out_of_scope' && i.reason !== 'v.out_of_scope') continue;
    i.reason = 'x.out_of_scope';
    i.params = { ...i.params, scope };
  }
  return issues;
}
export function displayTyped(v: Typed | undefined): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** `show`: a cell's typed value as the report shows it (default displayTyped) */
export function toIssues(
  row: ImportRow,
  lite: RowIssueLite[],
  headers: Record<string, string>,
  show: (key: string, v: Typed | undefined) => string = (_k, v) => displayTyped(v),
): RowIssue[] {
  return lite.map((i) => ({
    row: row.row,
    column: i.columnKey ? (headers[i.columnKey] ?? i.columnKey) : '',
    columnKey: i.columnKey,
    value: i.columnKey ? show(i.columnKey, row.v[i.columnKey]) : '',
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
 * a refused row leaves no trace, all inside the caller's transaction. Synchronous. A kind that
 * saves in one batch (applyRows: budget lines) gets all rows at once and reports per row itself.
 */
export function applyServiceRows(
  ctx: OrgCtx,
  kind: ServiceKind,
  rows: ImportRow[],
  refs: RefTables,
  headers: Record<string, string>,
  target: Record<string, unknown> | null = null,
): Applied {
  if (kind.applyRows) {
    const r = kind.applyRows(ctx, rows, refs, target);
    // money cells are typed as fen: the report shows them in yuan, as the file has them (-100.00, not -10000)
    const money = new Set(kind.columns.filter((c) => c.type === 'money').map((c) => c.key));
    const show = (key: string, v: Typed | undefined) => (money.has(key) && typeof v === 'number' ? formatFenPlain(v).replace(/,/g, '') : displayTyped(v));
    return { outcomes: r.outcomes, issues: nameScope(ctx, r.rejected.flatMap((x) => toIssues(x.row, x.issues, headers, show))) };
  }
  const applyRow = kind.applyRow;
  if (!applyRow) throw new Error(`service kind ${kind.kind} has neither applyRow nor applyRows`);
  const client = ctx.db.$client;
  const outcomes: Applied['outcomes'] = [];
  const issues: RowIssue[] = [];
  for (const row of rows) {
    try {
      outcomes.push({ ...client.transaction(() => applyRow(ctx, row, refs, target))(), row: row.row });
    } catch (e) {
      if (e instanceof RowRejected) issues.push(...toIssues(row, e.issues, headers));
      else if (e instanceof ApiError) issues.push(...toIssues(row, apiErrorIssues(e, {}), headers));
      else throw e;
    }
  }
  return { outcomes, issues: nameScope(ctx, issues) };
}
