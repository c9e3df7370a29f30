import type { ColDef } from 'ag-grid-community';
import { Invalid } from '../parse';
import { doesSetFilterPass, SetFilter, type SetFilterParams } from '../SetFilter';
import type { Extra, Field } from './base';
import type { Coded, Lookup } from './lookup';

/**
 * A coded value shown by its label: an id (channel type, org unit, user) or an enum code.
 * Sorted by label in the browser (the server sorts by the stored value, which keeps equal values
 * together); filtered by a set of values; edited with a list of the active choices; pasted text
 * is matched against labels and aliases.
 */
export function refCol<T>(field: Field<T>, headerName: string, lookup: Lookup, extra: Extra<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    headerTooltip: headerName,
    valueFormatter: (p) => lookup.label(p.value as Coded | null),
    getQuickFilterText: (p) => lookup.label(p.value as Coded | null),
    comparator: (a, b) => lookup.label(a as Coded | null).localeCompare(lookup.label(b as Coded | null), 'zh-CN'),
    filter: { component: SetFilter, doesFilterPass: doesSetFilterPass },
    filterParams: { lookup } satisfies SetFilterParams,
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: { values: lookup.choices(), valueListMaxHeight: 260 },
    valueParser: (p) => {
      const v: unknown = p.newValue;
      if (v === null || v === undefined || v === '') return null;
      if (lookup.has(v)) return v;
      const found = lookup.find(String(v));
      return found ?? new Invalid('v.choice', { options: lookup.choices().slice(0, 8).map((c) => lookup.label(c)).join(' / ') });
    },
    ...extra,
  };
}
