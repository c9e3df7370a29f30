import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../../shared/api/areas/master';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';

let core: TestCore;
let admin: Caller;
let units: OrgUnit[];
const unit = (code: string) => units.find((u) => u.code === code)!;
beforeEach(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
  units = await admin('orgUnits.list', {});
});
afterEach(() => core.dispose());

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => e.code);
const reasonOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => (e.details as { reason: string }[] | undefined)?.[0]?.reason ?? e.code);
const count = (sql: string) => core.env.db.$client.prepare(sql).pluck().get() as number;

describe('org units', () => {
  it('creates a unit under a parent with its path, and it joins the parent’s scope', async () => {
    const county = unit('QJ-LL');
    const grid = await admin('orgUnits.create', { code: 'QJ-LL-09', nameZh: '陆良中枢网格', nameEn: 'Luliang Zhongshu Grid', kind: 'grid', parentId: county.id });
    expect(grid).toMatchObject({ kind: 'grid', parentId: county.id, active: true, version: 0, managerUserId: null });
    expect(grid.pathIds).toEqual([...county.pathIds, grid.id]);
    // users scoped to the branch see it at once
    await admin('users.create', { username: 'qjfin', displayName: '曲靖财务', role: 'finance', orgUnitIds: [unit('QJ').id], password: 'password-1' });
    const qj = await core.as('qjfin', 'password-1');
    expect((await qj('orgUnits.list', {})).map((u) => u.id)).toContain(grid.id);
  });

  it('enforces the kind hierarchy: company > branch > county > township > grid', async () => {
    const yl = unit('YL');
    const km = unit('KM');
    const county = unit('KM-WH');
    const leaf = unit('KM-WH-01');
    const mk = (kind: OrgUnit['kind'], parentId: number | null, code = `X-${kind}-${parentId}`) =>
      admin('orgUnits.create', { code, nameZh: '测试', nameEn: 'Test', kind, parentId });
    expect(await reasonOf(mk('branch', county.id))).toBe('v.org_kind');
    expect(await reasonOf(mk('county', county.id))).toBe('v.org_kind');
    expect(await reasonOf(mk('company', yl.id))).toBe('v.org_kind');
    expect(await reasonOf(mk('grid', leaf.id))).toBe('v.org_kind'); // KM-WH-01 is a grid already
    expect(await codeOf(mk('company', null))).toBe('validation'); // there is one root already
    expect(await codeOf(mk('township', county.id))).toBe('ok');
    expect(await codeOf(mk('grid', km.id))).toBe('ok'); // a grid may sit directly under a branch
    // changing a kind must still fit between the parent and the children
    expect(await reasonOf(admin('orgUnits.update', { id: county.id, version: county.version, patch: { kind: 'grid' } }))).toBe('v.org_kind');
    expect(await reasonOf(admin('orgUnits.update', { id: county.id, version: county.version, patch: { kind: 'company' } }))).toBe('v.org_kind');
    expect((await admin('orgUnits.list', {})).find((u) => u.id === county.id)!.kind).toBe('county');
  });

  it('refuses duplicate codes and stale versions', async () => {
    const a = unit('DL-XY');
    expect(await codeOf(admin('orgUnits.create', { code: 'DL-XY', nameZh: '重复', nameEn: 'Dup', kind: 'township', parentId: a.id }))).toBe('duplicate');
    expect(await codeOf(admin('orgUnits.update', { id: a.id, version: a.version, patch: { code: 'DL-BC' } }))).toBe('duplicate');
    const saved = await admin('orgUnits.update', { id: a.id, version: a.version, patch: { nameEn: 'Xiangyun' } });
    expect(saved).toMatchObject({ nameEn: 'Xiangyun', version: a.version + 1, code: 'DL-XY' });
    expect(await codeOf(admin('orgUnits.update', { id: a.id, version: a.version, patch: { nameEn: 'Lost update' } }))).toBe('stale');
    expect((await admin('orgUnits.list', {})).find((u) => u.id === a.id)!.nameEn).toBe('Xiangyun');
  });

  it('cannot deactivate a unit with active children; bottom-up works; nothing is deleted', async () => {
    const total = count('SELECT count(*) FROM org_units');
    const county = unit('DL-HQ');
    const children = units.filter((u) => u.parentId === county.id);
    expect(children.length).toBeGreaterThan(0);
    expect(await codeOf(admin('orgUnits.setActive', { id: county.id, version: county.version, active: false }))).toBe('has_active_children');
    for (const c of children) await admin('orgUnits.setActive', { id: c.id, version: c.version, active: false });
    const off = await admin('orgUnits.setActive', { id: county.id, version: county.version, active: false });
    expect(off.active).toBe(false);
    const active = await admin('orgUnits.list', {});
    expect(active.some((u) => u.id === county.id || u.parentId === county.id)).toBe(false);
    expect((await admin('orgUnits.list', { includeInactive: true })).length).toBe(total);
    expect(count('SELECT count(*) FROM org_units')).toBe(total);
    // a child cannot come back under a deactivated parent, nor can new units be added there
    const child = (await admin('orgUnits.list', { includeInactive: true })).find((u) => u.id === children[0]!.id)!;
    expect(await reasonOf(admin('orgUnits.setActive', { id: child.id, version: child.version, active: true }))).toBe('v.inactive_ref');
    expect(await reasonOf(admin('orgUnits.create', { code: 'DL-HQ-99', nameZh: '新', nameEn: 'New', kind: 'township', parentId: county.id }))).toBe('v.inactive_ref');
    // top-down reactivation works
    await admin('orgUnits.setActive', { id: county.id, version: off.version, active: true });
    expect((await admin('orgUnits.setActive', { id: child.id, version: child.version, active: true })).active).toBe(true);
    const log = core.env.db.$client.prepare("SELECT action FROM change_log WHERE entity = 'orgUnit' AND entity_id = ? ORDER BY id").pluck().all(county.id);
    expect(log).toEqual(['deactivate', 'activate']);
  });

  it('a deactivated unit keeps its partners (they still reference it)', async () => {
    const leaf = unit('KM-WH-02');
    const partners = core.env.db.$client.prepare('SELECT count(*) FROM partners WHERE org_unit_id = ?').pluck();
    const before = partners.get(leaf.id) as number;
    expect(before).toBeGreaterThan(0);
    await admin('orgUnits.setActive', { id: leaf.id, version: leaf.version, active: false });
    expect(partners.get(leaf.id)).toBe(before);
    // but no new partner may be placed there
    const [ct] = await admin('channelTypes.list', {});
    const e = (await admin('partners.create', { code: 'PNEW', name: '新店', channelTypeId: ct!.id, orgUnitId: leaf.id, starRating: 3 }).catch((x) => x)) as ApiError;
    expect(e.details).toEqual([expect.objectContaining({ path: 'orgUnitId', reason: 'v.inactive_ref' })]);
  });
});
