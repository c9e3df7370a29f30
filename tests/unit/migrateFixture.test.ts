import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore, type Core } from '../../electron/core/index';
import { quietLogger } from '../../electron/core/testing';

/**
 * Issue 11 point 9, migrations keep data: tests/fixtures/release-bb417f6.sqlite.gz was written by
 * the release at commit bb417f6 (the demo company with its documents and 20,000 partners; how it
 * was made: tests/fixtures/make-release-db.ts). A copy is opened with the current code, which runs
 * every newer migration; each table of the release keeps its row count and its money sums.
 */
const FIXTURE = new URL('../fixtures/release-bb417f6.sqlite.gz', import.meta.url);
/** integer columns that hold fen */
const MONEY = /(amount|_fen|revenue|^tax|^m(0[1-9]|1[0-2]))$/;
/** the release's clock when it wrote the fixture: nothing expires on opening at the same moment */
const FIXTURE_NOW = () => new Date('2026-12-05T08:00:00.000Z');

type Figures = Record<string, { rows: number; sums: Record<string, number> }>;

function figures(db: Database.Database): Figures {
  const out: Figures = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    const cols = (db.prepare('SELECT name, type FROM pragma_table_info(?)').all(t) as { name: string; type: string }[])
      .filter((c) => /int/i.test(c.type) && MONEY.test(c.name))
      .map((c) => c.name);
    const row = db
      .prepare(`SELECT count(*) AS n${cols.map((c, i) => `, coalesce(sum("${c}"), 0) AS s${i}`).join('')} FROM "${t}"`)
      .get() as Record<string, number>;
    out[t] = { rows: row.n!, sums: Object.fromEntries(cols.map((c, i) => [c, row[`s${i}`]!])) };
  }
  return out;
}

describe('a database of the release bb417f6 opened by the current code', () => {
  let dir: string;
  let before: Figures;
  let migrationsBefore: number;
  let core: Core;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccd-fixture-'));
    writeFileSync(join(dir, DB_FILE), gunzipSync(readFileSync(FIXTURE)));
    const raw = new Database(join(dir, DB_FILE), { readonly: true });
    before = figures(raw);
    migrationsBefore = raw.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    raw.close();
    core = createCore({ dataDir: dir, log: quietLogger, now: FIXTURE_NOW });
  });
  afterAll(() => {
    core?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a real database of that release, with data in the tables that matter', () => {
    expect(before.partners!.rows).toBe(20_000);
    for (const t of ['budget_ledger', 'budget_version_lines', 'cost_requests', 'claims', 'payments', 'document_history', 'approval_tasks', 'change_log']) {
      expect(before[t]!.rows, t).toBeGreaterThan(0);
    }
    expect(before.budget_ledger!.sums.amount).not.toBe(0);
  });

  it('runs the newer migrations and keeps every row and every money sum of every table', () => {
    const journal = JSON.parse(readFileSync(new URL('../../resources/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    const db = core.env.db.$client;
    const applied = db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    expect(applied).toBe(journal.entries.length);
    expect(applied).toBeGreaterThan(migrationsBefore);
    const after = figures(db);
    // the one row the current start-up adds on a release's data: the `_system` user that expiry acts as
    expect(db.prepare("SELECT count(*) FROM users WHERE username = '_system'").pluck().get()).toBe(1);
    after.users!.rows -= 1;
    // and the start-up's checkpoint of the verified history chain (workflow/startup.ts), when this code keeps one
    const settingsAdded = db.prepare("SELECT count(*) FROM settings WHERE key = 'history.verifiedThrough'").pluck().get() as number;
    expect(settingsAdded).toBeLessThanOrEqual(1);
    after.settings!.rows -= settingsAdded;
    for (const [table, f] of Object.entries(before)) {
      if (table === '__drizzle_migrations') continue;
      expect(after[table], `table ${table} is gone`).toBeDefined();
      expect({ table, ...after[table]! }).toEqual({ table, ...f });
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it("passes the app's history verification and signs its users in", async () => {
    const { token } = await core.call('auth.signIn', { username: 'admin', password: DEMO_PASSWORD });
    const v = await core.call('history.verify', {}, { token });
    expect(v.ok).toBe(true);
    expect(v.firstBroken).toBeNull();
    expect(v.rows).toBe(before.document_history!.rows);
    // and the migrated file serves its data: the partners grid and a budget report
    const page = await core.call('partners.list', { limit: 5, offset: 0 }, { token });
    expect(page.total).toBe(20_000);
  });
});
