import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { csvInFilter, csvText, hasSoffice, soffice, upload, workDir, writeTmp, xlsx } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * Independent producers, same data: a workbook written by exceljs (typed cells: dates, numbers),
 * the same rows as CSV converted to xlsx by LibreOffice, and the CSV itself in UTF-8 with a BOM
 * and in GB18030. The exceljs file is imported; every other one must then be "all unchanged".
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

const HEAD = ['编码', '名称', '渠道类型', '所属组织', '渠道经理', '星级', '合同开始', '合同结束', '状态', '联系人', '联系电话', '银行账号'];
const TYPES: (1 | 2)[] = [2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2]; // LibreOffice: text columns stay text
const iso = (i: number) => `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
const data = Array.from({ length: 40 }, (_, i) => ({
  code: i === 0 ? '00123' : `PR${String(i).padStart(4, '0')}`,
  name: `${['昆明', '大理', '曲靖', '玉溪'][i % 4]}生产者测试店${i}号`,
  channelType: ['TERMINAL', 'BUSINESS', 'VILLAGE'][i % 3]!,
  orgUnit: ['KM-WH-01', 'KM-WH-02', 'KM-WH'][i % 3]!,
  owner: i % 2 ? 'zhangwei' : '',
  star: (i % 5) + 1,
  start: iso(i),
  end: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
  status: ['合作中', '暂停', '洽谈中'][i % 3]!,
  contact: i % 3 ? `联系人${i}` : '',
  phone: `138${String(10_000_000 + i * 7919).slice(0, 8)}`,
  account: `62220202${String(10_000_000_000 + i * 104_729).slice(0, 11)}`,
}));
const textRows = () => [HEAD, ...data.map((d) => [d.code, d.name, d.channelType, d.orgUnit, d.owner, d.star, d.start, d.end, d.status, d.contact, d.phone, d.account])];
const utc = (s: string) => new Date(`${s}T00:00:00Z`);

async function dry(name: string, buf: Buffer) {
  const fileId = await upload(core, admin.token, name, buf);
  const jobId = `prod-${++n}-${Date.now()}`;
  return { jobId, report: await admin('excel.dryRun', { jobId, fileId, kind: 'partners' }) };
}

describe('independent producers import the same', () => {
  it('imports the exceljs workbook (typed cells), then finds its CSVs unchanged', async () => {
    const typed = [HEAD, ...data.map((d) => [d.code, d.name, d.channelType, d.orgUnit, d.owner || null, d.star, utc(d.start), utc(d.end), d.status, d.contact || null, d.phone, d.account])];
    const book = await xlsx([{ name: '渠道', rows: typed, formats: { 1: '@', 7: 'yyyy-mm-dd', 8: 'yyyy/m/d', 11: '@', 12: '@' } }]);
    const first = await dry('exceljs.xlsx', book);
    expect(first.report.issues).toEqual([]);
    expect(first.report.counts).toEqual({ total: 40, create: 40, update: 0, unchanged: 0, rejected: 0 });
    await admin('excel.commit', { jobId: first.jobId, mode: 'all_or_nothing' });
    const p = (await admin('partners.list', { quick: '00123' })).rows[0]!;
    expect(p).toMatchObject({ code: '00123', contractStart: '2024-01-01', status: 'cooperating', bankAccount: data[0]!.account });

    const csv = csvText(textRows());
    for (const [name, buf] of [
      ['utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)])],
      ['utf8.csv', Buffer.from(csv)],
      ['gbk.csv', iconv.encode(csv, 'gb18030')],
    ] as const) {
      const r = await dry(name, buf);
      expect(r.report.issues, name).toEqual([]);
      expect(r.report.counts, name).toEqual({ total: 40, create: 0, update: 0, unchanged: 40, rejected: 0 });
    }
  });

  it.skipIf(!hasSoffice())('finds the LibreOffice workbook (made from the CSV) unchanged too', async () => {
    const csvPath = writeTmp(dir, 'lo-source.csv', csvText(textRows()));
    const [made] = soffice([csvPath], 'xlsx', dir, csvInFilter(TYPES));
    const r = await dry('libreoffice.xlsx', readFileSync(made!));
    expect(r.report.issues).toEqual([]);
    expect(r.report.counts).toEqual({ total: 40, create: 0, update: 0, unchanged: 40, rejected: 0 });
  });
});
