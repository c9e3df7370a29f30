import type { BudgetVersion } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { periodOf, revisionProblem, type ControlMode } from '../../../shared/domain/budget';
import type { OrgCtx, Handlers } from '../context';
import { cancelDocument } from './documents';
import { balancesOfLines, cellKey, closedPeriods, periodClosedError, post, type NewEntry } from './ledger';
import { getVersionRow, inForceVersionId, requireVersionInScope, toVersion, type VersionRow } from './plans';
import { amountsOf, dbOf, inTx, MONTH_COLS, stmt } from './sql';

/**
 * A version's life: draft → submitted → approved (or rejected, or returned for revision and
 * submitted again; a draft can be cancelled). Approval makes the version the one in force and
 * posts, per cell, the difference between its amount and the amount of the version that was in
 * force before (so Σ allocation entries of a cell = its amount in the version in force, and a
 * revision moves only what changed). A decrease may not take a cell below what is committed
 * and spent on it, and no allocation lands in a closed period: approval is refused with the
 * offending cells listed, and nothing changes. Every action needs the caller's scope to cover
 * every line of the version (plans.ts requireVersionInScope).
 */
function amountsByLine(ctx: OrgCtx, versionId: number | null): Map<number, number[]> {
  if (versionId === null) return new Map();
  const rows = stmt(dbOf(ctx), `SELECT line_id AS lineId, ${MONTH_COLS.join(', ')} FROM budget_version_lines WHERE version_id = ?`).all(versionId) as (Record<string, number> & {
    lineId: number;
  })[];
  return new Map(rows.map((r) => [r.lineId, amountsOf(r)]));
}

function allocationDeltas(ctx: OrgCtx, v: VersionRow, previous: number | null): NewEntry[] {
  const next = amountsByLine(ctx, v.id);
  const prev = amountsByLine(ctx, previous);
  const lineIds = new Set([...next.keys(), ...prev.keys()]);
  const source = { type: 'budget_version', id: v.id, ref: `${v.fiscalYear} v${v.number}` };
  const out: NewEntry[] = [];
  for (const lineId of lineIds) {
    const a = next.get(lineId);
    const b = prev.get(lineId);
    for (let m = 0; m < 12; m++) {
      const delta = (a?.[m] ?? 0) - (b?.[m] ?? 0);
      if (delta !== 0) out.push({ lineId, period: periodOf(v.fiscalYear, m + 1), kind: 'allocation', amount: delta, source });
    }
  }
  return out;
}

/**
 * The rules of a revision on every cell that has entries (shared `revisionProblem`): not below
 * committed + actual, and within tolerance where the line's rule after approval is `block`
 * (the new version's rule, or the cost type's when the line leaves the plan).
 */
function checkCells(ctx: OrgCtx, v: VersionRow, previous: number | null, entries: NewEntry[]): void {
  const db = dbOf(ctx);
  const closed = closedPeriods(db, entries.map((e) => e.period));
  if (closed.length) throw periodClosedError(closed);
  const scope = ctx.scope;
  const lines = stmt(
    db,
    `SELECT l.id, l.org_unit_id AS org, coalesce(vl.control_mode, ct.default_control) AS control, coalesce(vl.tolerance_bp, ct.default_tolerance_bp) AS tol
     FROM budget_lines l JOIN cost_types ct ON ct.id = l.cost_type_id LEFT JOIN budget_version_lines vl ON vl.version_id = ? AND vl.line_id = l.id
     WHERE l.id IN (SELECT line_id FROM budget_version_lines WHERE version_id IN (?, ?))`,
  ).all(v.id, v.id, previous ?? v.id) as { id: number; org: number; control: ControlMode; tol: number }[];
  // the version's lines were checked by act (requireVersionInScope); these include the previous version's
  const outside = lines.find((l) => !scope.has(l.org));
  if (outside) scope.require(outside.org);
  const rule = new Map(lines.map((l) => [l.id, l]));
  const change = new Map(entries.map((e) => [cellKey(e.lineId, e.period), e.amount]));
  const problems = [...balancesOfLines(db, rule.keys())].flatMap(([key, b]) => {
    const [lineId, period] = key.split('|') as [string, string];
    const r = rule.get(Number(lineId))!;
    const p = revisionProblem(b, change.get(key) ?? 0, r.control, r.tol);
    return p ? [{ lineId: Number(lineId), period, allocated: b.allocated, ...p }] : [];
  });
  if (problems.length) {
    throw new ApiError('budget_below_used', `${problems.length} cell(s) would be planned below what is committed and spent, or past a block limit`, { cells: problems.length }, problems);
  }
}

/**
 * The final approval's effect (run by the approval engine inside its transaction, after the state
 * moved to approved): the version comes into force and the ledger gets, per cell, the difference
 * to the version in force before. A check that fails rolls the approval back with it.
 */
export function putVersionInForce(ctx: OrgCtx, versionId: number): void {
  const db = dbOf(ctx);
  const v = getVersionRow(db, versionId);
  const previous = inForceVersionId(db, v.planId);
  const entries = allocationDeltas(ctx, v, previous);
  checkCells(ctx, v, previous, entries);
  if (previous !== null) stmt(db, 'UPDATE budget_versions SET in_force = 0 WHERE id = ?').run(previous);
  stmt(db, 'UPDATE budget_versions SET in_force = 1 WHERE id = ?').run(v.id);
  post(ctx, entries);
}

/** Cancelling a draft or returned version (no route involved). Submitting and deciding go through the engine (./approvalActions.ts). */
function cancel(ctx: OrgCtx, i: { id: number; version: number; comment: string }): BudgetVersion {
  inTx(ctx, () => {
    const v = getVersionRow(dbOf(ctx), i.id);
    requireVersionInScope(ctx, v.id);
    cancelDocument(ctx, 'budget_version', v, i.version, i.comment);
  });
  return toVersion(ctx, getVersionRow(dbOf(ctx), i.id));
}

export const versionCancelHandlers: Handlers<'budgetVersions.cancel'> = {
  'budgetVersions.cancel': (i, ctx) => cancel(ctx, i),
};
