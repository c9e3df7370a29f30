import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { fromExcelValue } from '../cells/values';
import type { RawCell } from '../cells/types';
import type { RawRow } from './xlsx';
import type { SheetEntry } from './zipcheck';

/**
 * The reference reader, for tests only: exceljs's streaming WorkbookReader, which the product
 * used until the scanner of sheetxml.ts replaced it on the data path (see there why). Tests read
 * the same files with both and require the same cells (read/reference.test.ts), so the scanner is
 * checked against an independent, widely used reader on files from exceljs and LibreOffice.
 */

/** An entry stream as exceljs's reader hands it to its parse steps. */
type EntryStream = NodeJS.ReadableStream & { setEncoding(enc: string): unknown };

/** Decodes UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    if (s) yield s;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

type ReaderBase = new (input: unknown, options: unknown) => {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: EntryStream): AsyncGenerator<unknown>;
  _parseWorkbook(entry: EntryStream): Promise<void>;
  _parseRels(entry: EntryStream): Promise<void>;
};

/**
 * exceljs 4.4's streaming reader decodes every inflated chunk on its own (lib/utils/parse-sax.js →
 * TextDecoder.decode without { stream: true }), so a Chinese character that straddles two 16 KB
 * chunks turns into "��" (exceljs issues #2063, #2084, #2316; fixes still unmerged). This subclass
 * hands the parser text decoded across chunk boundaries instead: entry streams get a string
 * encoding (Node's StringDecoder keeps split characters whole) and worksheet iterators are
 * wrapped in a streaming TextDecoder. It relies on those four methods of exceljs's reader;
 * xlsx.test.ts reads a sheet large enough to split characters and fails if that ever breaks.
 */
class Utf8SafeWorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderBase) {
  override *_parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return yield* super._parseWorksheet(utf8Text(iterator), sheetNo);
  }

  override _parseSharedStrings(entry: EntryStream) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseWorkbook(entry: EntryStream) {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }

  override _parseRels(entry: EntryStream) {
    entry.setEncoding('utf8');
    return super._parseRels(entry);
  }
}

interface SheetReader {
  id: number | string;
  name: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown[] }>;
}

interface SheetTarget {
  fileNo: string;
  name: string;
}

/**
 * Streams the rows of one sheet with exceljs's streaming WorkbookReader (made UTF-8 safe above;
 * shared strings cached, styles ignored: column types, not cell formats, decide how a value is
 * read — a date column's number is a serial, a code column's number its digits). Formulas come as
 * { formula, result } and are read by their cached result. Stops reading the zip once the sheet
 * is done. Yields exceljs's own value arrays (index = column number, 1-based).
 */
export async function* xlsxValueRows(path: string, sheet: SheetEntry): AsyncGenerator<{ row: number; values: unknown[] }> {
  const target: SheetTarget = { fileNo: /sheet(\d+)\.xml$/.exec(sheet.path)?.[1] ?? '', name: sheet.name };
  const input = createReadStream(path);
  const reader = new Utf8SafeWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      // exceljs names a sheet from workbook.xml when its relationship matches, else "Sheet<N>"
      const isTarget = ws.name === target.name || (ws.name === `Sheet${target.fileNo}` && String(ws.id) === target.fileNo);
      if (!isTarget) continue;
      let fallback = 0;
      for await (const r of ws) {
        fallback++;
        yield { row: Number.isFinite(r.number) ? r.number : fallback, values: r.values };
      }
      return;
    }
  } finally {
    input.destroy();
  }
}

/** The same rows as RawRow (cells normalised, index 0 = column A): for the inspect fallback. */
export async function* xlsxRows(path: string, sheet: SheetEntry): AsyncGenerator<RawRow> {
  for await (const r of xlsxValueRows(path, sheet)) {
    const cells: RawCell[] = new Array(Math.max(0, r.values.length - 1));
    for (let i = 1; i < r.values.length; i++) cells[i - 1] = fromExcelValue(r.values[i]);
    yield { row: r.row, cells };
  }
}
