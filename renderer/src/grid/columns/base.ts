import type { ColDef, ColDefField, ValueFormatterParams } from 'ag-grid-community';
import { parseIntText, parseText } from '../parse';

/**
 * Plain text and number columns. Filters offer only what the core can run server-side
 * (contains / starts with / equals; one condition), so the same column works in both row models.
 */
export type Field<T> = ColDefField<T>;
export type Extra<T> = Partial<ColDef<T>>;

/** Numbers: right-aligned header and cells, tabular figures. */
export const rightAligned = { cellClass: ['ag-right-aligned-cell', 'num'], headerClass: 'ag-right-aligned-header' } satisfies Partial<ColDef>;

export const textFilter = {
  filter: 'agTextColumnFilter',
  filterParams: { filterOptions: ['contains', 'startsWith', 'equals'], maxNumConditions: 1, debounceMs: 300 },
} satisfies Partial<ColDef>;

export const numberFilter = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    filterOptions: ['equals', 'greaterThanOrEqual', 'lessThanOrEqual', 'greaterThan', 'lessThan'],
    maxNumConditions: 1,
    debounceMs: 300,
  },
} satisfies Partial<ColDef>;

export function textCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    ...textFilter,
    cellEditor: 'agTextCellEditor',
    valueParser: (p) => parseText(p.newValue),
    ...extra,
  };
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Right-aligned, thousands separators, tabular figures. */
export function numberCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    ...rightAligned,
    ...numberFilter,
    cellEditor: 'agTextCellEditor',
    valueFormatter: (p: ValueFormatterParams<T>) => (typeof p.value === 'number' ? grouped.format(p.value) : ''),
    valueParser: (p) => parseIntText(p.newValue),
    ...extra,
  };
}
