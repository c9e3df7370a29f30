import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBasisPoints, divRound, formatFen, formatFenPlain, MoneyParseError, parseYuanToFen, spread, sumFen } from './money';

const reasonOf = (raw: string | number) => {
  try {
    parseYuanToFen(raw);
    return 'parsed';
  } catch (e) {
    expect(e).toBeInstanceOf(MoneyParseError);
    return (e as MoneyParseError).reason;
  }
};

describe('spread', () => {
  it('splits evenly with the remainder on the earliest parts', () => {
    expect(spread(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(spread(1000, Array(12).fill(1))).toEqual([84, 84, 84, 84, 83, 83, 83, 83, 83, 83, 83, 83]);
    expect(spread(11, Array(12).fill(1))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(spread(0, [3, 1])).toEqual([0, 0]);
  });

  it('gives left-over fen to the largest fractional remainders first', () => {
    // 10 × 1/3 = 3.33…, 10 × 2/3 = 6.66…: the second part has the larger remainder
    expect(spread(10, [1, 2])).toEqual([3, 7]);
    // 100 over 3:3:4 → 30, 30, 40 exactly; 101 → remainders .3 .3 .4 → the third gets it
    expect(spread(101, [3, 3, 4])).toEqual([30, 30, 41]);
    // equal remainders: the earlier part wins
    expect(spread(1, [1, 1])).toEqual([1, 0]);
    expect(spread(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
  });

  it('spreads negative totals as the mirror image of positive ones', () => {
    expect(spread(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(spread(-10, [1, 2])).toEqual([-3, -7]);
  });

  it('refuses what cannot be spread', () => {
    expect(() => spread(100, [])).toThrow(RangeError);
    expect(() => spread(100, [0, 0])).toThrow(RangeError);
    expect(() => spread(100, [1, -1])).toThrow(RangeError);
    expect(() => spread(100, [1.5, 1])).toThrow(RangeError);
    expect(() => spread(10.5, [1, 1])).toThrow(RangeError);
  });

  it('always sums exactly to the total, each part within one fen of its exact share (property)', () => {
    const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0));
    const total = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = spread(t, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.every(Number.isSafeInteger)).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        const W = BigInt(ws.reduce((a, b) => a + b, 0));
        const abs = BigInt(Math.abs(t));
        ws.forEach((w, i) => {
          const floor = (abs * BigInt(w)) / W;
          const got = BigInt(Math.abs(parts[i]!));
          expect(got === floor || got === floor + 1n).toBe(true); // floor or floor + 1 fen
          if (w === 0) expect(parts[i]).toBe(0);
          if (t !== 0 && parts[i] !== 0) expect(Math.sign(parts[i]!)).toBe(Math.sign(t));
        });
        // largest remainder rule: nobody who got the extra fen had a smaller remainder than someone who did not
        const rem = ws.map((w) => (abs * BigInt(w)) % W);
        const bumped = ws.map((w, i) => BigInt(Math.abs(parts[i]!)) > (abs * BigInt(w)) / W);
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < ws.length; j++) {
            if (bumped[i] && !bumped[j] && ws[j]! > 0) {
              expect(rem[i]! > rem[j]! || (rem[i] === rem[j] && i < j)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('rounding', () => {
  it('divRound and applyBasisPoints round half away from zero', () => {
    expect([divRound(5, 2), divRound(-5, 2), divRound(5, -2), divRound(4, 3), divRound(-4, 3), divRound(7, 7)]).toEqual([3, -3, -3, 1, -1, 1]);
    expect(() => divRound(1, 0)).toThrow(RangeError);
    expect(applyBasisPoints(100_000, 500)).toBe(5_000); // 5 % of ¥1,000.00
    expect(applyBasisPoints(1, 5_000)).toBe(1); // ½ fen → 1
    expect(applyBasisPoints(-1, 5_000)).toBe(-1);
    expect(applyBasisPoints(3, 3_333)).toBe(1);
  });

  it('sumFen refuses to leave the safe-integer range', () => {
    expect(sumFen([1, 2, 3])).toBe(6);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it('reads what people type and paste', () => {
    const cases: [string, number][] = [
      ['¥1,234.56', 123_456],
      ['￥１２３', 12_300],
      ['(1,000.00)', -100_000],
      ['-5', -500],
      ['0.1', 10],
      ['0.10', 10],
      ['1.230', 123],
      [' 12 ', 1_200],
      ['1,234.5元', 123_450],
      ['RMB 12', 1_200],
      ['CNY12.3', 1_230],
      ['-¥5', -500],
      ['¥-5', -500],
      ['(¥5)', -500],
      ['１，２３４．５６', 123_456],
      ['1 234 567.89', 123_456_789],
      ['0', 0],
    ];
    for (const [raw, fen] of cases) expect([raw, parseYuanToFen(raw)]).toEqual([raw, fen]);
  });

  it('refuses what is not an amount of money, with a reason', () => {
    expect(reasonOf('1.234')).toBe('too_many_decimals');
    expect(reasonOf('0.001')).toBe('too_many_decimals');
    for (const raw of ['abc', '1.2.3', '1e3', '--5', '12abc', '¥', '(5', '.5.']) expect([raw, reasonOf(raw)]).toEqual([raw, 'not_a_number']);
    expect(reasonOf('999999999999999999')).toBe('too_large');
    expect(reasonOf(Number.NaN)).toBe('not_a_number');
    expect(reasonOf(Number.POSITIVE_INFINITY)).toBe('not_a_number');
  });

  it('treats blank input as no amount (null), not as zero', () => {
    for (const raw of ['', '   ', '-', null, undefined]) expect(parseYuanToFen(raw)).toBeNull();
  });

  it('reads spreadsheet numbers without binary artefacts', () => {
    expect(parseYuanToFen(0.1 + 0.2)).toBe(30);
    expect(parseYuanToFen(1234.56)).toBe(123_456);
    expect(parseYuanToFen(19.99 * 3)).toBe(5_997);
    expect(parseYuanToFen(-0.07)).toBe(-7);
    expect(parseYuanToFen(100)).toBe(10_000);
    expect(() => parseYuanToFen(1.005)).toThrow(MoneyParseError); // three decimals are not money
  });

  it('reads back whatever formatFen and formatFenPlain write (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuanToFen(formatFen(fen))).toBe(fen);
        expect(parseYuanToFen(formatFenPlain(fen))).toBe(fen);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatFen', () => {
  it('writes ¥ with thousands separators and two decimals', () => {
    expect(formatFen(123_456)).toBe('¥1,234.56');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(100)).toBe('¥1.00');
    expect(formatFen(100_000_000)).toBe('¥1,000,000.00');
    expect(formatFen(-123_456_789)).toBe('-¥1,234,567.89');
    expect(formatFenPlain(99_999)).toBe('999.99');
    expect(formatFenPlain(-100)).toBe('-1.00');
  });
});
