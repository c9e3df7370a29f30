import type { ColDef } from 'ag-grid-community';
import { money } from '../../format';
import { parseMoneyText, parsePercentToBp } from '../parse';
import { numberFilter, rightAligned, type Extra, type Field } from './base';

/**
 * Money from integer fen, shown as ¥1,234.56, right-aligned in tabular figures. The editor
 * starts from the formatted amount; ¥ and separators are accepted back. The number filter and
 * the quick filter work in yuan, as people type them.
 */
export function moneyCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    context: { excel: 'money' }, // a report grid's Excel export writes it as such (DataGrid ShownGrid)
    ...rightAligned,
    width: 130,
    ...numberFilter,
    filterValueGetter: (p) => {
      const v = p.getValue(p.colDef.colId ?? String(p.colDef.field));
      return typeof v === 'number' ? v / 100 : null;
    },
    getQuickFilterText: (p) => (typeof p.value === 'number' ? money(p.value) : ''),
    valueFormatter: (p) => (typeof p.value === 'number' ? money(p.value) : ''),
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { useFormatter: true },
    valueParser: (p) => parseMoneyText(p.newValue),
    ...extra,
  };
}

/** A percentage stored in basis points (500 = 5%), shown as 5.00%. */
export function percentBpCol<T>(field: Field<T>, headerName: string, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    context: { excel: 'bp' },
    ...rightAligned,
    width: 110,
    ...numberFilter,
    filterValueGetter: (p) => {
      const v = p.getValue(p.colDef.colId ?? String(p.colDef.field));
      return typeof v === 'number' ? v / 100 : null;
    },
    valueFormatter: (p) => (typeof p.value === 'number' ? `${(p.value / 100).toFixed(2)}%` : ''),
    cellEditor: 'agTextCellEditor',
    cellEditorParams: { useFormatter: true },
    valueParser: (p) => parsePercentToBp(p.newValue),
    ...extra,
  };
}
