import type { BudgetVsActualPoint } from '@shared/api/areas/analysisTypes';
import type { EChartsCoreOption } from '../chart/echarts';
import { axisMoney } from '../format';
import { bpToPct, GRID, MONEY_AXIS, monthAxis, monthTooltip, type OptionCtx } from './common';

/**
 * Budget vs actual per period: the budget (allocated) as a pale bar, beside it what is used —
 * paid (actual) and still held (committed) stacked — and the execution rate (actual ÷ budget) as
 * a line on a percentage axis, with 100 % marked.
 */
export function bvaOption(points: BudgetVsActualPoint[], ctx: OptionCtx): EChartsCoreOption {
  const { t, lang } = ctx;
  const c = (k: string) => t(`analysisUi.chart.${k}`);
  return {
    grid: { ...GRID, right: 24 },
    legend: { top: 2, left: 'center' },
    tooltip: monthTooltip(3),
    xAxis: monthAxis(ctx, points.map((p) => p.period)),
    yAxis: [
      { ...MONEY_AXIS, name: c('amount'), axisLabel: { formatter: axisMoney(lang) } },
      { type: 'value', name: c('execution'), position: 'right', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: c('allocated'), data: points.map((p) => p.allocated), color: '#b9c7dd', barMaxWidth: 22 },
      { type: 'bar', name: c('actual'), stack: 'used', data: points.map((p) => p.actual), barMaxWidth: 22, color: '#1f5fbf' },
      { type: 'bar', name: c('committed'), stack: 'used', data: points.map((p) => p.committed), barMaxWidth: 22, color: '#5b3cc4', itemStyle: { opacity: 0.55 } },
      {
        type: 'line',
        name: c('execution'),
        yAxisIndex: 1,
        data: points.map((p) => bpToPct(p.executionBp)),
        color: '#d97706',
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dotted', color: '#c4291c' }, label: { formatter: '100%', color: '#c4291c' }, data: [{ yAxis: 100 }] },
      },
    ],
  };
}
