import type { RawCell } from '../cells/types';
import { SharedStringsScanner, SheetScanner } from './sheetxml';
import type { RawRow } from './xlsx';

/**
 * The first rows of a sheet, read from the text the pre-check inflates anyway (zipcheck.ts), for
 * the wizard's inspect step (finding the header row) — with the same scanner as the data path
 * (sheetxml.ts), so the sample and the import read every cell alike. The sheet comes before its
 * shared strings are known: shared-string cells stand in as SharedRef until `rows()` is given the
 * beginning of the shared string table.
 */
class SharedRef {
  constructor(readonly i: number) {}
}

const UNREADABLE: RawCell = { problem: 'x.unreadable' };

export interface SheetHead {
  /** the highest shared string index the rows refer to (-1: none) */
  maxShared: number;
  /** the rows, shared strings filled in from the beginning of sharedStrings.xml ('' if none) */
  rows(sharedStringsText: string): RawRow[];
}

/** Rows from the beginning of a worksheet's XML (text may end mid-row: that row is left out). */
export function headRows(xml: string, maxRows: number): SheetHead {
  let maxShared = -1;
  const scanner = new SheetScanner((i) => {
    if (i > maxShared) maxShared = i;
    return new SharedRef(i) as unknown as RawCell;
  });
  let rows: RawRow[];
  try {
    rows = scanner.rows(xml).slice(0, maxRows);
  } catch {
    rows = []; // malformed at the start: the read names it (excel_corrupt)
  }
  return {
    maxShared,
    rows(sstText: string) {
      let strings: readonly string[] = [];
      if (maxShared >= 0 && sstText) {
        const sst = new SharedStringsScanner();
        try {
          sst.push(sstText);
        } catch {
          // a cut or malformed table: what was read so far
        }
        strings = sst.strings;
      }
      return rows.map((r) => ({
        row: r.row,
        cells: r.cells.map((c) => (c instanceof SharedRef ? (c.i < strings.length ? strings[c.i]! : UNREADABLE) : c)),
      }));
    },
  };
}
