import type Database from 'better-sqlite3';
import type { LedgerKind } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import type { Balances } from '../../../shared/domain/budget';
import { isoNow, type AuthedCtx } from '../context';
import { dbOf, jsonIds, stmt, SUM_ACTUAL, SUM_ALLOCATED, SUM_COMMITTED } from './sql';

/**
 * The budget ledger: the only way budget money moves. Entries are inserted here and nowhere
 * else, never updated or deleted (triggers), and every balance is a SUM over them.
 */
export interface NewEntry {
  lineId: number;
  period: string;
  kind: LedgerKind;
  /** signed effect on the kind's bucket (transfer_out and release negative) */
  amount: number;
  source: { type: string; id: number; ref?: string };
  against?: { type: string; id: number } | null;
  note?: string;
}

export const ZERO: Balances = { allocated: 0, committed: 0, actual: 0 };

export function closedPeriods(db: Database.Database, periods: Iterable<string>): string[] {
  const list = [...new Set(periods)];
  if (list.length === 0) return [];
  return stmt(db, 'SELECT period FROM budget_periods WHERE closed = 1 AND period IN (SELECT value FROM json_each(?)) ORDER BY period', true).all(
    JSON.stringify(list),
  ) as string[];
}

export function periodClosedError(periods: string[]): ApiError {
  return new ApiError('period_closed', `The budget period ${periods.join(', ')} is closed`, { period: periods.join(', ') }, periods);
}

/** Appends entries (one user, one time) and returns their ids. Refuses any in a closed period. */
export function post(ctx: AuthedCtx, entries: readonly NewEntry[]): number[] {
  const db = dbOf(ctx);
  const closed = closedPeriods(db, entries.map((e) => e.period));
  if (closed.length) throw periodClosedError(closed);
  const ins = stmt(
    db,
    `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at, note)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const at = isoNow(ctx);
  const ids: number[] = [];
  for (const e of entries) {
    if (e.amount === 0) continue;
    const r = ins.run(e.lineId, e.period, e.kind, e.amount, e.source.type, e.source.id, e.source.ref ?? '', e.against?.type ?? null, e.against?.id ?? null, ctx.user.id, at, e.note ?? '');
    ids.push(Number(r.lastInsertRowid));
  }
  return ids;
}

export function cellBalances(db: Database.Database, lineId: number | null, period: string): Balances {
  if (lineId === null) return { ...ZERO };
  const r = stmt(
    db,
    `SELECT coalesce(${SUM_ALLOCATED('e')}, 0) AS allocated, coalesce(${SUM_COMMITTED('e')}, 0) AS committed, coalesce(${SUM_ACTUAL('e')}, 0) AS actual
     FROM budget_ledger e WHERE e.line_id = ? AND e.period = ?`,
  ).get(lineId, period) as Balances;
  return r;
}

export const cellKey = (lineId: number, period: string) => `${lineId}|${period}`;

/** Balances of every cell of the given lines that has entries, keyed `${lineId}|${period}`. */
export function balancesOfLines(db: Database.Database, lineIds: Iterable<number>): Map<string, Balances> {
  const rows = stmt(
    db,
    `SELECT e.line_id AS lineId, e.period, ${SUM_ALLOCATED('e')} AS allocated, ${SUM_COMMITTED('e')} AS committed, ${SUM_ACTUAL('e')} AS actual
     FROM budget_ledger e WHERE e.line_id IN (SELECT value FROM json_each(?)) GROUP BY e.line_id, e.period`,
  ).all(jsonIds(lineIds)) as (Balances & { lineId: number; period: string })[];
  return new Map(rows.map((r) => [cellKey(r.lineId, r.period), r]));
}

/** What a commitment document still holds on a cell: its commitments less its releases. */
export function outstandingCommitment(db: Database.Database, against: { type: string; id: number }, lineId: number, period: string): number {
  return stmt(
    db,
    `SELECT coalesce(sum(amount), 0) FROM budget_ledger
     WHERE against_type = ? AND against_id = ? AND line_id = ? AND period = ? AND kind IN ('commitment','release')`,
    true,
  ).get(against.type, against.id, lineId, period) as number;
}
