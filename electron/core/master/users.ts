import { asc, eq, inArray } from 'drizzle-orm';
import type { UserRow } from '../../../shared/api/areas/master';
import { ApiError } from '../../../shared/api/errors';
import { hashPassword } from '../auth/password';
import type { OrgCtx, Handlers } from '../context';
import { schema, type Db, type Tx } from '../db/open';
import { diff, logChange, notFound, updateVersioned } from './common';
import { visibleUserIds } from './partners';
import { stmt } from '../db/stmt';

const t = schema.users;

function assignments(db: Db | Tx, ids: number[]): Map<number, number[]> {
  const m = new Map<number, number[]>();
  if (ids.length === 0) return m;
  for (const r of db.select().from(schema.userOrgUnits).where(inArray(schema.userOrgUnits.userId, ids)).all()) {
    m.set(r.userId, [...(m.get(r.userId) ?? []), r.orgUnitId]);
  }
  return m;
}

function toRow(u: typeof t.$inferSelect, orgUnitIds: number[]): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    locale: u.locale,
    orgUnitIds: [...orgUnitIds].sort((a, b) => a - b),
    active: u.active,
    version: u.version,
  };
}

/**
 * Scope of users: the caller sees the users assigned to a unit in their scope (and themselves),
 * with only those of their assignments that lie in the scope — an assignment elsewhere is a row
 * of another branch. Changing a user (profile, units, active, password) needs every one of their
 * assignments in the caller's scope: a user who also works for a sibling branch is changed by
 * someone who covers both, or a branch administrator could reset their password and sign in as
 * them to read that branch.
 */
function getUser(ctx: OrgCtx, id: number): UserRow {
  const u = ctx.db.select().from(t).where(eq(t.id, id)).get();
  if (!u || !visibleUserIds(ctx).has(id)) throw notFound('user', id);
  return toRow(u, (assignments(ctx.db, [id]).get(id) ?? []).filter((ou) => ctx.scope.has(ou)));
}

/** A user the caller may change: visible, and every assignment inside the caller's scope. */
function getWritableUser(ctx: OrgCtx, id: number): UserRow {
  const row = getUser(ctx, id);
  ctx.scope.requireAll(assignments(ctx.db, [id]).get(id) ?? []);
  return row;
}

function setAssignments(tx: Tx, ctx: OrgCtx, userId: number, orgUnitIds: number[]): void {
  for (const ou of orgUnitIds) ctx.scope.require(ou);
  tx.delete(schema.userOrgUnits).where(eq(schema.userOrgUnits.userId, userId)).run();
  for (const ou of new Set(orgUnitIds)) tx.insert(schema.userOrgUnits).values({ userId, orgUnitId: ou }).run();
}

/**
 * Creates a user with a ready password hash (synchronous, for one transaction): users.create after
 * hashing, and the Excel import, whose users get a hash no password matches (see excel/kinds/users).
 */
export function insertUser(tx: Tx, ctx: OrgCtx, i: Omit<Parameters<Handlers<'users.create'>['users.create']>[0], 'password'>, passwordHash: string): number {
  const now = ctx.now().toISOString();
  const clash = stmt(ctx.db.$client, 'SELECT 1 FROM users WHERE lower(username) = lower(?)').get(i.username);
  if (clash) throw new ApiError('duplicate', `Username ${i.username} is taken`, { code: i.username }, [{ path: 'username', reason: 'v.duplicate_username' }]);
  const u = tx
    .insert(t)
    .values({ username: i.username, displayName: i.displayName, role: i.role, locale: i.locale, passwordHash, createdAt: now, updatedAt: now })
    .returning()
    .get();
  setAssignments(tx, ctx, u.id, i.orgUnitIds);
  logChange(tx, ctx, 'user', u.id, 'create', undefined, i);
  return u.id;
}

export const userHandlers: Handlers<'users.list' | 'users.create' | 'users.update' | 'users.setActive' | 'users.resetPassword'> = {
  'users.list': (i, ctx) => {
    const ids = [...visibleUserIds(ctx)];
    const rows = ctx.db.select().from(t).where(inArray(t.id, ids)).orderBy(asc(t.username)).all();
    const a = assignments(ctx.db, ids);
    return rows.filter((u) => i.includeInactive || u.active).map((u) => toRow(u, (a.get(u.id) ?? []).filter((ou) => ctx.scope.has(ou))));
  },
  'users.create': async (i, ctx) => {
    const hash = await hashPassword(i.password);
    const { password: _p, ...rest } = i;
    const id = ctx.db.transaction((tx) => insertUser(tx, ctx, rest, hash));
    return getUser(ctx, id);
  },
  'users.update': (i, ctx) => {
    const now = ctx.now().toISOString();
    ctx.db.transaction((tx) => {
      const before = getWritableUser(ctx, i.id);
      const { orgUnitIds, ...patch } = i.patch;
      if (i.id === ctx.user.id && patch.role && patch.role !== 'admin') {
        throw new ApiError('validation', 'You cannot remove your own administrator role', undefined, [{ path: 'role', reason: 'v.own_role' }]);
      }
      const d = diff(before as unknown as Record<string, unknown>, patch);
      updateVersioned(tx, t, i.id, i.version, patch, now);
      if (orgUnitIds) setAssignments(tx, ctx, i.id, orgUnitIds);
      logChange(tx, ctx, 'user', i.id, 'update', { ...d.before, orgUnitIds: orgUnitIds ? before.orgUnitIds : undefined }, { ...d.after, orgUnitIds });
    });
    return getUser(ctx, i.id);
  },
  'users.setActive': (i, ctx) => {
    if (i.id === ctx.user.id && !i.active) throw new ApiError('validation', 'You cannot deactivate yourself', undefined, [{ path: 'active', reason: 'v.own_user' }]);
    ctx.db.transaction((tx) => {
      getWritableUser(ctx, i.id);
      updateVersioned(tx, t, i.id, i.version, { active: i.active }, ctx.now().toISOString());
      if (!i.active) tx.delete(schema.sessions).where(eq(schema.sessions.userId, i.id)).run();
      logChange(tx, ctx, 'user', i.id, i.active ? 'activate' : 'deactivate', undefined, { active: i.active });
    });
    return getUser(ctx, i.id);
  },
  'users.resetPassword': async (i, ctx) => {
    getWritableUser(ctx, i.id);
    const hash = await hashPassword(i.password);
    ctx.db.transaction((tx) => {
      tx.update(t).set({ passwordHash: hash, updatedAt: ctx.now().toISOString() }).where(eq(t.id, i.id)).run();
      tx.delete(schema.sessions).where(eq(schema.sessions.userId, i.id)).run();
      logChange(tx, ctx, 'user', i.id, 'reset_password', undefined, undefined);
    });
    return { ok: true as const };
  },
};
