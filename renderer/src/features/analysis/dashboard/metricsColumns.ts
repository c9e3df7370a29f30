import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { AnalysisDimension, Baseline, MetricsRow } from '@shared/api/areas/analysisTypes';
import { moneyCol, numberCol, percentBpCol, textCol } from '../../../grid';
import { money as fmtMoney } from '../../../format';
import { bucketText } from '../periods';

/**
 * The metrics table's columns: the dimension member, the period bucket, then each metric with
 * its formula as the header's tooltip (shared/i18n analysisFormulas.*), so a reader can check
 * what a figure means where they read it. Money in ¥ from fen, ratios in % from basis points,
 * "—" where a figure is not defined (no revenue, margin not known, no budget).
 */
export type MetricsGridRow = MetricsRow & { id: number; total?: boolean };

/** the formula text of a column: the analysis area's (analysisFormulas.*), or this page's own for the two it does not write */
const FORMULA_OF: Partial<Record<keyof MetricsRow, string>> = {
  committed: 'analysisFormulas.committed', actual: 'analysisFormulas.actual', revenue: 'analysisFormulas.revenue', grossMargin: 'analysisUi.formula.grossMargin',
  ratioBp: 'analysisFormulas.ratio', roiBp: 'analysisFormulas.roi', executionBp: 'analysisFormulas.execution', allocated: 'analysisUi.formula.allocated',
  settlementLagDays: 'analysisFormulas.settlementLag', cycleDays: 'analysisFormulas.cycleTime',
};

export function metricsColumns(t: TFunction, dimension: AnalysisDimension, baseline: Baseline): ColDef<MetricsGridRow>[] {
  const head = (k: keyof MetricsRow) => t(`analysisUi.metric.${String(k)}`);
  const tip = (k: keyof MetricsRow) => {
    const f = k === 'baselineMargin' ? (baseline === 'lastYear' ? 'analysisFormulas.baselineLastYear' : 'analysisFormulas.baselinePre3') : FORMULA_OF[k];
    return f ? `${head(k)}\n${t(f)}` : head(k);
  };
  const dash = (fmt: (v: number) => string) => ({ valueFormatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt(p.value) : '—') });
  const money = (k: keyof MetricsRow, extra: Partial<ColDef<MetricsGridRow>> = {}) =>
    moneyCol<MetricsGridRow>(k, head(k), { headerTooltip: tip(k), editable: false, ...dash(fmtMoney), ...extra });
  const days = (k: keyof MetricsRow) => numberCol<MetricsGridRow>(k, head(k), { headerTooltip: tip(k), editable: false, width: 110, ...dash((v) => v.toFixed(1)) });
  const bp = (k: keyof MetricsRow) => percentBpCol<MetricsGridRow>(k, head(k), { headerTooltip: tip(k), editable: false, ...dash((v) => `${(v / 100).toFixed(1)}%`) });
  return [
    textCol<MetricsGridRow>('key.name', t(`analysisUi.filter.dims.${dimension}`), {
      colId: 'key',
      pinned: 'left',
      width: dimension === 'partner' ? 220 : 190,
      editable: false,
      valueGetter: (p) => (p.data ? (p.data.total ? t('common.total') : [p.data.key.code, p.data.key.name].filter(Boolean).join(' ') || t('analysisUi.metric.none')) : ''),
    }),
    textCol<MetricsGridRow>('bucket', t('analysisUi.metric.bucket'), { width: 96, editable: false, valueFormatter: (p) => bucketText(t, String(p.value ?? '')) }),
    money('actual'),
    money('committed'),
    money('revenue'),
    money('grossMargin'),
    bp('ratioBp'),
    money('baselineMargin'),
    bp('roiBp'),
    money('allocated'),
    bp('executionBp'),
    days('settlementLagDays'),
    days('cycleDays'),
  ];
}
