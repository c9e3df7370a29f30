import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../../testing';
import { localTimeText, readBack } from '../testing';
import { stopWorkers } from '../worker/pool';

/**
 * The partner grid's 更新时间 column in an export: a real Excel date-time (a serial number with a
 * date-and-time format) holding the local time the grid shows — not UTC, not text. Also run by
 * tz.test.ts under Asia/Shanghai and America/New_York, where the expected wall clock is known.
 * (export.test.ts reads such a cell back through LibreOffice.)
 */
let core: TestCore;
let admin: Caller;
beforeAll(async () => {
  core = await freshCore({ demo: true, partners: 4 });
  admin = await core.as('admin');
});
afterAll(async () => {
  core.dispose();
  await stopWorkers();
});

/** the same instants and what they are on the clocks of the zones tz.test.ts uses */
const INSTANTS = {
  winter: { iso: '2025-03-01T16:30:05.250Z', 'Asia/Shanghai': '2025-03-02 00:30:05', 'America/New_York': '2025-03-01 11:30:05' },
  summer: { iso: '2025-07-01T02:15:00.000Z', 'Asia/Shanghai': '2025-07-01 10:15:00', 'America/New_York': '2025-06-30 22:15:00' },
} as const;

async function exportUpdated(): Promise<{ ids: number[]; exported: Date[]; fmt: string }> {
  const exp = await admin('excel.export', { kind: 'partners', columns: ['code', 'updatedAt'], locale: 'zh-CN', query: { sort: [{ colId: 'code', sort: 'asc' }] } });
  const path = core.files.open(admin.token, exp.fileId).path;
  const { ws, rows } = await readBack(path);
  expect(rows[0]).toEqual(['ID', '编码', '更新时间']);
  return { ids: rows.slice(1).map((r) => r[0] as number), exported: rows.slice(1).map((r) => r[2] as Date), fmt: ws.getRow(2).getCell(3).numFmt };
}

describe('the updated column of an export', () => {
  it('is a date-time cell with the local wall-clock time of the stored timestamp', async () => {
    const [a, b] = (await admin('partners.list', { limit: 2, sort: [{ colId: 'code', sort: 'asc' }] })).rows;
    const set = core.env.db.$client.prepare('UPDATE partners SET updated_at = ? WHERE id = ?');
    set.run(INSTANTS.winter.iso, a!.id);
    set.run(INSTANTS.summer.iso, b!.id);
    const { ids, exported, fmt } = await exportUpdated();
    expect(ids.slice(0, 2)).toEqual([a!.id, b!.id]);
    expect(fmt).toBe('yyyy-mm-dd hh:mm:ss');
    const asText = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' '); // exceljs gives the cell's wall clock as UTC fields
    expect(exported.every((d) => d instanceof Date)).toBe(true);
    expect(asText(exported[0]!)).toBe(localTimeText(INSTANTS.winter.iso));
    expect(asText(exported[1]!)).toBe(localTimeText(INSTANTS.summer.iso));
    const tz = process.env.CCD_EXPECT_TZ as 'Asia/Shanghai' | 'America/New_York' | undefined;
    if (tz) {
      expect(asText(exported[0]!)).toBe(INSTANTS.winter[tz]);
      expect(asText(exported[1]!)).toBe(INSTANTS.summer[tz]);
    }
    // every other row: its own timestamp, the way the grid would show it
    const all = new Map((await admin('partners.list', { limit: 100 })).rows.map((p) => [p.id, p.updatedAt]));
    expect(exported.map(asText)).toEqual(ids.map((id) => localTimeText(all.get(id)!)));
  });
});
