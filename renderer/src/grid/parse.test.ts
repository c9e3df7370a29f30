import { describe, expect, it } from 'vitest';
import { Invalid, parseDateText, parseIntText, parseMoneyText, parsePercentToBp } from './parse';

describe('cell value parsers', () => {
  it('reads the date spellings people type and paste', () => {
    for (const s of ['2024-03-01', '2024/3/1', '2024.3.1', '2024年3月1日', '20240301', ' ２０２４-03-01 ']) {
      expect(parseDateText(s)).toBe('2024-03-01');
    }
    expect(parseDateText('')).toBeNull();
  });

  it('refuses impossible or unknown dates with the date reason', () => {
    expect(parseDateText('2024-02-30')).toEqual(new Invalid('v.date'));
    expect(parseDateText('next week')).toEqual(new Invalid('v.date'));
  });

  it('reads money in yuan into fen and names the problem otherwise', () => {
    expect(parseMoneyText('¥1,234.56')).toBe(123456);
    expect(parseMoneyText('(12.00)')).toBe(-1200);
    expect(parseMoneyText('1.234')).toEqual(new Invalid('v.money_decimals'));
    expect(parseMoneyText('abc')).toEqual(new Invalid('v.amount'));
  });

  it('reads whole numbers and percentages', () => {
    expect(parseIntText('9')).toBe(9);
    expect(parseIntText('x')).toEqual(new Invalid('v.type'));
    expect(parsePercentToBp('5%')).toBe(500);
    expect(parsePercentToBp('2.5')).toBe(250);
    expect(parsePercentToBp('1.005')).toEqual(new Invalid('v.type'));
  });
});
