import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';

/**
 * A set of ticked rows beside the grid's single selection (payment lists, bulk approval): Space
 * or a click on the tick column toggles the focused row. The tick column reads `has` at render;
 * `toggle` refreshes its cells.
 */
export function useChecked<T extends { id: number }>() {
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const ref = useRef(checked);
  ref.current = checked;
  const api = useRef<GridApi<T> | null>(null);
  const refresh = () => {
    const a = api.current;
    if (a && !a.isDestroyed()) a.refreshCells({ columns: ['check'], force: true });
  };
  const toggle = useCallback((id: number) => {
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      ref.current = next;
      return next;
    });
    setTimeout(refresh, 0);
  }, []);
  const clear = useCallback((keep?: (id: number) => boolean) => {
    setChecked((prev) => {
      const next = new Set(keep ? [...prev].filter(keep) : []);
      ref.current = next;
      return next;
    });
    setTimeout(refresh, 0);
  }, []);
  const has = useCallback((id: number) => ref.current.has(id), []);
  return { checked, toggle, clear, has, api };
}
