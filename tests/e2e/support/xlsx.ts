import type { Download } from '@playwright/test';
import ExcelJS from 'exceljs';

/**
 * Spreadsheets in the e2e specs, read and written with exceljs as an independent producer: a
 * downloaded export as rows of plain values, and workbooks the tests make themselves.
 */
export type Cell = string | number | Date | null;

export async function readDownload(d: Download): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; header: string[]; rows: Cell[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await d.path());
  const sheet = workbook.worksheets[0]!;
  const values = (r: number) => {
    const row = sheet.getRow(r);
    const out: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) out.push(plain(row.getCell(c).value));
    return out;
  };
  const header = values(1).map((v) => String(v ?? ''));
  const rows: Cell[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push(values(r));
  return { workbook, sheet, header, rows };
}

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return plain(v.result as ExcelJS.CellValue);
  return String(v);
}

export async function bufferOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A one-sheet workbook from rows (the first row is the header). */
export async function makeXlsx(rows: Cell[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return bufferOf(wb);
}

/** 2025-03-29 as the zh-CN grid shows a date: 2025/03/29 */
export const gridDate = (d: Cell) => (d instanceof Date ? d.toISOString().slice(0, 10).replaceAll('-', '/') : '');

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
