import type { CellClassParams, ColDef, ColGroupDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { BudgetVsActual, BvaDimension } from '@shared/api/areas/budgets';
import type { BudgetFigures } from '@shared/domain/budget';
import { localName } from '@shared/i18n/names';
import { money } from '../../../format';
import { dimensionCell, figureOf, GRAND_TOTAL_ID, type BvaGridRow, type Measure } from './bva';

/**
 * Columns of budget vs actual: one per chosen dimension (pinned left), then per period bucket a
 * group of the chosen figures, and a whole-period group when there are several buckets. Money
 * in ¥, the execution rate in %, an over-budget figure red with the text label "over", a figure
 * containing over-budget cells flagged with their count. Column ids are `<bucket>|<measure>`
 * (bucket 'total' for the whole period), which the drill-down reads back.
 */
export interface BvaColumnContext {
  t: TFunction;
  zh: boolean;
  report: BudgetVsActual;
  measures: readonly Measure[];
}

const figuresAt = (r: BvaGridRow | undefined, bucket: string): BudgetFigures | undefined => (r ? (bucket === 'total' ? r.row.total : r.row.buckets[bucket]) : undefined);

export function bucketLabel(t: TFunction, bucket: string): string {
  let m = /^\d{4}-(\d{2})$/.exec(bucket);
  if (m) return t(`budgets.grid.months.${Number(m[1]) - 1}`);
  m = /^\d{4}-Q([1-4])$/.exec(bucket);
  if (m) return t(`budgets.grid.quarters.${Number(m[1]) - 1}`);
  m = /^\d{4}-YTD(\d{2})$/.exec(bucket);
  if (m) return t('budgets.bva.bucketYtd', { month: Number(m[1]) });
  return t('budgets.bva.gran.year');
}

function FigureCell(p: ICellRendererParams<BvaGridRow> & { measure: Measure; bucket: string; t: TFunction }) {
  const f = figuresAt(p.data, p.bucket);
  const v = figureOf(f, p.measure);
  if (v === null) return <span className="muted">—</span>;
  const text = p.measure === 'execution' ? `${(v / 100).toFixed(2)}%` : money(v);
  if (p.measure !== 'available' || !f) return <span>{text}</span>;
  return (
    <span>
      {text}
      {f.overBudget && <span className="over-tag">{p.t('budgets.bva.overLabel')}</span>}
      {!f.overBudget && f.overCells > 0 && (
        <span className="over-cells" title={p.t('budgets.bva.overCells', { count: f.overCells })}>
          {p.t('budgets.bva.overCellsShort', { count: f.overCells })}
        </span>
      )}
    </span>
  );
}

const rowKind = {
  'cell-subtotal': (p: CellClassParams<BvaGridRow>) => !!p.data?.row.subtotal && p.data.id !== GRAND_TOTAL_ID,
  'cell-total': (p: CellClassParams<BvaGridRow>) => p.data?.id === GRAND_TOTAL_ID,
};

export function bvaColumns(ctx: BvaColumnContext): (ColDef<BvaGridRow> | ColGroupDef<BvaGridRow>)[] {
  const { t, zh, report, measures } = ctx;
  const dims = report.dimensions;
  const label = (d: BvaDimension, id: number | null) => {
    if (id === null) return t('budgets.bva.none');
    const l = report.labels[`${d}:${id}`];
    if (!l) return `#${id}`;
    return d === 'partner' ? `${l.code} ${l.nameZh}` : localName(l, zh ? 'zh-CN' : 'en');
  };
  const dimCols = dims.map(
    (d, k): ColDef<BvaGridRow> => ({
      colId: `dim:${d}`,
      headerName: t(`budgets.bva.dim.${d}`),
      headerTooltip: t(`budgets.bva.dim.${d}`),
      pinned: 'left',
      width: d === 'partner' ? 170 : 112,
      sortable: false,
      filter: false,
      valueGetter: (p) => {
        if (!p.data) return '';
        const c = dimensionCell(p.data, dims, k);
        return c.kind === 'key' ? label(d, c.id) : c.kind === 'subtotal' ? t('budgets.bva.subtotal') : c.kind === 'total' ? t('budgets.bva.grandTotal') : '';
      },
      cellClassRules: rowKind,
    }),
  );
  const figure = (bucket: string, m: Measure): ColDef<BvaGridRow> => ({
    colId: `${bucket}|${m}`,
    headerName: t(`budgets.bva.measure.${m}`),
    headerTooltip: `${bucket === 'total' ? t('common.total') : bucketLabel(t, bucket)} · ${t(`budgets.bva.measure.${m}`)}`,
    cellClass: ['ag-right-aligned-cell', 'num', 'drillable'],
    headerClass: 'ag-right-aligned-header',
    width: m === 'execution' ? 84 : m === 'available' ? 156 : 128,
    sortable: false,
    filter: false,
    valueGetter: (p) => figureOf(figuresAt(p.data, bucket), m),
    cellRenderer: FigureCell,
    cellRendererParams: { measure: m, bucket, t },
    cellClassRules: { ...rowKind, 'cell-over': (p) => m === 'available' && !!figuresAt(p.data, bucket)?.overBudget },
    tooltipValueGetter: () => t('budgets.bva.drillHint'),
    context: { excel: m === 'execution' ? 'bp' : 'money' }, // the Excel export's cell type (DataGrid ShownGrid)
  });
  const group = (bucket: string, header: string): ColGroupDef<BvaGridRow> => ({
    headerName: header,
    groupId: `g:${bucket}`,
    children: measures.map((m) => figure(bucket, m)),
  });
  const buckets = report.buckets.map((b) => group(b, bucketLabel(t, b)));
  return [...dimCols, ...buckets, ...(report.buckets.length > 1 ? [group('total', t('common.total'))] : [])];
}
