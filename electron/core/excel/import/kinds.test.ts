import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PushEvent } from '../../../../shared/api/contract';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { LATE_MS, PENDING_MS } from '../jobs';
import { NO_PASSWORD } from '../kinds/users';
import { csvText, dbSnapshot, upload, xlsx } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * The engine's rules per kind: permissions and scope, the service kinds (org units, users,
 * catalogues) through their services, the two commit modes, the mapping step, duplicates,
 * progress and cancel.
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

const job = () => `kind-${++n}-${Date.now()}`;
async function dryRun(caller: Caller, kind: string, name: string, data: Buffer | string, extra: { mapping?: Record<string, string | null> } = {}) {
  const fileId = await upload(core, caller.token, name, typeof data === 'string' ? Buffer.from(data) : data);
  const jobId = job();
  const report = await caller('excel.dryRun', { jobId, fileId, kind, ...extra });
  return { jobId, fileId, report };
}

describe('permissions and scope', () => {
  it('lets channel staff import partners inside their scope only, and nothing else', async () => {
    const zhang = await core.as('zhangwei');
    const units = new Set((await zhang('orgUnits.list', {})).map((u) => u.id));
    const foreign = (await admin('partners.list', { limit: 1000 })).rows.find((p) => !units.has(p.orgUnitId))!;
    const csv = csvText([
      ['编码', '名称', '渠道类型', '所属组织', '星级'],
      ['SC001', '范围内', 'TERMINAL', 'KM-WH-01', 3],
      ['SC002', '范围外', 'TERMINAL', 'DL', 3],
      [foreign.code, '别人的', 'TERMINAL', 'KM-WH-01', 3], // an existing partner outside the scope
    ]);
    const { report } = await dryRun(zhang, 'partners', 'scope.csv', csv);
    expect(report.issues).toEqual([
      { row: 3, column: '所属组织', columnKey: 'orgUnit', value: 'DL', reason: 'x.out_of_scope', params: expect.any(Object) },
      { row: 4, column: '', columnKey: null, value: '', reason: 'x.out_of_scope', params: { scope: '五华区' } },
    ]);
    expect(report.counts.create).toBe(1);
    const users = csvText([['用户名', '姓名', '角色', '负责组织'], ['x1', 'X', '财务', 'KM']]);
    const fileId = await upload(core, zhang.token, 'u.csv', Buffer.from(users));
    await expect(zhang('excel.dryRun', { jobId: job(), fileId, kind: 'users' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(zhang('excel.template', { kind: 'orgUnits' })).rejects.toMatchObject({ code: 'forbidden' });
    const kinds = await zhang('excel.kinds', {});
    expect(kinds.filter((k) => k.canImport).map((k) => k.kind)).toEqual(['partners']);
    // another user's file is not there for them
    const theirs = await upload(core, admin.token, 'a.csv', Buffer.from(users));
    await expect(zhang('excel.inspect', { fileId: theirs, kind: 'partners' })).rejects.toMatchObject({ code: 'file_not_found' });
  });
});

describe('one round', () => {
  it('reports every problem of a row in one dry run: an unreadable cell, a reference not found with the closest ones, a scope refusal naming the scope', async () => {
    const zhang = await core.as('zhangwei');
    const csv = csvText([
      ['编码', '名称', '渠道类型', '所属组织', '星级', '合同开始', '合同结束'],
      ['SC010', '三处错误', 'TERMINL', 'DL', '五星', '2026-03-01', '2026-02-01'],
      ['SC011', '正确', 'TERMINAL', 'KM-WH-01', 3, '', ''],
    ]);
    const { report } = await dryRun(zhang, 'partners', 'three.csv', csv);
    expect(report.issues.filter((i) => i.row === 2).map((i) => [i.columnKey, i.reason])).toEqual(
      expect.arrayContaining([
        ['starRating', 'x.integer'],
        ['channelType', 'x.unknown_ref_closest'],
        ['orgUnit', 'x.out_of_scope'],
        ['contractEnd', 'v.contract_dates'],
      ]),
    );
    const byKey = Object.fromEntries(report.issues.map((i) => [i.columnKey, i]));
    expect(byKey.channelType!.params).toMatchObject({ value: 'TERMINL', closest: expect.stringContaining('TERMINAL') });
    expect(byKey.orgUnit!.params).toMatchObject({ scope: '五华区' });
    expect(report.issues.filter((i) => i.row === 2)).toHaveLength(4);
    expect(report.counts).toMatchObject({ create: 1, rejected: 1 });
  });
});

describe('service kinds', () => {
  it('imports users without passwords: created, but nobody can sign in until a password is set', async () => {
    const csv = csvText([
      ['用户名', '姓名', '角色', '语言', '负责组织', '启用'],
      ['liuyang', '刘洋', '渠道经理', '中文', 'KM-WH, KM-PL', '是'],
      ['zhangwei', '张伟', 'Channel staff', 'English', 'KM-WH', '是'],
    ]);
    const { jobId, report } = await dryRun(admin, 'users', 'users.csv', csv);
    expect(report.counts).toMatchObject({ create: 1, update: 1, rejected: 0 });
    expect(report.notes).toEqual([{ reason: 'x.users_need_password', params: { count: 1 } }]);
    expect(await admin('users.list', {})).not.toContainEqual(expect.objectContaining({ username: 'liuyang' })); // dry run: nothing
    const preview = await admin('excel.changes', { jobId });
    expect(preview.rows.map((r) => [r.op, r.key, r.name])).toEqual([
      ['create', 'liuyang', '刘洋'],
      ['update', 'zhangwei', '张伟'],
    ]);
    const unitIds = new Map((await admin('orgUnits.list', {})).map((u) => [u.code, u.id]));
    const orgCodes = ['KM-WH', 'KM-PL'].sort((x, y) => unitIds.get(x)! - unitIds.get(y)!);
    expect(preview.rows[0]!.changes).toEqual(
      [
        ['username', 'liuyang'],
        ['displayName', '刘洋'],
        ['role', 'channel_staff'],
        ['locale', 'zh-CN'],
        ['orgUnits', orgCodes],
        ['active', true],
      ].map(([column, after]) => ({ column, before: null, after })),
    );
    expect(preview.rows[1]!.changes).toEqual([{ column: 'locale', before: 'zh-CN', after: 'en' }]);
    const res = await admin('excel.commit', { jobId, mode: 'all_or_nothing' });
    expect(res.notes).toEqual(report.notes);
    const u = (await admin('users.list', {})).find((x) => x.username === 'liuyang')!;
    expect(u).toMatchObject({ displayName: '刘洋', role: 'channel_staff', locale: 'zh-CN' });
    expect(u.orgUnitIds.length).toBe(2);
    expect(core.env.db.$client.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(u.id)).toBe(NO_PASSWORD);
    await expect(core.as('liuyang', NO_PASSWORD)).rejects.toMatchObject({ code: 'invalid_credentials' });
    await admin('users.resetPassword', { id: u.id, password: 'welcome123' });
    await expect(core.as('liuyang', 'welcome123')).resolves.toBeTruthy();
    expect((await admin('users.list', {})).find((x) => x.username === 'zhangwei')!.locale).toBe('en');
  });

  it('imports org units whose parent comes earlier in the file, through the org unit service rules', async () => {
    const csv = csvText([
      ['编码', '中文名称', '英文名称', '类型', '上级'],
      ['KM-NEW', '新区', 'New District', '县区', 'KM'],
      ['KM-NEW-01', '新区一网格', 'New Grid 1', '网格', 'KM-NEW'],
      ['KM-BAD', '错层', 'Wrong level', '分公司', 'KM-NEW'],
      ['KM-WH', '五华区', 'Wuhua', '县区', 'DL'],
    ]);
    const { jobId, report } = await dryRun(admin, 'orgUnits', 'units.csv', csv);
    expect(report.counts).toMatchObject({ create: 2, rejected: 2 });
    expect(report.issues.map((i) => [i.row, i.reason])).toEqual([
      [4, 'v.org_kind'],
      [5, 'x.parent_change'],
    ]);
    await expect(admin('excel.commit', { jobId, mode: 'all_or_nothing' })).rejects.toMatchObject({ code: 'excel_has_errors' });
    expect((await admin('orgUnits.list', {})).some((u) => u.code === 'KM-NEW')).toBe(false);
    const res = await admin('excel.commit', { jobId, mode: 'skip_rejected' });
    expect(res.counts).toMatchObject({ create: 2, rejected: 2 });
    const units = await admin('orgUnits.list', {});
    const parent = units.find((u) => u.code === 'KM-NEW')!;
    expect(units.find((u) => u.code === 'KM-NEW-01')).toMatchObject({ parentId: parent.id, kind: 'grid' });
  });

  it('creates, renames by ID and deactivates channel types', async () => {
    const ct = (await admin('channelTypes.list', {}))[0]!;
    const csv = csvText([
      ['ID', '编码', '中文名称', '英文名称', '启用'],
      [ct.id, ct.code, `${ct.nameZh}（新）`, ct.nameEn, '否'],
      ['', 'COMMUNITY', '社区', 'Community', ''],
    ]);
    const { jobId, report } = await dryRun(admin, 'channelTypes', 'ct.csv', csv);
    expect(report.counts).toMatchObject({ create: 1, update: 1 });
    const preview = await admin('excel.changes', { jobId });
    expect(preview.rows).toEqual([
      {
        row: 2,
        op: 'update',
        key: ct.code,
        name: `${ct.nameZh}（新）`,
        id: ct.id,
        changes: [
          { column: 'nameZh', before: ct.nameZh, after: `${ct.nameZh}（新）` },
          { column: 'active', before: true, after: false },
        ],
      },
      {
        row: 3,
        op: 'create',
        key: 'COMMUNITY',
        name: '社区',
        id: null,
        changes: [
          { column: 'code', before: null, after: 'COMMUNITY' },
          { column: 'nameZh', before: null, after: '社区' },
          { column: 'nameEn', before: null, after: 'Community' },
          { column: 'active', before: null, after: true },
        ],
      },
    ]);
    await admin('excel.commit', { jobId, mode: 'all_or_nothing' });
    const all = await admin('channelTypes.list', { includeInactive: true });
    expect(all.find((c) => c.id === ct.id)).toMatchObject({ nameZh: `${ct.nameZh}（新）`, active: false });
    expect(all.find((c) => c.code === 'COMMUNITY')).toMatchObject({ active: true });
  });
});

describe('commit modes, duplicates, mapping', () => {
  it('refuses rows that address the same record twice, and writes nothing in all-or-nothing mode', async () => {
    const before = dbSnapshot(core);
    const csv = csvText([
      ['编码', '名称', '渠道类型', '所属组织', '星级'],
      ['DUP1', '一', 'TERMINAL', 'KM-WH-01', 3],
      ['DUP1', '二', 'TERMINAL', 'KM-WH-01', 3],
      ['OK1', '好', 'TERMINAL', 'KM-WH-01', 3],
    ]);
    const { jobId, report } = await dryRun(admin, 'partners', 'dup.csv', csv);
    expect(report.issues.map((i) => [i.row, i.reason, i.params])).toEqual([
      [2, 'x.duplicate_in_file', { rows: '2, 3' }],
      [3, 'x.duplicate_in_file', { rows: '2, 3' }],
    ]);
    await expect(admin('excel.commit', { jobId, mode: 'all_or_nothing' })).rejects.toMatchObject({ code: 'excel_has_errors', params: { rejected: 2 } });
    expect(dbSnapshot(core)).toBe(before);
    const res = await admin('excel.commit', { jobId, mode: 'skip_rejected' });
    expect(res.counts).toEqual({ total: 3, create: 1, update: 0, unchanged: 0, rejected: 2 });
    await expect(admin('excel.commit', { jobId, mode: 'skip_rejected' })).rejects.toMatchObject({ code: 'excel_already_committed' });
  });

  it('maps unknown headers in a mapping step and remembers the mapping for the kind once committed', async () => {
    const rows = [
      ['客户编号', '客户名称', '渠道类型', '所属组织', '星级', '备注'],
      ['MAP1', '映射一', 'TERMINAL', 'KM-WH-01', 2, 'x'],
    ];
    const fileId = await upload(core, admin.token, 'map.xlsx', await xlsx([{ name: 'S', rows }]));
    const ins = await admin('excel.inspect', { fileId, kind: 'partners' });
    expect(ins.columns.map((c) => [c.header, c.columnKey, c.source])).toEqual([
      ['客户编号', null, 'none'],
      ['客户名称', null, 'none'],
      ['渠道类型', 'channelType', 'name'],
      ['所属组织', 'orgUnit', 'name'],
      ['星级', 'starRating', 'name'],
      ['备注', null, 'none'],
    ]);
    expect(ins.missingRequired).toEqual(['code', 'name']);
    const mapping = { 客户编号: 'code', 客户名称: 'name', 备注: null };
    const mapped = await admin('excel.inspect', { fileId, kind: 'partners', mapping });
    expect(mapped.missingRequired).toEqual([]);
    const jobId = job();
    const r = await admin('excel.dryRun', { jobId, fileId, kind: 'partners', mapping });
    expect(r.counts.create).toBe(1);
    await admin('excel.commit', { jobId, mode: 'all_or_nothing' });
    const next = await upload(core, admin.token, 'map2.xlsx', await xlsx([{ name: 'S', rows: [rows[0]!, ['MAP2', '映射二', 'TERMINAL', 'KM-WH-01', 2, 'y']] }]));
    const again = await admin('excel.inspect', { fileId: next, kind: 'partners' });
    expect(again.columns.map((c) => [c.columnKey, c.source])).toEqual([
      ['code', 'remembered'],
      ['name', 'remembered'],
      ['channelType', 'name'],
      ['orgUnit', 'name'],
      ['starRating', 'name'],
      [null, 'remembered'],
    ]);
    // no header the names know: the refusal carries the first row, and a mapping of it works
    const alien = await upload(core, admin.token, 'alien.csv', Buffer.from(csvText([['No.', 'Shop', 'Kind', 'Unit', 'Rating'], ['AL1', '外来', 'TERMINAL', 'KM-WH-01', 3]])));
    await expect(admin('excel.inspect', { fileId: alien, kind: 'partners' })).rejects.toMatchObject({ code: 'excel_no_header', details: { firstRow: ['No.', 'Shop', 'Kind', 'Unit', 'Rating'] } });
    const byHand = await admin('excel.inspect', { fileId: alien, kind: 'partners', mapping: { 'No.': 'code', Shop: 'name', Kind: 'channelType', Unit: 'orgUnit', Rating: 'starRating' } });
    expect(byHand.missingRequired).toEqual([]);
    const dup = await upload(core, admin.token, 'dupcol.csv', Buffer.from(csvText([['编码', 'Code', '名称'], ['A', 'B', 'C']])));
    await expect(admin('excel.inspect', { fileId: dup, kind: 'partners' })).rejects.toMatchObject({ code: 'excel_duplicate_column' });
  });
});

describe('progress and cancel', () => {
  it('reports progress and, cancelled, writes nothing and keeps nothing to commit', async () => {
    const rows = [['编码', '名称', '渠道类型', '所属组织', '星级'], ...Array.from({ length: 6000 }, (_, i) => [`CX${i}`, `取消${i}`, 'TERMINAL', 'KM-WH-01', 3])];
    const fileId = await upload(core, admin.token, 'big.xlsx', await xlsx([{ name: 'S', rows }]));
    const events: PushEvent[] = [];
    const off = core.on((e) => events.push(e));
    const jobId = job();
    const ok = await admin('excel.dryRun', { jobId, fileId, kind: 'partners' });
    expect(ok.counts.create).toBe(6000);
    const mine = events.filter((e) => e.type === 'progress' && e.jobId === jobId);
    expect(mine.some((e) => e.type === 'progress' && e.phase === 'read' && e.done > 0)).toBe(true);
    expect(mine.at(-1)).toMatchObject({ phase: 'done', done: 6000, total: 6000 });

    const before = dbSnapshot(core);
    const cancelId = job();
    const running = admin('excel.dryRun', { jobId: cancelId, fileId, kind: 'partners' });
    await new Promise((r) => setTimeout(r, 5));
    expect(await admin('excel.cancel', { jobId: cancelId })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'excel_cancelled' });
    await expect(admin('excel.commit', { jobId: cancelId, mode: 'skip_rejected' })).rejects.toMatchObject({ code: 'excel_job_not_found' });
    expect(dbSnapshot(core)).toBe(before);
    expect(await admin('excel.cancel', { jobId: cancelId })).toEqual({ cancelled: false });
    off();
  });

  it('remembers a cancel that overtook its job: the job starting under that id is cancelled at once', async () => {
    const csv = (code: string) => csvText([['编码', '名称', '渠道类型', '所属组织', '星级'], [code, `先取消${code}`, 'TERMINAL', 'KM-WH-01', 3]]);
    const fileId = await upload(core, admin.token, 'early.csv', Buffer.from(csv('EC1')));
    const events: PushEvent[] = [];
    const off = core.on((e) => events.push(e));
    const before = dbSnapshot(core);
    const exists = (code: string) => core.env.db.$client.prepare('SELECT count(*) FROM partners WHERE code = ?').pluck().get(code) === 1;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // a dry run: cancelled before it started, refused at once — no progress, nothing kept, nothing written
      const early = job();
      expect(await admin('excel.cancel', { jobId: early })).toEqual({ cancelled: true });
      await expect(admin('excel.dryRun', { jobId: early, fileId, kind: 'partners' })).rejects.toMatchObject({ code: 'excel_cancelled' });
      expect(events.filter((e) => e.type === 'progress' && e.jobId === early)).toEqual([]);
      await expect(admin('excel.commit', { jobId: early, mode: 'all_or_nothing' })).rejects.toMatchObject({ code: 'excel_job_not_found' });
      expect(dbSnapshot(core)).toBe(before);
      // the remembered cancel is used up: the next start under that id runs
      expect((await admin('excel.dryRun', { jobId: early, fileId, kind: 'partners' })).counts.create).toBe(1);

      // a cancel just after that dry run ended came too late for it, and must not stop its commit
      expect(await admin('excel.cancel', { jobId: early })).toEqual({ cancelled: false });
      expect((await admin('excel.commit', { jobId: early, mode: 'all_or_nothing' })).counts.create).toBe(1);
      expect(exists('EC1')).toBe(true);

      // a commit whose cancel arrives first (its dry run ended a while ago): refused, nothing written, still committable
      const later = job();
      await admin('excel.dryRun', { jobId: later, fileId: await upload(core, admin.token, 'early2.csv', Buffer.from(csv('EC2'))), kind: 'partners' });
      vi.setSystemTime(Date.now() + LATE_MS + 1000);
      const snap = dbSnapshot(core);
      expect(await admin('excel.cancel', { jobId: later })).toEqual({ cancelled: true });
      await expect(admin('excel.commit', { jobId: later, mode: 'all_or_nothing' })).rejects.toMatchObject({ code: 'excel_cancelled' });
      expect(dbSnapshot(core)).toBe(snap);
      expect((await admin('excel.commit', { jobId: later, mode: 'all_or_nothing' })).counts.create).toBe(1);
      expect(exists('EC2')).toBe(true);

      // an export likewise; and another user's cancel does not touch my job id
      const exp = job();
      const zhang = await core.as('zhangwei');
      expect(await zhang('excel.cancel', { jobId: exp })).toEqual({ cancelled: true });
      expect((await admin('excel.export', { kind: 'channelTypes', jobId: exp })).rows).toBeGreaterThan(0);
      const exp2 = job();
      await admin('excel.cancel', { jobId: exp2 });
      await expect(admin('excel.export', { kind: 'channelTypes', jobId: exp2 })).rejects.toMatchObject({ code: 'excel_cancelled' });

      // remembered for a minute only
      const stale = job();
      await admin('excel.cancel', { jobId: stale });
      vi.setSystemTime(Date.now() + PENDING_MS + 1000);
      const late = await admin('excel.dryRun', { jobId: stale, fileId: await upload(core, admin.token, 'early3.csv', Buffer.from(csv('EC3'))), kind: 'partners' });
      expect(late.counts.create).toBe(1);
    } finally {
      vi.useRealTimers();
      off();
    }
  });
});
