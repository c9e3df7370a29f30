import { inArray, like, or } from 'drizzle-orm';
import { ApiError } from '../../../shared/api/errors';
import type { AuthedCtx } from '../context';
import { schema, type Db } from '../db/open';

/**
 * Org-unit scope: a user acts on the units they are assigned to and everything below them.
 * Computed from the materialised paths; the org tree is small (hundreds of units), so the set of
 * ids is cached per call context and used in `IN (…)` filters.
 */
const cache = new WeakMap<AuthedCtx, Set<number>>();

export function scopeIdsFor(db: Db, assigned: readonly number[]): Set<number> {
  if (assigned.length === 0) return new Set();
  const roots = db.select({ path: schema.orgUnits.path }).from(schema.orgUnits).where(inArray(schema.orgUnits.id, [...assigned])).all();
  if (roots.length === 0) return new Set();
  const rows = db
    .select({ id: schema.orgUnits.id })
    .from(schema.orgUnits)
    .where(or(...roots.map((r) => like(schema.orgUnits.path, `${r.path}%`))))
    .all();
  return new Set(rows.map((r) => r.id));
}

export function scopeIds(ctx: AuthedCtx): Set<number> {
  let s = cache.get(ctx);
  if (!s) {
    s = scopeIdsFor(ctx.db, ctx.user.orgUnitIds);
    cache.set(ctx, s);
  }
  return s;
}

export function inScope(ctx: AuthedCtx, orgUnitId: number): boolean {
  return scopeIds(ctx).has(orgUnitId);
}

export function requireInScope(ctx: AuthedCtx, orgUnitId: number): void {
  if (!inScope(ctx, orgUnitId)) throw new ApiError('out_of_scope', 'This org unit is outside your scope', { orgUnitId });
}
