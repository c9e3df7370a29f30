import type { TFunction } from 'i18next';
import { fullMoney } from '../format';

/** What every option builder gets: the translator and the language (axis number format). */
export interface OptionCtx {
  t: TFunction;
  lang: string;
}

/** A tooltip row: coloured marker, series name, value right-aligned. HTML-escaped. */
export function tipRow(marker: string, name: string, value: string): string {
  return `<div style="display:flex;gap:12px;justify-content:space-between"><span>${marker}${esc(name)}</span><b style="font-variant-numeric:tabular-nums">${esc(value)}</b></div>`;
}

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const moneyTip = (fen: unknown) => (typeof fen === 'number' ? fullMoney(Math.round(fen)) : '—');
export const pctTip = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—');

/** a bp ratio as a percentage number for a chart (null stays a gap) */
export const bpToPct = (bp: number | null) => (bp === null ? null : bp / 100);

/** the plot area inside the panel, shrunk so axis labels and names stay inside (ECharts 6 outer bounds) */
export const GRID = { left: 8, right: 12, top: 30, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;

/** a money axis over fen: ticks at least one yuan apart (an axis over zeros reads 0, 1 — not 0, 0, 0) */
export const MONEY_AXIS = { type: 'value', minInterval: 100 } as const;

/** a tooltip's bold heading (a partner, a member), HTML-escaped */
export const tipTitle = (title: string) => `<div><b>${esc(title)}</b></div>`;

/**
 * The month axis of the period charts (trend, budget vs actual): the periods as categories,
 * named under the axis, labels thinned when they would overlap.
 */
export const monthAxis = ({ t }: OptionCtx, periods: string[]) =>
  ({ type: 'category', name: t('analysisUi.chart.month'), nameLocation: 'middle', nameGap: 26, data: periods, axisLabel: { hideOverlap: true } }) as const;

interface AxisTipParam {
  axisValueLabel: string;
  marker: string;
  seriesName: string;
  value: unknown;
  seriesIndex: number;
}
/** The axis tooltip of the period charts: the month, then a row per series — money in yuan, the series at `pctSeries` a percentage. */
export const monthTooltip = (pctSeries: number) => ({
  trigger: 'axis',
  axisPointer: { type: 'shadow' },
  formatter: (ps: AxisTipParam[]) =>
    `<div>${esc(ps[0]?.axisValueLabel ?? '')}</div>` + ps.map((p) => tipRow(p.marker, p.seriesName, p.seriesIndex === pctSeries ? pctTip(p.value) : moneyTip(p.value))).join(''),
});
