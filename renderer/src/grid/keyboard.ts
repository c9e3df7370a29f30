import type { CellKeyDownEvent, CellPosition, FullWidthCellKeyDownEvent, SuppressKeyboardEventParams, TabToNextCellParams } from 'ag-grid-community';

/**
 * Keys every grid shares, as in Excel / WPS (issue 12.9):
 * - Home / End move to the first / last visible column of the current row (AG Grid's own Home /
 *   End jump to the grid's corners);
 * - Ctrl+Home / Ctrl+End move to the first cell of the first row / the last cell of the last row;
 * - Tab on the last visible column (Shift+Tab on the first) leaves the grid for the next control
 *   instead of wrapping to the next row. Hidden columns are never visited (AG Grid only tabs
 *   through displayed columns).
 * While a cell is being edited, Home and End stay with the editor's text.
 */
const isHomeEnd = (e: KeyboardEvent) => (e.key === 'Home' || e.key === 'End') && !e.altKey && !e.shiftKey;

export const suppressHomeEnd = (p: SuppressKeyboardEventParams): boolean => !p.editing && isHomeEnd(p.event);

export function onHomeEndKey<T>(e: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>): void {
  const ev = e.event as KeyboardEvent | null | undefined;
  if (!ev || !isHomeEnd(ev) || !('column' in e) || e.api.getEditingCells().length > 0) return;
  const cols = e.api.getAllDisplayedColumns();
  const col = ev.key === 'Home' ? cols[0] : cols.at(-1);
  if (!col) return;
  ev.preventDefault();
  let rowIndex = e.rowIndex;
  let rowPinned = e.node.rowPinned ?? null;
  if (ev.ctrlKey || ev.metaKey) {
    rowPinned = null;
    rowIndex = ev.key === 'Home' ? 0 : e.api.getDisplayedRowCount() - 1;
  }
  if (rowIndex === null || rowIndex < 0) return;
  if (!rowPinned) e.api.ensureIndexVisible(rowIndex);
  e.api.ensureColumnVisible(col);
  e.api.setFocusedCell(rowIndex, col, rowPinned);
}

export function tabLeavesAtRowEdge<T>(p: TabToNextCellParams<T>): CellPosition | boolean {
  const cols = p.api.getAllDisplayedColumns();
  const edge = p.backwards ? cols[0] : cols.at(-1);
  if (p.previousCellPosition.column === edge) return false;
  return p.nextCellPosition ?? false;
}
