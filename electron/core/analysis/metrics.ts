import type { z } from 'zod';
import type { metricsInput } from '../../../shared/api/areas/analysis';
import type { AnalysisDimension, Baseline, MetricsRow, MetricsTable } from '../../../shared/api/areas/analysisTypes';
import type { OrgCtx } from '../context';
import { budgetCells, cycleTime, results, resultsInWindows, settlementLag, spend, type Slice } from './facts';
import { addMonths, bp, bucketSql, bucketsOf, keyOf, meanDays, names, rangeOf, scale, type Bucket } from './slice';

/**
 * The metrics table: every figure per dimension member × period bucket (formulas: README.md
 * "Analysis: formulas"). Each part is one GROUP BY (facts.ts); they are joined here by
 * (member, bucket), sorted and paged.
 */
export const COST_KEY: Record<AnalysisDimension, string> = {
  partner: 'p.id',
  orgUnit: 'p.org_unit_id',
  manager: 'p.owner_user_id',
  channelType: 'p.channel_type_id',
  costType: 'd.cost_type_id',
};
const LINE_KEY: Partial<Record<AnalysisDimension, string>> = {
  partner: 'bl.partner_id',
  orgUnit: 'bl.org_unit_id',
  channelType: 'bl.channel_type_id',
  costType: 'bl.cost_type_id',
};

/** the baseline window of a bucket: its months a year earlier, or the 3 months before it (scaled by months ÷ 3) */
export function baselineWindow(b: Bucket, baseline: Baseline): { label: string; start: string; end: string; num: number; den: number } {
  return baseline === 'lastYear'
    ? { label: b.label, start: addMonths(b.start, -12), end: addMonths(b.end, -12), num: 1, den: 1 }
    : { label: b.label, start: addMonths(b.start, -3), end: addMonths(b.start, -1), num: b.months, den: 3 };
}

interface Acc {
  k: number | null;
  b: string;
  committed: number;
  actual: number;
  revenue: number;
  margin: number;
  rows: number;
  withMargin: number;
  baseMargin: number;
  baseRows: number;
  baseWithMargin: number;
  allocated: number | null;
  lineActual: number;
  lagSum: number;
  lagN: number;
  cycleSum: number;
  cycleN: number;
}
const blank = (k: number | null, b: string): Acc => ({
  k, b, committed: 0, actual: 0, revenue: 0, margin: 0, rows: 0, withMargin: 0, baseMargin: 0, baseRows: 0, baseWithMargin: 0,
  allocated: null, lineActual: 0, lagSum: 0, lagN: 0, cycleSum: 0, cycleN: 0,
});

export interface MetricsQuery {
  filter: Slice['filter'] & { from: string; to: string };
  dimension: AnalysisDimension;
  baseline: Baseline;
  buckets: Bucket[];
  /** SQL of the bucket label over a month column */
  bucket: (col: string) => string;
}

/** every member × bucket of the slice, unsorted */
export function computeMetrics(ctx: OrgCtx, q: MetricsQuery): { accs: Acc[]; rowOf: (a: Acc) => Omit<MetricsRow, 'key'> } {
  const from = q.buckets[0]!.start;
  const to = q.buckets[q.buckets.length - 1]!.end;
  const s: Slice = { filter: q.filter, from, to };
  const key = COST_KEY[q.dimension];
  const accs = new Map<string, Acc>();
  const acc = (k: unknown, b: string) => {
    const id = `${k}|${b}`;
    let a = accs.get(id);
    if (!a) accs.set(id, (a = blank(k as number | null, b)));
    return a;
  };
  for (const [k, b, committed, actual] of spend(ctx, s, key, q.bucket)) {
    const a = acc(k, b);
    a.committed += committed!;
    a.actual += actual!;
  }
  const withRevenue = q.dimension !== 'costType';
  const scaleOf = new Map<string, { num: number; den: number }>();
  if (withRevenue) {
    for (const [k, b, revenue, margin, rows, withMargin] of results(ctx, s, key, q.bucket)) {
      const a = acc(k, b);
      a.revenue += revenue!;
      a.margin += margin!;
      a.rows += rows!;
      a.withMargin += withMargin!;
    }
    const windows = q.buckets.map((b) => baselineWindow(b, q.baseline));
    for (const w of windows) scaleOf.set(w.label, w);
    for (const [k, b, , margin, rows, withMargin] of resultsInWindows(ctx, s, key, windows)) {
      const a = accs.get(`${k}|${b}`);
      // a baseline alone (no cost, no revenue in the bucket) makes no row
      if (!a) continue;
      a.baseMargin += margin!;
      a.baseRows += rows!;
      a.baseWithMargin += withMargin!;
    }
  }
  const lineKey = LINE_KEY[q.dimension];
  if (lineKey) {
    for (const [k, b, allocated, , actual] of budgetCells(ctx, s, lineKey, q.bucket)) {
      if (q.dimension === 'partner' && k === null) continue;
      const a = acc(k, b);
      a.allocated = (a.allocated ?? 0) + allocated!;
      a.lineActual += actual!;
    }
  }
  for (const [k, b, sum, n] of settlementLag(ctx, s, key, q.bucket)) {
    const a = acc(k, b);
    a.lagSum += sum!;
    a.lagN += n!;
  }
  for (const [k, b, sum, n] of cycleTime(ctx, s, key, q.bucket)) {
    const a = acc(k, b);
    a.cycleSum += sum!;
    a.cycleN += n!;
  }
  const rowOf = (a: Acc): Omit<MetricsRow, 'key'> => {
    const grossMargin = withRevenue && a.rows > 0 && a.withMargin === a.rows ? a.margin : null;
    const sc = scaleOf.get(a.b);
    const baselineMargin = withRevenue && sc && a.baseRows > 0 && a.baseWithMargin === a.baseRows ? scale(a.baseMargin, sc.num, sc.den) : null;
    return {
      bucket: a.b,
      committed: a.committed,
      actual: a.actual,
      revenue: withRevenue ? a.revenue : null,
      grossMargin,
      baselineMargin,
      ratioBp: withRevenue ? bp(a.actual, a.revenue) : null,
      roiBp: grossMargin !== null && baselineMargin !== null ? bp(grossMargin - baselineMargin - a.actual, a.actual) : null,
      executionBp: a.allocated === null ? null : bp(a.lineActual, a.allocated),
      allocated: a.allocated,
      settlementLagDays: meanDays(a.lagSum, a.lagN),
      cycleDays: meanDays(a.cycleSum, a.cycleN, 86_400),
    };
  };
  return { accs: [...accs.values()], rowOf };
}

/** the totals of a set of member rows per bucket */
function totalsOf(accs: Acc[], rowOf: (a: Acc) => Omit<MetricsRow, 'key'>, buckets: Bucket[]): MetricsRow[] {
  return buckets.map((b) => {
    const t = blank(null, b.label);
    for (const a of accs) {
      if (a.b !== b.label) continue;
      for (const f of ['committed', 'actual', 'revenue', 'margin', 'rows', 'withMargin', 'baseMargin', 'baseRows', 'baseWithMargin', 'lineActual', 'lagSum', 'lagN', 'cycleSum', 'cycleN'] as const) t[f] += a[f];
      if (a.allocated !== null) t.allocated = (t.allocated ?? 0) + a.allocated;
    }
    // a total's margin is known only if every member's is, and a total's baseline only if every member with a row has one
    const missingBase = accs.some((a) => a.b === b.label && a.rows > 0 && (a.baseRows === 0 || a.baseWithMargin !== a.baseRows));
    if (missingBase) t.baseRows = 0;
    return { key: { id: null, code: '', name: 'Σ' }, ...rowOf(t) };
  });
}

type Input = z.output<typeof metricsInput>;

export function metricsTable(ctx: OrgCtx, i: Input): MetricsTable {
  const { from, to } = rangeOf(i.grain, i.filter);
  const buckets = bucketsOf(i.grain, from, to);
  const { accs, rowOf } = computeMetrics(ctx, { filter: { ...i.filter, from, to }, dimension: i.dimension, baseline: i.baseline, buckets, bucket: (c) => bucketSql(i.grain, c) });
  const dimNames = names(ctx.db.$client, i.dimension, accs.map((a) => a.k), ctx.user.locale);
  const rows: MetricsRow[] = accs.map((a) => ({ key: keyOf(dimNames, a.k), ...rowOf(a) }));
  const dir = i.sort.dir === 'asc' ? 1 : -1;
  const col = i.sort.col;
  const cmpKey = (a: MetricsRow, b: MetricsRow) => a.key.code.localeCompare(b.key.code) || (a.key.id ?? 0) - (b.key.id ?? 0);
  rows.sort((a, b) => {
    let c = 0;
    if (col === 'key') c = cmpKey(a, b);
    else if (col === 'bucket') c = a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0;
    else {
      const x = a[col];
      const y = b[col];
      // nulls last whatever the direction
      if (x === null || y === null) return x === y ? cmpKey(a, b) || (a.bucket < b.bucket ? -1 : 1) : x === null ? 1 : -1;
      c = x - y;
    }
    return dir * c || cmpKey(a, b) || (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0);
  });
  return { rows: rows.slice(i.offset, i.offset + i.limit), total: rows.length, totals: totalsOf(accs, rowOf, buckets), buckets: buckets.map((b) => b.label) };
}
