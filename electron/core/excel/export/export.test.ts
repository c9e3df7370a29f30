import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../../../shared/api/areas/master';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { CSV_OUT, hasSoffice, localTimeText, parseCsvText, readBack, soffice, upload, workDir, writeTmp } from '../testing';
import { stopWorkers } from '../worker/pool';
import { reasonText } from '../texts';

/**
 * Exports are real spreadsheets: read back by LibreOffice (converted to CSV) they equal what the
 * list API returned for the same query; numbers are numbers, dates dates, money formatted, text
 * neutralised; header frozen, autofilter, widths. Templates and error reports too.
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

const pathOf = (fileId: string) => core.files.open(admin.token, fileId).path;
const query = {
  filter: { starRating: { filterType: 'number' as const, type: 'greaterThanOrEqual' as const, filter: 4 } },
  sort: [{ colId: 'name', sort: 'desc' as const }],
};

describe('exports', () => {
  it.skipIf(!hasSoffice())('read back by LibreOffice, equal the grid’s rows (filter, sort, visible columns, language)', async () => {
    const first = (await admin('partners.list', { limit: 1, ...query })).rows[0]!;
    await admin('partners.update', { id: first.id, version: first.version, patch: { contactName: '=HYPERLINK("x")', contactPhone: '-1234' } });
    const grid = await admin('partners.list', { ...query, limit: 5000 });
    const units = new Map((await admin('orgUnits.list', {})).map((u) => [u.id, u]));
    const columns = ['code', 'name', 'orgUnit', 'starRating', 'contractEnd', 'status', 'contactName', 'contactPhone'];
    const exp = await admin('excel.export', { kind: 'partners', query, columns, locale: 'en' });
    expect(exp.rows).toBe(grid.total);
    const src = writeTmp(dir, 'grid.xlsx', readFileSync(pathOf(exp.fileId)));
    const [csv] = soffice([src], CSV_OUT, dir);
    const rows = parseCsvText(readFileSync(csv!, 'utf8'));
    const statusEn: Record<Partner['status'], string> = { prospect: 'Prospect', cooperating: 'Cooperating', suspended: 'Suspended', terminated: 'Terminated' };
    const neutral = (s: string) => (/^[=+\-@]/.test(s) ? `'${s}` : s);
    expect(rows[0]).toEqual(['ID', 'Code', 'Name', 'Org unit', 'Stars', 'Contract end', 'Status', 'Contact', 'Phone']);
    expect(rows.slice(1)).toEqual(
      grid.rows.map((p) => {
        const u = units.get(p.orgUnitId)!;
        return [String(p.id), p.code, p.name, `${u.code} ${u.nameEn}`, String(p.starRating), p.contractEnd ?? '', statusEn[p.status], neutral(p.contactName), neutral(p.contactPhone)];
      }),
    );
  });

  it('writes numbers as numbers, dates as dates, text as text; frozen header, autofilter, widths', async () => {
    const exp = await admin('excel.export', { kind: 'partners', query, columns: ['code', 'starRating', 'contractStart', 'bankAccount'] });
    const { ws, rows } = await readBack(pathOf(exp.fileId));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(1).width).toBeGreaterThan(5);
    const r = rows[1]!;
    expect(typeof r[0]).toBe('number'); // ID
    expect(typeof r[1]).toBe('string'); // code
    expect(typeof r[2]).toBe('number'); // stars
    expect(r[3]).toBeInstanceOf(Date); // contract start
    expect(ws.getRow(2).getCell(4).numFmt).toBe('yyyy-mm-dd');
    expect(typeof r[4]).toBe('string'); // a 19-digit account stays text
    expect(String(r[4])).toMatch(/^\d{19}$/);
  });

  it.skipIf(!hasSoffice())('writes the grid’s updated column as a date and time LibreOffice reads as the grid shows it', async () => {
    const p = (await admin('partners.list', { limit: 1, sort: [{ colId: 'code', sort: 'asc' }] })).rows[0]!;
    core.env.db.$client.prepare('UPDATE partners SET updated_at = ? WHERE id = ?').run('2025-03-01T16:30:05.250Z', p.id);
    const exp = await admin('excel.export', { kind: 'partners', columns: ['code', 'updatedAt'], locale: 'en', query: { sort: [{ colId: 'code', sort: 'asc' }] } });
    const src = writeTmp(dir, 'updated.xlsx', readFileSync(pathOf(exp.fileId)));
    const [csv] = soffice([src], CSV_OUT, dir);
    const rows = parseCsvText(readFileSync(csv!, 'utf8'));
    expect(rows[0]).toEqual(['ID', 'Code', 'Updated']);
    expect(rows[1]).toEqual([String(p.id), p.code, localTimeText('2025-03-01T16:30:05.250Z')]);
  });

  it('formats money with ¥ from integer fen, and the percentages as numbers', async () => {
    const exp = await admin('excel.export', { kind: 'costTypes', locale: 'zh-CN' });
    const { ws, rows } = await readBack(pathOf(exp.fileId));
    const head = rows[0] as string[];
    const c = head.indexOf('票据门槛');
    const types = await admin('costTypes.list', {});
    const withThreshold = types.find((t) => t.receiptThresholdFen > 0)!;
    const row = rows.find((r) => r[1] === withThreshold.code)!;
    expect(row[c]).toBe(withThreshold.receiptThresholdFen / 100);
    expect(ws.getRow(2).getCell(c + 1).numFmt).toBe('"¥"#,##0.00');
  });

  it('exports the small kinds in the grid’s order (rowIds) and round-trips them', async () => {
    const types = await admin('channelTypes.list', {});
    const ids = types.map((t) => t.id).reverse().slice(0, 3);
    const exp = await admin('excel.export', { kind: 'channelTypes', rowIds: ids });
    const { rows } = await readBack(pathOf(exp.fileId));
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
  });

  it('is cancelled by excel.cancel and leaves no file', async () => {
    const jobId = `exp-${++n}-cancel`;
    const run = admin('excel.export', { kind: 'partners', jobId });
    await admin('excel.cancel', { jobId });
    await expect(run).rejects.toMatchObject({ code: 'excel_cancelled' });
  });

  it('refuses to export for a role that may not read, and scopes the rows', async () => {
    const zhang = await core.as('zhangwei');
    const mine = await zhang('partners.list', { limit: 5000 });
    const exp = await zhang('excel.export', { kind: 'partners' });
    expect(exp.rows).toBe(mine.total);
    await expect(admin('files.saveAs', { fileId: exp.fileId })).rejects.toMatchObject({ code: 'file_not_found' });
    expect(await zhang('files.saveAs', { fileId: exp.fileId })).toEqual({ saved: false, downloadUrl: expect.stringMatching(new RegExp(`^/api/download/${exp.fileId}\\?ticket=[\\w-]+$`)) });
  });
});

describe('templates', () => {
  it('has the data sheet first, dropdowns pointing at a visible list sheet, instructions with an example, no formulas', async () => {
    const t = await admin('excel.template', { kind: 'partners', locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pathOf(t.fileId));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['渠道合作伙伴', 'visible'],
      ['填写说明', 'visible'],
      ['下拉列表', 'visible'],
    ]);
    const data = wb.worksheets[0]!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(['编码*', '名称*', '渠道类型*', '所属组织*', '渠道经理', '星级*', '合同开始', '合同结束', '状态', '联系人', '联系电话', '开户行', '银行账号', '启用']);
    expect(data.rowCount).toBe(1);
    const dv = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    // exceljs reads a range's validation back cell by cell: count the distinct lists
    const lists = [...new Set(Object.values(dv).map((v) => `${v.type} ${v.formulae[0]}`))];
    expect(lists.length).toBe(6); // channel type, org unit, owner, stars, status, active
    expect(lists.every((l) => /^list '下拉列表'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/.test(l))).toBe(true);
    expect(dv.C2?.formulae[0]).toBe(dv.C5001?.formulae[0]);
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0))));
    expect(formulas).toBe(0);
    const help = wb.worksheets[1]!;
    const texts: string[] = [];
    help.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('编码 (Code)');
    expect(texts).toContain('P900001');
  });

  it('filled in English headers, imports', async () => {
    const t = await admin('excel.template', { kind: 'channelTypes', locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(pathOf(t.fileId));
    wb.worksheets[0]!.addRow(['NEWCH', '新渠道', 'New channel', 'Yes']);
    const fileId = await upload(core, admin.token, 'filled.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const jobId = `tpl-${++n}-filled`;
    const r = await admin('excel.dryRun', { jobId, fileId, kind: 'channelTypes' });
    expect(r.counts).toEqual({ total: 1, create: 1, update: 0, unchanged: 0, rejected: 0 });
  });
});

describe('error report', () => {
  it('lists every issue with row, column, value and a translated reason', async () => {
    const csv = '编码,名称,渠道类型,所属组织,星级,合同开始\r\nE1,店一,TERMINAL,KM-WH-01,9,2024-01-01\r\nE2,店二,NOPE,KM-WH-01,3,someday\r\n';
    const fileId = await upload(core, admin.token, 'bad.csv', Buffer.from(csv));
    const jobId = `rep-${++n}-report`;
    const dry = await admin('excel.dryRun', { jobId, fileId, kind: 'partners' });
    expect(dry.counts.rejected).toBe(2);
    const rep = await admin('excel.errorReport', { jobId, locale: 'zh-CN' });
    expect(rep.name).toBe('bad_导入问题.xlsx');
    const { rows } = await readBack(pathOf(rep.fileId));
    expect(rows).toEqual([
      ['行号', '列', '值', '原因', '原因代码'],
      [2, '星级', '9', reasonText('v.star', undefined, 'zh-CN'), 'v.star'],
      [3, '合同开始', 'someday', reasonText('x.date', undefined, 'zh-CN'), 'x.date'],
      // every problem of a row in one round: the unreadable date does not hide the unknown reference
      [3, '渠道类型', 'NOPE', '找不到“NOPE”', 'x.unknown_ref'],
    ]);
    // the reasons are the catalogue's sentences, not keys
    expect(rows[1]![3]).toBe('星级必须是 1 到 5 的整数');
    expect(rows[2]![3]).toMatch(/^不是有效日期/);
    const page = await admin('excel.issues', { jobId, offset: 1, limit: 10 });
    expect(page.total).toBe(3);
    expect(page.rows).toMatchObject([{ row: 3, reason: 'x.date' }, { row: 3, reason: 'x.unknown_ref' }]);
  });
});
