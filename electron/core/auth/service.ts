import { eq, sql } from 'drizzle-orm';
import { authApi } from '../../../shared/api/areas/auth';
import { ApiError } from '../../../shared/api/errors';
import type { Ctx, Handlers } from '../context';
import { schema } from '../db/open';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { createSession, loadSessionUser } from './session';

/**
 * Failed sign-ins slow the next attempt down: from the 5th consecutive failure on a username the
 * account is locked for 2^(failures-5) seconds (1 s, 2 s, 4 s … capped at 15 minutes). A success
 * resets the counter. Unknown usernames are counted and verified against a dummy hash, so the
 * answer and its timing do not reveal which usernames exist.
 */
const FREE_FAILURES = 4;
const MAX_LOCK_MS = 15 * 60 * 1000;

export function lockMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, 1000 * 2 ** (failures - FREE_FAILURES - 1));
}

type AuthMethods = Extract<keyof typeof authApi, `auth.${string}`>;

export const authHandlers: Handlers<AuthMethods> = {
  'auth.signIn': (input, ctx) => signIn(input, ctx),
  'auth.signOut': (_input, ctx) => {
    if (ctx.tokenHash) ctx.db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, ctx.tokenHash)).run();
    return { ok: true as const };
  },
  'auth.me': (_input, ctx) => ctx.user,
  'auth.setLocale': (input, ctx) => {
    ctx.db.update(schema.users).set({ locale: input.locale }).where(eq(schema.users.id, ctx.user.id)).run();
    return { ...ctx.user, locale: input.locale };
  },
  'auth.changePassword': async (input, ctx) => {
    const u = ctx.db.select().from(schema.users).where(eq(schema.users.id, ctx.user.id)).get();
    if (!u || !(await verifyPassword(input.oldPassword, u.passwordHash))) {
      throw new ApiError('invalid_credentials', 'The current password is wrong');
    }
    const hash = await hashPassword(input.newPassword);
    ctx.db.transaction((tx) => {
      tx.update(schema.users).set({ passwordHash: hash, updatedAt: ctx.now().toISOString() }).where(eq(schema.users.id, u.id)).run();
      // other sessions of this user end; this one stays
      tx.delete(schema.sessions).where(sql`${schema.sessions.userId} = ${u.id} and ${schema.sessions.tokenHash} <> ${ctx.tokenHash}`).run();
    });
    return { ok: true as const };
  },
};

async function signIn(input: { username: string; password: string }, ctx: Ctx) {
  const key = input.username.toLowerCase();
  const now = ctx.now();
  const attempt = ctx.db.select().from(schema.loginAttempts).where(eq(schema.loginAttempts.username, key)).get();
  if (attempt?.lockedUntil && attempt.lockedUntil > now.toISOString()) {
    const secs = Math.ceil((new Date(attempt.lockedUntil).getTime() - now.getTime()) / 1000);
    throw new ApiError('throttled', `Too many failed attempts; try again in ${secs} s`, { seconds: secs });
  }
  const user = ctx.db.select().from(schema.users).where(sql`lower(${schema.users.username}) = ${key}`).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) {
    const failures = (attempt?.failures ?? 0) + 1;
    const lock = lockMs(failures);
    const row = {
      username: key,
      failures,
      lastFailureAt: now.toISOString(),
      lockedUntil: lock ? new Date(now.getTime() + lock).toISOString() : null,
    };
    ctx.db.insert(schema.loginAttempts).values(row).onConflictDoUpdate({ target: schema.loginAttempts.username, set: row }).run();
    throw new ApiError('invalid_credentials', 'Wrong username or password');
  }
  if (!user.active) throw new ApiError('user_inactive', 'This user is deactivated');
  ctx.db.delete(schema.loginAttempts).where(eq(schema.loginAttempts.username, key)).run();
  const s = createSession(ctx, user.id);
  const sessionUser = loadSessionUser(ctx, user.id)!;
  return { token: s.token, expiresAt: s.expiresAt, user: sessionUser };
}
