import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';

let core: TestCore;
let admin: Caller;
beforeEach(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
});
afterEach(() => core.dispose());

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => e.code);
const count = (sql: string) => core.env.db.$client.prepare(sql).pluck().get() as number;

describe('channel types', () => {
  it('create, update with the version seen, deactivate — logged, never deleted', async () => {
    const created = await admin('channelTypes.create', { code: 'KIOSK', nameZh: '报刊亭', nameEn: 'Kiosk' });
    expect(created).toMatchObject({ code: 'KIOSK', nameZh: '报刊亭', nameEn: 'Kiosk', active: true, version: 0 });
    expect((await admin('channelTypes.list', {})).map((c) => c.code)).toContain('KIOSK');

    const renamed = await admin('channelTypes.update', { id: created.id, version: 0, patch: { nameEn: 'Newsstand' } });
    expect(renamed).toMatchObject({ nameEn: 'Newsstand', nameZh: '报刊亭', version: 1 });

    const off = await admin('channelTypes.setActive', { id: created.id, version: 1, active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await admin('channelTypes.list', {})).map((c) => c.id)).not.toContain(created.id);
    expect((await admin('channelTypes.list', { includeInactive: true })).find((c) => c.id === created.id)).toMatchObject({ active: false });
    expect(count(`SELECT count(*) FROM channel_types WHERE id = ${created.id}`)).toBe(1);

    const on = await admin('channelTypes.setActive', { id: created.id, version: 2, active: true });
    expect(on.active).toBe(true);
    const log = core.env.db.$client
      .prepare("SELECT action, before, after FROM change_log WHERE entity = 'channelType' AND entity_id = ? ORDER BY id")
      .all(created.id) as { action: string; before: string | null; after: string }[];
    expect(log.map((l) => l.action)).toEqual(['create', 'update', 'deactivate', 'activate']);
    expect(JSON.parse(log[1]!.before!)).toEqual({ nameEn: 'Kiosk' });
    expect(JSON.parse(log[1]!.after)).toEqual({ nameEn: 'Newsstand' });
  });

  it('refuses a duplicate code on create and on update, with the field named', async () => {
    const [first, second] = await admin('channelTypes.list', {});
    const e = (await admin('channelTypes.create', { code: first!.code, nameZh: '重复', nameEn: 'Dup' }).catch((x) => x)) as ApiError;
    expect(e.code).toBe('duplicate');
    expect(e.details).toEqual([{ path: 'code', reason: 'v.duplicate_code', params: { code: first!.code } }]);
    expect(await codeOf(admin('channelTypes.update', { id: second!.id, version: second!.version, patch: { code: first!.code } }))).toBe('duplicate');
    expect((await admin('channelTypes.list', {})).find((c) => c.id === second!.id)!.code).toBe(second!.code);
    // keeping one's own code is not a duplicate
    expect(await codeOf(admin('channelTypes.update', { id: second!.id, version: second!.version, patch: { code: second!.code, nameEn: 'Same code' } }))).toBe('ok');
  });

  it('refuses a stale version and keeps the other editor’s change', async () => {
    const [ct] = await admin('channelTypes.list', {});
    await admin('channelTypes.update', { id: ct!.id, version: ct!.version, patch: { nameEn: 'First editor' } });
    expect(await codeOf(admin('channelTypes.update', { id: ct!.id, version: ct!.version, patch: { nameEn: 'Second editor' } }))).toBe('stale');
    expect(await codeOf(admin('channelTypes.setActive', { id: ct!.id, version: ct!.version, active: false }))).toBe('stale');
    const now = (await admin('channelTypes.list', {})).find((c) => c.id === ct!.id)!;
    expect(now).toMatchObject({ nameEn: 'First editor', active: true, version: ct!.version + 1 });
  });

  it('validates codes and names, and reports an unknown id as not found', async () => {
    const bad = (await admin('channelTypes.create', { code: 'has space', nameZh: '', nameEn: 'x' }).catch((x) => x)) as ApiError;
    expect(bad.code).toBe('validation');
    expect((bad.details as { path: string; reason: string }[]).map((d) => [d.path, d.reason])).toEqual([
      ['code', 'v.code'],
      ['nameZh', 'v.required'],
    ]);
    expect(await codeOf(admin('channelTypes.update', { id: 9999, version: 0, patch: { nameEn: 'x' } }))).toBe('not_found');
    expect(await codeOf(admin('channelTypes.update', { id: 1, version: 0, patch: { active: false } as never }))).toBe('validation');
  });
});

describe('cost types', () => {
  it('apply defaults on create, and a patch changes only the fields it names', async () => {
    const c = await admin('costTypes.create', { code: 'GIFT', nameZh: '礼品费', nameEn: 'Gifts' });
    expect(c).toMatchObject({ requiresPreapproval: true, receiptThresholdFen: 0, defaultControl: 'warn', defaultToleranceBp: 0 });
    const c2 = await admin('costTypes.update', { id: c.id, version: c.version, patch: { receiptThresholdFen: 50_000, defaultControl: 'block', requiresPreapproval: false } });
    const c3 = await admin('costTypes.update', { id: c.id, version: c2.version, patch: { nameEn: 'Gifts and samples' } });
    // the second patch did not reset the first one's fields to their defaults
    expect(c3).toMatchObject({ nameEn: 'Gifts and samples', receiptThresholdFen: 50_000, defaultControl: 'block', requiresPreapproval: false, version: 2 });
  });

  it('keep money in integer fen and tolerances within 0–100 %', async () => {
    const [c] = await admin('costTypes.list', {});
    const reasons = async (patch: Record<string, unknown>) => {
      const e = (await admin('costTypes.update', { id: c!.id, version: c!.version, patch } as never).catch((x) => x)) as ApiError;
      expect(e.code).toBe('validation');
      return (e.details as { reason: string }[]).map((d) => d.reason);
    };
    expect(await reasons({ receiptThresholdFen: 12.5 })).toEqual(['v.integer_fen']);
    expect(await reasons({ receiptThresholdFen: -1 })).toEqual(['v.non_negative']);
    expect(await reasons({ defaultToleranceBp: 10_001 })).toEqual(['v.range']);
    expect(await reasons({ defaultControl: 'maybe' })).toEqual(['v.choice']);
    expect((await admin('costTypes.list', {})).find((x) => x.id === c!.id)).toEqual(c);
  });

  it('are deactivated, not deleted; duplicates and stale versions refused', async () => {
    const before = count('SELECT count(*) FROM cost_types');
    const list = await admin('costTypes.list', {});
    const [a, b] = list;
    expect(await codeOf(admin('costTypes.create', { code: a!.code, nameZh: '甲', nameEn: 'A' }))).toBe('duplicate');
    await admin('costTypes.setActive', { id: b!.id, version: b!.version, active: false });
    expect(await codeOf(admin('costTypes.setActive', { id: b!.id, version: b!.version, active: true }))).toBe('stale');
    expect((await admin('costTypes.list', {})).length).toBe(list.length - 1);
    expect(count('SELECT count(*) FROM cost_types')).toBe(before);
    // a deactivated code stays taken (documents keep referring to it)
    expect(await codeOf(admin('costTypes.create', { code: b!.code, nameZh: '乙', nameEn: 'B' }))).toBe('duplicate');
  });
});
