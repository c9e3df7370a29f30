import type { SessionUser } from '../../../shared/api/areas/auth';
import { stmt } from '../budgets/sql';
import type { AuthedCtx, CoreEnv } from '../context';
import { verifyHistory } from '../budgets/history';
import { expireDue } from '../documents/requests';
import { ensureDefaultRoutes } from './routes';

/**
 * What the core does once at start-up for the documents: install the default approval routes
 * where a type has none, expire requests unclaimed past their grace period (recorded as done by
 * the system user), and walk the history's hash chain, warning in the log when it is broken.
 */
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
  const broken = verifyHistory(db);
  if (broken !== null) env.log.error('document history chain is broken', { firstBrokenRow: broken });
}
