import type { ColDef, ICellRendererParams } from 'ag-grid-community';

/** The tick column of useChecked: a checkbox per row (Space on the row toggles it too). */
export function checkCol<T extends { id: number }>(has: (id: number) => boolean, toggle: (id: number) => void, header: string, enabled?: (row: T) => boolean): ColDef<T> {
  return {
    colId: 'check',
    headerName: '',
    headerTooltip: header,
    width: 40,
    minWidth: 40,
    sortable: false,
    filter: false,
    resizable: false,
    suppressMovable: true,
    pinned: 'left',
    cellRenderer: (p: ICellRendererParams<T>) =>
      p.data && p.data.id > 0 && (!enabled || enabled(p.data)) ? (
        <span className="check-cell">
          <input type="checkbox" aria-label={header} tabIndex={-1} checked={has(p.data.id)} onChange={() => p.data && toggle(p.data.id)} />
        </span>
      ) : null,
  };
}
