import type { ColDef } from 'ag-grid-community';
import { date, dateTime } from '../../format';
import { parseDateText } from '../parse';
import type { Extra, Field } from './base';

/**
 * ISO dates (YYYY-MM-DD) shown in the locale's format. Editing takes the ISO text and the
 * spellings people type (2024/3/1, 2024年3月1日). The filter matches the ISO text from its
 * start, so "2025" or "2025-06" select a year or a month — on the server and in the browser alike.
 */
export function dateCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    context: { excel: 'date' }, // a report grid's Excel export writes it as such (DataGrid ShownGrid)
    cellClass: 'num',
    width: 112,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: ['startsWith', 'equals'], maxNumConditions: 1, debounceMs: 300 },
    valueFormatter: (p) => (typeof p.value === 'string' ? date(p.value) : ''),
    getQuickFilterText: (p) => (typeof p.value === 'string' ? date(p.value) : ''),
    cellEditor: 'agTextCellEditor',
    valueParser: (p) => parseDateText(p.newValue),
    ...extra,
  };
}

/** A timestamp (ISO), read-only. */
export function dateTimeCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    cellClass: 'num',
    width: 140,
    filter: 'agTextColumnFilter',
    filterParams: { filterOptions: ['startsWith'], maxNumConditions: 1, debounceMs: 300 },
    valueFormatter: (p) => (typeof p.value === 'string' ? dateTime(p.value) : ''),
    editable: false,
    ...extra,
  };
}
