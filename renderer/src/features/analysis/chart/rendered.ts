/**
 * What a rendered chart shows, from ECharts' own option after rendering (not from what the page
 * asked for): axis names, the category labels, the series names, how many points and their sum.
 * Set as data-* attributes on the chart's host; a filter change that changes the data changes
 * `sum`, a language switch changes `axes`.
 */
type Opt = Record<string, unknown>;

const list = (v: unknown): Opt[] => (Array.isArray(v) ? (v as Opt[]) : v ? [v as Opt] : []);

function numbers(v: unknown, out: number[]): void {
  if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (v && typeof v === 'object' && 'value' in v) numbers((v as { value: unknown }).value, out);
}

export function describeRendered(option: Opt): Record<string, string> {
  const axes = [...list(option.xAxis), ...list(option.yAxis)];
  const values: number[] = [];
  const series = list(option.series);
  series.forEach((s) => numbers(s.data, values));
  const categories = axes.flatMap((a) => (a.type === 'category' && Array.isArray(a.data) ? (a.data as unknown[]).map((d) => String(d && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d)) : []));
  return {
    axes: axes.map((a) => String(a.name ?? '')).join('|'),
    categories: categories.join('|'),
    series: series.map((s) => String(s.name ?? '')).join('|'),
    points: String(values.length),
    sum: String(values.reduce((a, b) => a + b, 0)),
    rendered: String(Date.now()),
  };
}
