import type Database from 'better-sqlite3';
import { cellBalances } from '../budgets/ledger';
import { activityMonths } from '../documents/dates';
import { resolveLineOrNull, type DocKey } from '../documents/line';

/**
 * A document's budget impact as the queue shows it — the same figures as documents/line.ts
 * `impactOf` (available before over the activity's months that have a line, after = before −
 * amount, % used after over the allocation) — with the line of each key × month and the balance
 * of each line × month read once per page (`memo`): a page of a thousand documents touches a few
 * dozen cells.
 */
export interface ImpactMemo {
  lines: Map<string, number | null>;
  cells: Map<string, { allocated: number; used: number }>;
}

export function lineImpact(db: Database.Database, key: DocKey, start: string, end: string, amount: number, memo: ImpactMemo) {
  let lineId: number | null = null;
  let allocated = 0;
  let used = 0;
  for (const m of activityMonths(start, end)) {
    const lk = `${key.orgUnitId}|${key.channelTypeId}|${key.costTypeId}|${key.partnerId ?? 0}|${m.period}`;
    let line = memo.lines.get(lk);
    if (line === undefined) memo.lines.set(lk, (line = resolveLineOrNull(db, key, m.period)));
    if (line === null) continue;
    lineId ??= line;
    const ck = `${line}|${m.period}`;
    let b = memo.cells.get(ck);
    if (!b) {
      const x = cellBalances(db, line, m.period);
      memo.cells.set(ck, (b = { allocated: x.allocated, used: x.committed + x.actual }));
    }
    allocated += b.allocated;
    used += b.used;
  }
  if (lineId === null) return null;
  const before = allocated - used;
  return { lineId, availableBefore: before, availableAfter: before - amount, usedBpAfter: allocated > 0 ? Math.round(((used + amount) * 10_000) / allocated) : null };
}
