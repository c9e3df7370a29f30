import type { z } from 'zod';
import type { BudgetTransfer, budgetsApi } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { EDITABLE_STATES } from '../../../shared/domain/approval';
import { isoNow, type OrgCtx, type Handlers } from '../context';
import { notFound } from '../master/common';
import { submit } from '../workflow/engine';
import { transferFacts } from './approval';
import { cancelDocument, stale } from './documents';
import { appendHistory } from './history';
import { cellBalances, post } from './ledger';
import { ensureLine, findLine, getLine, resolveCell, type CellRef } from './lines';
import { dbOf, inTx, stmt } from './sql';

/**
 * Transfers (调拨): budget moved from one cell to another of the same plan, as a document with a
 * reason that goes through approval like a version. On approval the ledger gets a transfer_out
 * on the source and a transfer_in on the target. A transfer can never take the source below what
 * is already committed and spent on it: checked when created, submitted and — decisively —
 * approved, against the balances of that moment.
 */
type In<M extends keyof typeof budgetsApi> = z.output<(typeof budgetsApi)[M]['input']>;
type Row = BudgetTransfer & { approvalState: BudgetTransfer['state'] };

const SELECT = `SELECT t.id, t.plan_id AS planId, p.fiscal_year AS fiscalYear, t.from_line_id AS fromLineId, t.from_period AS fromPeriod,
  t.to_line_id AS toLineId, t.to_period AS toPeriod, t.amount, t.reason, t.approval_state AS approvalState, t.created_by AS createdBy,
  t.created_at AS createdAt, t.submitted_by AS submittedBy, t.submitted_at AS submittedAt, t.decided_by AS decidedBy, t.decided_at AS decidedAt, t.version
  FROM budget_transfers t JOIN budget_plans p ON p.id = t.plan_id`;

export const transferNumber = (fiscalYear: number, id: number) => `BT-${fiscalYear}-${String(id).padStart(5, '0')}`;
export const toTransfer = ({ approvalState, ...r }: Row): BudgetTransfer => ({ ...r, state: approvalState, number: transferNumber(r.fiscalYear, r.id) });

/**
 * Scope of transfers: the caller reads a transfer when their scope covers its source line (the
 * money leaves their units, so they see where it goes); they act on it — edit, submit, decide,
 * cancel — only when their scope covers both lines, as creating it needs.
 */
export function getRow(ctx: OrgCtx, id: number): Row {
  const r = stmt(dbOf(ctx), `${SELECT} WHERE t.id = ?`).get(id) as Row | undefined;
  if (!r) throw notFound('budgetTransfer', id);
  ctx.scope.require(getLine(dbOf(ctx), r.fromLineId).orgUnitId);
  return r;
}

/** A transfer the caller may act on: both lines in scope (see getRow). */
export function getWritableRow(ctx: OrgCtx, id: number): Row {
  const r = getRow(ctx, id);
  ctx.scope.require(getLine(dbOf(ctx), r.toLineId).orgUnitId);
  return r;
}

function exactCell(db: ReturnType<typeof dbOf>, ref: CellRef) {
  const cell = resolveCell(db, ref);
  return 'lineId' in ref ? cell : { ...cell, line: findLine(db, cell.planId, cell.key) };
}

/** The source must keep at least its committed + actual: amount ≤ available. */
export function assertCovered(ctx: OrgCtx, lineId: number, period: string, amount: number): void {
  const b = cellBalances(dbOf(ctx), lineId, period);
  const available = b.allocated - b.committed - b.actual;
  if (amount > available) {
    throw new ApiError('transfer_exceeds_available', `Only ${available} fen of the source line are neither committed nor spent`, { available, amount }, b);
  }
}

/** The cells of a transfer, checked: a source with budget, one plan, both in scope, not the same cell; a new target key gets its line. */
function transferCells(ctx: OrgCtx, fromRef: CellRef, toRef: CellRef) {
  const db = dbOf(ctx);
  // transfers name their cells exactly: no fallback to an ancestor's line
  const from = exactCell(db, fromRef);
  const to = exactCell(db, toRef);
  if (!from.line) throw new ApiError('validation', 'The source line has no budget', undefined, [{ path: 'from', reason: 'v.no_budget' }]);
  if (from.planId !== to.planId) throw new ApiError('validation', 'Transfers stay within one plan', undefined, [{ path: 'to', reason: 'v.same_plan' }]);
  ctx.scope.require(from.line.orgUnitId);
  ctx.scope.require(to.line?.orgUnitId ?? to.key.orgUnitId);
  // a key with no line yet: the target line is created (with no allocation until the transfer is approved)
  const target = to.line ?? ensureLine(ctx, to.planId, to.key);
  if (target.id === from.line.id && to.period === from.period) {
    throw new ApiError('validation', 'Source and target are the same', undefined, [{ path: 'to', reason: 'v.same_cell' }]);
  }
  return { planId: from.planId, fromLineId: from.line.id, fromPeriod: from.period, toLineId: target.id, toPeriod: to.period };
}

/** "Save and submit": the engine's submission inside the transaction that saved the draft. */
function submitNow(ctx: OrgCtx, id: number): void {
  const f = transferFacts(dbOf(ctx), id);
  submit(ctx, f, f.version);
}

/** The final approval's effect (run by the engine in its transaction): out of the source, into the target — if the source still covers it. */
export function postTransfer(ctx: OrgCtx, t: { id: number; number: string; fromLineId: number; fromPeriod: string; toLineId: number; toPeriod: string; amount: number; reason: string }): void {
  assertCovered(ctx, t.fromLineId, t.fromPeriod, t.amount);
  const source = { type: 'budget_transfer', id: t.id, ref: t.number };
  post(ctx, [
    { lineId: t.fromLineId, period: t.fromPeriod, kind: 'transfer_out', amount: -t.amount, source, note: t.reason },
    { lineId: t.toLineId, period: t.toPeriod, kind: 'transfer_in', amount: t.amount, source, note: t.reason },
  ]);
}

export function createTransfer(ctx: OrgCtx, i: In<'budgetTransfers.create'>): BudgetTransfer {
  const id = inTx(ctx, () => {
    const c = transferCells(ctx, i.from, i.to);
    assertCovered(ctx, c.fromLineId, c.fromPeriod, i.amount);
    const now = isoNow(ctx);
    const id = Number(
      stmt(
        dbOf(ctx),
        `INSERT INTO budget_transfers (plan_id, from_line_id, from_period, to_line_id, to_period, amount, reason, approval_state, created_by, created_at, updated_at)
         VALUES (?,?,?,?,?,?,?,'draft',?,?,?)`,
      ).run(c.planId, c.fromLineId, c.fromPeriod, c.toLineId, c.toPeriod, i.amount, i.reason, ctx.user.id, now, now).lastInsertRowid,
    );
    appendHistory(ctx, { type: 'budget_transfer', id }, 'create', null, 'draft', i.reason);
    if (i.submit) submitNow(ctx, id);
    return id;
  });
  return toTransfer(getRow(ctx, id));
}

export function updateTransfer(ctx: OrgCtx, i: In<'budgetTransfers.update'>): BudgetTransfer {
  inTx(ctx, () => {
    const t = getWritableRow(ctx, i.id);
    if (t.version !== i.version) throw stale(t.id);
    if (!EDITABLE_STATES.includes(t.approvalState)) throw new ApiError('invalid_state', 'Only a draft or returned transfer can be edited', { state: t.approvalState });
    const c =
      i.from || i.to
        ? transferCells(ctx, i.from ?? { lineId: t.fromLineId, period: t.fromPeriod }, i.to ?? { lineId: t.toLineId, period: t.toPeriod })
        : { planId: t.planId, fromLineId: t.fromLineId, fromPeriod: t.fromPeriod, toLineId: t.toLineId, toPeriod: t.toPeriod };
    if (c.planId !== t.planId) throw new ApiError('validation', 'Transfers stay within one plan', undefined, [{ path: 'from', reason: 'v.same_plan' }]);
    const amount = i.amount ?? t.amount;
    assertCovered(ctx, c.fromLineId, c.fromPeriod, amount);
    const res = stmt(
      dbOf(ctx),
      `UPDATE budget_transfers SET from_line_id = ?, from_period = ?, to_line_id = ?, to_period = ?, amount = ?, reason = ?, version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
    ).run(c.fromLineId, c.fromPeriod, c.toLineId, c.toPeriod, amount, i.reason ?? t.reason, isoNow(ctx), t.id, t.version);
    if (res.changes !== 1) throw stale(t.id);
    if (i.submit) submitNow(ctx, t.id);
  });
  return toTransfer(getRow(ctx, i.id));
}

/** Cancelling a draft or returned transfer (no route involved); submitting and deciding go through the engine (./approvalActions.ts). */
function cancel(ctx: OrgCtx, i: { id: number; version: number; comment: string }): BudgetTransfer {
  inTx(ctx, () => cancelDocument(ctx, 'budget_transfer', getWritableRow(ctx, i.id), i.version, i.comment));
  return toTransfer(getRow(ctx, i.id));
}

export function listTransfers(ctx: OrgCtx, fiscalYear: number, limit: number): BudgetTransfer[] {
  const rows = stmt(dbOf(ctx), `${SELECT} WHERE p.fiscal_year = ? ORDER BY t.id DESC LIMIT ?`).all(fiscalYear, limit) as Row[];
  return rows.filter((r) => {
    try {
      ctx.scope.require(getLine(dbOf(ctx), r.fromLineId).orgUnitId);
      return true;
    } catch {
      return false;
    }
  }).map(toTransfer);
}

export const transferHandlers: Handlers<
  'budgetTransfers.list' | 'budgetTransfers.get' | 'budgetTransfers.create' | 'budgetTransfers.update' | 'budgetTransfers.cancel'
> = {
  'budgetTransfers.list': (i, ctx) => listTransfers(ctx, i.fiscalYear, i.limit),
  'budgetTransfers.get': (i, ctx) => toTransfer(getRow(ctx, i.id)),
  'budgetTransfers.create': (i, ctx) => createTransfer(ctx, i),
  'budgetTransfers.update': (i, ctx) => updateTransfer(ctx, i),
  'budgetTransfers.cancel': (i, ctx) => cancel(ctx, i),
};
