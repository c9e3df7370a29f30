import type { BudgetPeriod } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { periodsOfYear } from '../../../shared/domain/budget';
import { isoNow, type AuthedCtx, type Handlers } from '../context';
import { logChange } from '../master/common';
import { dbOf, inTx, stmt } from './sql';

/**
 * Budget periods (months). Closing one freezes its budget figures: the ledger then refuses every
 * new entry in it (trigger budget_ledger_closed_period, and a check with a clear error before
 * posting). Finance can reopen a period, with a reason; both are recorded in the change log.
 */
const SELECT = "SELECT period, closed, changed_by AS changedBy, changed_at AS changedAt, note FROM budget_periods WHERE period = ?";

function get(ctx: AuthedCtx, period: string): BudgetPeriod {
  const r = stmt(dbOf(ctx), SELECT).get(period) as (Omit<BudgetPeriod, 'closed'> & { closed: number }) | undefined;
  return r ? { ...r, closed: !!r.closed } : { period, closed: false, changedBy: null, changedAt: null, note: '' };
}

function setClosed(ctx: AuthedCtx, period: string, closed: boolean, note: string): BudgetPeriod {
  inTx(ctx, () => {
    const before = get(ctx, period);
    if (before.closed === closed) {
      throw new ApiError(closed ? 'period_closed' : 'period_open', closed ? `${period} is already closed` : `${period} is not closed`, { period });
    }
    stmt(
      dbOf(ctx),
      `INSERT INTO budget_periods (period, closed, changed_by, changed_at, note) VALUES (?,?,?,?,?)
       ON CONFLICT (period) DO UPDATE SET closed = excluded.closed, changed_by = excluded.changed_by, changed_at = excluded.changed_at, note = excluded.note`,
    ).run(period, closed ? 1 : 0, ctx.user.id, isoNow(ctx), note);
    const n = Number(period.replace('-', ''));
    ctx.db.transaction((tx) => logChange(tx, ctx, 'budgetPeriod', n, closed ? 'close' : 'reopen', { closed: before.closed }, { closed, note }));
  });
  return get(ctx, period);
}

export const periodHandlers: Handlers<'budgetPeriods.list' | 'budgetPeriods.close' | 'budgetPeriods.reopen'> = {
  'budgetPeriods.list': (i, ctx) => periodsOfYear(i.fiscalYear).map((p) => get(ctx, p)),
  'budgetPeriods.close': (i, ctx) => setClosed(ctx, i.period, true, i.note),
  'budgetPeriods.reopen': (i, ctx) => setClosed(ctx, i.period, false, i.note),
};
