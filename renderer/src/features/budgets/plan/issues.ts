import { EDIT_COLS, monthIndex, type CellIssue, type EditCol, type PlanRow } from './sheet';

/**
 * Every problem of the entry grid in one place: a cell is a problem when its text is not a value
 * (`bad`), when the core refused it on the last save (`refused`), or when a month is planned
 * below its floor — what is committed and spent (see electron/core/budgets/floors.ts). The floor
 * check runs on every edit and paste, so a cell is marked before save; the core stays the judge
 * (a floor may have moved since the grid loaded), so it does not stop the save by itself.
 */
export function floorIssue(row: PlanRow, col: EditCol): CellIssue | undefined {
  const m = monthIndex(col);
  if (m < 0 || !row.floors || row.removed || row.bad[col]) return undefined;
  const floor = row.floors[m]!;
  if (row.amounts[m]! >= floor) return undefined;
  return { reason: 'v.below_floor', params: { floor, used: row.used?.[m] ?? floor } };
}

export const cellIssue = (row: PlanRow, col: EditCol): CellIssue | undefined => row.bad[col] ?? row.refused[col] ?? floorIssue(row, col);

export interface GridIssue {
  rowId: number;
  col: EditCol;
  issue: CellIssue;
}

/** The problems in row order (as loaded) and column order; removed rows have none. */
export function listIssues(rows: readonly PlanRow[]): GridIssue[] {
  const out: GridIssue[] = [];
  for (const r of rows) {
    if (r.removed) continue;
    for (const col of EDIT_COLS) {
      const issue = cellIssue(r, col);
      if (issue) out.push({ rowId: r.id, col, issue });
    }
  }
  return out;
}
