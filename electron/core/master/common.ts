import { and, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ApiError } from '../../../shared/api/errors';
import type { AuthedCtx } from '../context';
import { schema, type Tx } from '../db/open';

/** Appends to the change log (who, when, what, before → after). */
export function logChange(
  tx: Tx,
  ctx: AuthedCtx,
  entity: string,
  entityId: number,
  action: string,
  before: unknown,
  after: unknown,
): void {
  tx.insert(schema.changeLog)
    .values({
      at: ctx.now().toISOString(),
      userId: ctx.user.id,
      entity,
      entityId,
      action,
      before: before === undefined ? null : JSON.stringify(before),
      after: after === undefined ? null : JSON.stringify(after),
    })
    .run();
}

type Versioned = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };

/**
 * Optimistic concurrency: an update names the version the editor saw. If someone saved in
 * between, the update matches no row and the caller is told plainly that the record changed.
 */
export function updateVersioned<T extends Versioned>(
  tx: Tx,
  table: T,
  id: number,
  version: number,
  set: Record<string, unknown>,
  now: string,
): void {
  const res = tx
    .update(table)
    .set({ ...set, version: version + 1, updatedAt: now } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .run();
  if (res.changes === 0) throw staleRecord(id);
}

export const staleRecord = (id: number) => new ApiError('stale', 'This record was changed by someone else; reload to see the current values', { id });

export function notFound(entity: string, id: number): ApiError {
  return new ApiError('not_found', `${entity} ${id} not found`, { entity, id });
}

/** Keeps only the keys whose value differs; used to record minimal before/after in the log. */
export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(patch) as (keyof T)[]) {
    if (patch[k] !== undefined && patch[k] !== before[k]) {
      b[k] = before[k];
      a[k] = patch[k];
    }
  }
  return { before: b, after: a };
}

export function assertUniqueCode(exists: boolean, code: string): void {
  if (exists) throw new ApiError('duplicate', `Code ${code} is already used`, { code }, [{ path: 'code', reason: 'v.duplicate_code', params: { code } }]);
}
