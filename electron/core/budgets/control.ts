import type { Availability, LedgerPosting } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { decideControl } from '../../../shared/domain/budget';
import type { OrgCtx, Handlers } from '../context';
import { cellBalances, outstandingCommitment, post } from './ledger';
import { controlOf, ensureLine, resolveCell, type CellRef, type ResolvedCell } from './lines';
import { dbOf, inTx } from './sql';

/**
 * Availability and the three movements later documents cause: commitment (a request approved),
 * release (a request closed or cancelled, or settled below its commitment) and actual (a claim
 * settled). They are core functions, not API methods (issue 8 point 8: no API method posts to the
 * ledger without a document): whoever calls them runs inside its own transaction (these then run
 * as savepoints). Cost requests, claims and payments post their month-split movements through
 * documents/effects.ts, which uses the same ledger insert (`post`) and control rule.
 */
/** A document that causes or owns ledger entries, e.g. { type: 'cost_request', id: 42, ref: 'SQ-2026-000042' }. */
export interface DocRef {
  type: string;
  id: number;
  ref?: string;
}
export interface CommitInput {
  cell: CellRef;
  amount: number;
  source: DocRef;
}
export interface ReleaseInput {
  cell: CellRef;
  amount: number;
  against: Omit<DocRef, 'ref'>;
  source?: DocRef;
}
export interface ActualInput {
  cell: CellRef;
  amount: number;
  source: DocRef;
  against?: Omit<DocRef, 'ref'>;
}

function availabilityOf(ctx: OrgCtx, cell: ResolvedCell, amount: number): Availability {
  const db = dbOf(ctx);
  const costTypeId = cell.line?.costTypeId ?? cell.key.costTypeId;
  const { control, toleranceBp } = controlOf(db, cell.planId, cell.line?.id ?? null, costTypeId);
  const b = cellBalances(db, cell.line?.id ?? null, cell.period);
  const d = decideControl(control, toleranceBp, b, amount);
  return {
    lineId: cell.line?.id ?? null, period: cell.period, control, toleranceBp, amount,
    ...b, available: b.allocated - b.committed - b.actual, ...d,
  };
}

/** Scope: the unit asked about must be the caller's; the answer may come from an ancestor's line. */
function resolveInScope(ctx: OrgCtx, ref: CellRef): ResolvedCell {
  const cell = resolveCell(dbOf(ctx), ref);
  ctx.scope.require(cell.key.orgUnitId);
  return cell;
}

export function checkAvailability(ctx: OrgCtx, ref: CellRef, amount: number): Availability {
  return availabilityOf(ctx, resolveInScope(ctx, ref), amount);
}

function exceeded(a: Availability): ApiError {
  return new ApiError(
    'budget_exceeded',
    `The budget line would be exceeded: available ${a.available}, tolerance limit ${a.limit}, requested ${a.amount} (fen)`,
    { available: a.available, limit: a.limit, amount: a.amount },
    a,
  );
}

/** Reserves `amount` on the cell for `source` (the request). A `block` cell past its tolerance refuses. */
export function commitBudget(ctx: OrgCtx, i: CommitInput): LedgerPosting {
  return inTx(ctx, () => {
    const cell = resolveInScope(ctx, i.cell);
    const a = availabilityOf(ctx, cell, i.amount);
    if (a.result === 'block') throw exceeded(a);
    // nothing planned for this key but the rule lets it through: the spend gets its own line
    const line = cell.line ?? ensureLine(ctx, cell.planId, cell.key);
    const entryIds = post(ctx, [{ lineId: line.id, period: cell.period, kind: 'commitment', amount: i.amount, source: i.source, against: i.source }]);
    return { ...availabilityOf(ctx, { ...cell, line }, 0), amount: i.amount, result: a.result, exceedsAllocation: a.exceedsAllocation, entryIds };
  });
}

function existingLine(cell: ResolvedCell) {
  if (!cell.line) throw new ApiError('not_found', 'Nothing is committed on this budget line', { period: cell.period });
  return cell.line;
}

/** Gives back (part of) what `against` still holds on the cell. */
export function releaseBudget(ctx: OrgCtx, i: ReleaseInput): LedgerPosting {
  return inTx(ctx, () => {
    const cell = resolveInScope(ctx, i.cell);
    const line = existingLine(cell);
    const held = outstandingCommitment(dbOf(ctx), i.against, line.id, cell.period);
    if (i.amount > held) {
      throw new ApiError('release_exceeds_commitment', `Only ${held} fen are committed by this document on this line`, { held, amount: i.amount });
    }
    const source = i.source ?? { ...i.against, ref: '' };
    const entryIds = post(ctx, [{ lineId: line.id, period: cell.period, kind: 'release', amount: -i.amount, source, against: i.against }]);
    return { ...availabilityOf(ctx, cell, 0), amount: i.amount, entryIds };
  });
}

/**
 * A settled claim. With `against` (the request it settles), the claim first consumes what that
 * request still holds on the cell (a release), so only the part above the commitment is new
 * spend — and only that part is checked against the control rule.
 */
export function recordActual(ctx: OrgCtx, i: ActualInput): LedgerPosting {
  return inTx(ctx, () => {
    const cell = resolveInScope(ctx, i.cell);
    const consumed = i.against && cell.line ? Math.min(i.amount, outstandingCommitment(dbOf(ctx), i.against, cell.line.id, cell.period)) : 0;
    const a = availabilityOf(ctx, cell, i.amount - consumed);
    if (a.result === 'block') throw exceeded(a);
    const line = cell.line ?? ensureLine(ctx, cell.planId, cell.key);
    const against = i.against ?? null;
    const entryIds = post(ctx, [
      ...(consumed > 0 ? [{ lineId: line.id, period: cell.period, kind: 'release' as const, amount: -consumed, source: i.source, against }] : []),
      { lineId: line.id, period: cell.period, kind: 'actual', amount: i.amount, source: i.source, against },
    ]);
    return { ...availabilityOf(ctx, { ...cell, line }, 0), amount: i.amount, result: a.result, exceedsAllocation: a.exceedsAllocation, entryIds };
  });
}

export const controlHandlers: Handlers<'budgets.checkAvailability'> = {
  'budgets.checkAvailability': (i, ctx) => checkAvailability(ctx, i.cell, i.amount),
};
