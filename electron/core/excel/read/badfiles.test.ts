import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { configureExcel } from '../config';
import { cfb, csvText, dbSnapshot, hasSoffice, soffice, unzipEntries, upload, workDir, writeTmp, xlsx, zip } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * One test per bad file: each is refused with its own error code, before any row is read where
 * the file's structure is at fault, and the database is exactly as it was.
 */
let core: TestCore;
let admin: Caller;
let before: string;
let n = 0;
const dir = workDir();
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
  before = dbSnapshot(core);
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const HEAD = ['编码', '名称', '渠道类型', '所属组织', '星级'];
const good = (rows = 3) => [HEAD, ...Array.from({ length: rows }, (_, i) => [`BAD${i}`, `店${i}`, 'TERMINAL', 'KM-WH-01', 3])];

async function refused(name: string, data: Buffer, code: string) {
  const fileId = await upload(core, admin.token, name, data);
  await expect(admin('excel.inspect', { fileId, kind: 'partners' })).rejects.toMatchObject({ code });
  await expect(admin('excel.dryRun', { jobId: `bad-${++n}-xxxx`, fileId, kind: 'partners' })).rejects.toMatchObject({ code });
  expect(dbSnapshot(core)).toBe(before);
}

describe('bad files', () => {
  it('refuses a file that is neither xlsx nor CSV', async () => {
    await refused('photo.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]), 'excel_unsupported_type');
    await refused('report.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'excel_unsupported_type');
    // a zip that is not a workbook (a .docx, say)
    await refused('letter.xlsx', zip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'excel_unsupported_type');
  });

  it('refuses a truncated or corrupt zip', async () => {
    const whole = await xlsx([{ name: 'P', rows: good() }]);
    await refused('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)), 'excel_corrupt');
    // the same entries, with the deflated bytes of the sheet overwritten: it cannot inflate
    const damaged = zip(await unzipEntries(whole));
    const at = damaged.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 30;
    damaged.fill(0xff, at, at + 64);
    await refused('damaged.xlsx', damaged, 'excel_corrupt');
  });

  it('refuses a zip bomb: a huge compression ratio, and an entry that inflates beyond what it declares', async () => {
    const entries = await unzipEntries(await xlsx([{ name: 'P', rows: good() }]));
    const bomb = zip(entries.map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, data: Buffer.concat([e.data, Buffer.alloc(30 * 1024 * 1024, 0x20)]) } : e)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await refused('bomb.xlsx', bomb, 'excel_zip_bomb');
    const liar = zip(entries.map((e) => (e.name.endsWith('sharedStrings.xml') ? { ...e, data: Buffer.concat([e.data, Buffer.alloc(2 * 1024 * 1024, 0x20)]), declaredSize: e.data.length } : e)));
    await refused('liar.xlsx', liar, 'excel_zip_bomb');
    const many = zip(Array.from({ length: 2100 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })));
    await refused('many.xlsx', many, 'excel_zip_bomb');
  });

  it('refuses an encrypted workbook (a compound file with EncryptionInfo), and encrypted zip entries', async () => {
    await refused('secret.xlsx', cfb(['EncryptionInfo', 'EncryptedPackage']), 'excel_encrypted');
    const entries = await unzipEntries(await xlsx([{ name: 'P', rows: good() }]));
    await refused('zipcrypto.xlsx', zip(entries.map((e) => ({ ...e, flags: 1 }))), 'excel_encrypted');
  });

  it('refuses an old .xls (BIFF) workbook with "save as .xlsx"', async () => {
    await refused('old.xls', cfb(['Workbook', '\u0005SummaryInformation']), 'excel_xls');
  });

  it.skipIf(!hasSoffice())('refuses an .xls that LibreOffice wrote, and its macro-enabled .xlsm', async () => {
    const csv = writeTmp(dir, 'lo.csv', csvText(good()));
    const [xls] = soffice([csv], 'xls', dir);
    const [xlsm] = soffice([csv], 'xlsm', dir);
    await refused('lo.xls', readFileSync(xls!), 'excel_xls');
    await refused('lo.xlsm', readFileSync(xlsm!), 'excel_macro');
  });

  it('refuses a macro workbook (vbaProject.bin)', async () => {
    const entries = await unzipEntries(await xlsx([{ name: 'P', rows: good() }]));
    await refused('macro.xlsx', zip([...entries, { name: 'xl/vbaProject.bin', data: Buffer.from('VBA') }]), 'excel_macro');
  });

  it('refuses an empty sheet (xlsx and CSV)', async () => {
    await refused('empty.xlsx', await xlsx([{ name: 'P', rows: [] }]), 'excel_empty_sheet');
    await refused('empty.csv', Buffer.from(''), 'excel_empty_sheet');
    await refused('blank.csv', Buffer.from('\r\n,,\r\n\r\n'), 'excel_empty_sheet');
  });

  it('refuses a sheet without a header row', async () => {
    await refused('noheader.xlsx', await xlsx([{ name: 'P', rows: [[1, 2, 3], [4, 5, 6]] }]), 'excel_no_header');
    await refused('noheader.csv', Buffer.from(csvText([['P1', 'x', 'TERMINAL'], ['P2', 'y', 'TERMINAL']])), 'excel_no_header');
  });

  it('refuses a header row without data rows', async () => {
    const fileId = await upload(core, admin.token, 'header-only.xlsx', await xlsx([{ name: 'P', rows: [HEAD] }]));
    await expect(admin('excel.dryRun', { jobId: `bad-${++n}-xxxx`, fileId, kind: 'partners' })).rejects.toMatchObject({ code: 'excel_no_data' });
    expect(dbSnapshot(core)).toBe(before);
  });

  it('refuses more rows than the limit (xlsx before reading, CSV while reading)', async () => {
    const restore = configureExcel(core.env, { maxRows: 20 });
    try {
      await refused('many.xlsx', await xlsx([{ name: 'P', rows: good(30) }]), 'excel_too_many_rows');
      const fileId = await upload(core, admin.token, 'many.csv', Buffer.from(csvText(good(30))));
      await expect(admin('excel.dryRun', { jobId: `bad-${++n}-xxxx`, fileId, kind: 'partners' })).rejects.toMatchObject({ code: 'excel_too_many_rows', params: { limit: 20 } });
      expect(dbSnapshot(core)).toBe(before);
    } finally {
      restore();
    }
  });

  it('refuses merged cells in the data area (a merged title above the header is fine)', async () => {
    await refused('merged.xlsx', await xlsx([{ name: 'P', rows: good(), merges: ['A3:A4'] }]), 'excel_merged_cells');
    const titled = await xlsx([{ name: 'P', rows: [['渠道合作伙伴清单'], ...good()], merges: ['A1:E1'] }]);
    const fileId = await upload(core, admin.token, 'titled.xlsx', titled);
    const ins = await admin('excel.inspect', { fileId, kind: 'partners' });
    expect(ins.headerRow).toBe(2);
  });

  it('never reads a hidden sheet silently', async () => {
    await refused('hidden.xlsx', await xlsx([{ name: 'H', rows: good(), state: 'hidden' }]), 'excel_no_visible_sheet');
    const two = await xlsx([
      { name: 'Hidden', rows: [['x']], state: 'hidden' },
      { name: 'Data', rows: good() },
    ]);
    const fileId = await upload(core, admin.token, 'two.xlsx', two);
    const ins = await admin('excel.inspect', { fileId, kind: 'partners' });
    expect(ins.sheet).toBe('Data');
    expect(ins.sheets).toEqual([{ name: 'Hidden', visible: false }, { name: 'Data', visible: true }]);
    await expect(admin('excel.inspect', { fileId, kind: 'partners', sheet: 'Nope' })).rejects.toMatchObject({ code: 'excel_sheet_not_found' });
  });

  it('refuses files over the size limit at upload', async () => {
    const restore = configureExcel(core.env, { maxFileBytes: 1000 });
    try {
      await expect(upload(core, admin.token, 'big.csv', Buffer.alloc(5000, 0x41))).rejects.toMatchObject({ code: 'file_too_large' });
    } finally {
      restore();
    }
    expect(dbSnapshot(core)).toBe(before);
  });
});
