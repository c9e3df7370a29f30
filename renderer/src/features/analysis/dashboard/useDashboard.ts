import { keepPreviousData } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TopMeasure } from '@shared/api/areas/analysisTypes';
import { useApiQuery } from '../../../api/hooks';
import { apiFilter, validRange, type AnalysisFilter } from '../filters/filter';

/** How many partners the scatter draws (the highest cost first); the quadrant lines use them all. */
export const SCATTER_POINTS = 3000;
/** Rows of the metrics table the grid holds; the export writes every row. */
export const METRIC_ROWS = 2000;

/**
 * The dashboard's queries, all from the one slice: trend, scatter, budget vs actual, top/bottom
 * and the metrics table. A new slice keeps the previous figures on screen (each panel shows its
 * progress line) until the new ones arrive, so the page does not flash empty.
 */
export function useDashboard(f: AnalysisFilter, measure: TopMeasure) {
  const ok = validRange(f);
  const filter = useMemo(() => apiFilter(f), [f]);
  const opts = { enabled: ok, placeholderData: keepPreviousData, staleTime: 30_000 } as const;
  const inputs = useMemo(
    () => ({
      trend: { filter },
      scatter: { filter, limit: SCATTER_POINTS },
      topBottom: { filter, dimension: f.dimension, measure, baseline: f.baseline, n: 10 },
      metrics: { filter, dimension: f.dimension, grain: f.grain, baseline: f.baseline, sort: { col: 'key' as const, dir: 'asc' as const }, limit: METRIC_ROWS, offset: 0 },
    }),
    [filter, f.dimension, f.baseline, f.grain, measure],
  );
  return {
    inputs,
    trend: useApiQuery('analysis.trend', inputs.trend, opts),
    scatter: useApiQuery('analysis.scatter', inputs.scatter, opts),
    bva: useApiQuery('analysis.budgetVsActual', inputs.trend, opts),
    topBottom: useApiQuery('analysis.topBottom', inputs.topBottom, opts),
    metrics: useApiQuery('analysis.metrics', inputs.metrics, opts),
  };
}
