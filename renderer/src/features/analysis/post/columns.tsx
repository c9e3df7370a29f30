import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { PostEvaluation, PostEvaluationSummaryRow, Verdict } from '@shared/api/areas/analysisTypes';
import { moneyCol, numberCol, textCol } from '../../../grid';
import { date, money } from '../../../format';

/**
 * Columns of the post-evaluation page: the summary per manager or org unit (counts by verdict,
 * planned vs actual cost, expected vs actual uplift) and the list of closed requests with their
 * figures, verdict (a coloured dot with its word) and the reason in words.
 */
export type SummaryGridRow = PostEvaluationSummaryRow & { id: number };
export type PostGridRow = PostEvaluation & { id: number };

const VERDICT_KEY: Record<Verdict, string> = { effective: 'effective', not_effective: 'notEffective', not_measurable: 'notMeasurable' };
export const verdictText = (t: TFunction, v: Verdict) => t(`analysisUi.post.${VERDICT_KEY[v]}`);

const orDash = { valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? money(p.value) : '—') };
const who = (k: { code: string; name: string }) => [k.code, k.name].filter(Boolean).join(' ');

export function summaryColumns(t: TFunction, by: 'manager' | 'orgUnit'): ColDef<SummaryGridRow>[] {
  const h = (k: string) => t(`analysisUi.post.${k}`);
  return [
    textCol<SummaryGridRow>('key.name', h(by), { colId: 'key', width: 170, pinned: 'left', valueGetter: (p) => (p.data ? who(p.data.key) || t('analysisUi.metric.none') : '') }),
    numberCol<SummaryGridRow>('count', h('count'), { width: 90 }),
    numberCol<SummaryGridRow>('effective', h('effective'), { width: 96, cellClass: ['ag-right-aligned-cell', 'num', 'verdict-num', 'effective'] }),
    numberCol<SummaryGridRow>('notEffective', h('notEffective'), { width: 120 }),
    numberCol<SummaryGridRow>('notMeasurable', h('notMeasurable'), { width: 136 }),
    moneyCol<SummaryGridRow>('plannedCost', h('plannedCost')),
    moneyCol<SummaryGridRow>('actualCost', h('actualCost')),
    moneyCol<SummaryGridRow>('expectedUplift', h('expectedUplift')),
    moneyCol<SummaryGridRow>('actualUplift', h('actualUplift')),
  ];
}

function VerdictCell(p: ICellRendererParams<PostGridRow> & { t: TFunction }) {
  if (!p.data) return null;
  return <span className={`verdict ${p.data.verdict}`}>{verdictText(p.t, p.data.verdict)}</span>;
}

export function postColumns(t: TFunction): ColDef<PostGridRow>[] {
  const h = (k: string) => t(`analysisUi.post.${k}`);
  return [
    textCol<PostGridRow>('number', h('number'), { width: 130, pinned: 'left' }),
    textCol<PostGridRow>('title', h('requestTitle'), { width: 180 }),
    textCol<PostGridRow>('partner.name', h('partner'), { colId: 'partner', width: 170, valueGetter: (p) => (p.data ? who(p.data.partner) : '') }),
    textCol<PostGridRow>('orgUnit.name', h('orgUnit'), { colId: 'orgUnit', width: 120, valueGetter: (p) => p.data?.orgUnit.name ?? '' }),
    textCol<PostGridRow>('manager.name', h('manager'), { colId: 'manager', width: 100, valueGetter: (p) => p.data?.manager.name ?? '' }),
    textCol<PostGridRow>('costType.name', h('costType'), { colId: 'costType', width: 110, valueGetter: (p) => p.data?.costType.name ?? '' }),
    textCol<PostGridRow>('activityEnd', h('activity'), { width: 190, valueGetter: (p) => (p.data ? `${date(p.data.activityStart)} – ${date(p.data.activityEnd)}` : '') }),
    moneyCol<PostGridRow>('plannedCost', h('plannedCost')),
    moneyCol<PostGridRow>('actualCost', h('actualCost')),
    moneyCol<PostGridRow>('expectedUplift', h('expectedUplift')),
    moneyCol<PostGridRow>('actualUplift', h('actualUplift'), orDash),
    moneyCol<PostGridRow>('activityRevenue', h('activityRevenue'), orDash),
    moneyCol<PostGridRow>('baselineRevenue', h('baselineRevenue'), orDash),
    numberCol<PostGridRow>('roiBp', h('roi'), { width: 90, headerTooltip: `${h('roi')}\n${t('analysisFormulas.roi')}`, valueFormatter: (p) => (typeof p.value === 'number' ? `${(p.value / 100).toFixed(1)}%` : '—') }),
    {
      colId: 'verdict',
      field: 'verdict',
      headerName: h('verdict'),
      headerTooltip: `${h('verdict')}\n${t('analysisFormulas.verdict')}`,
      width: 110,
      cellRenderer: VerdictCell,
      cellRendererParams: { t },
      valueFormatter: (p) => (p.value ? verdictText(t, p.value as Verdict) : ''),
      getQuickFilterText: (p) => (p.value ? verdictText(t, p.value as Verdict) : ''),
    },
    textCol<PostGridRow>('reason', h('reason'), { width: 220, valueFormatter: (p) => (p.value ? t(`analysisFormulas.verdictReason.${String(p.value)}`) : '') }),
  ];
}
