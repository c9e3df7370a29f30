import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { hasSoffice, soffice, upload, workDir, writeTmp } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * The round trip: export partners, edit the file (three cells changed, one row added) with
 * exceljs, import: exactly those changes are reported and applied; importing the same file again
 * changes nothing. And the same through LibreOffice (open and save again): nothing changes.
 */
let core: TestCore;
let admin: Caller;
let n = 0;
const dir = workDir();
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const job = () => `rt-${++n}-${Date.now()}`;
const exportedPath = async (input: Parameters<Caller>[1] & object) => core.files.open(admin.token, (await admin('excel.export', input as never)).fileId).path;
const partnerRows = () => core.env.db.$client.prepare('SELECT * FROM partners ORDER BY id').all();
const logCount = () => core.env.db.$client.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

describe('round trip', () => {
  it('imports exactly the three edited cells and the added row, then nothing on the second import', async () => {
    const path = await exportedPath({ kind: 'partners', locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const col = (name: string) => header.indexOf(name) + 1;
    const idOf = (r: number) => ws.getRow(r).getCell(1).value as number;
    const [a, b, c] = [idOf(2), idOf(3), idOf(4)];
    const beforeB = await admin('partners.get', { id: b });
    ws.getRow(2).getCell(col('名称')).value = '改名后的渠道商';
    ws.getRow(3).getCell(col('星级')).value = beforeB.starRating === 5 ? 1 : beforeB.starRating + 1;
    ws.getRow(4).getCell(col('合同结束')).value = new Date(Date.UTC(2030, 5, 30));
    const add = ws.addRow([]);
    add.getCell(col('编码')).value = 'P999001';
    add.getCell(col('名称')).value = '新增的渠道商';
    add.getCell(col('渠道类型')).value = ws.getRow(2).getCell(col('渠道类型')).value;
    add.getCell(col('所属组织')).value = 'KM-WH-01';
    add.getCell(col('星级')).value = 4;
    add.getCell(col('合同开始')).value = '2026/1/1';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const logBefore = logCount();

    const fileId = await upload(core, admin.token, 'edited.xlsx', edited);
    const id1 = job();
    const dry = await admin('excel.dryRun', { jobId: id1, fileId, kind: 'partners' });
    expect(dry.counts).toEqual({ total: 301, create: 1, update: 3, unchanged: 297, rejected: 0 });
    const updates = await admin('excel.changes', { jobId: id1, op: 'update' });
    expect(updates.rows.map((r) => [r.id, r.changes.map((x) => [x.column, x.after])])).toEqual([
      [a, [['name', '改名后的渠道商']]],
      [b, [['starRating', beforeB.starRating === 5 ? 1 : beforeB.starRating + 1]]],
      [c, [['contractEnd', '2030-06-30']]],
    ]);
    const creates = await admin('excel.changes', { jobId: id1, op: 'create' });
    expect(creates.rows).toMatchObject([{ key: 'P999001', op: 'create' }]);
    expect(logCount()).toBe(logBefore); // a dry run writes nothing

    const res = await admin('excel.commit', { jobId: id1, mode: 'all_or_nothing' });
    expect(res.counts).toEqual(dry.counts);
    expect((await admin('partners.get', { id: a })).name).toBe('改名后的渠道商');
    expect((await admin('partners.get', { id: c })).contractEnd).toBe('2030-06-30');
    const added = (await admin('partners.list', { quick: 'P999001' })).rows[0]!;
    expect(added).toMatchObject({ name: '新增的渠道商', starRating: 4, contractStart: '2026-01-01', status: 'cooperating', active: true });
    expect(logCount()).toBe(logBefore + 4);

    // the same file again: everything unchanged, and no record or change-log entry written
    const rows = partnerRows();
    const logs = logCount();
    const again = await upload(core, admin.token, 'edited.xlsx', edited);
    const id2 = job();
    const dry2 = await admin('excel.dryRun', { jobId: id2, fileId: again, kind: 'partners' });
    expect(dry2.counts).toEqual({ total: 301, create: 0, update: 0, unchanged: 301, rejected: 0 });
    expect(dry2.previousImports).toMatchObject([{ id: res.importId, fileName: 'edited.xlsx', created: 1, updated: 3 }]);
    const res2 = await admin('excel.commit', { jobId: id2, mode: 'all_or_nothing' });
    expect(res2.counts).toEqual(dry2.counts);
    expect(partnerRows()).toEqual(rows);
    expect(logCount()).toBe(logs);
    const log = await admin('excel.imports', { kind: 'partners' });
    expect(log.map((l) => [l.fileName, l.sha256.length, l.username, l.created, l.updated, l.unchanged])).toEqual([
      ['edited.xlsx', 64, 'admin', 0, 0, 301],
      ['edited.xlsx', 64, 'admin', 1, 3, 297],
    ]);
  });

  it.skipIf(!hasSoffice())('changes nothing when the exported file was opened and saved again in LibreOffice', async () => {
    // text a spreadsheet could take for a formula, codes with leading zeros, long digit strings
    const p = (await admin('partners.list', { limit: 1 })).rows[0]!;
    await admin('partners.update', { id: p.id, version: p.version, patch: { name: '=SUM(1,2)', contactName: '@张三', contactPhone: '+86 138 0000 0000' } });
    const path = await exportedPath({ kind: 'partners', locale: 'en', includeInactive: true });
    const src = writeTmp(dir, 'export.xlsx', readFileSync(path));
    const out = workDir();
    const [resaved] = soffice([src], 'xlsx', out);
    const rows = partnerRows();
    const logs = logCount();
    const fileId = await upload(core, admin.token, 'resaved.xlsx', readFileSync(resaved!));
    const id = job();
    const dry = await admin('excel.dryRun', { jobId: id, fileId, kind: 'partners' });
    expect(dry.issues).toEqual([]);
    expect(dry.counts).toMatchObject({ create: 0, update: 0, rejected: 0 });
    await admin('excel.commit', { jobId: id, mode: 'all_or_nothing' });
    expect(partnerRows()).toEqual(rows);
    expect(logCount()).toBe(logs);
    expect((await admin('partners.get', { id: p.id })).name).toBe('=SUM(1,2)');
  });

  it('plans again at commit when the data changed after the dry run', async () => {
    const target = (await admin('partners.list', { limit: 1, sort: [{ colId: 'code', sort: 'desc' }] })).rows[0]!;
    const csv = `ID,编码,名称\r\n${target.id},${target.code},文件里的名字\r\n`;
    const fileId = await upload(core, admin.token, 'late.csv', Buffer.from(csv));
    const id = job();
    const dry = await admin('excel.dryRun', { jobId: id, fileId, kind: 'partners' });
    expect(dry.counts).toMatchObject({ update: 1 });
    // someone edits the same partner between the dry run and the commit
    await admin('partners.update', { id: target.id, version: target.version, patch: { contactName: '别人改的' } });
    const res = await admin('excel.commit', { jobId: id, mode: 'all_or_nothing' });
    expect(res.counts).toMatchObject({ update: 1 });
    // the file's columns win, the others keep the other user's edit — and no version clash
    expect(await admin('partners.get', { id: target.id })).toMatchObject({ name: '文件里的名字', contactName: '别人改的', version: target.version + 2 });
  });
});
