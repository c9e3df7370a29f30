import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { workDir, writeTmp } from '../testing';
import { xlsxRows } from './xlsx';
import { checkXlsx } from './zipcheck';
import { excelLimits } from '../config';

/**
 * exceljs 4.4's streaming reader breaks multi-byte characters that straddle two inflated chunks
 * (see Utf8SafeWorkbookReader). These sheets are large enough to straddle many: every Chinese
 * string must come back exactly, from shared strings (exceljs's in-memory writer) and from
 * inline strings (its streaming writer).
 */
const names = Array.from({ length: 4000 }, (_, i) => `云南省昆明市五华区第${i}号渠道合作伙伴便利店（测试）`);

async function readAll(path: string): Promise<string[]> {
  const check = await checkXlsx(path, undefined, excelLimits());
  const out: string[] = [];
  for await (const r of xlsxRows(path, check.sheet)) out.push(String(r.cells[0]));
  return out;
}

describe('xlsx reading', () => {
  it('keeps every multi-byte character of shared strings whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表一');
    for (const n of names) ws.addRow([n]);
    const path = writeTmp(workDir(), 'shared.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await readAll(path)).toEqual(names);
  });

  it('keeps every multi-byte character of inline strings whole', async () => {
    const path = `${workDir()}/inline.xlsx`;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const ws = wb.addWorksheet('表二');
    for (const n of names) ws.addRow([n]).commit();
    ws.commit();
    await wb.commit();
    expect(await readAll(path)).toEqual(names);
  });
});
