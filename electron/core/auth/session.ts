import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import type { SessionUser } from '../../../shared/api/areas/auth';
import type { CoreEnv } from '../context';
import { schema, type Db } from '../db/open';

/** Sessions end after this much inactivity; activity extends them (at most once a minute)… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/**
 * …and in any case this long after the sign-in (a long working day), however active: a stolen
 * token stops working by the next morning, and everyone signs in once a day.
 */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(env: CoreEnv, userId: number): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const now = env.now();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  env.db.insert(schema.sessions).values({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: SessionUser['role'];
  locale: SessionUser['locale'];
  active: number;
}

/**
 * The statements every session-authenticated call runs, prepared once per database connection
 * (better-sqlite3 statements belong to their connection, hence the WeakMap keyed by the client:
 * a reopened database gets its own set, a closed one's set goes with it).
 */
interface SessionStatements {
  session: Database.Statement<[string], { userId: number; createdAt: string; expiresAt: string }>;
  drop: Database.Statement<[string]>;
  user: Database.Statement<[number], UserRow>;
  orgUnits: Database.Statement<[number], number>;
  touch: Database.Statement<[string, string, string]>;
}
const prepared = new WeakMap<Database.Database, SessionStatements>();

function statements(db: Db): SessionStatements {
  const client = db.$client;
  let s = prepared.get(client);
  if (!s) {
    s = {
      session: client.prepare<[string], { userId: number; createdAt: string; expiresAt: string }>('SELECT user_id AS userId, created_at AS createdAt, expires_at AS expiresAt FROM sessions WHERE token_hash = ?'),
      drop: client.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      user: client.prepare<[number], UserRow>('SELECT id, username, display_name AS displayName, role, locale, active FROM users WHERE id = ?'),
      orgUnits: client.prepare<[number], number>('SELECT org_unit_id FROM user_org_units WHERE user_id = ? ORDER BY org_unit_id').pluck(),
      touch: client.prepare<[string, string, string]>('UPDATE sessions SET expires_at = ? WHERE token_hash = ? AND expires_at > ?'),
    };
    prepared.set(client, s);
  }
  return s;
}

/** The signed-in user with their org-unit assignments (ascending), or null when unknown or inactive. */
export function loadSessionUser(env: CoreEnv, userId: number): SessionUser | null {
  const st = statements(env.db);
  const u = st.user.get(userId);
  if (!u || !u.active) return null;
  const orgUnitIds = st.orgUnits.all(userId);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, locale: u.locale, orgUnitIds };
}

/** Resolves a bearer token to its user, or throws unauthenticated / session_expired. */
export function resolveSession(env: CoreEnv, token: string | undefined | null): { user: SessionUser; tokenHash: string } {
  if (!token) throw new ApiError('unauthenticated', 'Please sign in');
  return resolveSessionHash(env, hashToken(token), true);
}

/**
 * The session behind a token's hash (a ticket names its session this way). `touch`: the call is
 * the user's activity and extends the idle limit; a check on behalf of an open event stream is not.
 */
export function resolveSessionHash(env: CoreEnv, tokenHash: string, touch: boolean): { user: SessionUser; tokenHash: string } {
  const st = statements(env.db);
  const now = env.now();
  const s = st.session.get(tokenHash);
  if (!s) throw new ApiError('unauthenticated', 'Please sign in');
  const endOfLife = Date.parse(s.createdAt) + SESSION_ABSOLUTE_MS;
  if (s.expiresAt <= now.toISOString() || endOfLife <= now.getTime()) {
    st.drop.run(tokenHash);
    throw new ApiError('session_expired', 'Your session has expired; please sign in again');
  }
  const user = loadSessionUser(env, s.userId);
  if (!user) throw new ApiError('user_inactive', 'This user is deactivated');
  const extended = Math.min(now.getTime() + SESSION_IDLE_MS, endOfLife);
  if (touch && extended - Date.parse(s.expiresAt) > TOUCH_EVERY_MS) {
    st.touch.run(new Date(extended).toISOString(), tokenHash, now.toISOString());
  }
  return { user, tokenHash };
}
