import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../testing';
import { createScope } from '../auth/scope';

let core: TestCore;
let admin: Caller;
beforeAll(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
});
afterAll(() => core.dispose());

const db = () => core.env.db.$client;
/** partners under a unit (by the org tree's path), counted by hand */
const countUnder = (code: string) =>
  db()
    .prepare('SELECT count(*) FROM partners WHERE active = 1 AND org_unit_id IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE code = ?) || \'%\')')
    .pluck()
    .get(code) as number;

/** The SQL statements a call prepares. */
async function sqlOf<T>(fn: () => Promise<T>): Promise<string[]> {
  const spy = vi.spyOn(db(), 'prepare');
  try {
    await fn();
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}

describe('the scope term (auth/scope.ts createScope)', () => {
  it('writes no term for the whole company, an indexable IN for a small scope, a scan-friendly one for a large scope', () => {
    const db = core.env.db.$client;
    const unit = (code: string) => db.prepare('SELECT id FROM org_units WHERE code = ?').pluck().get(code) as number;
    const units = db.prepare('SELECT count(*) FROM org_units').pluck().get() as number;
    expect(createScope(db, { orgUnitIds: [unit('YL')] }).sql('p.org_unit_id')).toEqual({ where: [], params: [] });
    const county = createScope(db, { orgUnitIds: [unit('KM-WH')] });
    expect(county.ids().size * 8).toBeLessThanOrEqual(units);
    expect(county.sql('p.org_unit_id').where).toEqual(['p.org_unit_id IN (SELECT value FROM json_each(?))']);
    const branches = db.prepare("SELECT id FROM org_units WHERE kind = 'branch'").pluck().all() as number[];
    const large = createScope(db, { orgUnitIds: branches.slice(0, 2) });
    expect(large.ids().size * 8).toBeGreaterThan(units);
    expect(large.sql('p.org_unit_id').where).toEqual(['+p.org_unit_id IN (SELECT value FROM json_each(?))']);
    expect(createScope(db, { orgUnitIds: [] }).sql('x')).toEqual({ where: ['x IN (SELECT value FROM json_each(?))'], params: ['[]'] });
  });
});

describe('partners.list under each form of the scope term', () => {
  it('returns exactly the partners in scope, for company, branch and county users', async () => {
    for (const [username, unit] of [['admin', 'YL'], ['lina', 'KM'], ['zhangwei', 'KM-WH']] as const) {
      const who = username === 'admin' ? admin : await core.as(username);
      const page = await who('partners.list', { limit: 1000 });
      expect([username, page.total]).toEqual([username, countUnder(unit)]);
      const units = new Set((await who('orgUnits.list', {})).map((u) => u.id));
      expect(page.rows.every((p) => units.has(p.orgUnitId))).toBe(true);
    }
    expect(countUnder('KM-WH')).toBeLessThan(countUnder('KM'));
    expect(countUnder('KM')).toBeLessThan(countUnder('YL'));
  });

  it('keeps a large scope off the org-unit index (a lookup of most rows, then a sort)', async () => {
    const lina = await core.as('lina');
    const input = { sort: [{ colId: 'name', sort: 'asc' as const }], filter: { starRating: { filterType: 'number' as const, type: 'greaterThanOrEqual' as const, filter: 3 } } };
    const statements = (await sqlOf(() => lina('partners.list', input))).filter((s) => /FROM partners p/.test(s));
    expect(statements.length).toBeGreaterThan(0);
    const scope = JSON.stringify([...new Set((await lina('orgUnits.list', {})).map((u) => u.id))]);
    for (const sql of statements) {
      expect(sql).toContain('+p.org_unit_id IN');
      const params = sql.includes('LIMIT') ? [scope, 3, 100, 0] : [scope, 3];
      const plan = (db().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
      expect(plan).not.toContain('partners_org_ix');
    }
    // the company-wide user's query has no scope term at all
    const adminSql = (await sqlOf(() => admin('partners.list', input))).filter((s) => /FROM partners p/.test(s));
    expect(adminSql.every((s) => !s.includes('org_unit_id IN'))).toBe(true);
  });
});

describe('set filters', () => {
  it('short and long value lists select the same rows; an empty list selects none', async () => {
    const owners = db().prepare('SELECT DISTINCT owner_user_id FROM partners ORDER BY 1 LIMIT 3').pluck().all() as number[];
    const short = await admin('partners.list', { filter: { ownerUserId: { filterType: 'set', values: owners } }, limit: 1000 });
    // pad the list past the short-list limit with ids nobody has
    const padded = [...owners, ...Array.from({ length: 60 }, (_, i) => 100_000 + i)];
    const long = await admin('partners.list', { filter: { ownerUserId: { filterType: 'set', values: padded } }, limit: 1000 });
    expect(short.total).toBeGreaterThan(0);
    expect(long.rows.map((r) => r.id)).toEqual(short.rows.map((r) => r.id));
    expect(short.rows.every((r) => owners.includes(r.ownerUserId!))).toBe(true);
    const none = await admin('partners.list', { filter: { status: { filterType: 'set', values: [] } } });
    expect([none.total, none.rows.length]).toEqual([0, 0]);
    const two = await admin('partners.list', { filter: { status: { filterType: 'set', values: ['suspended', 'prospect'] } }, limit: 1000 });
    expect(two.total).toBe(db().prepare("SELECT count(*) FROM partners WHERE active = 1 AND status IN ('suspended','prospect')").pluck().get());
  });
});
