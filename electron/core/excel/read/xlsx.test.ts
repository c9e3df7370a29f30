import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../cells/types';
import { DEFAULT_EXCEL_LIMITS } from '../config';
import { csvInFilter, csvText, hasSoffice, soffice, unzipEntries, workDir, writeTmp, zip } from '../testing';
import { xlsxRows as referenceRows } from './reference';
import { SharedStringsScanner, SheetScanner } from './sheetxml';
import { xlsxRowBatches, type RawRow } from './xlsx';
import { checkXlsx } from './zipcheck';

/**
 * The data path's xlsx reader (sheetxml.ts + xlsx.ts): exact values, chunk-boundary safety, and
 * the same cells as exceljs's streaming reader (the reference) on files from exceljs and
 * LibreOffice.
 */
async function read(path: string): Promise<RawRow[]> {
  const check = await checkXlsx(path, undefined, DEFAULT_EXCEL_LIMITS);
  const out: RawRow[] = [];
  for await (const b of xlsxRowBatches(path, check, DEFAULT_EXCEL_LIMITS)) out.push(...b);
  return out;
}

async function reference(path: string): Promise<RawRow[]> {
  const check = await checkXlsx(path, undefined, DEFAULT_EXCEL_LIMITS);
  const out: RawRow[] = [];
  for await (const r of referenceRows(path, check.sheet)) out.push(r);
  return out;
}

const names = Array.from({ length: 4000 }, (_, i) => `云南省昆明市五华区第${i}号渠道合作伙伴便利店（测试）`);

describe('xlsx reading', () => {
  it('keeps every multi-byte character whole across inflated chunks (shared and inline strings)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表一');
    for (const n of names) ws.addRow([n]);
    const shared = writeTmp(workDir(), 'shared.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await read(shared)).map((r) => r.cells[0])).toEqual(names);

    const inline = `${workDir()}/inline.xlsx`;
    const sw = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: inline, useSharedStrings: false });
    const ss = sw.addWorksheet('表二');
    for (const n of names) ss.addRow([n]).commit();
    ss.commit();
    await sw.commit();
    expect((await read(inline)).map((r) => r.cells[0])).toEqual(names);
  });

  it('reads what exceljs writes exactly as exceljs reads it: types, formulas, rich text, gaps', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['编码', '名称', '金额', '日期', '是否', '公式', '空']);
    ws.addRow(['00123', 'a & b < c > "d"', 1234.5, new Date(Date.UTC(2024, 2, 1)), true, { formula: 'C2*2', result: 2469 }, null]);
    ws.addRow(['=1+1', { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] }, -0.01, 45352, false, { formula: 'A1', result: '编码' }]);
    ws.getCell('A4').value = 'only A';
    ws.getCell('G4').value = 'and G';
    ws.addRow([]);
    ws.addRow(['line\nbreak', ' spaced ', 0, '2024-03-01', 'TRUE', { formula: 'NOW()' }]);
    ws.getCell('F7').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const path = writeTmp(workDir(), 'kinds.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const mine = await read(path);
    const ref = await reference(path);
    // the one difference: exceljs's streaming reader drops a formula's error result (it reports
    // the formula as having no value); the scanner names the error
    const row = (rows: RawRow[], n: number) => rows.find((r) => r.row === n)!.cells;
    expect(row(ref, 7)[5]).toEqual({ problem: 'x.formula_no_value' });
    row(ref, 7)[5] = { problem: 'x.formula_error' };
    expect(mine).toEqual(ref);
    expect(row(mine, 2)).toEqual(['00123', 'a & b < c > "d"', 1234.5, 45352, true, 2469]);
    expect(row(mine, 3).slice(0, 2)).toEqual(['=1+1', '富文本']);
    expect(row(mine, 4)).toEqual(['only A', null, null, null, null, null, 'and G']);
    expect(row(mine, 6)[5]).toEqual({ problem: 'x.formula_no_value' });
    expect(row(mine, 7)[5]).toEqual({ problem: 'x.formula_error' });
  });

  it.skipIf(!hasSoffice())('reads a LibreOffice-written workbook as exceljs does', async () => {
    const dir = workDir();
    const csv = join(dir, 'lo.csv');
    writeFileSync(
      csv,
      csvText([
        ['编码', '名称', '金额', '日期'],
        ['00123', '昆明"五华"店, 一号', '1234.56', '2024-03-01'],
        ['P2', 'Ünïcödé & <tags>', '-7', '2024/3/1'],
        ['P3', '', '', ''],
      ]),
    );
    const [x] = soffice([csv], 'xlsx', dir, csvInFilter([2, 2, 1, 1]));
    const mine = await read(x!);
    expect(mine).toEqual(await reference(x!));
    expect(mine[1]!.cells[0]).toBe('00123');
    expect(mine[1]!.cells[1]).toBe('昆明"五华"店, 一号');
    expect(mine[2]!.cells[2]).toBe(-7);
  });

  it('refuses malformed sheet XML as a corrupt file, and a lying entry size as a bomb', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('P').addRow(['a', 'b']);
    const entries = await unzipEntries(Buffer.from(await wb.xlsx.writeBuffer()));
    const broken = zip(entries.map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, data: Buffer.from(e.data.toString('utf8').replace('r="A1"', 'r=A1')) } : e)));
    const path = writeTmp(workDir(), 'broken.xlsx', broken);
    await expect(read(path)).rejects.toMatchObject({ code: 'excel_corrupt' });
  });
});

/** Feeds XML to a fresh scanner in the given pieces. */
function scan(pieces: string[], shared: string[] = []): RawRow[] {
  const s = new SheetScanner((i) => shared[i] ?? { problem: 'x.unreadable' });
  const out: RawRow[] = [];
  for (const p of pieces) out.push(...s.rows(p));
  expect(s.finish()).toBe(true);
  return out;
}

function sst(pieces: string[]): string[] {
  const s = new SharedStringsScanner();
  for (const p of pieces) s.push(p);
  expect(s.finish()).toBe(true);
  return s.strings;
}

describe('sheet XML scanner', () => {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand --><x:worksheet xmlns:x="urn:x"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>A&#x4E2D;&#20013;&amp;</x:t></x:is></x:c><x:c t='s' s="1"><x:v>1</x:v></x:c><x:c/><x:c t="str"><x:f>"a"</x:f><x:v><![CDATA[<raw & text>]]></x:v></x:c></x:row>
<x:row r="5" custom='a>b'><x:c r="C5" t="d"><x:v>2024-03-01T00:00:00Z</x:v></x:c><x:c><x:v> 12.5 </x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>
<x:row r="6"/><x:row><x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">行_x000D_</x:t></x:r><x:r><x:t>二</x:t></x:r><x:rPh sb="0" eb="1"><x:t>hang</x:t></x:rPh></x:is></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
  const shared = ['zero', '一'];
  const expected: RawRow[] = [
    { row: 1, cells: ['A中中&', '一', null, '<raw & text>'] },
    { row: 5, cells: [null, null, { date: '2024-03-01' }, 12.5, false] },
    { row: 7, cells: ['行\r二'] },
  ];

  it('reads prefixed elements, rows and cells without r, entities, CDATA, escapes; skips phonetic runs', () => {
    expect(scan([sheet], shared)).toEqual(expected);
  });

  it('gives the same rows however the text is cut into chunks', () => {
    const whole = scan([sheet], shared);
    for (let cut = 1; cut < sheet.length; cut++) expect(scan([sheet.slice(0, cut), sheet.slice(cut)], shared)).toEqual(whole);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: sheet.length - 1 }), { maxLength: 40 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), sheet.length];
        expect(scan(at.slice(1).map((e, i) => sheet.slice(at[i], e)), shared)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('collects merged ranges and counts rows with cells', () => {
    const s = new SheetScanner(() => null);
    s.rows(sheet);
    expect(s.merges).toEqual(['A1:B1']);
    expect(s.rowsWithCells).toBe(3);
  });

  it('reads shared strings: rich runs joined, phonetic runs left out, empty items kept', () => {
    const xml = `<sst count="4"><si><t>a</t></si><si/><si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve"> 文</t></r><rPh sb="0" eb="1"><t>fu</t></rPh></si><si><t>x_x000A_y&lt;</t></si></sst>`;
    expect(sst([xml])).toEqual(['a', '', '富 文', 'x\ny<']);
    for (let cut = 1; cut < xml.length; cut++) expect(sst([xml.slice(0, cut), xml.slice(cut)])).toEqual(['a', '', '富 文', 'x\ny<']);
  });

  it('names values it cannot read instead of guessing', () => {
    const rows = scan([`<sheetData><row r="1"><c t="s"><v>9</v></c><c><v>abc</v></c><c t="e"><v>#REF!</v></c><c><f>A1</f></c></row></sheetData>`]);
    const problems: RawCell[] = [{ problem: 'x.unreadable' }, { problem: 'x.unreadable' }, { problem: 'x.cell_error' }, { problem: 'x.formula_no_value' }];
    expect(rows[0]!.cells).toEqual(problems);
  });
});
