import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { schema } from '../db/open';
import { freshCore, orgCtxOf, type Caller, type TestCore } from '../testing';
import { visibleUserIds } from './partners';

let core: TestCore;
beforeEach(async () => {
  core = await freshCore({ demo: true });
});
afterEach(() => core.dispose());

const unitId = (code: string) => core.env.db.$client.prepare('SELECT id FROM org_units WHERE code = ?').pluck().get(code) as number;
/** a channel manager created by the company administrator, assigned to these units */
async function newUser(username: string, units: (string | number)[]) {
  const admin = await core.as('admin');
  return admin('users.create', { username, displayName: username, role: 'channel_staff', orgUnitIds: units.map((u) => (typeof u === 'number' ? u : unitId(u))), password: 'password-x1' });
}

describe('partners', () => {
  it('scopes the list to the caller’s org units and everything below them', async () => {
    const admin = await core.as('admin');
    const zhang = await core.as('zhangwei');
    const lina = await core.as('lina');
    const all = await admin('partners.list', { limit: 1000 });
    expect(all.total).toBe(300);
    const mine = await zhang('partners.list', { limit: 1000 });
    const units = await zhang('orgUnits.list', {});
    const unitIds = new Set(units.map((u) => u.id));
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    expect(mine.rows.every((p) => unitIds.has(p.orgUnitId))).toBe(true);
    expect(units.every((u) => u.code.startsWith('KM-WH'))).toBe(true);
    const branch = await lina('partners.list', { limit: 1000 });
    expect(branch.total).toBeGreaterThan(mine.total);
    // a partner outside zhangwei's scope can be neither read nor written
    const other = all.rows.find((p) => !unitIds.has(p.orgUnitId))!;
    await expect(zhang('partners.get', { id: other.id })).rejects.toMatchObject({ code: 'out_of_scope' });
    await expect(zhang('partners.update', { id: other.id, version: other.version, patch: { name: 'x' } })).rejects.toMatchObject({ code: 'out_of_scope' });
  });

  it('pages by keyset cursor with the same rows as offset paging, under any sort', async () => {
    const admin = await core.as('admin');
    for (const sort of [[{ colId: 'name', sort: 'desc' as const }], [{ colId: 'starRating', sort: 'asc' as const }, { colId: 'contractEnd', sort: 'desc' as const }]]) {
      const whole = await admin('partners.list', { limit: 300, sort });
      const paged: number[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await admin('partners.list', { limit: 37, sort, cursor });
        paged.push(...page.rows.map((r) => r.id));
        expect(page.total).toBe(300);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(paged).toEqual(whole.rows.map((r) => r.id));
    }
  });

  it('sorts reference columns by what the grid shows (names in the caller\'s language), also across keyset pages', async () => {
    const admin = await core.as('admin');
    const [types, units, users] = await Promise.all([admin('channelTypes.list', {}), admin('orgUnits.list', {}), admin('users.list', {})]);
    const label = {
      channelTypeId: (l: 'zh-CN' | 'en') => new Map(types.map((x) => [x.id, l === 'en' ? x.nameEn : x.nameZh])),
      orgUnitId: (l: 'zh-CN' | 'en') => new Map(units.map((x) => [x.id, l === 'en' ? x.nameEn : x.nameZh])),
      ownerUserId: () => new Map<number | null, string>([[null, ''], ...users.map((u) => [u.id, u.displayName] as [number, string])]),
    };
    for (const locale of ['zh-CN', 'en'] as const) {
      await admin('auth.setLocale', { locale });
      for (const colId of ['channelTypeId', 'orgUnitId', 'ownerUserId'] as const) {
        const names = label[colId](locale) as Map<number | null, string>;
        const sort = [{ colId, sort: 'desc' as const }];
        const whole = await admin('partners.list', { limit: 300, sort });
        const shown = whole.rows.map((p) => names.get(p[colId])!);
        // SQLite compares text by code point, as JavaScript's < does
        expect(shown).toEqual([...shown].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
        expect(new Set(shown).size).toBeGreaterThan(1);
        const paged: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await admin('partners.list', { limit: 41, sort, cursor });
          paged.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(paged).toEqual(whole.rows.map((r) => r.id));
      }
    }
    await admin('auth.setLocale', { locale: 'zh-CN' });
  });

  it('filters and quick-searches on the server', async () => {
    const admin = await core.as('admin');
    const five = await admin('partners.list', { filter: { starRating: { filterType: 'number', type: 'equals', filter: 5 } }, limit: 1000 });
    expect(five.total).toBeGreaterThan(0);
    expect(five.rows.every((p) => p.starRating === 5)).toBe(true);
    const q = await admin('partners.list', { quick: 'P000017' });
    expect(q.rows.map((r) => r.code)).toEqual(['P000017']);
    const pct = await admin('partners.list', { quick: '%' }); // LIKE wildcards are literal
    expect(pct.total).toBe(0);
  });

  it('edits with optimistic concurrency and records the change', async () => {
    const zhang = await core.as('zhangwei');
    const [p] = (await zhang('partners.list', { limit: 1 })).rows;
    const saved = await zhang('partners.update', { id: p!.id, version: p!.version, patch: { starRating: 5, contactPhone: '13800000000' } });
    expect(saved.starRating).toBe(5);
    expect(saved.version).toBe(p!.version + 1);
    await expect(zhang('partners.update', { id: p!.id, version: p!.version, patch: { starRating: 4 } })).rejects.toMatchObject({ code: 'stale' });
    const log = core.env.db.$client.prepare("SELECT before, after FROM change_log WHERE entity = 'partner' AND entity_id = ?").all(p!.id) as { before: string; after: string }[];
    expect(JSON.parse(log.at(-1)!.after)).toMatchObject({ starRating: 5 });
  });

  it('rejects invalid input with field reasons and writes nothing', async () => {
    const zhang = await core.as('zhangwei');
    const [p] = (await zhang('partners.list', { limit: 1 })).rows;
    const err = await zhang('partners.update', { id: p!.id, version: p!.version, patch: { starRating: 7 } }).catch((e: ApiError) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('validation');
    expect((err as ApiError).details).toEqual([expect.objectContaining({ path: 'patch.starRating', reason: 'v.star' })]);
    const bad = await zhang('partners.update', { id: p!.id, version: p!.version, patch: { contractEnd: '2000-01-01' } }).catch((e: ApiError) => e);
    expect((bad as ApiError).details).toEqual([expect.objectContaining({ path: 'contractEnd', reason: 'v.contract_dates' })]);
    const again = await zhang('partners.get', { id: p!.id });
    expect(again).toEqual(p);
  });

  it('approvers and finance cannot write partners (backend, not only UI)', async () => {
    const lina = await core.as('lina');
    const [p] = (await lina('partners.list', { limit: 1 })).rows;
    await expect(lina('partners.update', { id: p!.id, version: p!.version, patch: { name: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    const wang = await core.as('wangfang');
    await expect(wang('partners.setActive', { id: p!.id, version: p!.version, active: false })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('hands over all of a manager’s partners in one step, recorded', async () => {
    const lina = await core.as('lina');
    const zhang = await core.as('zhangwei');
    const target = await newUser('wh2', ['KM-WH']);
    const before = await lina('partners.list', { filter: { ownerUserId: { filterType: 'set', values: [zhang.userId] } }, limit: 1000 });
    const h = await lina('partners.handover', { fromUserId: zhang.userId, toUserId: target.id, note: '调岗' });
    expect(h.partnerCount).toBe(before.total);
    const after = await lina('partners.list', { filter: { ownerUserId: { filterType: 'set', values: [zhang.userId] } }, limit: 1000 });
    expect(after.total).toBe(0);
    const moved = await lina('partners.list', { filter: { ownerUserId: { filterType: 'set', values: [target.id] } }, limit: 1000 });
    expect(moved.rows.map((r) => r.id)).toEqual(expect.arrayContaining(before.rows.map((r) => r.id)));
    const list = await lina('partners.handovers', {});
    expect(list[0]).toMatchObject({ fromUserId: zhang.userId, toUserId: target.id, byUserId: lina.userId, note: '调岗' });
    const items = core.env.db.$client.prepare('SELECT count(*) FROM partner_handover_items WHERE handover_id = ?').pluck().get(h.id);
    expect(items).toBe(before.total);
  });

  it('an owner works for the partner’s unit: set, moved or handed over, never a user of a sibling branch', async () => {
    const admin = await core.as('admin');
    const zhang = await core.as('zhangwei');
    const lina = await core.as('lina');
    const qj = await newUser('qjstaff', ['QJ']);
    const ct = (await admin('channelTypes.list', {}))[0]!.id;
    const wh = unitId('KM-WH');
    const make = (code: string, ownerUserId: number | null) => zhang('partners.create', { code, name: code, channelTypeId: ct, orgUnitId: wh, ownerUserId, starRating: 3 });
    // create: a QJ user cannot own a Wuhua partner; a Kunming or company-wide user can
    await expect(make('PO1', qj.id)).rejects.toMatchObject({ code: 'validation', details: [{ path: 'ownerUserId', reason: 'v.owner_scope' }] });
    expect((await make('PO2', lina.userId)).ownerUserId).toBe(lina.userId);
    const p = await make('PO3', zhang.userId);
    // update: naming the QJ owner, or moving the partner to QJ while zhangwei still owns it, is refused
    await expect(admin('partners.update', { id: p.id, version: p.version, patch: { ownerUserId: qj.id } })).rejects.toMatchObject({ details: [{ reason: 'v.owner_scope' }] });
    await expect(admin('partners.update', { id: p.id, version: p.version, patch: { orgUnitId: unitId('QJ') } })).rejects.toMatchObject({ details: [{ reason: 'v.owner_scope' }] });
    expect(await admin('partners.update', { id: p.id, version: p.version, patch: { orgUnitId: unitId('QJ'), ownerUserId: qj.id } })).toMatchObject({ ownerUserId: qj.id });
    // handover: the receiver must cover every partner moved; the giver must be someone the caller sees
    const owned = (await lina('partners.list', { filter: { ownerUserId: { filterType: 'set', values: [zhang.userId] } }, limit: 1000 })).total;
    await expect(lina('partners.handover', { fromUserId: zhang.userId, toUserId: qj.id })).rejects.toMatchObject({ details: [{ path: 'toUserId', reason: 'v.owner_scope' }] });
    expect((await lina('partners.list', { filter: { ownerUserId: { filterType: 'set', values: [zhang.userId] } }, limit: 1000 })).total).toBe(owned);
    await expect(lina('partners.handover', { fromUserId: qj.id, toUserId: zhang.userId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows whoever may see a partner its owner’s name, also an owner outside the users they may list (issue 11 point 11)', async () => {
    const admin = await core.as('admin');
    const lina = await core.as('lina'); // a Kunming branch user
    const chen = await core.as('chenjie'); // company-wide: owns Kunming partners, not a user of the branch
    const { rows } = await lina('partners.list', { limit: 1000 });
    const p = rows.find((r) => r.ownerUserId !== null)!;
    const bare = rows.find((r) => r.id !== p.id)!;
    await admin('partners.update', { id: p.id, version: p.version, patch: { ownerUserId: chen.userId } });
    await admin('partners.update', { id: bare.id, version: bare.version, patch: { ownerUserId: null } });
    expect((await lina('users.list', {})).map((u) => u.id)).not.toContain(chen.userId);

    const again = await lina('partners.list', { limit: 1000 });
    expect(again.rows.find((r) => r.id === p.id)).toMatchObject({ ownerUserId: chen.userId, ownerName: '陈杰' });
    expect(again.rows.find((r) => r.id === bare.id)).toMatchObject({ ownerUserId: null, ownerName: null });
    // every row's name is its owner's, in the page query itself
    const nameOf = core.env.db.$client.prepare('SELECT display_name FROM users WHERE id = ?').pluck();
    for (const r of again.rows) expect(r.ownerName).toBe(r.ownerUserId === null ? null : nameOf.get(r.ownerUserId));
    expect(await lina('partners.get', { id: p.id })).toMatchObject({ ownerName: '陈杰' });
    // the write answers carry it too (the grid shows the saved row)
    const fresh = await lina('partners.get', { id: bare.id });
    expect(await admin('partners.update', { id: bare.id, version: fresh.version, patch: { ownerUserId: lina.userId } })).toMatchObject({ ownerName: '李娜' });
  });
});

describe('handover history', () => {
  /** What `partners.handovers` returned before the filter moved into SQL: read all, filter, newest first. */
  function reference(caller: Caller) {
    const ctx = orgCtxOf(core, caller);
    const visible = visibleUserIds(ctx);
    const name = (id: number) => core.env.db.select().from(schema.users).all().find((u) => u.id === id)!.displayName;
    return core.env.db
      .select()
      .from(schema.partnerHandovers)
      .all()
      .filter((h) => visible.has(h.fromUserId) || visible.has(h.toUserId))
      .map((h) => ({ ...h, byUserName: name(h.byUserId), fromUserName: name(h.fromUserId), toUserName: name(h.toUserId) }))
      .reverse();
  }

  it('lists the handovers from or to users in the caller’s scope (or the caller), newest first, as before', async () => {
    const admin = await core.as('admin');
    const lina = await core.as('lina');
    const units = await admin('orgUnits.list', {});
    const branchOf = new Map(units.map((u) => [u.id, units.find((b) => b.kind === 'branch' && u.pathIds.includes(b.id))?.code]));
    const staff = (await admin('users.list', {})).filter((u) => u.role === 'channel_staff');
    const owners = new Set((await admin('partners.list', { limit: 1000 })).rows.map((p) => p.ownerUserId));
    const o1 = staff.find((u) => owners.has(u.id) && branchOf.get(u.orgUnitIds[0]!) !== 'KM')!;
    const zhang = staff.find((u) => u.username === 'zhangwei')!;
    // receivers who work for the partners they get (the owner rule): a second Wuhua manager, a second
    // manager of o1's county, and one who works for Kunming and o1's branch
    const wh2 = await newUser('wh2', ['KM-WH']);
    const o1b = await newUser('o1b', [o1.orgUnitIds[0]!]);
    const bridge = await newUser('bridge', ['KM', units.find((u) => u.kind === 'branch' && u.code === branchOf.get(o1.orgUnitIds[0]!))!.code]);

    // one inside Kunming, one inside another branch's county, one across branches and back
    await lina('partners.handover', { fromUserId: zhang.id, toUserId: wh2.id, note: '调岗' });
    await admin('partners.handover', { fromUserId: o1.id, toUserId: o1b.id, note: 'other branch' });
    await admin('partners.handover', { fromUserId: o1b.id, toUserId: bridge.id, note: 'across' });
    await admin('partners.handover', { fromUserId: bridge.id, toUserId: o1.id, note: 'and back' });

    const callers = await Promise.all(['admin', 'lina', 'zhangwei', 'chenjie', 'wangfang', o1.username].map((n) => core.as(n)));
    const lists = await Promise.all(callers.map((c) => c('partners.handovers', {})));
    callers.forEach((c, i) => expect(lists[i]).toEqual(reference(c)));

    const notes = lists.map((l) => l.map((h) => h.note));
    expect(notes[0]).toEqual(['and back', 'across', 'other branch', '调岗']); // the whole company, newest first
    expect(notes[1]).toEqual(['and back', 'across', '调岗']); // Kunming: not the other branch's own handover
    expect(notes[2]).toEqual(['调岗']); // zhangwei: only his own
    expect(notes[5]).toEqual(['and back', 'across', 'other branch']); // a county manager of the other branch: handovers from or to people of that county
    expect(Object.keys(lists[0]![0]!).sort()).toEqual(['acknowledgedAt', 'at', 'byUserId', 'byUserName', 'documentCount', 'fromUserId', 'fromUserName', 'id', 'note', 'partnerCount', 'toUserId', 'toUserName']);
  });
});
