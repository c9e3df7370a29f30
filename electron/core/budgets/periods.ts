import type { BudgetPeriod } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { periodsOfYear } from '../../../shared/domain/budget';
import { isoNow, type AuthedCtx, type Handlers } from '../context';
import { logChange } from '../master/common';
import { dbOf, inTx, stmt } from './sql';

/**
 * Budget periods (months). Closing one freezes its budget figures: the ledger then refuses every
 * new entry in it (trigger budget_ledger_closed_period, and a check with a clear error before
 * posting). Reopening takes two finance users: one asks, with a reason (`reopen`), another
 * confirms (`confirmReopen`) — the trigger budget_periods_reopen_second refuses a reopening by the
 * one who asked. Closing, the request and the reopening are recorded in the change log.
 */
const SELECT = `SELECT period, closed, changed_by AS changedBy, changed_at AS changedAt, note,
  reopen_requested_by AS reqBy, reopen_requested_at AS reqAt, reopen_note AS reqNote FROM budget_periods WHERE period = ?`;

type Row = Omit<BudgetPeriod, 'closed' | 'reopenRequest'> & { closed: number; reqBy: number | null; reqAt: string | null; reqNote: string | null };

function get(ctx: AuthedCtx, period: string): BudgetPeriod {
  const r = stmt(dbOf(ctx), SELECT).get(period) as Row | undefined;
  if (!r) return { period, closed: false, changedBy: null, changedAt: null, note: '', reopenRequest: null };
  const { reqBy, reqAt, reqNote, ...rest } = r;
  return { ...rest, closed: !!r.closed, reopenRequest: reqBy !== null ? { by: reqBy, at: reqAt!, note: reqNote ?? '' } : null };
}

const periodKey = (period: string) => Number(period.replace('-', ''));

function record(ctx: AuthedCtx, period: string, action: string, before: unknown, after: unknown) {
  ctx.db.transaction((tx) => logChange(tx, ctx, 'budgetPeriod', periodKey(period), action, before, after));
}

function close(ctx: AuthedCtx, period: string, note: string): BudgetPeriod {
  inTx(ctx, () => {
    if (get(ctx, period).closed) throw new ApiError('period_closed', `${period} is already closed`, { period });
    stmt(
      dbOf(ctx),
      `INSERT INTO budget_periods (period, closed, changed_by, changed_at, note) VALUES (?,1,?,?,?)
       ON CONFLICT (period) DO UPDATE SET closed = 1, changed_by = excluded.changed_by, changed_at = excluded.changed_at, note = excluded.note,
         reopen_requested_by = NULL, reopen_requested_at = NULL, reopen_note = NULL`,
    ).run(period, ctx.user.id, isoNow(ctx), note);
    record(ctx, period, 'close', { closed: false }, { closed: true, note });
  });
  return get(ctx, period);
}

function closedOrThrow(ctx: AuthedCtx, period: string): BudgetPeriod {
  const p = get(ctx, period);
  if (!p.closed) throw new ApiError('period_open', `${period} is not closed`, { period });
  return p;
}

function requestReopen(ctx: AuthedCtx, period: string, note: string): BudgetPeriod {
  inTx(ctx, () => {
    const p = closedOrThrow(ctx, period);
    if (p.reopenRequest) throw new ApiError('reopen_pending', `${period} already has a reopening request`, { period });
    stmt(dbOf(ctx), 'UPDATE budget_periods SET reopen_requested_by = ?, reopen_requested_at = ?, reopen_note = ? WHERE period = ?').run(ctx.user.id, isoNow(ctx), note, period);
    record(ctx, period, 'reopen_request', { closed: true }, { closed: true, reopenRequested: true, note });
  });
  return get(ctx, period);
}

function confirmReopen(ctx: AuthedCtx, period: string): BudgetPeriod {
  inTx(ctx, () => {
    const p = closedOrThrow(ctx, period);
    const req = p.reopenRequest;
    if (!req) throw new ApiError('reopen_not_requested', `${period} has no reopening request`, { period });
    if (req.by === ctx.user.id) throw new ApiError('reopen_second_user', 'Another finance user must confirm your request', { period });
    stmt(
      dbOf(ctx),
      `UPDATE budget_periods SET closed = 0, changed_by = ?, changed_at = ?, note = ?,
         reopen_requested_by = NULL, reopen_requested_at = NULL, reopen_note = NULL WHERE period = ?`,
    ).run(ctx.user.id, isoNow(ctx), req.note, period);
    record(ctx, period, 'reopen', { closed: true }, { closed: false, requestedBy: req.by, requestedAt: req.at, confirmedBy: ctx.user.id, note: req.note });
  });
  return get(ctx, period);
}

export const periodHandlers: Handlers<'budgetPeriods.list' | 'budgetPeriods.close' | 'budgetPeriods.reopen' | 'budgetPeriods.confirmReopen'> = {
  'budgetPeriods.list': (i, ctx) => periodsOfYear(i.fiscalYear).map((p) => get(ctx, p)),
  'budgetPeriods.close': (i, ctx) => close(ctx, i.period, i.note),
  'budgetPeriods.reopen': (i, ctx) => requestReopen(ctx, i.period, i.note),
  'budgetPeriods.confirmReopen': (i, ctx) => confirmReopen(ctx, i.period),
};
