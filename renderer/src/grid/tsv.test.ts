import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv';

describe('parseTsv (clipboard from Excel / WPS)', () => {
  it('splits tabs and CRLF rows and ignores the trailing line break Excel adds', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('accepts LF-only and lone CR line endings', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('x\ry\r')).toEqual([['x'], ['y']]);
  });

  it('keeps a single copied cell as a 1×1 array', () => {
    expect(parseTsv('¥1,234.50\r\n')).toEqual([['¥1,234.50']]);
  });

  it('returns no rows for empty text, but keeps an empty cell copied on its own', () => {
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([['']]);
  });

  it('unquotes cells holding line breaks, tabs and doubled quotes', () => {
    const text = '"line 1\nline 2"\t"say ""hi"""\t"a\tb"\r\nplain\t\t\r\n';
    expect(parseTsv(text)).toEqual([
      ['line 1\nline 2', 'say "hi"', 'a\tb'],
      ['plain', '', ''],
    ]);
  });

  it('treats a quote that does not close a cell as an ordinary character', () => {
    expect(parseTsv('"abc\tx\r\n"a" b\ty')).toEqual([
      ['"abc', 'x'],
      ['"a" b', 'y'],
    ]);
  });

  it('pads ragged rows so the result is rectangular', () => {
    expect(parseTsv('a\tb\tc\r\nd\r\n\r\ne\tf')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
      ['', '', ''],
      ['e', 'f', ''],
    ]);
  });

  it('leaves money, dates and numbers as text for the column parsers', () => {
    expect(parseTsv('¥12,000.00\t2024年3月1日\t(1,500.00)\t0012\r\n')).toEqual([['¥12,000.00', '2024年3月1日', '(1,500.00)', '0012']]);
  });

  it('reads back whatever toTsv writes (any rectangular text matrix)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\t', '\n', '"', '¥', ',', '1', '.') });
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
      .chain(([w, h]) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
    fc.assert(
      fc.property(matrix, (m) => {
        expect(parseTsv(toTsv(m))).toEqual(m);
      }),
    );
  });
});
