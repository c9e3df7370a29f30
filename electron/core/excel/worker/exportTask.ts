import type ExcelJS from 'exceljs';
import type { CellOut } from '../export/cells';
import type { ExportTask } from './protocol';

/**
 * The writing half of an export, in the parsing worker: exceljs's streaming WorkbookWriter, fed
 * with the cells the core computed page by page (core: query + cellOut; worker: XML + deflate, at
 * the same time, on the other core). Frozen header row, bold shaded headers, autofilter, widths and
 * number formats per column. Rows are committed as they are written, so memory stays flat.
 */
export class ExportWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly ws: ExcelJS.Worksheet;
  /**
   * One style object per column, given to each of its cells: exceljs caches a style's id by object
   * identity (a WeakMap), while the copy it merges for every cell from the column's style would be
   * serialised to XML once per cell just to find the same id again (~25% of the writing time).
   */
  private readonly styles: (Partial<ExcelJS.Style> | null)[];
  rows = 0;

  /** exceljs is loaded on the first export (the worker starts for imports without it) */
  static async open(t: ExportTask): Promise<ExportWriter> {
    const { default: lib } = await import('exceljs');
    return new ExportWriter(t, lib);
  }

  private constructor(t: ExportTask, lib: typeof ExcelJS) {
    this.wb = new lib.stream.xlsx.WorkbookWriter({ filename: t.path, useStyles: true, useSharedStrings: false });
    const ws = this.wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = t.columns.map((c) => ({ key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
    const head = ws.addRow(t.columns.map((c) => c.header));
    head.font = { bold: true };
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      cell.numFmt = 'General';
    });
    head.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
    this.ws = ws;
    this.styles = t.columns.map((c) => (c.numFmt ? { numFmt: c.numFmt } : null));
  }

  write(rows: CellOut[][]): void {
    const styles = this.styles;
    for (const r of rows) {
      const row = this.ws.addRow(r);
      for (let k = 0; k < styles.length; k++) {
        const st = styles[k];
        if (st) row.getCell(k + 1).style = st;
      }
      row.commit();
    }
    this.rows += rows.length;
  }

  async finish(): Promise<{ rows: number }> {
    this.ws.commit();
    await this.wb.commit();
    return { rows: this.rows };
  }
}
