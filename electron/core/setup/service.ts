import { eq } from 'drizzle-orm';
import type { SetupStatus } from '../../../shared/api/areas/auth';
import { ApiError } from '../../../shared/api/errors';
import { seedDemoDocuments } from '../demo/documents';
import { hashPassword } from '../auth/password';
import type { CoreEnv, Handlers } from '../context';
import { schema } from '../db/open';
import { seedDemo } from '../demo/generate';
import { COMPANY } from '../demo/names';

const get = (env: CoreEnv, key: string) => env.db.select().from(schema.settings).where(eq(schema.settings.key, key)).get()?.value ?? null;

export function setupStatus(env: CoreEnv): SetupStatus {
  const mode = get(env, 'mode') as SetupStatus['mode'];
  const companyNameEn = (env.db.$client.prepare('SELECT name_en FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1').pluck().get() as string | undefined) ?? null;
  return { initialized: get(env, 'initialized') === '1', companyName: get(env, 'company_name'), companyNameEn, mode };
}

function assertFresh(env: CoreEnv) {
  if (setupStatus(env).initialized) throw new ApiError('already_initialized', 'This data folder already holds a company');
  const any = env.db.$client.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM org_units)').pluck().get() as number;
  if (any > 0) throw new ApiError('already_initialized', 'This data folder already holds a company');
}

function markInitialized(env: CoreEnv, mode: 'demo' | 'empty', companyName: string) {
  const put = env.db.$client.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)');
  put.run('initialized', '1');
  put.run('mode', mode);
  put.run('company_name', companyName);
  put.run('initialized_at', env.now().toISOString());
}

/** The demo company: deterministic, written in one transaction together with the initialized flag. */
export async function initDemo(env: CoreEnv, opts: { partners?: number; passwordHash?: string; documents?: boolean } = {}): Promise<SetupStatus> {
  assertFresh(env);
  return withMemoryTemp(env, async () => {
    // seedDemo hashes passwords first (async), then writes everything — freshness re-checked, demo
    // rows, the initialized flag — in one transaction, so a double click seeds exactly once.
    const done = await seedDemo(env, {
      ...opts,
      beforeWrite: () => assertFresh(env),
      afterWrite: () => markInitialized(env, 'demo', COMPANY.zh),
    });
    env.log.info('demo company created', { ...done });
    // requests, claims and payments through the documents' own write path (their own transaction)
    if (opts.documents !== false) env.log.info('demo documents created', await seedDemoDocuments(env));
    return setupStatus(env);
  });
}

/**
 * The demo's year writes ~30,000 ledger entries and ~9,000 history rows inside two transactions
 * whose documents nest savepoints: every such statement (its triggers may abort it) keeps a
 * statement journal, which with the default temp_store goes through a temporary file — 2–3× the
 * cost of the insert itself. While the demo is written, temporary storage is in memory (it holds a
 * statement's undo, a few KB), then set back. Changing temp_store drops temporary tables, so it is
 * only done when the connection has none (a fresh data folder has none).
 */
async function withMemoryTemp<T>(env: CoreEnv, fn: () => Promise<T>): Promise<T> {
  const db = env.db.$client;
  const before = db.pragma('temp_store', { simple: true }) as number;
  const switchable = (db.prepare('SELECT count(*) FROM temp.sqlite_master').pluck().get() as number) === 0;
  if (switchable) db.pragma('temp_store = MEMORY');
  try {
    return await fn();
  } finally {
    if (switchable && (db.prepare('SELECT count(*) FROM temp.sqlite_master').pluck().get() as number) === 0) db.pragma(`temp_store = ${before}`);
  }
}

export const setupHandlers: Handlers<'system.health' | 'setup.status' | 'setup.initDemo' | 'setup.initEmpty'> = {
  'system.health': () => ({ ok: true as const, version: '0.1.0' }),
  'setup.status': (_i, ctx) => setupStatus(ctx),
  'setup.initDemo': (_i, ctx) => initDemo(ctx),
  'setup.initEmpty': async (i, ctx) => {
    assertFresh(ctx);
    const hash = await hashPassword(i.adminPassword);
    const now = ctx.now().toISOString();
    ctx.db.$client.transaction(() => {
      assertFresh(ctx);
      const company = ctx.db
        .insert(schema.orgUnits)
        .values({ code: 'HQ', nameZh: i.companyName, nameEn: i.companyName, kind: 'company', parentId: null, path: 'pending', createdAt: now, updatedAt: now })
        .returning()
        .get();
      ctx.db.update(schema.orgUnits).set({ path: `/${company.id}/` }).where(eq(schema.orgUnits.id, company.id)).run();
      const admin = ctx.db
        .insert(schema.users)
        .values({ username: i.adminUsername, displayName: i.adminDisplayName, role: 'admin', locale: i.locale, passwordHash: hash, createdAt: now, updatedAt: now })
        .returning()
        .get();
      ctx.db.insert(schema.userOrgUnits).values({ userId: admin.id, orgUnitId: company.id }).run();
      markInitialized(ctx, 'empty', i.companyName);
    })();
    return setupStatus(ctx);
  },
};
