import type { ScatterData, ScatterPoint } from '@shared/api/areas/analysisTypes';
import type { EChartsCoreOption } from '../chart/echarts';
import { axisMoney, pctBp } from '../format';
import { GRID, MONEY_AXIS, moneyTip, tipRow, tipTitle, type OptionCtx } from './common';

/**
 * Spend vs revenue per partner: x = actual cost, y = revenue, one point per partner, split into
 * four quadrants by dashed lines at the medians over all partners of the slice (the core's lower
 * median, stated under the chart). Each quadrant is a series of its own, so the legend names it
 * and a reader can hide one; high cost with low revenue (bottom right) is red. The tooltip names
 * the partner (code and name) with its cost, revenue and cost ratio.
 */
export const QUADRANTS = ['invest', 'costly', 'stars', 'watch'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
const COLOURS: Record<Quadrant, string> = { invest: '#1f5fbf', costly: '#c4291c', stars: '#1d7a3e', watch: '#8a8f98' };

export function quadrantOf(p: { actual: number; revenue: number }, medianActual: number, medianRevenue: number): Quadrant {
  const high = p.actual > medianActual;
  const good = p.revenue > medianRevenue;
  return high ? (good ? 'invest' : 'costly') : good ? 'stars' : 'watch';
}

type Datum = { value: [number, number]; p: ScatterPoint };

export function scatterOption(data: ScatterData, { t, lang }: OptionCtx): EChartsCoreOption {
  const c = (k: string) => t(`analysisUi.chart.${k}`);
  const groups = new Map<Quadrant, Datum[]>(QUADRANTS.map((q) => [q, []]));
  for (const p of data.points) groups.get(quadrantOf(p, data.medianActual, data.medianRevenue))!.push({ value: [p.actual, p.revenue], p });
  const fmt = axisMoney(lang);
  return {
    grid: { ...GRID, right: 28 },
    legend: { type: 'scroll', top: 2, left: 'center' },
    tooltip: {
      trigger: 'item',
      formatter: (x: { data: Datum; marker: string }) => {
        const p = x.data.p;
        return (
          tipTitle(t('analysisUi.chart.tooltipPartner', { code: p.code, name: p.name })) +
          tipRow(x.marker, c('actual'), moneyTip(p.actual)) +
          tipRow('', c('revenueSeries'), moneyTip(p.revenue)) +
          tipRow('', c('ratioSeries'), pctBp(p.ratioBp))
        );
      },
    },
    xAxis: { ...MONEY_AXIS, name: c('spend'), nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: fmt }, splitLine: { show: false } },
    yAxis: { ...MONEY_AXIS, name: c('revenue'), axisLabel: { formatter: fmt } },
    series: QUADRANTS.map((q, i) => ({
      type: 'scatter',
      name: t(`analysisUi.chart.quadrants.${q}`),
      color: COLOURS[q],
      symbolSize: 7,
      itemStyle: { opacity: 0.75 },
      emphasis: { focus: 'self', itemStyle: { opacity: 1 } },
      data: groups.get(q),
      // the quadrant lines once, on the first series
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#8a8f98', width: 1 },
              label: { show: false },
              data: [{ xAxis: data.medianActual }, { yAxis: data.medianRevenue }],
            },
          }
        : {}),
    })),
  };
}
