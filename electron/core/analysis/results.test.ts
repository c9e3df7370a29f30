import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';
import { readBack, upload, xlsx } from '../excel/testing';
import { stopWorkers } from '../excel/worker/pool';
import { parseMonth } from '../excel/kinds/results';

/**
 * Results data (issue 10.1) on a fresh demo database file: the demo's two years, the grid's list
 * (scope, filters, totals), saves with version checks, and the Excel kind — a real xlsx written by
 * exceljs, every problem of a row in one dry run, the commit, and the re-import that changes nothing.
 */
let core: TestCore;
let wang: Caller;
let zhang: Caller;
let lina: Caller;
let n = 0;
const job = () => `res-${++n}-${Date.now()}`;
const db = () => core.env.db.$client;
const one = <T>(sql: string, ...p: unknown[]) => db().prepare(sql).get(...p) as T;

beforeAll(async () => {
  core = await freshCore({ demo: true });
  [wang, zhang, lina] = await Promise.all([core.as('wangfang'), core.as('zhangwei'), core.as('lina')]);
}, 60_000);
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

const snapshot = () => JSON.stringify(db().prepare('SELECT * FROM sales_results ORDER BY partner_id, period').all()) + JSON.stringify(db().prepare("SELECT count(*) FROM change_log WHERE entity = 'sales_result'").get());

describe('demo results', () => {
  it('two years for the cooperating and suspended partners; agents without margin; worth and not worth their cost', () => {
    const r = one<{ n: number; lo: string; hi: string; partners: number }>('SELECT count(*) AS n, min(period) AS lo, max(period) AS hi, count(DISTINCT partner_id) AS partners FROM sales_results');
    expect(r.lo).toBe('2025-01');
    expect(r.hi).toBe('2026-11');
    const expected = one<{ n: number }>("SELECT count(*) AS n FROM partners WHERE status IN ('cooperating','suspended')").n;
    expect(r.partners).toBe(expected);
    expect(r.n).toBe(expected * 23);
    const unknownMargin = db().prepare("SELECT DISTINCT c.code FROM sales_results r JOIN partners p ON p.id = r.partner_id JOIN channel_types c ON c.id = p.channel_type_id WHERE r.gross_margin IS NULL").pluck().all();
    expect(unknownMargin).toEqual(['AGENT']);
    // revenue per partner over 2026 against the partner's share of the budget: some ≫, some barely above
    const ratios = db()
      .prepare("SELECT max(revenue) * 1.0 / max(min(revenue), 1) AS spread FROM sales_results WHERE period LIKE '2026-%' GROUP BY partner_id")
      .pluck()
      .all() as number[];
    expect(ratios.some((x) => x < 1.1)).toBe(true); // flat revenue
    expect(ratios.some((x) => x > 1.5)).toBe(true); // rising around activities
  });
});

describe('results.list and results.save', () => {
  it('lists in the caller scope with totals over every matching row', async () => {
    const all = await wang('results.list', { from: '2026-01', to: '2026-06', limit: 5000 });
    const sql = one<{ n: number; rev: number; subs: number }>(
      "SELECT count(*) AS n, sum(revenue) AS rev, sum(new_subscribers) AS subs FROM sales_results WHERE period BETWEEN '2026-01' AND '2026-06'",
    );
    expect(all.totals.rows).toBe(sql.n);
    expect(all.totals.revenue).toBe(sql.rev);
    expect(all.totals.newSubscribers).toBe(sql.subs);
    const mine = await zhang('results.list', { limit: 5000 });
    const wh = one<{ path: string }>("SELECT path FROM org_units WHERE code = 'KM-WH'").path;
    const inWh = one<{ n: number }>("SELECT count(*) AS n FROM sales_results r JOIN partners p ON p.id = r.partner_id JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE ? || '%'", wh).n;
    expect(mine.totals.rows).toBe(inWh);
    expect(mine.rows.every((r) => r.orgUnitCode.startsWith('KM-WH'))).toBe(true);
    const found = await lina('results.list', { partner: mine.rows[0]!.partnerCode, limit: 50 });
    expect(found.rows.every((r) => r.partnerCode === mine.rows[0]!.partnerCode)).toBe(true);
  });

  it('saves with the version as read; a stale version refuses the whole save', async () => {
    const [row] = (await wang('results.list', { from: '2026-03', to: '2026-03', limit: 1 })).rows;
    const edit = { partnerId: row!.partnerId, period: row!.period, revenue: row!.revenue + 100, grossMargin: null, newSubscribers: 7 };
    const saved = await wang('results.save', { rows: [{ ...edit, version: row!.version }] });
    expect(saved.updated).toBe(1);
    expect(saved.rows[0]).toMatchObject({ revenue: row!.revenue + 100, grossMargin: null, newSubscribers: 7, version: row!.version + 1 });
    const before = snapshot();
    const err = await wang('results.save', { rows: [{ ...edit, revenue: 1, version: row!.version }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('stale');
    expect(snapshot()).toBe(before);
    // the same values again: unchanged, no new version
    const again = await wang('results.save', { rows: [{ ...edit, version: row!.version + 1 }] });
    expect(again).toMatchObject({ updated: 0, unchanged: 1 });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM change_log WHERE entity = 'sales_result' AND entity_id = ?", row!.partnerId).n).toBe(1);
  });

  it('channel staff read but do not write; a finance user of a branch cannot write another branch', async () => {
    const [row] = (await zhang('results.list', { limit: 1 })).rows;
    const input = { rows: [{ partnerId: row!.partnerId, period: '2026-12', revenue: 1, grossMargin: 1, newSubscribers: 1, version: null }] };
    await expect(zhang('results.save', input)).rejects.toMatchObject({ code: 'forbidden' });
    const admin = await core.as('admin');
    const qj = one<{ id: number }>("SELECT id FROM org_units WHERE code = 'QJ'").id;
    await admin('users.create', { username: 'qjfin', displayName: 'QJ finance', role: 'finance', orgUnitIds: [qj], password: 'results-pass-1' });
    const qjfin = await core.as('qjfin', 'results-pass-1');
    const before = snapshot();
    await expect(qjfin('results.save', input)).rejects.toMatchObject({ code: 'out_of_scope' });
    expect(snapshot()).toBe(before);
  });
});

describe('results: Excel import', () => {
  it('reads months in the usual spellings', () => {
    expect(['2026-03', '2026/3', '2026.3', '2026年3月', '202603', '2026-03-15', '2026年3月1日'].map(parseMonth)).toEqual(Array(7).fill('2026-03'));
    expect(['2026-13', '26-03', 'March', ''].map(parseMonth)).toEqual([null, null, null, null]);
  });

  it('dry run lists every problem of a row in one round and writes nothing; commit; the same file again changes nothing', async () => {
    const [a, b] = (await wang('results.list', { from: '2026-05', to: '2026-05', limit: 2 })).rows;
    const header = ['合作伙伴', '月份', '收入（元）', '毛利（元）', '新增用户'];
    const good = [
      [a!.partnerCode, '2026-12', 1234.5, 300, 12], // create
      [`${b!.partnerCode} ${b!.partnerName}`, '2026年5月', b!.revenue / 100 + 1, '', 3], // update (margin not known)
      [a!.partnerCode, '2026/5', a!.revenue / 100, a!.grossMargin === null ? '' : a!.grossMargin / 100, a!.newSubscribers], // unchanged
    ];
    const bad = [
      [`${a!.partnerCode.slice(0, -1)}X`, '2026-13', 10.123, 5, -4], // unknown partner (closest), bad month, 3 decimals, negative subscribers
      [a!.partnerCode, '2026-12', 1, 1, 2.5], // non-integer subscribers
      [a!.partnerCode, '2026-12', 99, 1, 1], // duplicate of the first row
    ];
    const file = await xlsx([{ name: '经营结果', rows: [header, ...good, ...bad] }]);
    const before = snapshot();
    const fileId = await upload(core, wang.token, 'results.xlsx', file);
    const jobId = job();
    const report = await wang('excel.dryRun', { jobId, fileId, kind: 'results' });
    expect(snapshot()).toBe(before);
    expect(report.counts).toEqual({ total: 6, create: 1, update: 1, unchanged: 1, rejected: 3 });
    const at = (row: number) => report.issues.filter((i) => i.row === row).map((i) => `${i.columnKey}:${i.reason}`).sort();
    expect(at(5)).toEqual(['newSubscribers:v.non_negative', 'partner:x.unknown_ref_closest', 'period:x.month', 'revenue:v.money_decimals']);
    expect(report.issues.find((i) => i.row === 5 && i.columnKey === 'partner')!.params!.closest).toContain(a!.partnerCode);
    expect(at(6)).toEqual(['newSubscribers:x.integer']);
    expect(at(7)).toEqual(['partner:x.duplicate_in_file']);

    const done = await wang('excel.commit', { jobId, mode: 'skip_rejected' });
    expect(done.counts).toMatchObject({ create: 1, update: 1, unchanged: 1 });
    const created = one<{ revenue: number; gross_margin: number; new_subscribers: number; version: number }>(
      "SELECT revenue, gross_margin, new_subscribers, version FROM sales_results WHERE partner_id = ? AND period = '2026-12'",
      a!.partnerId,
    );
    expect(created).toEqual({ revenue: 123_450, gross_margin: 30_000, new_subscribers: 12, version: 0 });
    const updated = one<{ revenue: number; gross_margin: number | null }>("SELECT revenue, gross_margin FROM sales_results WHERE partner_id = ? AND period = '2026-05'", b!.partnerId);
    expect(updated).toEqual({ revenue: b!.revenue + 100, gross_margin: null });

    // the same file again: nothing written
    const after = snapshot();
    const again = await wang('excel.dryRun', { jobId: job(), fileId: await upload(core, wang.token, 'results.xlsx', file), kind: 'results' });
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 3, rejected: 3 });
    await wang('excel.commit', { jobId: again.jobId, mode: 'skip_rejected' });
    expect(snapshot()).toBe(after);
  });

  it('refuses partners outside the scope, naming it', async () => {
    const admin = await core.as('admin');
    const dl = one<{ id: number }>("SELECT id FROM org_units WHERE code = 'DL'").id;
    await admin('users.create', { username: 'dlfin', displayName: 'DL finance', role: 'finance', orgUnitIds: [dl], password: 'results-pass-2' });
    const dlfin = await core.as('dlfin', 'results-pass-2');
    const km = one<{ code: string }>("SELECT p.code FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.code LIKE 'KM%' ORDER BY p.id LIMIT 1").code;
    const file = await xlsx([{ name: 'x', rows: [['Partner', 'Month', 'Revenue (¥)'], [km, '2026-01', 5]] }]);
    const report = await dlfin('excel.dryRun', { jobId: job(), fileId: await upload(core, dlfin.token, 'r.xlsx', file), kind: 'results' });
    expect(report.counts.rejected).toBe(1);
    expect(report.issues[0]).toMatchObject({ columnKey: 'partner', reason: 'x.out_of_scope' });
    expect(String(report.issues[0]!.params!.scope)).toContain('大理');
  });

  it('exports what the grid filters, and the export imports back unchanged', async () => {
    const ref = await zhang('excel.export', { kind: 'results', query: { filter: { from: { filterType: 'text', type: 'equals', filter: '2026-01' }, to: { filterType: 'text', type: 'equals', filter: '2026-02' } } }, locale: 'zh-CN' } as never);
    const { rows } = await readBack(core.files.open(zhang.token, ref.fileId).path);
    const expected = (await zhang('results.list', { from: '2026-01', to: '2026-02', limit: 5000 })).rows;
    expect(rows.length - 1).toBe(expected.length);
    expect(rows[0]!.slice(0, 6)).toEqual(['合作伙伴', '组织', '月份', '收入（元）', '毛利（元）', '新增用户']);
    expect(rows[1]![4]).toBe(expected[0]!.grossMargin === null ? undefined : expected[0]!.grossMargin / 100);
    const back = await wang('excel.dryRun', { jobId: job(), fileId: await upload(core, wang.token, 'back.xlsx', core.files.open(zhang.token, ref.fileId).path), kind: 'results' });
    expect(back.counts).toMatchObject({ total: expected.length, unchanged: expected.length, rejected: 0 });
  });
});
