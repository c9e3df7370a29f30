import type { TFunction } from 'i18next';
import type { BudgetLookups } from '../../budgets/lookups';
import type { AnalysisFilter } from './filter';

/** The slice in words, for chart subtitles and PNG names: "2026-01 至 2026-12 · 华东 · 终端". */
export function describeSlice(f: AnalysisFilter, lk: BudgetLookups, t: TFunction, opts: { baseline?: boolean } = {}): string {
  const parts = [t('analysisUi.filter.slice', { from: f.from, to: f.to })];
  if (f.subtreeOf) parts.push(lk.orgUnits.label(f.subtreeOf));
  if (f.channelType) parts.push(lk.channelTypes.label(f.channelType));
  if (f.costType) parts.push(lk.costTypes.label(f.costType));
  if (f.partner) parts.push(f.partner.label);
  if (opts.baseline) parts.push(t('analysisUi.filter.baselineIs', { b: t(`analysisUi.filter.baselines.${f.baseline}`) }));
  return parts.join(' · ');
}
