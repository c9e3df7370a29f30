import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { ApiError } from '../../../shared/api/errors';
import type { SessionUser } from '../../../shared/api/areas/auth';
import type { CoreEnv } from '../context';
import { schema } from '../db/open';

/** Sessions end after this much inactivity; activity extends them (at most once a minute). */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(env: CoreEnv, userId: number): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const now = env.now();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  env.db.insert(schema.sessions).values({ tokenHash: hashToken(token), userId, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

export function loadSessionUser(env: CoreEnv, userId: number): SessionUser | null {
  const u = env.db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!u || !u.active) return null;
  const orgUnitIds = env.db
    .select({ id: schema.userOrgUnits.orgUnitId })
    .from(schema.userOrgUnits)
    .where(eq(schema.userOrgUnits.userId, userId))
    .all()
    .map((r) => r.id)
    .sort((a, b) => a - b);
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, locale: u.locale, orgUnitIds };
}

/** Resolves a bearer token to its user, or throws unauthenticated / session_expired. */
export function resolveSession(env: CoreEnv, token: string | undefined | null): { user: SessionUser; tokenHash: string } {
  if (!token) throw new ApiError('unauthenticated', 'Please sign in');
  const tokenHash = hashToken(token);
  const now = env.now();
  const s = env.db.select().from(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash)).get();
  if (!s) throw new ApiError('unauthenticated', 'Please sign in');
  if (s.expiresAt <= now.toISOString()) {
    env.db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, tokenHash)).run();
    throw new ApiError('session_expired', 'Your session has expired; please sign in again');
  }
  const user = loadSessionUser(env, s.userId);
  if (!user) throw new ApiError('user_inactive', 'This user is deactivated');
  const remaining = new Date(s.expiresAt).getTime() - now.getTime();
  if (SESSION_IDLE_MS - remaining > TOUCH_EVERY_MS) {
    env.db
      .update(schema.sessions)
      .set({ expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString() })
      .where(and(eq(schema.sessions.tokenHash, tokenHash), gt(schema.sessions.expiresAt, now.toISOString())))
      .run();
  }
  return { user, tokenHash };
}
