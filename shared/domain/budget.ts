import { applyBasisPoints, spread, type Fen } from './money';

/**
 * Pure budget rules, shared by the core and the renderer (the budget grid spreads and totals with
 * the same functions the core validates with).
 *
 * Vocabulary: a budget *line* is one row of a plan — org unit × channel type × cost type
 * (× partner) — with twelve month amounts; a *cell* is one line in one month (the spec's
 * "line per period"). The ledger and the control rules work on cells; quarters, years and
 * every dimension roll up from cells. The fiscal year is the calendar year.
 */
export const MONTHS = 12;
export const GRANULARITIES = ['month', 'quarter', 'year', 'ytd'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export type ControlMode = 'block' | 'warn' | 'none';

export const periodOf = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
export const yearOf = (period: string) => Number(period.slice(0, 4));
export const monthOf = (period: string) => Number(period.slice(5, 7));
export const quarterOf = (month: number) => Math.ceil(month / 3);
export const periodsOfYear = (year: number) => Array.from({ length: MONTHS }, (_, i) => periodOf(year, i + 1));

/**
 * The column a period falls in for a granularity: '2026-03' (month), '2026-Q1' (quarter),
 * '2026' (year), '2026-YTD06' (year to date through June; null when the month is after it).
 */
export function bucketOf(period: string, g: Granularity, throughMonth = MONTHS): string | null {
  const y = yearOf(period);
  const m = monthOf(period);
  switch (g) {
    case 'month':
      return period;
    case 'quarter':
      return `${y}-Q${quarterOf(m)}`;
    case 'year':
      return String(y);
    case 'ytd':
      return m <= throughMonth ? `${y}-YTD${String(throughMonth).padStart(2, '0')}` : null;
  }
}

/** The buckets of a fiscal year, in order. */
export function bucketsOf(year: number, g: Granularity, throughMonth = MONTHS): string[] {
  const out: string[] = [];
  for (const p of periodsOfYear(year)) {
    const b = bucketOf(p, g, throughMonth);
    if (b !== null && out.at(-1) !== b) out.push(b);
  }
  return out;
}

/** The first and last period of a bucket (inverse of bucketOf), for drill-down. */
export function bucketRange(bucket: string): { from: string; to: string } {
  let m = /^(\d{4})-(\d{2})$/.exec(bucket);
  if (m) return { from: bucket, to: bucket };
  m = /^(\d{4})-Q([1-4])$/.exec(bucket);
  if (m) return { from: periodOf(Number(m[1]), Number(m[2]) * 3 - 2), to: periodOf(Number(m[1]), Number(m[2]) * 3) };
  m = /^(\d{4})-YTD(\d{2})$/.exec(bucket);
  if (m) return { from: periodOf(Number(m[1]), 1), to: periodOf(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})$/.exec(bucket);
  if (m) return { from: periodOf(Number(m[1]), 1), to: periodOf(Number(m[1]), MONTHS) };
  throw new RangeError(`not a bucket: ${bucket}`);
}

/**
 * An annual amount spread evenly over twelve months. Remainder rule (from `spread`): the months
 * get floor(total / 12) each and the first (total mod 12) months one fen more, so January…
 * carry the extra fen and the months always sum exactly to the total.
 */
export function spreadEven(total: Fen, months = MONTHS): Fen[] {
  return spread(total, Array.from({ length: months }, () => 1));
}

/**
 * An annual amount spread by weights (e.g. last year's actuals, or 1,1,2 per quarter): each month
 * gets floor(total × w / Σw) and the left-over fen go one each to the months with the largest
 * remainders, earliest first on ties. Weights are non-negative integers, not all zero.
 */
export function spreadByWeights(total: Fen, weights: readonly number[]): Fen[] {
  if (weights.length !== MONTHS) throw new RangeError(`need ${MONTHS} weights`);
  return spread(total, weights);
}

/** Row totals of twelve month amounts: per quarter and for the year. */
export function rowTotals(amounts: readonly Fen[]): { quarters: [Fen, Fen, Fen, Fen]; year: Fen } {
  const q: [Fen, Fen, Fen, Fen] = [0, 0, 0, 0];
  amounts.forEach((a, i) => (q[Math.floor(i / 3)]! += a));
  return { quarters: q, year: q[0] + q[1] + q[2] + q[3] };
}

/** n / d in basis points (10000 = 100%), rounded half away from zero, exact for any fen; null when d = 0. */
export function ratioBp(n: Fen, d: Fen): number | null {
  if (d === 0) return null;
  const N = BigInt(n) * 10_000n;
  const D = BigInt(d);
  const neg = N < 0n !== D < 0n;
  const an = N < 0n ? -N : N;
  const ad = D < 0n ? -D : D;
  const q = (an * 2n + ad) / (ad * 2n);
  return Number(neg ? -q : q);
}

/** The four balances of a cell or any roll-up. available = allocated − committed − actual, always. */
export interface Balances {
  allocated: Fen;
  committed: Fen;
  actual: Fen;
}

export interface BudgetFigures extends Balances {
  available: Fen;
  /** budget execution rate (预算执行率) = actual ÷ allocated, in basis points; null without allocation */
  executionBp: number | null;
  /** (committed + actual) ÷ allocated, in basis points; null without allocation */
  usedBp: number | null;
  /** committed + actual exceed allocated on this figure as a whole */
  overBudget: boolean;
  /** cells (line × month) inside this figure whose committed + actual exceed their allocation */
  overCells: number;
}

export function figuresOf(b: Balances, overCells = 0): BudgetFigures {
  const used = b.committed + b.actual;
  return {
    allocated: b.allocated,
    committed: b.committed,
    actual: b.actual,
    available: b.allocated - used,
    executionBp: ratioBp(b.actual, b.allocated),
    usedBp: ratioBp(used, b.allocated),
    overBudget: used > b.allocated,
    overCells,
  };
}

export type ControlResult = 'ok' | 'warn' | 'block';

export interface ControlDecision {
  result: ControlResult;
  /** the most committed + actual may reach without breaking the rule: allocated + tolerance */
  limit: Fen;
  availableAfter: Fen;
  /** the amount would take the cell past its allocation (possibly still within tolerance) */
  exceedsAllocation: boolean;
}

/**
 * The control rule of a cell (ERPNext-like "action if exceeded"): the tolerance widens the
 * allocation to limit = allocated + allocated × tolerance (rounded half away from zero). Up to
 * the limit the answer is ok; beyond it a `block` line refuses, a `warn` line warns and lets
 * it through, and `none` never objects. `exceedsAllocation` tells the UI that an ok answer
 * used the tolerance.
 */
export function decideControl(mode: ControlMode, toleranceBp: number, b: Balances, amount: Fen): ControlDecision {
  const used = b.committed + b.actual + amount;
  const limit = b.allocated + Math.max(0, applyBasisPoints(b.allocated, toleranceBp));
  const over = used > limit;
  const result: ControlResult = mode === 'none' || !over ? 'ok' : mode === 'block' ? 'block' : 'warn';
  return { result, limit, availableAfter: b.allocated - used, exceedsAllocation: used > b.allocated };
}

/**
 * What a change of a cell's planned amount (a revision) must respect, given the cell's balances
 * and the control rule it will have: it may not plan the cell below what is already committed
 * and spent, and a `block` cell must stay within its tolerance (a revision that tightens the
 * rule of a cell already past the new limit is refused too). null = fine.
 */
export function revisionProblem(
  b: Balances,
  change: Fen,
  mode: ControlMode,
  toleranceBp: number,
): { rule: 'below_used' | 'over_block_limit'; used: Fen; newAllocated: Fen; limit: Fen } | null {
  const used = b.committed + b.actual;
  const newAllocated = b.allocated + change;
  const limit = newAllocated + Math.max(0, applyBasisPoints(newAllocated, toleranceBp));
  if (change < 0 && newAllocated < used) return { rule: 'below_used', used, newAllocated, limit };
  if (mode === 'block' && used > limit) return { rule: 'over_block_limit', used, newAllocated, limit };
  return null;
}
