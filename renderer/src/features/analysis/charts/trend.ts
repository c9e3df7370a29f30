import type { TrendPoint } from '@shared/api/areas/analysisTypes';
import type { EChartsCoreOption } from '../chart/echarts';
import { axisMoney } from '../format';
import { bpToPct, GRID, MONEY_AXIS, monthAxis, monthTooltip, type OptionCtx } from './common';

/**
 * Monthly trend: cost as stacked bars on the left axis (paid = actual, still held = committed:
 * together what the month's activities cost), revenue as a line on its own axis at the right, and
 * the cost ratio (actual ÷ revenue) as a dashed line on a percentage axis further right. Revenue
 * is commonly tens of times the cost: on one shared axis the cost bars would be flat.
 */
/**
 * The revenue line: months after the last month with revenue are not reported yet (results
 * arrive after a month ends), so they are gaps, not a fall to zero; no revenue at all is no line.
 */
export function revenueLine(points: { revenue: number }[]): (number | null)[] {
  let last = -1;
  points.forEach((p, i) => p.revenue !== 0 && (last = i));
  return points.map((p, i) => (i <= last ? p.revenue : null));
}

export function trendOption(points: TrendPoint[], ctx: OptionCtx): EChartsCoreOption {
  const { t, lang } = ctx;
  const c = (k: string) => t(`analysisUi.chart.${k}`);
  const revenue = revenueLine(points);
  return {
    grid: { ...GRID, right: 64 },
    legend: { top: 2, left: 'center' },
    tooltip: monthTooltip(3),
    xAxis: monthAxis(ctx, points.map((p) => p.period)),
    yAxis: [
      { ...MONEY_AXIS, name: c('cost'), axisLabel: { formatter: axisMoney(lang) } },
      { ...MONEY_AXIS, name: c('revenue'), position: 'right', axisLabel: { formatter: axisMoney(lang) }, splitLine: { show: false } },
      { type: 'value', name: c('ratio'), position: 'right', offset: 64, axisLabel: { formatter: '{value}%' }, splitLine: { show: false }, axisLine: { show: true, lineStyle: { color: '#d97706' } } },
    ],
    series: [
      { type: 'bar', name: c('actual'), stack: 'cost', data: points.map((p) => p.actual), barMaxWidth: 28 },
      { type: 'bar', name: c('committed'), stack: 'cost', data: points.map((p) => p.committed), barMaxWidth: 28, itemStyle: { opacity: 0.55 } },
      { type: 'line', name: c('revenueSeries'), yAxisIndex: 1, data: revenue, color: '#1d7a3e' },
      { type: 'line', name: c('ratioSeries'), yAxisIndex: 2, data: points.map((p) => bpToPct(p.ratioBp)), color: '#d97706', lineStyle: { type: 'dashed' }, connectNulls: false },
    ],
  };
}
