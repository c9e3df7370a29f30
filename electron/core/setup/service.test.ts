import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import { freshCore, type TestCore } from '../testing';

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));
async function empty(): Promise<TestCore> {
  const c = await freshCore();
  cores.push(c);
  return c;
}
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => e.code);
const rows = (c: TestCore, sql: string) => c.env.db.$client.prepare(sql).all();

const EMPTY_INPUT = {
  companyName: '滇池贸易有限公司',
  adminUsername: 'boss',
  adminDisplayName: '老板',
  adminPassword: 'first-admin-pw',
};

describe('first start', () => {
  it('an empty data folder reports not initialized, and nobody can sign in', async () => {
    const c = await empty();
    expect(await c.call('setup.status', {})).toEqual({ initialized: false, companyName: null, companyNameEn: null, mode: null });
    expect(await codeOf(c.call('auth.signIn', { username: 'admin', password: 'demo1234' }))).toBe('invalid_credentials');
    expect(rows(c, 'SELECT * FROM org_units')).toEqual([]);
  });

  it('initEmpty creates the company root and a first administrator who can sign in', async () => {
    const c = await empty();
    const status = await c.call('setup.initEmpty', { ...EMPTY_INPUT, locale: 'en' });
    expect(status).toEqual({ initialized: true, companyName: '滇池贸易有限公司', companyNameEn: '滇池贸易有限公司', mode: 'empty' });
    const s = await c.call('auth.signIn', { username: 'boss', password: 'first-admin-pw' });
    expect(s.user).toMatchObject({ username: 'boss', displayName: '老板', role: 'admin', locale: 'en' });
    const units = await c.call('orgUnits.list', {}, { token: s.token });
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ kind: 'company', parentId: null, nameZh: '滇池贸易有限公司', active: true });
    expect(units[0]!.pathIds).toEqual([units[0]!.id]);
    expect(s.user.orgUnitIds).toEqual([units[0]!.id]);
    // the administrator can build the tree from there
    const branch = await c.call('orgUnits.create', { code: 'B1', nameZh: '一分公司', nameEn: 'Branch 1', kind: 'branch', parentId: units[0]!.id }, { token: s.token });
    expect(branch.pathIds).toEqual([units[0]!.id, branch.id]);
    expect(rows(c, 'SELECT * FROM partners')).toEqual([]);
    expect(rows(c, 'SELECT * FROM channel_types')).toEqual([]);
  });

  it('initEmpty validates its input and writes nothing when it is wrong', async () => {
    const c = await empty();
    const e = (await c.call('setup.initEmpty', { ...EMPTY_INPUT, adminPassword: 'short' }).catch((x) => x)) as ApiError;
    expect(e.code).toBe('validation');
    expect(e.details).toEqual([expect.objectContaining({ path: 'adminPassword', reason: 'v.password_short' })]);
    expect((await c.call('setup.status', {})).initialized).toBe(false);
    expect(rows(c, 'SELECT * FROM users')).toEqual([]);
  });

  it('a second initialisation is refused, whichever path either took', async () => {
    const a = await empty();
    await a.call('setup.initEmpty', EMPTY_INPUT);
    expect(await codeOf(a.call('setup.initEmpty', { ...EMPTY_INPUT, adminUsername: 'other' }))).toBe('already_initialized');
    expect(await codeOf(a.call('setup.initDemo', {}))).toBe('already_initialized');
    expect(rows(a, 'SELECT username FROM users')).toEqual([{ username: 'boss' }]);

    const b = await empty();
    await b.call('setup.initDemo', {});
    expect(await codeOf(b.call('setup.initDemo', {}))).toBe('already_initialized');
    expect(await codeOf(b.call('setup.initEmpty', EMPTY_INPUT))).toBe('already_initialized');
  });

  it('two initialisations at once (a double click) seed exactly one company', async () => {
    const c = await empty();
    const results = await Promise.all([codeOf(c.call('setup.initDemo', {})), codeOf(c.call('setup.initDemo', {}))]);
    expect(results.sort()).toEqual(['already_initialized', 'ok']);
    expect(c.env.db.$client.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(300);
  });
});

describe('the demo company', () => {
  it('is deterministic: two fresh folders hold identical master data', async () => {
    const [a, b] = [await empty(), await empty()];
    await Promise.all([a.call('setup.initDemo', {}), b.call('setup.initDemo', {})]);
    for (const sql of [
      'SELECT * FROM partners ORDER BY id',
      'SELECT * FROM org_units ORDER BY id',
      'SELECT * FROM cost_types ORDER BY id',
      'SELECT * FROM channel_types ORDER BY id',
      'SELECT id, username, display_name, role, locale, active FROM users ORDER BY id',
      'SELECT * FROM user_org_units ORDER BY user_id, org_unit_id',
    ]) {
      const ra = rows(a, sql);
      expect(ra.length).toBeGreaterThan(0);
      expect(rows(b, sql)).toEqual(ra);
    }
    // every user still gets their own salt
    const hashes = rows(a, 'SELECT password_hash AS h FROM users').map((r) => (r as { h: string }).h);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('has 3 branches, 12 counties, 40 township offices / grids and 300 partners', async () => {
    const c = await empty();
    expect(await c.call('setup.initDemo', {})).toEqual({ initialized: true, companyName: '云岭通信有限公司', companyNameEn: 'Yunling Telecom Co., Ltd.', mode: 'demo' });
    const kinds = Object.fromEntries(
      (rows(c, 'SELECT kind, count(*) AS n FROM org_units GROUP BY kind') as { kind: string; n: number }[]).map((r) => [r.kind, r.n]),
    );
    expect(kinds.company).toBe(1);
    expect(kinds.branch).toBe(3);
    expect(kinds.county).toBe(12);
    expect((kinds.township ?? 0) + (kinds.grid ?? 0)).toBe(40);
    // the tree is consistent: every unit's parent is one level up and its path extends the parent's
    const units = rows(c, 'SELECT id, kind, parent_id AS parentId, path FROM org_units') as { id: number; kind: string; parentId: number | null; path: string }[];
    const byId = new Map(units.map((u) => [u.id, u]));
    const parentKind: Record<string, string> = { branch: 'company', county: 'branch', township: 'county', grid: 'county' };
    for (const u of units) {
      if (u.parentId === null) continue;
      const p = byId.get(u.parentId)!;
      expect(u.path).toBe(`${p.path}${u.id}/`);
      expect([u.kind, p.kind]).toEqual([u.kind, parentKind[u.kind]]);
    }

    const partners = rows(c, 'SELECT name, star_rating AS star, status, contract_start AS s, contract_end AS e, owner_user_id AS owner FROM partners') as {
      name: string; star: number; status: string; s: string; e: string; owner: number | null;
    }[];
    expect(partners).toHaveLength(300);
    expect(partners.every((p) => /[\u4e00-\u9fff]/.test(p.name))).toBe(true);
    expect(new Set(partners.map((p) => p.star))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(partners.map((p) => p.status))).toEqual(new Set(['cooperating', 'suspended', 'prospect', 'terminated']));
    expect(partners.every((p) => p.owner !== null && p.s < p.e)).toBe(true);

    const ct = rows(c, 'SELECT name_zh AS zh, name_en AS en FROM channel_types') as { zh: string; en: string }[];
    expect(ct.length).toBe(6);
    expect(ct.every((t) => /[\u4e00-\u9fff]/.test(t.zh) && /^[A-Za-z -]+$/.test(t.en))).toBe(true);
    const cost = rows(c, 'SELECT code, name_zh AS zh, name_en AS en FROM cost_types') as { code: string; zh: string; en: string }[];
    expect(cost.length).toBe(10);
    expect(cost.every((t) => /[\u4e00-\u9fff]/.test(t.zh) && t.en.length > 0)).toBe(true);
  });

  it('has the five documented users with their roles and scopes, all signing in with demo1234', async () => {
    const c = await empty();
    await c.call('setup.initDemo', {});
    const expected = {
      admin: ['admin', 'YL'],
      zhangwei: ['channel_staff', 'KM-WH'],
      lina: ['approver', 'KM'],
      chenjie: ['approver', 'YL'],
      wangfang: ['finance', 'YL'],
    } as const;
    const unitCode = new Map((rows(c, 'SELECT id, code FROM org_units') as { id: number; code: string }[]).map((u) => [u.id, u.code]));
    const signIns = await Promise.all(Object.keys(expected).map((username) => c.call('auth.signIn', { username, password: 'demo1234' })));
    for (const s of signIns) {
      const [role, scope] = expected[s.user.username as keyof typeof expected];
      expect([s.user.username, s.user.role, s.user.orgUnitIds.map((id) => unitCode.get(id))]).toEqual([s.user.username, role, [scope]]);
    }
    // the rest are channel managers, one per other county
    const staff = rows(c, "SELECT u.username, o.kind FROM users u JOIN user_org_units a ON a.user_id = u.id JOIN org_units o ON o.id = a.org_unit_id WHERE u.username LIKE 'staff%'") as {
      kind: string;
    }[];
    expect(staff).toHaveLength(11);
    expect(staff.every((s) => s.kind === 'county')).toBe(true);
  });
});
