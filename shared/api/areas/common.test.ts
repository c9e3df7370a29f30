import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, isRealIsoDate } from './common';

/** The date check every API date and every imported date cell goes through. */
describe('isoDate', () => {
  it('accepts exactly the dates the calendar has (checked against Date over the whole range)', () => {
    const viaDate = (s: string) => {
      const t = Date.parse(`${s}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(isRealIsoDate(s)).toBe(viaDate(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows leap years and refuses other shapes', () => {
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDate.safeParse('2000-02-29').success).toBe(true);
    expect(isoDate.safeParse('1900-02-29').success).toBe(false);
    expect(isoDate.safeParse('2023-02-29').success).toBe(false);
    expect(isoDate.safeParse('2024-04-31').success).toBe(false);
    expect(isoDate.safeParse('2024-3-1').success).toBe(false);
    expect(isoDate.safeParse('0000-01-01').success).toBe(false);
  });
});
