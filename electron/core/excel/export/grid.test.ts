import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { producedFiles } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * A report grid exported as the screen shows it (excel.exportGrid): each type written as a real
 * cell — money from fen as yuan with the ¥ format, basis points as a percentage, dates as dates,
 * numbers as numbers, text as text with formula-like text neutralised — in the order sent, and a
 * malformed request refused before any file exists.
 */
let core: TestCore;
let lina: Caller;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  lina = await core.as('lina');
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const files = () => producedFiles(core.dir);

describe('report grid export', () => {
  it('writes every cell type as a spreadsheet cell, totals row included, in the order sent', async () => {
    const columns = [
      { header: '分公司', type: 'text' as const },
      { header: '第1季度 预算', type: 'money' as const },
      { header: '第1季度 执行率', type: 'bp' as const },
      { header: '日期', type: 'date' as const },
      { header: '笔数', type: 'number' as const },
    ];
    const rows = [
      ['昆明分公司', 123_456_78, 8_525, '2026-03-31', 12],
      ['=HYPERLINK("x")', -5, null, null, 0],
      ['总计', 123_456_73, 10_000, '2026-12-31T00:00:00.000Z', 12.5],
    ];
    const ref = await lina('excel.exportGrid', { title: '预算执行 2026', columns, rows });
    expect(ref.rows).toBe(3);
    expect(ref.name).toMatch(/^预算执行 2026_\d{8}-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(core.files.open(lina.token, ref.fileId).path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('预算执行 2026');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
    const r2 = ws.getRow(2);
    expect(r2.getCell(1).value).toBe('昆明分公司');
    expect(r2.getCell(2).value).toBe(123_456.78);
    expect(r2.getCell(2).numFmt).toBe('"¥"#,##0.00');
    expect(r2.getCell(3).value).toBe(0.8525);
    expect(r2.getCell(3).numFmt).toBe('0.00%');
    expect(r2.getCell(4).value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(r2.getCell(5).value).toBe(12);
    // formula-like text stays text; negative money stays a number
    expect(ws.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("x")`);
    expect(ws.getRow(3).getCell(1).formula).toBeUndefined();
    expect(ws.getRow(3).getCell(2).value).toBe(-0.05);
    expect(ws.getRow(4).getCell(1).value).toBe('总计');
    expect(ws.getRow(4).getCell(4).value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses rows that do not fit their columns before any file is written', async () => {
    const before = files();
    const columns = [{ header: 'A', type: 'money' as const }];
    await expect(lina('excel.exportGrid', { title: 'x', columns, rows: [[1], [1, 2]] })).rejects.toMatchObject({ code: 'validation', params: { row: 2 } });
    await expect(lina('excel.exportGrid', { title: 'x', columns, rows: [[1.5]] })).rejects.toMatchObject({ code: 'validation' });
    await expect(lina('excel.exportGrid', { title: 'x', columns: [{ header: 'D', type: 'date' }], rows: [['31/03/2026']] })).rejects.toMatchObject({ code: 'validation' });
    await expect(lina('excel.exportGrid', { title: '', columns, rows: [] })).rejects.toMatchObject({ code: 'validation' });
    expect(files()).toEqual(before);
  });
});
