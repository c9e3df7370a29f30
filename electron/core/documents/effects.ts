import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { decideControl } from '../../../shared/domain/budget';
import type { AuthedCtx } from '../context';
import { cellBalances, post, type NewEntry } from '../budgets/ledger';
import { controlOf } from '../budgets/lines';
import { stmt } from '../budgets/sql';
import type { DocMonth } from './line';

/**
 * Every movement of budget money a request or claim causes, posted through the ledger's one
 * insert (budgets/ledger.ts `post`) inside the caller's transaction — the transaction of the
 * document's state change. Entries cite the document as `source` and the commitment's holder as
 * `against` (the request; for a stand-alone claim, the claim itself), so what a document still
 * holds is a sum over the ledger (see `heldByMonth`).
 */
export interface Holder {
  type: 'cost_request' | 'claim';
  id: number;
  ref: string;
}

export interface MonthCheck {
  period: string;
  lineId: number;
  amount: number;
  allocated: number;
  committed: number;
  actual: number;
  available: number;
  limit: number;
  result: 'ok' | 'warn' | 'block';
}

/** The control rule of each month's line for these amounts; block and warn (unconfirmed) refuse with the figures. */
export function checkControl(db: Database.Database, months: DocMonth[], confirmWarn: boolean): { warned: MonthCheck[] } {
  const checks: MonthCheck[] = months.map((m) => {
    const line = m.cell!.line!;
    const { control, toleranceBp } = controlOf(db, m.cell!.planId, line.id, line.costTypeId);
    const b = cellBalances(db, line.id, m.period);
    const d = decideControl(control, toleranceBp, b, m.amount);
    return { period: m.period, lineId: line.id, amount: m.amount, ...b, available: b.allocated - b.committed - b.actual, limit: d.limit, result: d.result };
  });
  const blocked = checks.filter((c) => c.result === 'block');
  if (blocked.length) {
    const c = blocked[0]!;
    throw new ApiError(
      'budget_exceeded',
      `The budget line would be exceeded in ${c.period}: available ${c.available}, limit ${c.limit}, this document ${c.amount} (fen)`,
      { available: c.available, limit: c.limit, amount: c.amount, period: c.period },
      checks,
    );
  }
  const warned = checks.filter((c) => c.result === 'warn');
  if (warned.length && !confirmWarn) {
    const c = warned[0]!;
    throw new ApiError(
      'budget_warn_confirm',
      `This takes the budget line past its limit in ${c.period} (available ${c.available}, this document ${c.amount} fen); confirm to approve anyway`,
      { available: c.available, limit: c.limit, amount: c.amount, period: c.period },
      checks,
    );
  }
  return { warned };
}

/** Commits the months' amounts against `holder` (after `checkControl`). */
export function commitMonths(ctx: AuthedCtx, months: DocMonth[], holder: Holder, source: Holder = holder): void {
  post(
    ctx,
    months.map((m): NewEntry => ({ lineId: m.cell!.line!.id, period: m.period, kind: 'commitment', amount: m.amount, source, against: holder })),
  );
}

/** What `holder` still holds, per line × month, earliest month first. */
export function heldByMonth(db: Database.Database, holder: Pick<Holder, 'type' | 'id'>): { lineId: number; period: string; held: number }[] {
  return stmt(
    db,
    `SELECT line_id AS lineId, period, sum(amount) AS held FROM budget_ledger
     WHERE against_type = ? AND against_id = ? AND kind IN ('commitment','release')
     GROUP BY line_id, period HAVING sum(amount) <> 0 ORDER BY period, line_id`,
  ).all(holder.type, holder.id) as { lineId: number; period: string; held: number }[];
}

export const totalHeld = (db: Database.Database, holder: Pick<Holder, 'type' | 'id'>) => heldByMonth(db, holder).reduce((s, r) => s + r.held, 0);

/**
 * A payment: consumes what the holder still holds, earliest month first (a release per month),
 * and posts the actual on the same cells. Anything beyond the commitment (it cannot happen
 * through the documents' rules, but the ledger must stay whole) lands on the last cell held.
 */
export function payFromHolder(ctx: AuthedCtx, holder: Holder, source: Holder, amount: number, fallback: { lineId: number; period: string }): void {
  const entries: NewEntry[] = [];
  let left = amount;
  let last = fallback;
  for (const h of heldByMonth(ctx.db.$client, holder)) {
    last = h;
    if (left === 0) break;
    const take = Math.min(left, h.held);
    if (take <= 0) continue;
    entries.push({ lineId: h.lineId, period: h.period, kind: 'release', amount: -take, source, against: holder });
    entries.push({ lineId: h.lineId, period: h.period, kind: 'actual', amount: take, source, against: holder });
    left -= take;
  }
  if (left > 0) entries.push({ lineId: last.lineId, period: last.period, kind: 'actual', amount: left, source, against: holder });
  post(ctx, entries);
}

/** Gives back what the holder holds beyond `keep` (kept from the earliest months), citing `source`. */
export function releaseBeyond(ctx: AuthedCtx, holder: Holder, keep: number, source: Holder = holder, note = ''): number {
  const entries: NewEntry[] = [];
  let kept = 0;
  let released = 0;
  for (const h of heldByMonth(ctx.db.$client, holder)) {
    const stay = Math.min(h.held, Math.max(0, keep - kept));
    kept += stay;
    const give = h.held - stay;
    if (give > 0) {
      entries.push({ lineId: h.lineId, period: h.period, kind: 'release', amount: -give, source, against: holder, note });
      released += give;
    }
  }
  post(ctx, entries);
  return released;
}
