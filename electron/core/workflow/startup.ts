import type { SessionUser } from '../../../shared/api/areas/auth';
import { stmt } from '../budgets/sql';
import type { AuthedCtx, CoreEnv } from '../context';
import { verifyHistorySince, type HistoryCheckpoint } from '../budgets/history';
import { expireDue } from '../documents/requests';
import { ensureDefaultRoutes } from './routes';

/**
 * What the core does once at start-up for the documents: install the default approval routes
 * where a type has none, expire requests unclaimed past their grace period (recorded as done by
 * the system user), and walk the history's hash chain, logging an error when it is broken.
 *
 * The walk at start-up is incremental: it starts from the checkpoint the last good walk stored in
 * `settings` (row id + hash) after checking that row is unchanged, so start-up does not grow with
 * the history. A row altered before the checkpoint without recomputing its own hash is found by
 * the full walk of `history.verify` (Settings → administrators), not at every start.
 */
const CHECKPOINT_KEY = 'history.verifiedThrough';
const SYSTEM = '_system';

/** The system's own user row: inactive, with a password hash nothing verifies against, so it can never sign in. */
export function systemUser(env: CoreEnv): SessionUser {
  const db = env.db.$client;
  let id = stmt(db, 'SELECT id FROM users WHERE username = ?', true).get(SYSTEM) as number | undefined;
  if (id === undefined) {
    const at = env.now().toISOString();
    id = Number(
      stmt(db, `INSERT INTO users (username, display_name, role, locale, password_hash, active, created_at, updated_at) VALUES (?, '系统 System', 'admin', 'zh-CN', '!', 0, ?, ?)`).run(SYSTEM, at, at).lastInsertRowid,
    );
  }
  return { id, username: SYSTEM, displayName: '系统 System', role: 'admin', locale: 'zh-CN', orgUnitIds: [] };
}

export function documentsStartup(env: CoreEnv): void {
  const db = env.db.$client;
  ensureDefaultRoutes(db, env.now().toISOString());
  const hasUsers = (stmt(db, `SELECT count(*) FROM users WHERE username <> ?`, true).get(SYSTEM) as number) > 0;
  if (hasUsers) {
    const ctx: AuthedCtx = { ...env, user: systemUser(env), tokenHash: null, signal: new AbortController().signal };
    const n = expireDue(ctx);
    if (n) env.log.info('expired requests', { count: n });
  }
  verifyHistoryAtStart(env);
}

export function verifyHistoryAtStart(env: CoreEnv): { broken: number | null; from: number } {
  const db = env.db.$client;
  const saved = stmt(db, 'SELECT value FROM settings WHERE key = ?', true).get(CHECKPOINT_KEY) as string | undefined;
  let since = saved ? (JSON.parse(saved) as HistoryCheckpoint) : null;
  // the checkpoint row must still be there with the same hash, else walk from the start
  if (since && stmt(db, 'SELECT hash FROM document_history WHERE id = ?', true).get(since.id) !== since.hash) since = null;
  const { broken, last } = verifyHistorySince(db, since);
  if (broken !== null) env.log.error('document history chain is broken', { firstBrokenRow: broken });
  else if (last && last.id !== since?.id)
    stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(CHECKPOINT_KEY, JSON.stringify(last));
  return { broken, from: since?.id ?? 0 };
}
