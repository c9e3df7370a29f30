import type { CoreEnv } from '../context';
import { stmt } from '../db/stmt';

export { stmt };

/**
 * Small SQL helpers of the budget area. Budgets read and write through better-sqlite3 prepared
 * statements (cached per connection: db/stmt.ts): the ledger is large and bulk paths (grid saves, approvals,
 * demo data, benchmarks) are ten times faster this way than through drizzle's query builder.
 */
export const dbOf = (ctx: CoreEnv) => ctx.db.$client;

/**
 * Runs `fn` in one IMMEDIATE transaction (writers queue instead of failing on upgrade). Inside an
 * open transaction — a future cost-request service calling `commitBudget` within its own — it
 * becomes a savepoint, so the caller's transaction stays all or nothing.
 */
export function inTx<T>(ctx: CoreEnv, fn: () => T): T {
  return ctx.db.$client.transaction(fn).immediate();
}

/** ids as one JSON parameter, for `IN (SELECT value FROM json_each(?))` */
export const jsonIds = (ids: Iterable<number | null>) => JSON.stringify([...ids]);

/** Balances of the ledger, as SQL over an entry alias (see the ledger table's comment). */
export const SUM_ALLOCATED = (e: string) => `SUM(CASE WHEN ${e}.kind IN ('allocation','transfer_in','transfer_out') THEN ${e}.amount ELSE 0 END)`;
export const SUM_COMMITTED = (e: string) => `SUM(CASE WHEN ${e}.kind IN ('commitment','release') THEN ${e}.amount ELSE 0 END)`;
export const SUM_ACTUAL = (e: string) => `SUM(CASE WHEN ${e}.kind = 'actual' THEN ${e}.amount ELSE 0 END)`;

export const MONTH_COLS = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
export const amountsOf = (r: Record<string, unknown>): number[] => MONTH_COLS.map((c) => r[c] as number);
