import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { BudgetPlan, CompareRow } from '@shared/api/areas/budgets';
import { call } from '../../../api/client';
import { money } from '../../../format';
import { DataGrid } from '../../../grid';
import { useTranslation } from '../../../i18n';
import { Banner } from '../../../ui/Banner';
import type { BudgetLookups } from '../lookups';
import { budgetErrorText } from '../text';
import { usePartnerLookup } from './partners';

/**
 * Two versions of a plan side by side: per line and month the amount in A and in B, the cells
 * that differ highlighted (both sides), lines added or removed marked as such, year totals with
 * the difference, and a pinned totals row. Every line is loaded (paged by the core).
 */
type Row = CompareRow & { id: number };
const TOTAL_ID = 0;

export function CompareView(p: { plan: BudgetPlan; lk: BudgetLookups; initialB: number; onBack: () => void }) {
  const { t } = useTranslation();
  const versions = [...p.plan.versions].reverse();
  const other = versions.find((v) => v.id !== p.initialB && v.inForce) ?? versions.find((v) => v.id !== p.initialB);
  const [a, setA] = useState(other?.id ?? p.initialB);
  const [b, setB] = useState(p.initialB);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [totals, setTotals] = useState<Row | null>(null);
  const [error, setError] = useState<unknown>(null);
  const partners = usePartnerLookup(true);

  useEffect(() => {
    if (a === b) return;
    let alive = true;
    setRows(null);
    setError(null);
    void (async () => {
      const all: Row[] = [];
      let cursor: string | undefined;
      try {
        for (;;) {
          const page = await call('budgetVersions.compare', { a, b, onlyChanged, limit: 5000, ...(cursor ? { cursor } : {}) });
          if (!alive) return;
          all.push(...page.rows.map((r) => ({ ...r, id: r.lineId })));
          const tot = page.totals;
          setTotals({ id: TOTAL_ID, lineId: 0, orgUnitId: 0, channelTypeId: 0, costTypeId: 0, partnerId: null, a: tot.a, b: tot.b, diff: tot.diff, changedMonths: tot.diff.flatMap((d, m) => (d ? [m + 1] : [])), controlChanged: false, status: 'changed' });
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        setRows(all);
      } catch (e) {
        if (alive) setError(e);
      }
    })();
    return () => {
      alive = false;
    };
  }, [a, b, onlyChanged]);

  const columns = useMemo((): (ColDef<Row> | ColGroupDef<Row>)[] => {
    const num: Partial<ColDef<Row>> = { cellClass: ['ag-right-aligned-cell', 'num'], headerClass: 'ag-right-aligned-header', filter: false, width: 112 };
    const amount = (side: 'a' | 'b', m: number): ColDef<Row> => ({
      ...num,
      colId: `${side}${m + 1}`,
      headerName: side.toUpperCase(),
      valueGetter: (q) => q.data?.[side]?.[m] ?? null,
      valueFormatter: (q) => (typeof q.value === 'number' ? money(q.value) : '—'),
      cellClassRules: { 'cell-changed': (q) => !!q.data && q.data.id !== TOTAL_ID && q.data.changedMonths.includes(m + 1), 'cell-total': (q) => !!q.node.rowPinned },
      tooltipValueGetter: (q) => (q.data?.diff[m] ? `${t('budgets.compare.diff')} ${q.data.diff[m]! > 0 ? '+' : ''}${money(q.data.diff[m]!)}` : undefined),
    });
    const sum = (xs: number[] | null) => (xs ? xs.reduce((s, x) => s + x, 0) : null);
    const year = (colId: string, header: string, of: (r: Row) => number | null): ColDef<Row> => ({
      ...num,
      colId,
      headerName: header,
      width: 120,
      pinned: 'right',
      valueGetter: (q) => (q.data ? of(q.data) : null),
      valueFormatter: (q) => (typeof q.value !== 'number' ? '—' : colId === 'diffYear' && q.value > 0 ? `+${money(q.value)}` : money(q.value)),
      cellClassRules: { 'cell-changed': (q) => colId === 'diffYear' && typeof q.value === 'number' && q.value !== 0, 'cell-total': (q) => !!q.node.rowPinned },
    });
    const key = (field: 'orgUnitId' | 'channelTypeId' | 'costTypeId', header: string, label: (id: number) => string, width: number): ColDef<Row> => ({
      field,
      headerName: header,
      width,
      pinned: 'left',
      valueFormatter: (q) => (q.node?.rowPinned ? (field === 'orgUnitId' ? t('budgets.compare.total') : '') : label(q.value as number)),
      getQuickFilterText: (q) => label(q.value as number),
    });
    return [
      key('orgUnitId', t('budgets.grid.orgUnit'), (id) => p.lk.orgUnits.label(id), 120),
      key('channelTypeId', t('budgets.grid.channelType'), (id) => p.lk.channelTypes.label(id), 96),
      key('costTypeId', t('budgets.grid.costType'), (id) => p.lk.costTypes.label(id), 100),
      {
        field: 'partnerId',
        headerName: t('budgets.grid.partner'),
        width: 140,
        pinned: 'left',
        valueFormatter: (q) => (q.value === null || q.value === undefined ? '' : partners.label(q.value as number)),
      },
      {
        field: 'status',
        headerName: t('budgets.compare.status'),
        width: 90,
        pinned: 'left',
        cellRenderer: (q: { value: Row['status']; data?: Row; node: { rowPinned?: unknown } }) =>
          q.node.rowPinned ? null : (
            <span className={`status diff-${q.value}`} title={q.data?.controlChanged ? t('budgets.compare.controlChanged') : undefined}>
              {t(`budgets.compare.statusOf.${q.value}`)}
              {q.data?.controlChanged ? ' *' : ''}
            </span>
          ),
      },
      ...Array.from({ length: 12 }, (_, m): ColGroupDef<Row> => ({
        headerName: t(`budgets.grid.months.${m}`),
        children: [amount('a', m), amount('b', m)],
      })),
      {
        headerName: t('budgets.grid.year'),
        children: [year('yearA', 'A', (r) => sum(r.a)), year('yearB', 'B', (r) => sum(r.b)), year('diffYear', t('budgets.compare.diff'), (r) => (sum(r.b) ?? 0) - (sum(r.a) ?? 0))],
      },
    ];
  }, [t, p.lk, partners]);

  const label = (id: number) => {
    const v = p.plan.versions.find((x) => x.id === id);
    return v ? `${t('budgets.version.label', { number: v.number })} · ${t(`budgets.state.${v.state}`)}${v.inForce ? ` · ${t('budgets.version.inForce')}` : ''}` : '';
  };
  const picker = (name: string, value: number, set: (v: number) => void) => (
    <select name={name} value={value} onChange={(e) => set(Number(e.target.value))}>
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {label(v.id)}
        </option>
      ))}
    </select>
  );

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="toolbar">
        <button type="button" onClick={p.onBack}>
          ← {t('budgets.compare.back')}
        </button>
        <label className="inline-field">
          <span className="muted">{t('budgets.compare.a')}</span>
          {picker('a', a, setA)}
        </label>
        <label className="inline-field">
          <span className="muted">{t('budgets.compare.b')}</span>
          {picker('b', b, setB)}
        </label>
        <label className="toggle">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t('budgets.compare.onlyChanged')}
        </label>
      </div>
      {a === b && <Banner message={{ kind: 'warn', text: t('budgets.compare.pickTwo') }} />}
      {error !== null && <Banner message={{ kind: 'error', text: budgetErrorText(error) }} />}
      <DataGrid<Row> gridId="budget-compare" countNoun="lines" columns={columns} rows={rows ?? []} loading={rows === null && a !== b && !error} readOnly fitColumns={false} pinnedBottomRows={totals ? [totals] : undefined} />
    </div>
  );
}
