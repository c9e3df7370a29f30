import type { DoesFilterPassParams } from 'ag-grid-community';
import type { CustomFilterDisplayProps } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import { useTranslation } from '../i18n';
import type { Coded, Lookup } from './columns/lookup';

/**
 * A value-list filter for coded columns (references, statuses). AG Grid's Set Filter is
 * Enterprise; this one produces the same model shape, `{ filterType: 'set', values }`, which the
 * core's paging accepts and which `doesSetFilterPass` applies in the browser.
 */
export interface SetFilterModel {
  filterType: 'set';
  values: (Coded | null)[];
}
export interface SetFilterParams {
  lookup: Lookup;
}

export function doesSetFilterPass({ model, node, handlerParams }: DoesFilterPassParams<unknown, unknown, SetFilterModel>): boolean {
  const v = handlerParams.getValue(node) as Coded | null | undefined;
  return model.values.includes(v ?? null);
}

export function SetFilter(props: CustomFilterDisplayProps<unknown, unknown, SetFilterModel>) {
  const { t } = useTranslation();
  const lookup = (props.colDef.filterParams as SetFilterParams).lookup;
  const [search, setSearch] = useState('');
  const selected = useMemo(() => new Set(props.model?.values ?? []), [props.model]);
  const shown = lookup.options.filter((o) => !search || o.label.toLowerCase().includes(search.toLowerCase()));

  const apply = (next: Set<Coded | null>) =>
    props.onModelChange(next.size === 0 ? null : { filterType: 'set', values: [...next] });
  const toggle = (v: Coded) => {
    const next = new Set(selected);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    apply(next);
  };

  return (
    <div className="set-filter" data-testid="set-filter">
      <input type="search" value={search} placeholder={t('grid.filterSearch')} onChange={(e) => setSearch(e.target.value)} />
      <div className="set-filter-list" role="listbox" aria-multiselectable>
        {shown.map((o) => (
          <label key={String(o.value)} className={o.active === false ? 'muted' : ''}>
            <input type="checkbox" checked={selected.has(o.value)} onChange={() => toggle(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <div className="set-filter-foot">
        <span className="muted small">{selected.size ? t('grid.filterSelected', { count: selected.size }) : t('grid.filterNone')}</span>
        <button type="button" disabled={selected.size === 0} onClick={() => apply(new Set())}>
          {t('grid.filterClear')}
        </button>
      </div>
    </div>
  );
}
