import type { TopBottom, TopBottomRow, TopMeasure } from '@shared/api/areas/analysisTypes';
import type { EChartsCoreOption } from '../chart/echarts';
import { axisMoney, fullMoney, pctBp } from '../format';
import { tipRow, tipTitle, type OptionCtx } from './common';

/**
 * Top and bottom lists as two horizontal bar charts side by side (best first on the left, worst
 * first on the right), each bar labelled with its figure. Money measures are fen; ratio and ROI
 * are basis points; the score is 0–100.
 */
export function measureText(m: TopMeasure, v: number | null): string {
  if (v === null) return '—';
  if (m === 'ratio' || m === 'roi') return pctBp(v);
  if (m === 'score') return v.toFixed(1);
  return fullMoney(v);
}

const display = (m: TopMeasure, v: number | null) => (v === null ? null : m === 'ratio' || m === 'roi' ? v / 100 : v);

export function topBottomOption(data: TopBottom, m: TopMeasure, { t, lang }: OptionCtx): EChartsCoreOption {
  const money = m === 'revenue' || m === 'actual';
  const axisFmt = money ? axisMoney(lang) : m === 'score' ? (v: number) => String(v) : (v: number) => `${v}%`;
  const side = (rows: TopBottomRow[], i: number, colour: string) => ({
    y: { type: 'category', gridIndex: i, inverse: true, data: rows.map((r) => r.key.name || r.key.code), axisLabel: { width: 110, overflow: 'truncate' }, axisTick: { show: false } },
    // room after the longest bar for its label (the bottom list's would be cut at the panel's edge)
    x: { type: 'value', gridIndex: i, boundaryGap: ['0%', '30%'], ...(money ? { minInterval: 100 } : {}), name: t(i === 0 ? 'analysisUi.chart.top' : 'analysisUi.chart.bottom', { n: rows.length }), nameLocation: 'start', nameGap: 0, nameTextStyle: { align: 'left', verticalAlign: 'bottom', padding: [0, 0, 28, 0], fontWeight: 600 }, position: 'top', axisLabel: { formatter: axisFmt, hideOverlap: true } },
    s: {
      type: 'bar',
      name: t(i === 0 ? 'analysisUi.chart.top' : 'analysisUi.chart.bottom', { n: rows.length }),
      xAxisIndex: i,
      yAxisIndex: i,
      color: colour,
      barMaxWidth: 14,
      data: rows.map((r) => ({ value: display(m, r.value), r })),
      label: { show: true, position: 'right', fontSize: 11, color: '#3a4049', formatter: (x: { data: { r: TopBottomRow } }) => measureText(m, x.data.r.value) },
    },
  });
  const top = side(data.top, 0, '#1d7a3e');
  const bottom = side(data.bottom, 1, '#c4291c');
  return {
    grid: [
      { left: 8, right: '52%', top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
      { left: '52%', right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    ],
    tooltip: {
      trigger: 'item',
      formatter: (x: { data: { r: TopBottomRow }; marker: string }) => {
        const r = x.data.r;
        return (
          tipTitle([r.key.code, r.key.name].filter(Boolean).join(' ')) +
          tipRow(x.marker, t(`analysisUi.chart.measures.${m}`), measureText(m, r.value)) +
          tipRow('', t('analysisUi.chart.revenueSeries'), fullMoney(r.revenue)) +
          tipRow('', t('analysisUi.chart.actual'), fullMoney(r.actual))
        );
      },
    },
    xAxis: [top.x, bottom.x],
    yAxis: [top.y, bottom.y],
    series: [top.s, bottom.s],
  };
}
