import { describe, expect, it } from 'vitest';
import { isoToSerial1900, parseDateText, serialToIso } from './dates';
import { neutralise, unneutralise } from './neutralise';
import { CellProblem, type ColumnSpec, type RawCell } from './types';
import { fromExcelValue, typeCell } from './values';

/**
 * Cell reading, case by case. Run in-process and, by tz.test.ts, again under TZ=Asia/Shanghai
 * and TZ=America/New_York: no result may depend on the machine's time zone.
 */
const col = (type: ColumnSpec['type'], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key: 'c', type, ...extra });
const read = (raw: RawCell, spec: ColumnSpec, date1904 = false) => {
  const r = typeCell(raw, spec, date1904);
  return r instanceof CellProblem ? { problem: r.reason } : r;
};

describe('dates', () => {
  it('reads 1900-system serials, including the phantom 29 Feb 1900', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBeNull();
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45352, false)).toBe('2024-03-01');
    expect(serialToIso(45352.99, false)).toBe('2024-03-01'); // a time of day does not move the date
    expect(serialToIso(2958465, false)).toBe('9999-12-31');
    expect(serialToIso(0, false)).toBeNull();
    expect(serialToIso(-3, false)).toBeNull();
  });

  it('reads 1904-system serials', () => {
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(43890, true)).toBe('2024-03-01');
    expect(serialToIso(45352 - 1462, true)).toBe(serialToIso(45352, false));
  });

  it('writes serials that read back as the same day', () => {
    for (const iso of ['1900-01-01', '1900-02-28', '1900-03-01', '2024-02-29', '2024-03-01', '2099-12-31']) {
      expect(serialToIso(isoToSerial1900(iso), false)).toBe(iso);
    }
  });

  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['2024 年 3 月 1 日', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['2024-03-01 00:00:00', '2024-03-01'],
    ['2024-03-01T23:59:59Z', '2024-03-01'],
    ['45352', '2024-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024/13/1', null],
    ['3/1/2024', null],
    ['next monday', null],
  ])('reads the text %s', (text, iso) => {
    expect(parseDateText(text, false)).toBe(iso);
  });

  it('reads date cells of every shape into the same calendar day', () => {
    const d = col('date');
    expect(read(45352, d)).toBe('2024-03-01');
    expect(read(43890, d, true)).toBe('2024-03-01');
    expect(read('２０２４－０３－０１', d)).toBe('2024-03-01');
    expect(read({ date: '2024-03-01' }, d)).toBe('2024-03-01');
    // exceljs's Date for a date cell is UTC midnight; its UTC fields are the day, whatever TZ says
    expect(read(fromExcelValue(new Date(Date.UTC(2024, 2, 1))), d)).toBe('2024-03-01');
    expect(read('', d)).toBeNull();
    expect(read('soon', d)).toEqual({ problem: 'x.date' });
    expect(read(true, d)).toEqual({ problem: 'x.date' });
  });
});

describe('amounts', () => {
  const m = col('money');
  it.each([
    ['¥1,234.50', 123450],
    ['￥1,234.5', 123450],
    ['1234.5', 123450],
    ['1,234', 123400],
    ['(1,234.50)', -123450],
    ['-¥12.30', -1230],
    ['１，２３４．５０', 123450],
    ['¥ 1 000', 100000],
    ['1234.50元', 123450],
    ['0.1', 10],
  ])('reads the text %s', (text, fen) => {
    expect(read(text, m)).toBe(fen);
  });

  it('reads numbers (numbers stored as numbers, and formula results) without float artefacts', () => {
    expect(read(1234.5, m)).toBe(123450);
    expect(read(0.1 + 0.2, m)).toBe(30);
    expect(read(fromExcelValue({ formula: 'A1*2', result: 19.99 }), m)).toBe(1999);
  });

  it('names what is not an amount', () => {
    expect(read('12.345', m)).toEqual({ problem: 'v.money_decimals' });
    expect(read('abc', m)).toEqual({ problem: 'v.amount' });
    expect(read('', m)).toBeNull();
  });

  it('reads percentages into basis points', () => {
    expect(read('5', col('bp'))).toBe(500);
    expect(read('2.5%', col('bp'))).toBe(250);
    expect(read(12.25, col('bp'))).toBe(1225);
    expect(read('1.234', col('bp'))).toEqual({ problem: 'x.number' });
  });
});

describe('codes, text, numbers, choices', () => {
  it('keeps codes as text: "00123" stays "00123"; numbers become their digits', () => {
    expect(read('00123', col('code'))).toBe('00123');
    expect(read(123, col('code'))).toBe('123');
    expect(read('ＡＢ－１２', col('code'))).toBe('AB-12');
    expect(read(' P0001 ', col('code'))).toBe('P0001');
  });

  it('refuses numbers a spreadsheet could not keep (19-digit accounts typed as numbers)', () => {
    expect(read(Number('6222020200112233445'), col('text'))).toEqual({ problem: 'x.long_number' }); // what Excel keeps of it
    expect(read(13800138000, col('text'))).toBe('13800138000');
    expect(read('6222020200112233445', col('text'))).toBe('6222020200112233445');
  });

  it('reads whole numbers', () => {
    expect(read('4', col('int'))).toBe(4);
    expect(read('４', col('int'))).toBe(4);
    expect(read(4, col('int'))).toBe(4);
    expect(read(4.5, col('int'))).toEqual({ problem: 'x.integer' });
    expect(read('four', col('int'))).toEqual({ problem: 'x.integer' });
  });

  it('reads choices by code or by label in either language', () => {
    const e = col('enum', { choices: [{ value: 'cooperating', labels: ['合作中', 'Cooperating'] }] });
    expect(read('合作中', e)).toBe('cooperating');
    expect(read('COOPERATING', e)).toBe('cooperating');
    expect(read('cooperating', e)).toBe('cooperating');
    expect(read('unknown', e)).toEqual({ problem: 'x.choice' });
    const b = col('bool');
    expect([read('是', b), read('Yes', b), read(true, b), read(1, b), read('TRUE', b)]).toEqual([true, true, true, true, true]);
    expect([read('否', b), read('no', b), read(false, b), read(0, b)]).toEqual([false, false, false, false]);
  });

  it('reads formula cells by their cached value, and names those without one', () => {
    expect(fromExcelValue({ formula: 'B2&"x"', result: 'abc' })).toBe('abc');
    expect(fromExcelValue({ formula: 'SUM(A1:A3)' })).toEqual({ problem: 'x.formula_no_value' });
    expect(fromExcelValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ problem: 'x.formula_error' });
    expect(fromExcelValue({ error: '#N/A' })).toEqual({ problem: 'x.cell_error' });
    expect(fromExcelValue({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
  });

  it('neutralises formula-like text and restores it exactly', () => {
    for (const s of ['=1+2', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) {
      expect(neutralise(s)).toBe(`'${s}`);
      expect(unneutralise(neutralise(s))).toBe(s);
      expect(read(neutralise(s), col('text'))).toBe(s.trim());
    }
    expect(neutralise('plain')).toBe('plain');
    expect(unneutralise("'plain")).toBe("'plain");
  });
});

describe('time zone of this run', () => {
  // tz.test.ts runs this file again with TZ set and CCD_EXPECT_TZ naming it; make sure the zone
  // really applied there (in the ordinary run the zone is whatever the machine has). Not a
  // skipped test: under CI a skipped test fails the run (tests/summary.mjs).
  it('is the zone tz.test.ts asked for, when it asked', () => {
    const expected = process.env.CCD_EXPECT_TZ;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (expected) expect(new Date(2024, 2, 1).getTimezoneOffset()).not.toBe(0);
  });
});
