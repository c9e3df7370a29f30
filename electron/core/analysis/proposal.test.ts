import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { grownTotal, proposeBudget, roiScores } from '../../../shared/domain/proposal';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * The next budget proposal (issue 10.6): the pure rule over random inputs — the sum is exactly the
 * total, every amount whole fen, within bounds recomputed here independently whenever the total is
 * reachable — and the service on the demo: proposal for 2027 from 2026, saved as a draft whose lines
 * equal what was shown.
 */
const line = fc.record({ base: fc.integer({ min: 0, max: 2_000_000_000 }), roi: fc.option(fc.double({ min: -3, max: 20, noNaN: true }), { nil: null }) });
const params = fc.record({ growthBp: fc.integer({ min: -5_000, max: 5_000 }), boundBp: fc.integer({ min: 0, max: 10_000 }) });

/** the test's own bounds: base × (1 + g) × (1 ∓ b), as exact rationals rounded outwards */
const bounds = (base: number, g: number, b: number) => {
  const num = BigInt(base) * BigInt(10_000 + g);
  const lo = (num * BigInt(10_000 - b)) / 100_000_000n;
  const hiNum = num * BigInt(10_000 + b);
  const hi = hiNum / 100_000_000n + (hiNum % 100_000_000n === 0n ? 0n : 1n);
  return { lo: Number(lo), hi: Number(hi) };
};

describe('proposeBudget', () => {
  it('sums exactly to the total, in whole non-negative fen, within the bounds whenever they can hold', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), params, fc.double({ min: 0, max: 2.5, noNaN: true }), (lines, p, f) => {
        const grown = grownTotal(lines.map((l) => l.base), p.growthBp);
        const total = Math.round(grown * f);
        const r = proposeBudget(lines, { ...p, total });
        let sum = 0;
        for (const a of r.amounts) {
          expect(Number.isSafeInteger(a) && a >= 0).toBe(true);
          sum += a;
        }
        expect(sum).toBe(total);
        const b = lines.map((l) => bounds(l.base, p.growthBp, p.boundBp));
        const reachable = b.reduce((s, x) => s + x.lo, 0) <= total && total <= b.reduce((s, x) => s + x.hi, 0);
        expect(r.relaxed).toBe(!reachable);
        if (reachable) r.amounts.forEach((a, i) => expect(a >= b[i]!.lo && a <= b[i]!.hi, `line ${i}: ${a} not in [${b[i]!.lo}, ${b[i]!.hi}]`).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('moves money toward the better ROI within the bound; neutral lines keep their grown base', () => {
    const lines = [
      { base: 1_000_000, roi: 5 },
      { base: 1_000_000, roi: -0.5 },
      { base: 1_000_000, roi: null },
    ];
    const r = proposeBudget(lines, { growthBp: 1_000, boundBp: 2_000, total: 3_300_000 });
    expect(r.scores).toEqual([1, -1, 0]);
    expect(r.amounts).toEqual([1_320_000, 880_000, 1_100_000]);
    // ranks 0…3 with the tie sharing 0.5: s = 2 × rank ÷ 3 − 1
    roiScores([2, 1, 1, null, 3]).forEach((s, i) => expect(s).toBeCloseTo([1 / 3, -2 / 3, -2 / 3, 0, 1][i]!, 12));
  });

  it('gives the left-over fen by largest remainder, earlier line first on ties', () => {
    const r = proposeBudget(
      [
        { base: 1, roi: null },
        { base: 1, roi: null },
        { base: 1, roi: null },
      ],
      { growthBp: 0, boundBp: 10_000, total: 4 },
    );
    expect(r.amounts).toEqual([2, 1, 1]);
  });
});

describe('results.proposal and results.saveProposal', () => {
  let core: TestCore;
  let wang: Caller;
  beforeAll(async () => {
    core = await freshCore({ demo: true, documents: true });
    wang = await core.as('wangfang');
  }, 60_000);
  afterAll(() => core.dispose());

  it('proposes 2027 from 2026 to the exact total; the saved draft is what was shown', async () => {
    const db = core.env.db.$client;
    const p = await wang('results.proposal', { sourceYear: 2026, growthBp: 500, boundBp: 2_000, total: 123_456_789_01 });
    expect(p.targetYear).toBe(2027);
    expect(p.lines.reduce((s, l) => s + l.proposed, 0)).toBe(123_456_789_01);
    // the base is the ledger's actual of each line
    const actual = new Map(
      (db.prepare("SELECT line_id AS id, sum(amount) AS a FROM budget_ledger WHERE kind = 'actual' GROUP BY line_id").all() as { id: number; a: number }[]).map((r) => [r.id, r.a]),
    );
    for (const l of p.lines) expect(l.actual).toBe(actual.get(l.lineId) ?? 0);
    expect(p.lines.some((l) => l.roiBp !== null && l.roiBp > 0)).toBe(true);
    expect(p.lines.some((l) => l.roiBp === null && l.actual > 0)).toBe(true); // agents: margin not known
    expect(p.target).toEqual({ planId: null, draft: null });

    // edit one cell, then save: the draft's lines equal the proposal as shown, month by month summed
    const shown = p.lines.map((l) => ({ lineId: l.lineId, amount: l.proposed }));
    shown[0]!.amount += 10_000;
    const v = await wang('results.saveProposal', { sourceYear: 2026, lines: shown, draft: null });
    expect(v).toMatchObject({ fiscalYear: 2027, number: 1, state: 'draft' });
    expect(v.totalFen).toBe(123_456_789_01 + 10_000);
    const saved = db
      .prepare(
        `SELECT l.org_unit_id || '|' || l.channel_type_id || '|' || l.cost_type_id || '|' || coalesce(l.partner_id, '') AS k,
           m01+m02+m03+m04+m05+m06+m07+m08+m09+m10+m11+m12 AS total FROM budget_version_lines vl JOIN budget_lines l ON l.id = vl.line_id WHERE vl.version_id = ?`,
      )
      .all(v.id) as { k: string; total: number }[];
    const expected = p.lines.map((l, i) => ({ k: `${l.orgUnitId}|${l.channelTypeId}|${l.costTypeId}|${l.partnerId ?? ''}`, total: shown[i]!.amount }));
    expect(new Map(saved.map((s) => [s.k, s.total]))).toEqual(new Map(expected.map((s) => [s.k, s.total])));

    // a second proposal saves into that draft, and only with its version as shown
    const p2 = await wang('results.proposal', { sourceYear: 2026, growthBp: 0, boundBp: 0 });
    expect(p2.target.draft).toMatchObject({ id: v.id, version: v.version });
    expect(p2.relaxed).toBe(false);
    const err = await wang('results.saveProposal', { sourceYear: 2026, lines: shown, draft: { id: v.id, version: v.version + 5 } }).catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('stale');
    const v2 = await wang('results.saveProposal', { sourceYear: 2026, lines: p2.lines.map((l) => ({ lineId: l.lineId, amount: l.proposed })), draft: p2.target.draft });
    expect(v2.id).toBe(v.id);
    expect(v2.totalFen).toBe(p2.total);
    expect(p2.total).toBe(p2.lines.reduce((s, l) => s + l.actual, 0)); // growth 0: the actuals' sum
  });

  it('is for finance only', async () => {
    const zhang = await core.as('zhangwei');
    await expect(zhang('results.proposal', { sourceYear: 2026 })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
