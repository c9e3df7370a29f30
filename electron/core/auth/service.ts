import { eq, sql } from 'drizzle-orm';
import { authApi } from '../../../shared/api/areas/auth';
import { ApiError } from '../../../shared/api/errors';
import type { Ctx, Handlers } from '../context';
import { schema } from '../db/open';
import { clearAttempts, reserveAttempt } from './attempts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { createSession, loadSessionUser } from './session';
import { issueTicket } from './tickets';
import { stmt } from '../db/stmt';

type AuthMethods = Extract<keyof typeof authApi, `auth.${string}`>;

export const authHandlers: Handlers<AuthMethods> = {
  'auth.signIn': (input, ctx) => signIn(input, ctx),
  'auth.signOut': (_input, ctx) => {
    if (ctx.tokenHash) ctx.db.delete(schema.sessions).where(eq(schema.sessions.tokenHash, ctx.tokenHash)).run();
    return { ok: true as const };
  },
  'auth.me': (_input, ctx) => ctx.user,
  'auth.eventsTicket': (_input, ctx) => issueTicket(ctx, 'events'),
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

/**
 * Sign-in: the attempt is counted before the password is checked (./attempts.ts); unknown
 * usernames are verified against a dummy hash, so the answer and its timing do not reveal which
 * usernames exist. A hash of an older, cheaper cost is replaced on the way (./password.ts).
 */
async function signIn(input: { username: string; password: string }, ctx: Ctx) {
  const key = input.username.toLowerCase();
  const lockedFor = reserveAttempt(ctx, key);
  if (lockedFor !== null) throw new ApiError('throttled', `Too many failed attempts; try again in ${lockedFor} s`, { seconds: lockedFor });
  const user = ctx.db.select().from(schema.users).where(sql`lower(${schema.users.username}) = ${key}`).get();
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) throw new ApiError('invalid_credentials', 'Wrong username or password');
  if (!user.active) throw new ApiError('user_inactive', 'This user is deactivated');
  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const s = ctx.db.transaction(() => {
    clearAttempts(ctx, key);
    if (rehashed) {
      // only if nobody changed the password meanwhile
      stmt(ctx.db.$client, 'UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(rehashed, user.id, user.passwordHash);
    }
    return createSession(ctx, user.id);
  });
  const sessionUser = loadSessionUser(ctx, user.id)!;
  return { token: s.token, expiresAt: s.expiresAt, user: sessionUser };
}
