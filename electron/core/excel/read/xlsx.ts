import type { RawCell } from '../cells/types';
import type { ExcelLimits } from '../config';
import { fileError } from './errors';
import { MarkupError } from './markup';
import { SharedStringsScanner, SheetScanner, type RawRow } from './sheetxml';
import type { XlsxCheck } from './zipcheck';
import { entryText, openZip, zipEntries, type InflateBudget } from './zip';

export type { RawRow } from './sheetxml';

const UNREADABLE: RawCell = { problem: 'x.unreadable' };

/**
 * The rows of the checked sheet, in batches (the rows completed by each inflated chunk): the
 * shared string table is read first (yauzl reads entries in any order), then the sheet streams
 * through the scanner (sheetxml.ts). Inflation is counted as in the pre-check, so a file swapped
 * between inspect and read cannot smuggle a bomb in. Malformed XML is a corrupt file.
 */
export async function* xlsxRowBatches(path: string, check: XlsxCheck, limits: ExcelLimits): AsyncGenerator<RawRow[]> {
  const zip = await openZip(path);
  try {
    const entries = await zipEntries(zip);
    const sheet = entries.get(check.sheet.path);
    if (!sheet) throw fileError('excel_corrupt');
    const budget: InflateBudget = { used: 0 };
    let strings: readonly string[] = [];
    const sstEntry = check.sharedStrings ? entries.get(check.sharedStrings) : undefined;
    try {
      if (sstEntry) {
        const sst = new SharedStringsScanner();
        for await (const t of entryText(zip, sstEntry, limits, budget)) sst.push(t);
        if (!sst.finish()) throw fileError('excel_corrupt');
        strings = sst.strings;
      }
      const scanner = new SheetScanner((i) => (i < strings.length ? strings[i]! : UNREADABLE));
      for await (const t of entryText(zip, sheet, limits, budget)) {
        const rows = scanner.rows(t);
        if (rows.length) yield rows;
      }
      if (!scanner.finish()) throw fileError('excel_corrupt');
    } catch (e) {
      if (e instanceof MarkupError) throw fileError('excel_corrupt');
      throw e;
    }
  } finally {
    zip.close();
  }
}
