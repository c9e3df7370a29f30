import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { FONT_STACK } from '../../../grid/theme';

/**
 * ECharts as this app uses it: only the parts the analysis charts need (echarts/core, a smaller
 * bundle than the full build), drawn on canvas, with one theme that matches styles.css — the CJK
 * font stack, the app's greys for axes and grid lines, and a palette that starts with the accent
 * blue. Register once, at import.
 */
echarts.use([LineChart, BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, CanvasRenderer]);

export const THEME = 'ccd';
/** cost (committed, actual), revenue, ratio, budget … — distinct for colour-blind readers, calm */
export const PALETTE = ['#1f5fbf', '#5b3cc4', '#1d7a3e', '#d97706', '#c4291c', '#0e8a8a', '#8a6d3b', '#646a73'];
const AXIS = '#c7ccd4';
const SPLIT = '#eceef2';
const TEXT = '#3a4049';
const MUTED = '#646a73';

const axis = {
  axisLine: { show: true, lineStyle: { color: AXIS } },
  axisTick: { show: true, lineStyle: { color: AXIS } },
  axisLabel: { color: MUTED, fontSize: 11 },
  splitLine: { show: true, lineStyle: { color: SPLIT } },
  nameTextStyle: { color: TEXT, fontSize: 12 },
};

echarts.registerTheme(THEME, {
  color: PALETTE,
  backgroundColor: 'transparent',
  textStyle: { fontFamily: FONT_STACK.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', '), fontSize: 12, color: TEXT },
  legend: { textStyle: { color: TEXT, fontSize: 12 }, itemWidth: 14, itemHeight: 8 },
  tooltip: {
    backgroundColor: 'rgba(255,255,255,0.97)',
    borderColor: '#d9dde3',
    borderWidth: 1,
    textStyle: { color: TEXT, fontSize: 12 },
    extraCssText: 'box-shadow: 0 2px 8px rgba(0,0,0,0.12); border-radius: 4px;',
  },
  categoryAxis: { ...axis, splitLine: { show: false } },
  valueAxis: { ...axis, axisLine: { show: false }, axisTick: { show: false } },
  line: { symbol: 'circle', symbolSize: 5, lineStyle: { width: 2 } },
  bar: { itemStyle: { borderRadius: [2, 2, 0, 0] } },
});

export { echarts };
export type EChartsCoreOption = echarts.EChartsCoreOption;
export type ECharts = echarts.ECharts;
