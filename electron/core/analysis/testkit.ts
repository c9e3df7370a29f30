import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * Test support of the analysis area: raw rows written straight into a real database (results,
 * requests, claims, ledger entries), and the world the tests recompute from in plain TypeScript.
 * Nothing here uses the analysis code under test.
 */
export interface PartnerInfo { id: number; code: string; ou: number; ct: number; mgr: number | null; star: number }
export interface ResultRow { pid: number; period: string; revenue: number; margin: number | null }
export interface Entry { period: string; kind: 'commitment' | 'release' | 'actual' | 'allocation'; amount: number; line: number }
export interface Doc {
  type: 'cost_request' | 'claim';
  id?: number;
  pid: number;
  costType: number;
  activityStart: string;
  activityEnd: string;
  state: 'draft' | 'submitted' | 'approved' | 'rejected' | 'returned' | 'cancelled';
  submittedAt: string | null;
  decidedAt: string | null;
  due: string;
  duplicate: boolean;
  entries: Entry[];
  /** requests: amount, expected revenue, claimed, closed */
  amount?: number;
  expected?: number;
  claimed?: number;
  closed?: boolean;
}
export interface LineInfo { id: number; ou: number; ct: number; costType: number; partner: number | null }

export function worldOf(db: Database.Database) {
  const partners = db.prepare('SELECT id, code, org_unit_id AS ou, channel_type_id AS ct, owner_user_id AS mgr, star_rating AS star FROM partners ORDER BY id').all() as PartnerInfo[];
  const units = db.prepare('SELECT id, path FROM org_units').all() as { id: number; path: string }[];
  const lines = db.prepare('SELECT id, org_unit_id AS ou, channel_type_id AS ct, cost_type_id AS costType, partner_id AS partner FROM budget_lines ORDER BY id').all() as LineInfo[];
  const costTypes = db.prepare('SELECT id FROM cost_types ORDER BY id').pluck().all() as number[];
  const admin = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
  /** the units of a user's scope: their units and everything below (by path) */
  const scopeOf = (username: string) => {
    const assigned = db.prepare('SELECT o.path FROM user_org_units a JOIN users u ON u.id = a.user_id JOIN org_units o ON o.id = a.org_unit_id WHERE u.username = ?').pluck().all(username) as string[];
    return new Set(units.filter((u) => assigned.some((p) => u.path.startsWith(p))).map((u) => u.id));
  };
  const subtree = (id: number) => {
    const root = units.find((u) => u.id === id)!.path;
    return new Set(units.filter((u) => u.path.startsWith(root)).map((u) => u.id));
  };
  return { partners, units, lines, costTypes, admin, scopeOf, subtree };
}

let seq = 0;
/** writes the rows (inside the caller's transaction or savepoint); sets each document's id */
export function insertAll(db: Database.Database, admin: number, partners: PartnerInfo[], results: ResultRow[], docs: Doc[]): void {
  const res = db.prepare('INSERT INTO sales_results (partner_id, period, revenue, gross_margin, new_subscribers, updated_by, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)');
  for (const r of results) res.run(r.pid, r.period, r.revenue, r.margin, admin, '2030-01-01T00:00:00.000Z');
  const req = db.prepare(
    `INSERT INTO cost_requests (number, partner_id, org_unit_id, channel_type_id, cost_type_id, title, activity_start, activity_end, amount, expected_revenue,
       claim_due, claimed_amount, settle_state, approval_state, created_by, owner_user_id, created_at, updated_at, submitted_at, decided_at)
     VALUES (?, ?, ?, ?, ?, 't', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', ?, ?)`,
  );
  const claim = db.prepare(
    `INSERT INTO claims (number, partner_id, org_unit_id, channel_type_id, cost_type_id, title, activity_start, activity_end, amount, due, duplicate_reason,
       approval_state, created_by, owner_user_id, created_at, updated_at, submitted_at, decided_at)
     VALUES (?, ?, ?, ?, ?, 't', ?, ?, 0, ?, ?, ?, ?, ?, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z', ?, ?)`,
  );
  const entry = db.prepare(
    `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, against_type, against_id, user_id, at) VALUES (?, ?, ?, ?, 'test', 1, ?, ?, ?, '2030-01-01T00:00:00.000Z')`,
  );
  const byId = new Map(partners.map((p) => [p.id, p]));
  for (const d of docs) {
    const p = byId.get(d.pid)!;
    const owner = p.mgr ?? admin;
    const number = `T-${++seq}`;
    if (d.type === 'cost_request') {
      const approved = d.state === 'approved';
      d.id = Number(
        req.run(number, d.pid, p.ou, p.ct, d.costType, d.activityStart, d.activityEnd, d.amount ?? 1, d.expected ?? 0, d.due, d.claimed ?? 0,
          approved ? (d.closed ? 'closed' : 'open') : null, d.state, admin, owner, d.submittedAt, d.decidedAt).lastInsertRowid,
      );
    } else {
      d.id = Number(claim.run(number, d.pid, p.ou, p.ct, d.costType, d.activityStart, d.activityEnd, d.due, d.duplicate ? 'dup' : '', d.state, admin, owner, d.submittedAt, d.decidedAt).lastInsertRowid);
    }
    for (const e of d.entries) {
      const held = e.kind !== 'allocation';
      entry.run(e.line, e.period, e.kind, e.amount, held ? d.type : null, held ? d.id : null, admin);
    }
  }
}

/** plain period arithmetic of the tests (written again, not imported from the code under test) */
export const mi = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
export const pm = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
export const bpOf = (num: number, den: number) => (den === 0 ? null : Math.sign(num) * Math.sign(den) * Math.floor((Math.abs(num) * 10_000 * 2 + Math.abs(den)) / (2 * Math.abs(den))));

/**
 * A test file's fixed-data world: one demo company (with `partners` partners) for the file, signed-in
 * callers for `users`, and every test's writes rolled back by a savepoint. `ready` hands them over
 * once they exist (before the first test).
 */
export function analysisTestbed(opts: { partners: number; users: string[] }, ready: (bed: { core: TestCore; w: ReturnType<typeof worldOf>; callers: Caller[] }) => void): void {
  let core: TestCore | undefined;
  beforeAll(async () => {
    core = await freshCore({ demo: true, partners: opts.partners });
    const callers: Caller[] = [];
    for (const u of opts.users) callers.push(await core.as(u));
    ready({ core, w: worldOf(core.env.db.$client), callers });
  }, 120_000);
  afterAll(() => core?.dispose());
  beforeEach(() => core!.env.db.$client.exec('SAVEPOINT t'));
  afterEach(() => core!.env.db.$client.exec('ROLLBACK TO t; RELEASE t'));
}

/** the id of an org unit by code */
export const unitId = (db: Database.Database, code: string) => db.prepare('SELECT id FROM org_units WHERE code = ?').pluck().get(code) as number;
