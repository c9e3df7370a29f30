import type { Matrix } from './tsv';

/**
 * Where a block pasted from Excel or WPS lands when it is applied at the focused cell (buffered,
 * spreadsheet-like grids; AG Grid's range paste is Enterprise). The block's top-left value goes
 * to the focused cell; the block extends over the following displayed columns and rows:
 * - values whose column lies past the last displayed column are dropped (counted as `clipped`);
 * - values on cells that are not editable (computed totals, keys of saved rows) are skipped and
 *   counted, the rest of the block still lands;
 * - rows past the last displayed row become new rows when `appendRows` is set (their cells are
 *   reported with `rowId: null` and `newRow` = 0, 1, …), else they are clipped.
 * Values stay text: each column's own parser decides what they mean (and what blank means).
 */
export interface PasteCell {
  /** the target row's id, or null for a row to be appended */
  rowId: string | null;
  /** index of the appended row (0-based) when rowId is null */
  newRow: number;
  colId: string;
  raw: string;
}

export interface PastePlan {
  cells: PasteCell[];
  /** rows to append for the block */
  newRows: number;
  /** values that fell on cells that cannot be edited */
  skipped: number;
  /** values beyond the last column (or the last row, without appendRows) */
  clipped: number;
}

export interface PasteLayout {
  /** ids of the displayed rows from the focused row downwards */
  rowIds: readonly string[];
  /** ids of the displayed columns from the focused column rightwards */
  colIds: readonly string[];
  editable: (rowId: string | null, colId: string) => boolean;
  appendRows?: boolean;
}

export function layOutPaste(matrix: Matrix, layout: PasteLayout): PastePlan {
  const plan: PastePlan = { cells: [], newRows: 0, skipped: 0, clipped: 0 };
  matrix.forEach((values, r) => {
    const existing = r < layout.rowIds.length;
    if (!existing && !layout.appendRows) {
      plan.clipped += values.length;
      return;
    }
    const rowId = existing ? layout.rowIds[r]! : null;
    const newRow = existing ? 0 : r - layout.rowIds.length;
    if (!existing) plan.newRows = Math.max(plan.newRows, newRow + 1);
    values.forEach((raw, c) => {
      const colId = layout.colIds[c];
      if (colId === undefined) {
        plan.clipped += 1;
        return;
      }
      if (!layout.editable(rowId, colId)) {
        plan.skipped += 1;
        return;
      }
      plan.cells.push({ rowId, newRow, colId, raw });
    });
  });
  return plan;
}
