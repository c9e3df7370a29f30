/**
 * Clipboard text from Excel, WPS or LibreOffice: cells separated by tabs, rows by CRLF (or LF);
 * a cell holding a tab, a line break or a quote is wrapped in quotes with inner quotes doubled;
 * the last row ends with a line break. AG Grid's clipboard support is Enterprise, so spreadsheet
 * paste goes through here. Values stay text (¥, thousands separators, dates as typed): each
 * column's own parser decides what they mean.
 */
export type Matrix = string[][];

const isBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** Parses clipboard text into a rectangular array (short rows padded with empty strings). */
export function parseTsv(text: string): Matrix {
  const rows: Matrix = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];

  const endRow = () => {
    rows.push(row);
    row = [];
  };
  const skipBreak = () => {
    // CRLF, LF or a lone CR end one row
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i += 1;
  };

  while (i < n) {
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    let cell: string;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && !isBreak(text[j])) j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      endRow();
      break;
    }
    if (text[i] === '\t') {
      i += 1;
      if (i >= n) {
        row.push('');
        endRow();
      }
      continue;
    }
    // a line break ends the row; a break at the very end adds no empty row
    skipBreak();
    endRow();
  }

  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

/**
 * A quoted cell starting at `start`: returns its value and the index after the closing quote,
 * or null when the quote does not close right before a tab, a line break or the end (then the
 * quote is just a character of an unquoted cell, as in `"abc` or `"a" b`).
 */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined || next === '\t' || isBreak(next)) return { value: value.replace(/\r\n?/g, '\n'), end: i + 1 };
      return null;
    }
    value += c;
    i += 1;
  }
  return null;
}

/** The reverse, as spreadsheets put it on the clipboard (CRLF after every row). */
export function toTsv(rows: Matrix): string {
  const cell = (v: string) => (/[\t\r\n"]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => `${r.map(cell).join('\t')}\r\n`).join('');
}
