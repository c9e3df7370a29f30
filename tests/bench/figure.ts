/**
 * One benchmark figure: a value measured through the application and a baseline measured in the
 * same run on the same data without the application's layers; ratio = value / baseline.
 * The budget and Excel benchmarks return the same shape, so the runner prints them alike.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  /** the ratio must be at or below this; null when the figure only informs */
  target: number | null;
  /** optional breakdown, printed after the standard fields */
  detail?: Record<string, unknown>;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export function figure(name: string, value: number, baseline: number, unit: string, target: number | null, detail?: Record<string, unknown>): Figure {
  return { name, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline), target, ...(detail ? { detail } : {}) };
}

/** The printed line: the standard fields in a fixed order, `met`, then any detail. */
export function formatFigure(f: Figure): string {
  const ratio = Number.isFinite(f.ratio) ? f.ratio : round(f.value / f.baseline);
  const target = f.target ?? null;
  const met = target === null ? null : ratio <= target;
  const { name, value, unit, baseline, detail } = f;
  return JSON.stringify({ name, value, unit, baseline, ratio, target, met, ...(detail ? { detail } : {}) });
}

/** Milliseconds a synchronous or asynchronous function takes. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
