import type Database from 'better-sqlite3';
import { periodOf } from '../../../shared/domain/budget';
import { balancesOfLines, cellKey } from './ledger';
import { amountsOf, jsonIds, MONTH_COLS, stmt } from './sql';

/**
 * The floor of each month of a draft's lines: the lowest amount a save accepts (the `below_used`
 * rule of saveLines / shared `revisionProblem`), so the grid can show it before anything is typed
 * and mark a cell below it at once. A save lowers a cell's allocation by (version in force −
 * planned amount); that may not take the allocation under committed + actual. Hence
 * floor = in force + min(0, used − allocated), never below 0: with nothing used it is 0; with the
 * cell already past its allocation it is the amount in force (the cell may not be lowered at all).
 * `used` (committed + actual) is returned beside it: it is what the message names.
 */
export interface LineFloors {
  floors: number[];
  used: number[];
}

export function floorsOfLines(db: Database.Database, fiscalYear: number, inForceVersionId: number | null, lineIds: readonly number[]): Map<number, LineFloors> {
  const out = new Map<number, LineFloors>();
  if (lineIds.length === 0) return out;
  const balances = balancesOfLines(db, lineIds);
  const inForce = new Map<number, number[]>();
  if (inForceVersionId !== null) {
    const rows = stmt(db, `SELECT line_id AS lineId, ${MONTH_COLS.join(', ')} FROM budget_version_lines WHERE version_id = ? AND line_id IN (SELECT value FROM json_each(?))`)
      .all(inForceVersionId, jsonIds(lineIds)) as (Record<string, number> & { lineId: number })[];
    for (const r of rows) inForce.set(r.lineId, amountsOf(r));
  }
  for (const lineId of lineIds) {
    const floors: number[] = [];
    const used: number[] = [];
    for (let m = 0; m < 12; m++) {
      const b = balances.get(cellKey(lineId, periodOf(fiscalYear, m + 1)));
      const u = b ? b.committed + b.actual : 0;
      const before = inForce.get(lineId)?.[m] ?? 0;
      used.push(u);
      floors.push(b ? Math.max(0, before + Math.min(0, u - b.allocated)) : 0);
    }
    out.set(lineId, { floors, used });
  }
  return out;
}
