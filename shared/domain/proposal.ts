import { assertFen, type Fen } from './money';

/**
 * The next budget proposal (issue 10.6), as a pure function of integers.
 *
 * Per budget line: `base` = last year's actual (fen, from the ledger), `roi` = (margin − cost) ÷ cost
 * over last year, or null when it cannot be measured (no margin known, no cost): such lines are
 * neutral. Parameters: growth and bound in basis points (10000 = 100 %), the total (fen).
 *
 * 1. Grown base g = base × (1 + growth). Bounds: lo = ⌊g × (1 − bound)⌋, hi = ⌈g × (1 + bound)⌉
 *    (exact integer arithmetic, rounded outwards so lo ≤ hi in whole fen).
 * 2. ROI score s ∈ [−1, 1]: the lines with a ROI are ranked by it (ties share their mean rank);
 *    s = 2 × (rank − 1) ÷ (n − 1) − 1, worst −1, best +1; lines without ROI (or one alone) s = 0.
 * 3. Wish w = g × (1 + bound × s): better ROI asks for more, within the bound.
 * 4. Scale: x = clamp(λ × w, lo, hi) with λ chosen so Σx = total (bisection; Σx grows with λ).
 *    If the total lies outside [Σlo, Σhi] the bounds cannot all hold: every line gets its bound
 *    (lo, or hi) scaled by total ÷ Σbound, and `relaxed` is set (the UI says so).
 * 5. Whole fen: each line gets ⌊x⌋; the fen still missing (or extra) go one each to the lines with
 *    the largest (smallest) fractional part that still have room within their bounds, on ties the
 *    earlier line (input order) first — rounds repeat until the sum is exactly the total.
 */
export interface ProposalLine {
  base: Fen;
  roi: number | null;
}

export interface ProposalParams {
  growthBp: number;
  boundBp: number;
  total: Fen;
}

export interface ProposalResult {
  amounts: Fen[];
  lo: Fen[];
  hi: Fen[];
  scores: number[];
  /** the total was out of the bounds' reach: bounds were scaled */
  relaxed: boolean;
}

/** Σ base × (1 + growth), rounded half up: the default total. */
export function grownTotal(bases: readonly Fen[], growthBp: number): Fen {
  const sum = bases.reduce((a, b) => a + BigInt(b), 0n) * BigInt(10_000 + growthBp);
  return Number((sum + 5_000n) / 10_000n);
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

export function roiScores(rois: readonly (number | null)[]): number[] {
  const known = rois.map((r, i) => ({ r, i })).filter((x): x is { r: number; i: number } => x.r !== null && Number.isFinite(x.r));
  const scores = rois.map(() => 0);
  if (known.length < 2) return scores;
  known.sort((a, b) => a.r - b.r || a.i - b.i);
  const n = known.length;
  for (let k = 0; k < n; ) {
    let j = k;
    while (j + 1 < n && known[j + 1]!.r === known[k]!.r) j++;
    const meanRank = (k + j) / 2; // 0-based
    for (let t = k; t <= j; t++) scores[known[t]!.i] = (2 * meanRank) / (n - 1) - 1;
    k = j + 1;
  }
  return scores;
}

export function proposeBudget(lines: readonly ProposalLine[], p: ProposalParams): ProposalResult {
  assertFen(p.total, 'total');
  if (p.total < 0) throw new RangeError('total must not be negative');
  if (!Number.isInteger(p.growthBp) || p.growthBp < -10_000) throw new RangeError('growth');
  if (!Number.isInteger(p.boundBp) || p.boundBp < 0 || p.boundBp > 10_000) throw new RangeError('bound');
  const n = lines.length;
  const G = BigInt(10_000 + p.growthBp);
  const lo = lines.map((l) => Number((BigInt(l.base) * G * BigInt(10_000 - p.boundBp)) / 100_000_000n));
  const hi = lines.map((l) => Number(ceilDiv(BigInt(l.base) * G * BigInt(10_000 + p.boundBp), 100_000_000n)));
  const scores = roiScores(lines.map((l) => (l.base > 0 ? l.roi : null)));
  const grown = lines.map((l) => (l.base * (10_000 + p.growthBp)) / 10_000);
  const wish = grown.map((g, i) => g * (1 + (p.boundBp / 10_000) * scores[i]!));
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  const T = p.total;

  let x: number[];
  let min = lo;
  let max = hi;
  let relaxed = false;
  if (T >= sumLo && T <= sumHi) {
    const at = (lambda: number) => wish.map((w, i) => Math.min(hi[i]!, Math.max(lo[i]!, lambda * w)));
    const sumAt = (lambda: number) => at(lambda).reduce((a, b) => a + b, 0);
    let a = 0;
    let b = 1;
    while (sumAt(b) < T && b < 1e12) b *= 2;
    for (let k = 0; k < 200 && b - a > 1e-15 * b; k++) {
      const m = (a + b) / 2;
      if (sumAt(m) < T) a = m;
      else b = m;
    }
    x = at(b);
  } else {
    relaxed = true;
    const ref = T < sumLo ? lo : hi;
    const refSum = T < sumLo ? sumLo : sumHi;
    if (refSum === 0) {
      // nothing to scale (no line had any actual): evenly over the lines
      x = lines.map(() => (n ? T / n : 0));
    } else x = ref.map((r) => (r * T) / refSum);
    min = lines.map(() => 0);
    max = lines.map(() => T);
    if (n === 0 && T > 0) throw new RangeError('no lines to propose');
  }

  const amounts = x.map((v, i) => Math.min(max[i]!, Math.max(min[i]!, Math.floor(v))));
  const frac = x.map((v, i) => v - amounts[i]!);
  let left = T - amounts.reduce((a, b) => a + b, 0);
  const order = [...amounts.keys()];
  while (left !== 0) {
    const up = left > 0;
    const cand = order.filter((i) => (up ? amounts[i]! < max[i]! : amounts[i]! > min[i]!));
    if (!cand.length) throw new RangeError('total cannot be reached');
    cand.sort((i, j) => (up ? frac[j]! - frac[i]! : frac[i]! - frac[j]!) || i - j);
    for (const i of cand) {
      if (left === 0) break;
      amounts[i]! += up ? 1 : -1;
      frac[i]! -= up ? 1 : -1;
      left += up ? -1 : 1;
    }
  }
  return { amounts, lo, hi, scores, relaxed };
}
