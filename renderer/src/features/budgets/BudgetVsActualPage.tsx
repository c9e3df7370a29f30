import { keepPreviousData } from '@tanstack/react-query';
import type { CellClickedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { DataGrid } from '../../grid';
import { useGridExport } from '../excel/useGridExport';
import { useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import { useBudgetLookups } from './lookups';
import { budgetErrorText } from './text';
import { GRAND_TOTAL_ID, toGridRows, type BvaGridRow, type Measure } from './vsActual/bva';
import { bucketLabel, bvaColumns } from './vsActual/columns';
import { Controls, type BvaQuery } from './vsActual/Controls';
import { DrillPane, type DrillTarget } from './vsActual/DrillPane';

/**
 * Budget vs actual (预算执行): allocated, committed, actual, available and the execution rate for
 * any ordered combination of dimensions and any period granularity, with subtotals and a pinned
 * grand total that add up (the core sums them). Clicking a figure — or Enter on it — opens the
 * ledger entries behind it.
 */
const thisYear = new Date().getFullYear();

export function BudgetVsActualPage() {
  const { t, i18n } = useTranslation();
  const lk = useBudgetLookups();
  const plans = useApiQuery('budgetPlans.list', {});
  const years = (plans.data ?? []).map((p) => p.fiscalYear);
  const [year, setYear] = useState<number | null>(null);
  const fiscalYear = year ?? (years.includes(thisYear) ? thisYear : (years[0] ?? thisYear));
  const [q, setQ] = useState<BvaQuery>({
    dims: ['branch', 'costType'],
    granularity: 'quarter',
    throughMonth: new Date().getMonth() + 1,
    subtreeOf: null,
    channelType: null,
    costType: null,
    measures: ['allocated', 'committed', 'actual', 'available', 'execution'],
    onlyOver: false,
  });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const exportShown = useGridExport(`${t('budgets.bva.title')} ${fiscalYear}`);
  const filter = useMemo(
    () => ({
      ...(q.subtreeOf ? { subtreeOf: q.subtreeOf } : {}),
      ...(q.channelType ? { channelType: [q.channelType] } : {}),
      ...(q.costType ? { costType: [q.costType] } : {}),
    }),
    [q.subtreeOf, q.channelType, q.costType],
  );
  const report = useApiQuery(
    'budgets.vsActual',
    { fiscalYear, dimensions: q.dims, granularity: q.granularity, throughMonth: q.throughMonth, filter },
    { enabled: !!plans.data && years.length > 0, placeholderData: keepPreviousData },
  );
  const data = report.data;
  const grid = useMemo(() => (data ? toGridRows(data, q.onlyOver) : null), [data, q.onlyOver]);
  const columns = useMemo(
    () => (data ? bvaColumns({ t, zh: i18n.language === 'zh-CN', report: data, measures: q.measures }) : []),
    [t, i18n.language, data, q.measures],
  );

  const open = useRef<(row: BvaGridRow, colId: string) => void>(() => {});
  open.current = (row, colId) => {
    if (!data || !colId.includes('|')) return;
    const [bucket, measure] = colId.split('|') as [string, Measure];
    const dims = data.dimensions.filter((d) => d in row.row.keys);
    const names = dims.map((d) => {
      const id = row.row.keys[d];
      const l = id === null || id === undefined ? null : data.labels[`${d}:${id}`];
      return l ? (i18n.language === 'zh-CN' ? l.nameZh : l.nameEn) : t('budgets.bva.none');
    });
    const where = row.id === GRAND_TOTAL_ID ? [t('budgets.bva.grandTotal')] : names;
    const period = bucket === 'total' ? t('common.total') : bucketLabel(t, bucket);
    setDrill({ title: [fiscalYear, ...where, period, t(`budgets.bva.measure.${measure}`)].join(' · '), fiscalYear, keys: row.row.keys, filter, bucket, measure });
  };
  const apiRef = useRef<GridApi<BvaGridRow> | null>(null);
  const onApi = (api: GridApi<BvaGridRow> | null) => {
    apiRef.current = api;
    if (!api) return;
    api.addEventListener('cellClicked', (e: CellClickedEvent<BvaGridRow>) => e.data && open.current(e.data, e.column.getColId()));
    api.addEventListener('cellKeyDown', (e: CellKeyDownEvent<BvaGridRow> | FullWidthCellKeyDownEvent<BvaGridRow>) => {
      if ('column' in e && (e.event as KeyboardEvent | null)?.key === 'Enter' && e.data) open.current(e.data, e.column.getColId());
    });
  };
  useEffect(() => setDrill(null), [fiscalYear, q, filter]);

  return (
    <div className="page budget-vs-actual" data-testid="budget-vs-actual">
      <div className="page-head">
        <h2>{t('budgets.bva.title')}</h2>
        <label className="inline-field">
          <span className="muted">{t('budgets.plan.year')}</span>
          <select name="year" value={fiscalYear} onChange={(e) => setYear(Number(e.target.value))} data-testid="bva-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">{t('budgets.bva.drillHint')}</span>
      </div>
      <Controls q={q} set={setQ} lk={lk} />
      {plans.data && years.length === 0 && <Banner message={{ kind: 'warn', text: t('budgets.bva.noPlan', { year: fiscalYear }) }} />}
      {report.error && <Banner message={{ kind: 'error', text: budgetErrorText(report.error) }} />}
      <div className="bva-body">
        <DataGrid<BvaGridRow>
          key={`${q.dims.join(',')}|${q.granularity}|${q.measures.join(',')}`}
          gridId="budget-vs-actual"
          columns={columns}
          rows={grid?.rows ?? []}
          loading={report.isFetching && !grid}
          readOnly
          pinnedBottomRows={grid ? [grid.total] : undefined}
          onApi={onApi}
          onExportShown={exportShown}
        />
        {drill && <DrillPane target={drill} onClose={() => setDrill(null)} />}
      </div>
    </div>
  );
}
