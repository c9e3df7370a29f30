import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Invalid } from '../parse';
import type { Extra, Field } from './base';
import { Lookup, type Coded } from './lookup';
import { refCol } from './ref';

/**
 * Status in the one colour language of styles.css: a coloured dot and always a text label.
 * `lookup` maps codes to labels; the code doubles as the colour class (cooperating, suspended …).
 */
function StatusCell(p: ICellRendererParams & { lookup: Lookup; classOf?: (v: unknown) => string }) {
  if (p.value === null || p.value === undefined) return null;
  const cls = p.classOf ? p.classOf(p.value) : String(p.value);
  return <span className={`status ${cls}`}>{p.lookup.label(p.value as Coded)}</span>;
}

export function statusCol<T>(field: Field<T>, headerName: string, lookup: Lookup, extra: Extra<T> = {}): ColDef<T> {
  return refCol(field, headerName, lookup, {
    cellRenderer: StatusCell,
    cellRendererParams: { lookup },
    width: 100,
    ...extra,
  });
}

/** The active flag as a status (启用 / 已停用); shown by the grid only while inactive rows are. */
export function activeCol<T extends { active?: boolean }>(labels: { active: string; inactive: string }, headerName: string): ColDef<T> {
  const lookup = new Lookup<string | number>([
    { value: 1, label: labels.active },
    { value: 0, label: labels.inactive },
  ]);
  return {
    colId: 'active',
    headerName,
    headerTooltip: headerName,
    width: 90,
    valueGetter: (p) => (p.data ? (p.data.active === false ? 0 : 1) : null),
    cellRenderer: StatusCell,
    cellRendererParams: { lookup, classOf: (v: unknown) => (v === 1 ? 'active' : 'inactive') },
    editable: false,
    filter: false,
    sortable: false,
  };
}

/** Star rating 1–5 as ★★★☆☆ (the number for screen readers and tooltips); edited as a digit. */
function StarsCell(p: ICellRendererParams) {
  const n = typeof p.value === 'number' ? p.value : 0;
  if (!n) return null;
  return (
    <span className="stars" aria-label={String(n)} title={String(n)}>
      {'★'.repeat(Math.min(n, 5))}
      <span className="stars-off">{'★'.repeat(Math.max(0, 5 - n))}</span>
    </span>
  );
}

export function starsCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    width: 92,
    cellRenderer: StarsCell,
    filter: 'agNumberColumnFilter',
    filterParams: { filterOptions: ['equals', 'greaterThanOrEqual', 'lessThanOrEqual'], maxNumConditions: 1 },
    cellEditor: 'agTextCellEditor',
    valueParser: (p) => {
      const s = String(p.newValue ?? '').trim();
      return /^\d+$/.test(s) ? Number(s) : s === '' ? null : new Invalid('v.star');
    },
    ...extra,
  };
}
