import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransition, TRANSITIONS } from './approval';
import {
  bucketOf, bucketRange, bucketsOf, decideControl, figuresOf, periodsOfYear, ratioBp, revisionProblem, rowTotals, spreadByWeights, spreadEven,
} from './budget';

describe('budget rules (shared by core and grid)', () => {
  it('spreads an annual amount evenly, remainders to the first months, always summing exactly', () => {
    expect(spreadEven(100)).toEqual([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(spreadEven(-13)).toEqual([-2, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (t) => spreadEven(t).reduce((a, b) => a + b, 0) === t));
  });

  it('spreads by weights, largest remainders first, summing exactly', () => {
    expect(spreadByWeights(1000, [1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2])).toEqual([63, 63, 125, 63, 63, 125, 62, 62, 125, 62, 62, 125]);
    expect(() => spreadByWeights(10, [1, 2])).toThrow();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0)), (t, w) => {
        const parts = spreadByWeights(t, w);
        return parts.reduce((a, b) => a + b, 0) === t && parts.every((p, i) => w[i] !== 0 || p === 0);
      }),
    );
  });

  it('totals a row per quarter and year', () => {
    expect(rowTotals([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual({ quarters: [6, 15, 24, 33], year: 78 });
  });

  it('maps periods to buckets and back', () => {
    expect(bucketsOf(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(bucketsOf(2026, 'ytd', 5)).toEqual(['2026-YTD05']);
    expect(bucketOf('2026-06', 'ytd', 5)).toBeNull();
    expect(bucketsOf(2026, 'month')).toEqual(periodsOfYear(2026));
    expect(bucketRange('2026-Q3')).toEqual({ from: '2026-07', to: '2026-09' });
    expect(bucketRange('2026-YTD05')).toEqual({ from: '2026-01', to: '2026-05' });
    expect(bucketRange('2026')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(bucketRange('2026-04')).toEqual({ from: '2026-04', to: '2026-04' });
    expect(() => bucketRange('Q1')).toThrow();
  });

  it('decides ok / warn / block with the tolerance widening the allocation', () => {
    const b = { allocated: 10_000, committed: 6_000, actual: 1_000 };
    expect(decideControl('block', 500, b, 3_000)).toEqual({ result: 'ok', limit: 10_500, availableAfter: 0, exceedsAllocation: false });
    expect(decideControl('block', 500, b, 3_500)).toMatchObject({ result: 'ok', exceedsAllocation: true, availableAfter: -500 });
    expect(decideControl('block', 500, b, 3_501).result).toBe('block');
    expect(decideControl('warn', 500, b, 3_501).result).toBe('warn');
    expect(decideControl('none', 0, b, 1e9).result).toBe('ok');
    // tolerance rounds half away from zero: 5% of 10,001 = 500.05 → 500
    expect(decideControl('block', 500, { allocated: 10_001, committed: 0, actual: 0 }, 10_501).result).toBe('ok');
    expect(decideControl('block', 500, { allocated: 10_001, committed: 0, actual: 0 }, 10_502).result).toBe('block');
  });

  it('computes execution rates in basis points from integers, and the identity always holds', () => {
    expect(ratioBp(1, 3)).toBe(3333);
    expect(ratioBp(2, 3)).toBe(6667);
    expect(ratioBp(5, 0)).toBeNull();
    expect(ratioBp(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(10_000);
    const f = figuresOf({ allocated: 1000, committed: 300, actual: 800 }, 2);
    expect(f).toEqual({ allocated: 1000, committed: 300, actual: 800, available: -100, executionBp: 8000, usedBp: 11_000, overBudget: true, overCells: 2 });
  });

  it('a revision may not go below what is used, nor leave a block cell past its limit', () => {
    const b = { allocated: 1000, committed: 500, actual: 400 };
    expect(revisionProblem(b, -100, 'block', 0)).toBeNull();
    expect(revisionProblem(b, -101, 'none', 0)).toMatchObject({ rule: 'below_used', used: 900, newAllocated: 899 });
    expect(revisionProblem({ ...b, committed: 700 }, 0, 'block', 500)).toMatchObject({ rule: 'over_block_limit', limit: 1050 });
    expect(revisionProblem({ ...b, committed: 700 }, 0, 'warn', 0)).toBeNull();
  });

  it('document states move only along the allowed transitions', () => {
    expect(canTransition('draft', 'submit')).toBe(true);
    expect(canTransition('returned', 'submit')).toBe(true);
    expect(canTransition('approved', 'approve')).toBe(false);
    expect(canTransition('submitted', 'cancel')).toBe(false);
    expect(Object.values(TRANSITIONS).every((t) => !t.from.includes('approved') && !t.from.includes('rejected') && !t.from.includes('cancelled'))).toBe(true);
  });
});
