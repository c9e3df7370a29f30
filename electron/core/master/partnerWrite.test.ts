import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, upload } from '../excel/testing';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * Issue 11 point 2: one write path for partners. The API and the Excel import write the same rows
 * and the same change-log entries (layout included) for the same change; the demo data go through
 * the same insert (seed data: no log entries).
 */
let core: TestCore;
let zhang: Caller;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  zhang = await core.as('zhangwei');
});
afterAll(() => core?.dispose());

const db = () => core.env.db.$client;
const logOf = (code: string) =>
  (db()
    .prepare("SELECT l.action, l.before, l.after, l.user_id AS userId FROM change_log l JOIN partners p ON p.id = l.entity_id WHERE l.entity = 'partner' AND p.code = ? ORDER BY l.id")
    .all(code) as { action: string; before: string | null; after: string | null; userId: number }[]).map((r) => ({ ...r, after: r.after?.replace(code, 'CODE') }));
const rowOf = (code: string) => {
  const { id: _i, code: _c, created_at: _ca, updated_at: _u, ...rest } = db().prepare('SELECT * FROM partners WHERE code = ?').get(code) as Record<string, unknown>;
  return rest;
};

async function importRows(jobId: string, rows: (string | number | null)[][]) {
  const head = ['Code', 'Name', 'Channel type', 'Org unit', 'Owner', 'Star rating', 'Contact', 'Status'];
  const fileId = await upload(core, zhang.token, 'p.csv', Buffer.from(csvText([head, ...rows]), 'utf8'));
  const dry = await zhang('excel.dryRun', { jobId, fileId, kind: 'partners' });
  expect(dry.counts.rejected).toBe(0);
  return zhang('excel.commit', { jobId });
}

describe('the partner write', () => {
  it('gives the API and the import the same rows and the same change log for the same create and update', async () => {
    const ct = db().prepare("SELECT id FROM channel_types WHERE code = 'TERMINAL'").pluck().get() as number;
    const ou = db().prepare("SELECT id FROM org_units WHERE code = 'KM-WH'").pluck().get() as number;
    const created = await zhang('partners.create', {
      code: 'W000001', name: '同一写入测试店', channelTypeId: ct, orgUnitId: ou, ownerUserId: zhang.userId, starRating: 3, contactName: '张三', status: 'prospect',
    });
    await importRows('same-write-create', [['W000002', '同一写入测试店', 'TERMINAL', 'KM-WH', 'zhangwei', 3, '张三', '洽谈中']]);
    expect(rowOf('W000002')).toEqual(rowOf('W000001'));
    expect(logOf('W000002')).toEqual(logOf('W000001'));
    expect(logOf('W000001')).toEqual([
      { action: 'create', before: null, userId: zhang.userId, after: expect.stringMatching(/^\{"code":"CODE","name":"同一写入测试店","channelTypeId":\d+,"orgUnitId":\d+,"ownerUserId":\d+,"starRating":3,/) },
    ]);

    await zhang('partners.update', { id: created.id, version: created.version, patch: { starRating: 5, status: 'cooperating' } });
    await importRows('same-write-update', [['W000002', '同一写入测试店', 'TERMINAL', 'KM-WH', 'zhangwei', 5, '张三', '合作中']]);
    expect(rowOf('W000002')).toEqual(rowOf('W000001'));
    expect(logOf('W000002')).toEqual(logOf('W000001'));
    expect(logOf('W000001')[1]).toMatchObject({ action: 'update', before: '{"starRating":3,"status":"prospect"}', after: '{"starRating":5,"status":"cooperating"}' });
  });

  it('writes the demo partners through the same insert, without log entries (seed data)', () => {
    expect(db().prepare('SELECT count(*) FROM partners WHERE version = 0').pluck().get()).toBeGreaterThanOrEqual(300);
    expect(db().prepare("SELECT count(*) FROM change_log WHERE entity = 'partner' AND entity_id <= 300").pluck().get()).toBe(0);
  });
});
