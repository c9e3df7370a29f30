/**
 * One cold start, in its own process (spawned by coldStart.ts), so nothing is warm but the OS
 * file cache: no open connection, no prepared statement, no JIT-compiled query code.
 * Modules are imported before the clock starts (their load time in the product is the bundle's,
 * which tsx's on-the-fly transpiling here would misrepresent).
 *
 *   core     createCore (open, pragmas, migrations) → auth.signIn → partners.list first page
 *   session  createCore → partners.list first page with an existing session token
 *   bare     better-sqlite3 open → user row → scrypt verify (stored params) → the same SELECTs
 *   bare-nosignin   better-sqlite3 open → the same SELECTs
 * Prints one JSON line: total and per-phase milliseconds, and the page's ids for a sanity check.
 */
import { scrypt, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { FIRST_PAGE_INPUT, FIRST_PAGE_SQL } from './queries';

const [mode, dataDir, token] = process.argv.slice(2) as [string, string, string | undefined];
const silent = { info: () => {}, error: (m: string, meta?: Record<string, unknown>) => console.error(m, meta) };

async function runCore(withSignIn: boolean) {
  const t0 = performance.now();
  const core = createCore({ dataDir, log: silent });
  const t1 = performance.now();
  const tok = withSignIn ? (await core.call('auth.signIn', { username: 'admin', password: DEMO_PASSWORD })).token : token!;
  const t2 = performance.now();
  const page = await core.call('partners.list', FIRST_PAGE_INPUT, { token: tok });
  const t3 = performance.now();
  core.close();
  return { total: t3 - t0, open: t1 - t0, signIn: t2 - t1, page: t3 - t2, ids: page.rows.map((r) => r.id), count: page.total };
}

function verify(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split('$') as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  return new Promise((res, rej) =>
    scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N: +n, r: +r, p: +p, maxmem: 256 << 20 }, (e, k) =>
      e ? rej(e) : res(timingSafeEqual(k, expected)),
    ),
  );
}

async function runBare(withSignIn: boolean) {
  const t0 = performance.now();
  const db = new Database(join(dataDir, DB_FILE));
  const t1 = performance.now();
  if (withSignIn) {
    const stored = db.prepare('SELECT password_hash FROM users WHERE username = ?').pluck().get('admin') as string;
    if (!(await verify(DEMO_PASSWORD, stored))) throw new Error('bare sign-in failed');
  }
  const t2 = performance.now();
  const rows = db.prepare(FIRST_PAGE_SQL.rows).all() as { id: number }[];
  const count = db.prepare(FIRST_PAGE_SQL.total).pluck().get() as number;
  const t3 = performance.now();
  db.close();
  return { total: t3 - t0, open: t1 - t0, signIn: t2 - t1, page: t3 - t2, ids: rows.map((r) => r.id), count };
}

const result =
  mode === 'core' ? await runCore(true)
  : mode === 'session' ? await runCore(false)
  : mode === 'bare' ? await runBare(true)
  : mode === 'bare-nosignin' ? await runBare(false)
  : null;
if (!result) throw new Error(`unknown mode ${mode}`);
process.stdout.write(`${JSON.stringify(result)}\n`);
