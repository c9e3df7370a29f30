import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { hasSoffice, readBack, soffice, upload, workDir, writeTmp } from '../testing';
import { reasonText } from '../texts';
import { stopWorkers } from '../worker/pool';

/**
 * The round trip: export partners, edit the file (three cells changed, one row added) with
 * exceljs, import: exactly those changes are reported and applied; importing the same file again
 * changes nothing. And the same through LibreOffice (open and save again): nothing changes. Org
 * units too: a unit added to the org tree's export is created under its parent.
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
    // the grid's 更新时间 column is exported as a date-time for reading; an import ignores it, edited or not
    expect(header).toContain('更新时间');
    expect(ws.getRow(5).getCell(col('更新时间')).value).toBeInstanceOf(Date);
    ws.getRow(5).getCell(col('更新时间')).value = new Date(Date.UTC(2001, 0, 1, 8, 0, 0));
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const logBefore = logCount();

    const fileId = await upload(core, admin.token, 'edited.xlsx', edited);
    const ins = await admin('excel.inspect', { fileId, kind: 'partners' });
    expect(ins.columns.find((x) => x.header === '更新时间')).toMatchObject({ columnKey: null, source: 'name' });
    const id1 = job();
    const dry = await admin('excel.dryRun', { jobId: id1, fileId, kind: 'partners' });
    expect(dry.counts).toEqual({ total: 301, create: 1, update: 3, unchanged: 297, rejected: 0 });
    const updates = await admin('excel.changes', { jobId: id1, op: 'update' });
    expect(updates.rows.map((r) => [r.id, r.changes.map((x) => [x.column, x.after])])).toEqual([
      [a, [['name', '改名后的渠道商']]],
      [b, [['starRating', beforeB.starRating === 5 ? 1 : beforeB.starRating + 1]]],
      [c, [['contractEnd', '2030-06-30']]],
    ]);
    // every planned row names its record: the name it will have
    expect(updates.rows.map((r) => r.name)).toEqual(['改名后的渠道商', beforeB.name, (await admin('partners.get', { id: c })).name]);
    const creates = await admin('excel.changes', { jobId: id1, op: 'create' });
    const unit = (await admin('orgUnits.list', {})).find((u) => u.code === 'KM-WH-01')!;
    // a create lists the values it writes (before: null), references shown as the export shows them
    expect(creates.rows).toEqual([
      {
        row: 302,
        op: 'create',
        key: 'P999001',
        name: '新增的渠道商',
        id: null,
        changes: [
          ['code', 'P999001'],
          ['name', '新增的渠道商'],
          ['channelType', ws.getRow(2).getCell(col('渠道类型')).value],
          ['orgUnit', `KM-WH-01 ${unit.nameZh}`],
          ['starRating', 4],
          ['contractStart', '2026-01-01'],
          ['status', 'cooperating'],
          ['active', true],
        ].map(([column, after]) => ({ column, before: null, after })),
      },
    ]);
    const unchanged = await admin('excel.changes', { jobId: id1, op: 'unchanged', offset: 290, limit: 100 });
    expect(unchanged.total).toBe(297);
    expect(unchanged.rows).toHaveLength(7);
    for (const r of unchanged.rows) {
      expect(r.changes).toEqual([]);
      expect(r.name).toBe((await admin('partners.get', { id: r.id! })).name);
    }
    const all = await admin('excel.changes', { jobId: id1, limit: 5000 });
    expect(all.rows.map((r) => r.row)).toEqual(Array.from({ length: 301 }, (_, k) => k + 2));
    expect(all.rows.every((r) => typeof r.name === 'string' && r.name.length > 0)).toBe(true);
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

  it('round-trips org units: the export from the tree carries the parent, a unit added to it is created under that parent', async () => {
    // the columns the org tree's export button sends (zh): the tree shows the parent by indenting only
    const exp = await admin('excel.export', { kind: 'orgUnits', locale: 'zh-CN', columns: ['nameZh', 'code', 'kind', 'nameEn', 'manager', 'active'] });
    const path = core.files.open(admin.token, exp.fileId).path;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    expect(header).toEqual(['ID', '中文名称', '编码', '类型', '上级', '英文名称', '负责人', '启用']);
    const col = (name: string) => header.indexOf(name) + 1;
    const units = await admin('orgUnits.list', {});
    const byCode = new Map(units.map((u) => [u.code, u]));
    const rowOf = (code: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(col('编码')).value === code)!;
    expect(rowOf('YL').getCell(col('上级')).value).toBeNull(); // the company has no parent
    expect(rowOf('KM-WH').getCell(col('上级')).value).toBe('KM 昆明分公司');
    expect(exp.rows).toBe(units.length);

    // two rows added: a county under 昆明分公司 (as the export writes a parent), a grid under that new county (its code)
    const put = (values: Record<string, string>) => {
      const r = ws.addRow([]);
      for (const [h, v] of Object.entries(values)) r.getCell(col(h)).value = v;
    };
    put({ 中文名称: '滇池新区', 编码: 'KM-DC', 类型: '县区', 上级: rowOf('KM-WH').getCell(col('上级')).value as string, 英文名称: 'Dianchi New District' });
    put({ 中文名称: '滇池一网格', 编码: 'KM-DC-01', 类型: '网格', 上级: 'KM-DC', 英文名称: 'Dianchi Grid 1', 负责人: 'zhangwei' });
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const orgRows = () => core.env.db.$client.prepare('SELECT * FROM org_units ORDER BY id').all();

    const id1 = job();
    const dry = await admin('excel.dryRun', { jobId: id1, fileId: await upload(core, admin.token, 'units.xlsx', edited), kind: 'orgUnits' });
    expect(dry.issues).toEqual([]);
    expect(dry.counts).toEqual({ total: units.length + 2, create: 2, update: 0, unchanged: units.length, rejected: 0 });
    expect(byCode.has('KM-DC')).toBe(false);
    const creates = await admin('excel.changes', { jobId: id1, op: 'create' });
    const fields = (r: (typeof creates.rows)[number]) => Object.fromEntries(r.changes.map((x) => [x.column, x.before === null ? x.after : 'before!']));
    expect(creates.rows.map((r) => [r.key, r.name])).toEqual([
      ['KM-DC', '滇池新区'],
      ['KM-DC-01', '滇池一网格'],
    ]);
    expect(fields(creates.rows[0]!)).toEqual({ code: 'KM-DC', nameZh: '滇池新区', nameEn: 'Dianchi New District', kind: 'county', parent: 'KM 昆明分公司', active: true });
    // the parent exists only in the dry run's rolled-back transaction, and is still shown by its code and name
    expect(fields(creates.rows[1]!)).toEqual({ code: 'KM-DC-01', nameZh: '滇池一网格', nameEn: 'Dianchi Grid 1', kind: 'grid', parent: 'KM-DC 滇池新区', manager: 'zhangwei 张伟', active: true });
    const unchanged = await admin('excel.changes', { jobId: id1, op: 'unchanged', limit: 1 });
    expect(unchanged.rows[0]).toMatchObject({ key: 'YL', name: '云岭通信有限公司', changes: [] });

    await admin('excel.commit', { jobId: id1, mode: 'all_or_nothing' });
    const after = new Map((await admin('orgUnits.list', {})).map((u) => [u.code, u]));
    const dc = after.get('KM-DC')!;
    expect(dc).toMatchObject({ parentId: byCode.get('KM')!.id, kind: 'county', nameEn: 'Dianchi New District', pathIds: [byCode.get('YL')!.id, byCode.get('KM')!.id, dc.id] });
    expect(after.get('KM-DC-01')).toMatchObject({ parentId: dc.id, kind: 'grid', managerUserId: (await core.as('zhangwei')).userId });

    // the same file again: everything unchanged, nothing written
    const rows = orgRows();
    const logs = logCount();
    const id2 = job();
    const dry2 = await admin('excel.dryRun', { jobId: id2, fileId: await upload(core, admin.token, 'units.xlsx', edited), kind: 'orgUnits' });
    expect(dry2.counts).toEqual({ total: units.length + 2, create: 0, update: 0, unchanged: units.length + 2, rejected: 0 });
    await admin('excel.commit', { jobId: id2, mode: 'all_or_nothing' });
    expect(orgRows()).toEqual(rows);
    expect(logCount()).toBe(logs);

    // moving an existing unit to another parent is not offered: the row is refused, saying so
    rowOf('KM-PL').getCell(col('上级')).value = 'DL';
    const moved = Buffer.from(await wb.xlsx.writeBuffer());
    const id3 = job();
    const dry3 = await admin('excel.dryRun', { jobId: id3, fileId: await upload(core, admin.token, 'moved.xlsx', moved), kind: 'orgUnits' });
    expect(dry3.counts).toMatchObject({ create: 0, update: 0, rejected: 1 });
    expect(dry3.issues).toEqual([
      { row: rowOf('KM-PL').number, column: '上级', columnKey: 'parent', value: 'DL', reason: 'x.parent_change', params: { parent: 'KM 昆明分公司' } },
    ]);
    expect(reasonText(dry3.issues[0]!.reason, dry3.issues[0]!.params, 'zh-CN')).toBe('导入不能把已有组织移到另一个上级：请保留原上级 KM 昆明分公司');
    const report = await readBack(core.files.open(admin.token, (await admin('excel.errorReport', { jobId: id3, locale: 'en' })).fileId).path);
    expect(report.rows[1]).toEqual([rowOf('KM-PL').number, '上级', 'DL', 'An import cannot move an existing unit to another parent: keep its parent KM 昆明分公司', 'x.parent_change']);
    await expect(admin('excel.commit', { jobId: id3, mode: 'all_or_nothing' })).rejects.toMatchObject({ code: 'excel_has_errors' });
    expect(orgRows()).toEqual(rows);
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
