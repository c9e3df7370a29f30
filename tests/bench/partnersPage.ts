import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { silentLogger, type BenchData } from './data';
import { figure, median, type Figure } from './figure';
import { FILTERED_PAGE_INPUT, FILTERED_PAGE_SQL, SCOPED_PAGE_SQL } from './queries';

/**
 * partners_page: a filtered, sorted page of 100 through the API, in-process (`core.call`:
 * input validation, session, role and scope checks, SQL, row mapping) against the hand-written
 * SQL on a second connection to the same file. Both warm; interleaved; medians.
 *
 * partners_page_scoped: the same page for `lina` (scope: one branch of three), against the
 * hand-written query that restricts by the org tree's path.
 */
export async function benchPartnersPage(data: BenchData, iterations: number): Promise<Figure[]> {
  const core = createCore({ dataDir: data.dataDir, log: silentLogger });
  const bare = new Database(join(data.dataDir, DB_FILE));
  try {
    const out: Figure[] = [];
    for (const [name, username, sql, params] of [
      ['partners_page', 'admin', FILTERED_PAGE_SQL, []],
      ['partners_page_scoped', 'lina', SCOPED_PAGE_SQL, [branchPath(bare, 'KM')]],
    ] as const) {
      const { token } = await core.call('auth.signIn', { username, password: DEMO_PASSWORD });
      const rowsStmt = bare.prepare(sql.rows);
      const totalStmt = bare.prepare(sql.total).pluck();
      const api = () => core.call('partners.list', FILTERED_PAGE_INPUT, { token });
      const hand = () => ({ rows: rowsStmt.all(...params) as { id: number }[], total: totalStmt.get(...params) as number });

      const a = await api();
      const h = hand();
      if (a.total !== h.total || a.rows.map((r) => r.id).join() !== h.rows.map((r) => r.id).join()) {
        throw new Error(`${name}: the API and the hand-written SQL disagree (${a.total} vs ${h.total})`);
      }
      for (let i = 0; i < 3; i++) {
        await api();
        hand();
      }
      const apiMs: number[] = [];
      const handMs: number[] = [];
      for (let i = 0; i < iterations; i++) {
        let t = performance.now();
        await api();
        apiMs.push(performance.now() - t);
        t = performance.now();
        hand();
        handMs.push(performance.now() - t);
      }
      out.push(figure(name, median(apiMs), median(handMs), 'ms', 1.5, { iterations, user: username, matching: a.total, partners: data.partners }));
    }
    return out;
  } finally {
    bare.close();
    core.close();
  }
}

function branchPath(db: Database.Database, code: string): string {
  return db.prepare('SELECT path FROM org_units WHERE code = ?').pluck().get(code) as string;
}
