import type { ExcelLimits } from '../config';
import { cfbNames } from './cfb';
import { csvRows } from './csv';
import { fileError } from './errors';
import { sniff } from './sniff';
import { xlsxRowBatches, type RawRow } from './xlsx';
import { checkXlsx, type XlsxCheck } from './zipcheck';

/** One readable sheet, whatever the file was: what it is, and its rows on demand. */
export interface SourceInfo {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheets: { name: string; visible: boolean }[];
  sheet: string;
  date1904: boolean;
  /** rows holding cells (xlsx, from the pre-check) or lines (CSV): for progress and early limits */
  rows: number;
  merges: string[];
}

export interface Source {
  info: SourceInfo;
  /** the xlsx pre-check, to be handed back on a later read of the same file and sheet */
  check: XlsxCheck | null;
  /** the rows, in batches (xlsx: those completed by each inflated chunk; CSV: 2,000 lines) */
  rowBatches(): AsyncIterable<RawRow[]>;
}

export async function openSource(
  path: string,
  fileName: string,
  wanted: string | undefined,
  limits: ExcelLimits,
  cached?: XlsxCheck | null,
): Promise<Source> {
  const { format, size } = await sniff(path);
  if (size > limits.maxFileBytes) throw fileError('excel_too_large', { limitMb: Math.round(limits.maxFileBytes / 1048576) });
  if (format === 'binary') throw fileError('excel_unsupported_type');
  if (format === 'ole') {
    const { readFile } = await import('node:fs/promises');
    const names = cfbNames(await readFile(path));
    if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) throw fileError('excel_encrypted');
    if (names.includes('Workbook') || names.includes('Book')) throw fileError('excel_xls');
    throw fileError('excel_unsupported_type');
  }
  if (format === 'zip') {
    const check = cached && (wanted === undefined || wanted === cached.sheet.name) ? cached : await checkXlsx(path, wanted, limits);
    if (check.rows - 1 > limits.maxRows) throw fileError('excel_too_many_rows', { limit: limits.maxRows });
    return {
      info: {
        format: 'xlsx',
        encoding: null,
        sheets: check.sheets.map((s) => ({ name: s.name, visible: s.state === 'visible' })),
        sheet: check.sheet.name,
        date1904: check.date1904,
        rows: check.rows,
        merges: check.merges,
      },
      check,
      rowBatches: () => xlsxRowBatches(path, check, limits),
    };
  }
  const csv = await csvRows(path);
  const name = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  return {
    info: { format: 'csv', encoding: csv.encoding, sheets: [{ name, visible: true }], sheet: name, date1904: false, rows: 0, merges: [] },
    check: null,
    rowBatches: async function* () {
      let batch: RawRow[] = [];
      for (const r of csv.rows) {
        batch.push(r);
        if (batch.length === 2000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
  };
}

/** Merged ranges that reach below the header row, i.e. into the data. */
export function mergesInData(merges: readonly string[], headerRow: number): string[] {
  return merges.filter((ref) => {
    const rows = [...ref.matchAll(/[A-Z]+(\d+)/gi)].map((m) => Number(m[1]));
    return Math.max(...rows) > headerRow;
  });
}
