import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { fileError } from './errors';
import type { RawRow } from './xlsx';

/**
 * CSV as Excel and WPS write it: UTF-8 with or without a BOM, UTF-16 with a BOM ("Unicode text"),
 * or GB18030/GBK (what Excel on Chinese Windows writes for "CSV (逗号分隔)"). Without a BOM the
 * bytes are tried as strict UTF-8 first (GBK text is almost never valid UTF-8), then GB18030, a
 * superset of GBK. The separator is the one of , ; tab that splits the first line most often.
 * Every cell is text; the column types parse it.
 */
export function decodeCsv(buf: Buffer): { text: string; encoding: string } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(buf, 'gb18030');
    // GB18030 maps every byte sequence somewhere; replacement characters mean it was neither
    if ((text.match(/\uFFFD/g)?.length ?? 0) > Math.max(2, text.length / 1000)) throw fileError('excel_encoding');
    return { text, encoding: 'gb18030' };
  }
}

export function detectSeparator(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const sep of [',', ';', '\t']) {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === sep && !quoted) n++;
    }
    if (n > bestCount) {
      best = sep;
      bestCount = n;
    }
  }
  return best;
}

/** RFC 4180 fields: quotes around fields, "" inside them, CRLF / LF / CR line ends. */
export function* parseCsv(text: string, sep: string): Generator<RawRow> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let rowNo = 1;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    const out = { row: rowNo++, cells: row };
    row = [];
    return out;
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      const next = text.indexOf('"', i);
      const stop = next === -1 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      yield endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      let j = i;
      while (j < n) {
        const c = text[j]!;
        if (c === sep || c === '\n' || c === '\r' || c === '"') break;
        j++;
      }
      if (j === i) {
        field += ch; // a stray quote inside an unquoted field is kept as is
        i++;
      } else {
        field += text.slice(i, j);
        i = j;
      }
    }
  }
  if (field !== '' || row.length > 0) yield endRow();
}

export async function csvRows(path: string): Promise<{ encoding: string; rows: Generator<RawRow> }> {
  const { text, encoding } = decodeCsv(await readFile(path));
  return { encoding, rows: parseCsv(text, detectSeparator(text)) };
}
