import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { GridIssue } from './issues';
import type { EditCol } from './sheet';

/**
 * Keyboard navigation over the entry grid's problems: which cell has the focus (for the status
 * line that explains it — arrow keys, not only hover), a jump to a listed problem, and F8 /
 * Shift+F8 to the next / previous one after the focused cell (wrapping around).
 */
export interface FocusedCell {
  rowId: number;
  col: string;
}

export function useIssueNav(api: RefObject<GridApi | null>, issues: GridIssue[]) {
  const [focused, setFocused] = useState<FocusedCell | null>(null);
  const [grid, setGrid] = useState<GridApi | null>(null);
  const list = useRef(issues);
  list.current = issues;

  useEffect(() => {
    if (!grid || grid.isDestroyed()) return;
    const onFocus = (e: CellFocusedEvent) => {
      const col = typeof e.column === 'string' ? e.column : e.column?.getColId();
      const node = e.rowIndex === null || e.rowIndex === undefined || e.rowPinned ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex);
      setFocused(node?.id !== undefined && col ? { rowId: Number(node.id), col } : null);
    };
    grid.addEventListener('cellFocused', onFocus);
    return () => {
      if (!grid.isDestroyed()) grid.removeEventListener('cellFocused', onFocus);
    };
  }, [grid]);

  const jump = useCallback(
    (i: { rowId: number; col: EditCol }) => {
      const a = api.current;
      const node = a && !a.isDestroyed() ? a.getRowNode(String(i.rowId)) : undefined;
      if (!a || node?.rowIndex === null || node?.rowIndex === undefined) return;
      a.ensureIndexVisible(node.rowIndex);
      a.ensureColumnVisible(i.col);
      a.setFocusedCell(node.rowIndex, i.col);
    },
    [api],
  );

  /** F8: the next problem after the focused cell in the list's order; Shift+F8 the previous one */
  const step = useCallback(
    (dir: 1 | -1) => {
      const all = list.current;
      if (all.length === 0) return;
      const at = focused ? all.findIndex((i) => i.rowId === focused.rowId && i.col === focused.col) : -1;
      const next = at < 0 ? (dir === 1 ? 0 : all.length - 1) : (at + dir + all.length) % all.length;
      jump(all[next]!);
    },
    [focused, jump],
  );

  return { focused, jump, step, bind: setGrid };
}
