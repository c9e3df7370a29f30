import type Database from 'better-sqlite3';
import { requireInScope, scopeIds } from '../auth/scope';
import type { AuthedCtx, CoreEnv } from '../context';

/**
 * Small SQL helpers of the budget area. Budgets read and write through better-sqlite3 prepared
 * statements (cached per connection): the ledger is large and bulk paths (grid saves, approvals,
 * demo data, benchmarks) are ten times faster this way than through drizzle's query builder.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection. `pluck` statements are cached separately. */
export function stmt(db: Database.Database, sql: string, pluck = false): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = pluck ? `P|${sql}` : sql;
  let s = cache.get(key);
  if (!s) {
    s = db.prepare(sql);
    if (pluck) s.pluck(true);
    cache.set(key, s);
  }
  return s;
}

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

/**
 * Whether the caller's scope is the whole company (assigned the root unit): then no scope term is
 * needed at all, and the planner keeps its best plan. One cached lookup instead of computing the
 * scope's id set, which matters on hot paths (availability checks, reports).
 */
const everything = new WeakMap<AuthedCtx, boolean>();
export function seesEverything(ctx: AuthedCtx): boolean {
  let all = everything.get(ctx);
  if (all === undefined) {
    const roots = stmt(dbOf(ctx), 'SELECT count(*) FROM org_units WHERE parent_id IS NULL AND id IN (SELECT value FROM json_each(?))', true);
    everything.set(ctx, (all = (roots.get(JSON.stringify(ctx.user.orgUnitIds)) as number) > 0));
  }
  return all;
}

/** Membership test for many ids: everything for the whole company, else the scope's id set. */
export function scopeTest(ctx: AuthedCtx): { has(orgUnitId: number): boolean } {
  return seesEverything(ctx) ? { has: () => true } : scopeIds(ctx);
}

/** requireInScope with the shortcut above. */
export function assertInScope(ctx: AuthedCtx, orgUnitId: number): void {
  if (!seesEverything(ctx)) requireInScope(ctx, orgUnitId);
}

/** The org-unit scope as a WHERE term on `col`: nothing for the whole company, else membership in the scope's ids. */
export function scopeTerm(ctx: AuthedCtx, col: string): { where: string[]; params: unknown[] } {
  if (seesEverything(ctx)) return { where: [], params: [] };
  return { where: [`${col} IN (SELECT value FROM json_each(?))`], params: [jsonIds(scopeIds(ctx))] };
}

/** Balances of the ledger, as SQL over an entry alias (see the ledger table's comment). */
export const SUM_ALLOCATED = (e: string) => `SUM(CASE WHEN ${e}.kind IN ('allocation','transfer_in','transfer_out') THEN ${e}.amount ELSE 0 END)`;
export const SUM_COMMITTED = (e: string) => `SUM(CASE WHEN ${e}.kind IN ('commitment','release') THEN ${e}.amount ELSE 0 END)`;
export const SUM_ACTUAL = (e: string) => `SUM(CASE WHEN ${e}.kind = 'actual' THEN ${e}.amount ELSE 0 END)`;

export const MONTH_COLS = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
export const amountsOf = (r: Record<string, unknown>): number[] => MONTH_COLS.map((c) => r[c] as number);
