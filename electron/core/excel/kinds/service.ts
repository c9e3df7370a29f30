import type { OrgCtx } from '../../context';

/**
 * Calls an API handler from inside the import transaction — the same function the API runs, so
 * service kinds share every rule. Handlers used here are synchronous (their writes are one
 * synchronous transaction, which becomes a savepoint inside the import's). Each call gets a fresh
 * context object: the scope cache is per context, and earlier rows may have created org units.
 */
export function callSync<I, O>(handler: (input: I, ctx: OrgCtx) => O | Promise<O>, input: I, ctx: OrgCtx): O {
  const r = handler(input, { ...ctx });
  if (r instanceof Promise) throw new Error('an asynchronous handler cannot run inside an import');
  return r;
}

/** Orders list rows as the grid showed them (rowIds) or keeps the list's order. */
export function inGridOrder<T extends { id: number }>(rows: T[], rowIds: number[] | undefined): T[] {
  if (!rowIds) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return rowIds.map((id) => byId.get(id)).filter((r): r is T => !!r);
}

/** null in a cell of a field that cannot be null means "not given": the default, or the current value */
export function dropNulls(o: Record<string, unknown>, nullable: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null || nullable.includes(k)) out[k] = v;
  return out;
}
