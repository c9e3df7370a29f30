import { keepPreviousData } from '@tanstack/react-query';
import type { CellClickedEvent, CellFocusedEvent, CellKeyDownEvent, FullWidthCellKeyDownEvent, GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { localName } from '@shared/i18n/names';
import { useApiQuery } from '../../api/hooks';
import { DataGrid } from '../../grid';
import { useGridExport } from '../excel/useGridExport';
import { useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import { useBudgetLookups } from './lookups';
import { budgetErrorText } from './text';
import { money } from '../../format';
import { GRAND_TOTAL_ID, toGridRows, type BvaGridRow, type Measure } from './vsActual/bva';
import { bucketLabel, bvaColumns } from './vsActual/columns';
import { Controls, type BvaQuery } from './vsActual/Controls';
import { DrillPane, type DrillTarget } from './vsActual/DrillPane';

/**
 * Budget vs actual (预算执行): allocated, committed, actual, available and the execution rate for
 * any ordered combination of dimensions and any period granularity, with subtotals and a pinned
 * grand total that add up (the core sums them). Clicking a figure — or Enter on it — opens the
 * ledger entries behind it; Esc closes them and the focus goes back to that figure. The status
 * line under the controls explains the focused figure's over-budget marks (⚠), so arrow keys
 * tell what hovering would.
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

  /** where a row and bucket are, in words: its keys (or "grand total") and the period */
  const describe = (row: BvaGridRow, bucket: string): string[] => {
    if (!data) return [];
    const dims = data.dimensions.filter((d) => d in row.row.keys);
    const names = dims.map((d) => {
      const id = row.row.keys[d];
      const l = id === null || id === undefined ? null : data.labels[`${d}:${id}`];
      return l ? localName(l, i18n.language) : t('budgets.bva.none');
    });
    const where = row.id === GRAND_TOTAL_ID ? [t('budgets.bva.grandTotal')] : row.row.subtotal ? [...names, t('budgets.bva.subtotal')] : names;
    return [...where, bucket === 'total' ? t('common.total') : bucketLabel(t, bucket)];
  };
  /** the cell a drill was opened from, to give the focus back when it closes */
  const from = useRef<{ rowIndex: number; pinned: 'top' | 'bottom' | null; colId: string } | null>(null);
  const open = useRef<(row: BvaGridRow, colId: string) => void>(() => {});
  open.current = (row, colId) => {
    if (!data || !colId.includes('|')) return;
    const [bucket, measure] = colId.split('|') as [string, Measure];
    setDrill({ title: [fiscalYear, ...describe(row, bucket), t(`budgets.bva.measure.${measure}`)].join(' · '), fiscalYear, keys: row.row.keys, filter, bucket, measure });
  };
  const [focusNote, setFocusNote] = useState<string | null>(null);
  const note = useRef<(row: BvaGridRow | undefined, colId: string) => void>(() => {});
  note.current = (row, colId) => {
    const [bucket] = colId.split('|') as [string];
    const f = row && colId.includes('|') ? (bucket === 'total' ? row.row.total : row.row.buckets[bucket]) : undefined;
    if (!row || !f) return setFocusNote(null);
    const where = describe(row, bucket).join(' · ');
    if (f.overBudget) setFocusNote(t('budgets.bva.overFocus', { where, over: money(-f.available) }));
    else if (f.overCells > 0) setFocusNote(t('budgets.bva.overCellsFocus', { where, count: f.overCells }));
    else setFocusNote(null);
  };
  const apiRef = useRef<GridApi<BvaGridRow> | null>(null);
  const onApi = (api: GridApi<BvaGridRow> | null) => {
    apiRef.current = api;
    if (!api) return;
    const remember = (e: { rowIndex: number | null; rowPinned?: 'top' | 'bottom' | null }, colId: string) =>
      (from.current = e.rowIndex === null ? null : { rowIndex: e.rowIndex, pinned: e.rowPinned ?? null, colId });
    api.addEventListener('cellClicked', (e: CellClickedEvent<BvaGridRow>) => {
      if (!e.data) return;
      remember(e, e.column.getColId());
      open.current(e.data, e.column.getColId());
    });
    api.addEventListener('cellKeyDown', (e: CellKeyDownEvent<BvaGridRow> | FullWidthCellKeyDownEvent<BvaGridRow>) => {
      const key = (e.event as KeyboardEvent | null)?.key;
      if (key === 'Escape') return close();
      if (!('column' in e) || key !== 'Enter' || !e.data) return;
      remember(e, e.column.getColId());
      open.current(e.data, e.column.getColId());
    });
    api.addEventListener('cellFocused', (e: CellFocusedEvent<BvaGridRow>) => {
      const colId = typeof e.column === 'string' ? e.column : (e.column?.getColId() ?? '');
      const node = e.rowIndex === null || e.rowIndex === undefined ? undefined : e.rowPinned === 'bottom' ? e.api.getPinnedBottomRow(e.rowIndex) : e.api.getDisplayedRowAtIndex(e.rowIndex);
      note.current(node?.data, colId);
    });
  };
  const close = () => {
    setDrill(null);
    const api = apiRef.current;
    const c = from.current;
    if (api && !api.isDestroyed() && c) api.setFocusedCell(c.rowIndex, c.colId, c.pinned);
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
      <div className="grid-status" role="status" data-testid="bva-status">
        {focusNote && <span className="focused-issue">{focusNote}</span>}
      </div>
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
        {drill && <DrillPane target={drill} lk={lk} onClose={close} />}
      </div>
    </div>
  );
}
