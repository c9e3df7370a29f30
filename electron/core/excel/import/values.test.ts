import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { stopWorkers } from '../worker/pool';
import { csvText, upload, xlsx } from '../testing';
import iconv from 'iconv-lite';

/**
 * Dates and amounts through the whole import: file → worker → rules → database. Also run by
 * tz.test.ts under TZ=Asia/Shanghai and TZ=America/New_York; the stored days must not move.
 */
let core: TestCore;
let admin: Caller;
let n = 0;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const jobId = () => `values-${++n}-${Date.now()}`;
async function run(kind: string, name: string, data: Buffer | string, commit = true) {
  const fileId = await upload(core, admin.token, name, typeof data === 'string' ? Buffer.from(data) : data);
  const id = jobId();
  const report = await admin('excel.dryRun', { jobId: id, fileId, kind });
  const result = commit ? await admin('excel.commit', { jobId: id, mode: 'skip_rejected' }) : null;
  return { report, result };
}
const partner = async (code: string) => (await admin('partners.list', { quick: code, includeInactive: true })).rows.find((p) => p.code === code)!;
const costType = async (code: string) => (await admin('costTypes.list', { includeInactive: true })).find((c) => c.code === code)!;

const HEAD = ['编码', '名称', '渠道类型', '所属组织', '星级', '合同开始', '合同结束'];
const base = (code: string) => [code, `日期测试${code}`, 'TERMINAL', 'KM-WH-01', 3];

describe('dates in imports', () => {
  it('reads serial dates (1900 system), date-formatted cells and text dates as the same calendar day', async () => {
    const rows = [
      HEAD,
      [...base('D001'), new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 11, 31))],
      [...base('D002'), 45352, 45657],
      [...base('D003'), '2024/3/1', '2024年12月31日'],
      [...base('D004'), '2024-03-01', '2024.12.31'],
    ];
    const { report } = await run('partners', 'dates.xlsx', await xlsx([{ name: 'P', rows, formats: { 6: 'yyyy-mm-dd' } }]));
    expect(report.counts).toMatchObject({ create: 4, rejected: 0 });
    for (const code of ['D001', 'D002', 'D003', 'D004']) {
      expect(await partner(code)).toMatchObject({ contractStart: '2024-03-01', contractEnd: '2024-12-31' });
    }
  });

  it('reads serials of a 1904-system workbook', async () => {
    const rows = [HEAD, [...base('D104'), 45352 - 1462, 45657 - 1462]];
    const { report } = await run('partners', 'dates1904.xlsx', await xlsx([{ name: 'P', rows, formats: { 6: 'yyyy-mm-dd', 7: 'yyyy-mm-dd' } }], { date1904: true }));
    expect(report.counts).toMatchObject({ create: 1, rejected: 0 });
    expect(await partner('D104')).toMatchObject({ contractStart: '2024-03-01', contractEnd: '2024-12-31' });
  });

  it('names a date that is no date, with row, column, value and reason', async () => {
    const rows = [HEAD, [...base('D201'), '2024-02-30', null], [...base('D202'), 'soon', null]];
    const { report } = await run('partners', 'baddates.xlsx', await xlsx([{ name: 'P', rows }]), false);
    expect(report.counts.rejected).toBe(2);
    expect(report.issues).toEqual([
      { row: 2, column: '合同开始', columnKey: 'contractStart', value: '2024-02-30', reason: 'x.date' },
      { row: 3, column: '合同开始', columnKey: 'contractStart', value: 'soon', reason: 'x.date' },
    ]);
  });

  it('reads text dates from CSV in GB18030 as Excel on Chinese Windows writes them', async () => {
    const csv = csvText([HEAD, [...base('D301'), '2024/3/1', '2024年12月31日']]);
    const { report } = await run('partners', 'dates.csv', iconv.encode(csv, 'gb18030'));
    expect(report.counts).toMatchObject({ create: 1, rejected: 0 });
    expect(await partner('D301')).toMatchObject({ name: '日期测试D301', contractStart: '2024-03-01', contractEnd: '2024-12-31' });
  });
});

describe('amounts in imports', () => {
  const head = ['编码', '中文名称', '英文名称', '票据门槛', '默认容差(%)'];
  it('reads ¥, thousands separators, numbers stored as text, full-width digits and numbers', async () => {
    const rows = [
      head,
      ['A01', '金额一', 'Amount one', '¥1,234.50', '5'],
      ['A02', '金额二', 'Amount two', '１，２３４．５', '2.5%'],
      ['A03', '金额三', 'Amount three', 1234.5, 12.25],
      ['A04', '金额四', 'Amount four', '1234.50', null],
    ];
    const { report } = await run('costTypes', 'amounts.xlsx', await xlsx([{ name: 'C', rows }]));
    expect(report.counts).toMatchObject({ create: 4, rejected: 0 });
    expect(await costType('A01')).toMatchObject({ receiptThresholdFen: 123450, defaultToleranceBp: 500 });
    expect(await costType('A02')).toMatchObject({ receiptThresholdFen: 123450, defaultToleranceBp: 250 });
    expect(await costType('A03')).toMatchObject({ receiptThresholdFen: 123450, defaultToleranceBp: 1225 });
    expect(await costType('A04')).toMatchObject({ receiptThresholdFen: 123450, defaultToleranceBp: 0 });
  });

  it('reads parentheses as a negative amount, which the API then refuses for a threshold', async () => {
    const rows = [head, ['A11', '负数', 'Negative', '(1,234.50)', '0'], ['A12', '三位小数', 'Three decimals', '1.234', '0']];
    const { report } = await run('costTypes', 'negative.xlsx', await xlsx([{ name: 'C', rows }]), false);
    expect(report.issues).toEqual([
      { row: 2, column: '票据门槛', columnKey: 'receiptThreshold', value: '-123450', reason: 'v.non_negative', params: { min: 0 } },
      { row: 3, column: '票据门槛', columnKey: 'receiptThreshold', value: '1.234', reason: 'v.money_decimals' },
    ]);
  });
});
