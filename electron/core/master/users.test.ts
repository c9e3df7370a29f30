import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrgUnit, UserRow } from '../../../shared/api/areas/master';
import { ApiError } from '../../../shared/api/errors';
import { freshCore, type Caller, type TestCore } from '../testing';

let core: TestCore;
let admin: Caller;
let units: OrgUnit[];
const unit = (code: string) => units.find((u) => u.code === code)!.id;
beforeEach(async () => {
  core = await freshCore({ demo: true });
  admin = await core.as('admin');
  units = await admin('orgUnits.list', {});
});
afterEach(() => core.dispose());

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => e.code);
const signIn = (username: string, password: string) => codeOf(core.call('auth.signIn', { username, password }));
const newUser = (over: Partial<Parameters<Caller>[1] & object> = {}) =>
  admin('users.create', { username: 'liqiang', displayName: '李强', role: 'channel_staff', orgUnitIds: [unit('DL-BC')], password: 'password-lq', ...over } as never) as Promise<UserRow>;

describe('users', () => {
  it('an administrator creates a user who can sign in with that scope', async () => {
    const u = await newUser();
    expect(u).toMatchObject({ username: 'liqiang', role: 'channel_staff', locale: 'zh-CN', active: true, version: 0, orgUnitIds: [unit('DL-BC')] });
    const lq = await core.as('liqiang', 'password-lq');
    const visible = await lq('orgUnits.list', {});
    expect(visible.every((o) => o.pathIds.includes(unit('DL-BC')))).toBe(true);
    const log = core.env.db.$client.prepare("SELECT after FROM change_log WHERE entity = 'user' AND entity_id = ?").pluck().get(u.id) as string;
    expect(log).not.toContain('password-lq'); // the password is never logged
  });

  it('usernames are unique regardless of case', async () => {
    await newUser();
    const e = (await newUser({ username: 'LiQiang' }).catch((x) => x)) as ApiError;
    expect(e.code).toBe('duplicate');
    expect(e.details).toEqual([expect.objectContaining({ path: 'username', reason: 'v.duplicate_username' })]);
    expect(await codeOf(newUser({ username: 'ADMIN' }))).toBe('duplicate');
  });

  it('updates role, name and assignments with the version seen; stale versions refused', async () => {
    const u = await newUser();
    const moved = await admin('users.update', { id: u.id, version: 0, patch: { role: 'approver', displayName: '李强强', orgUnitIds: [unit('DL'), unit('QJ-XW')] } });
    expect(moved).toMatchObject({ role: 'approver', displayName: '李强强', version: 1 });
    expect(moved.orgUnitIds).toEqual([unit('DL'), unit('QJ-XW')].sort((a, b) => a - b));
    expect(await codeOf(admin('users.update', { id: u.id, version: 0, patch: { role: 'finance' } }))).toBe('stale');
    const s = await core.call('auth.signIn', { username: 'liqiang', password: 'password-lq' });
    expect(s.user).toMatchObject({ role: 'approver', orgUnitIds: moved.orgUnitIds });
    // an empty scope is not allowed
    expect(await codeOf(admin('users.update', { id: u.id, version: 1, patch: { orgUnitIds: [] } }))).toBe('validation');
  });

  it('the administrator can neither demote nor deactivate themself', async () => {
    const me = (await admin('users.list', {})).find((u) => u.username === 'admin')!;
    expect(await codeOf(admin('users.update', { id: me.id, version: me.version, patch: { role: 'finance' } }))).toBe('validation');
    expect(await codeOf(admin('users.setActive', { id: me.id, version: me.version, active: false }))).toBe('validation');
    expect((await admin('auth.me', {})).role).toBe('admin');
  });

  it('deactivation ends sessions and sign-in, keeps the row; reactivation restores', async () => {
    const u = await newUser();
    const lq = await core.as('liqiang', 'password-lq');
    const total = core.env.db.$client.prepare('SELECT count(*) FROM users').pluck().get();
    const off = await admin('users.setActive', { id: u.id, version: 0, active: false });
    expect(off.active).toBe(false);
    expect(await codeOf(lq('auth.me', {}))).toBe('unauthenticated');
    expect(await signIn('liqiang', 'password-lq')).toBe('user_inactive');
    expect((await admin('users.list', {})).map((x) => x.id)).not.toContain(u.id);
    expect((await admin('users.list', { includeInactive: true })).find((x) => x.id === u.id)?.active).toBe(false);
    expect(core.env.db.$client.prepare('SELECT count(*) FROM users').pluck().get()).toBe(total);
    await admin('users.setActive', { id: u.id, version: off.version, active: true });
    expect(await signIn('liqiang', 'password-lq')).toBe('ok');
  });

  it('a password reset replaces the password and ends the user’s sessions', async () => {
    const u = await newUser();
    const lq = await core.as('liqiang', 'password-lq');
    await admin('users.resetPassword', { id: u.id, password: 'password-new' });
    expect(await codeOf(lq('auth.me', {}))).toBe('unauthenticated');
    expect(await signIn('liqiang', 'password-lq')).toBe('invalid_credentials');
    expect(await signIn('liqiang', 'password-new')).toBe('ok');
  });

  it('validates usernames, passwords and roles', async () => {
    const reasons = async (over: Record<string, unknown>) =>
      ((await newUser(over).catch((x) => x)) as ApiError).details as { path: string; reason: string }[];
    expect(await reasons({ username: 'has space' })).toEqual([expect.objectContaining({ path: 'username', reason: 'v.username' })]);
    expect(await reasons({ password: 'short' })).toEqual([expect.objectContaining({ path: 'password', reason: 'v.password_short' })]);
    expect(await reasons({ role: 'root' })).toEqual([expect.objectContaining({ path: 'role', reason: 'v.choice' })]);
    expect(await reasons({ orgUnitIds: [] })).toEqual([expect.objectContaining({ path: 'orgUnitIds', reason: 'v.scope_required' })]);
    expect(core.env.db.$client.prepare("SELECT count(*) FROM users WHERE username = 'liqiang'").pluck().get()).toBe(0);
  });
});

describe('users across branches', () => {
  it('a branch administrator sees only the in-scope assignments of a user who also works elsewhere, and cannot change that user', async () => {
    const both = await newUser({ orgUnitIds: [unit('DL-BC'), unit('QJ-XW')] });
    await newUser({ username: 'dladmin', role: 'admin', orgUnitIds: [unit('DL')] });
    const dl = await core.as('dladmin', 'password-lq');
    const seen = (await dl('users.list', {})).find((u) => u.id === both.id)!;
    expect(seen.orgUnitIds).toEqual([unit('DL-BC')]);
    const scope = { code: 'out_of_scope', params: { orgUnitId: unit('QJ-XW') } };
    await expect(dl('users.update', { id: both.id, version: both.version, patch: { displayName: 'x' } })).rejects.toMatchObject(scope);
    await expect(dl('users.update', { id: both.id, version: both.version, patch: { orgUnitIds: [unit('DL-BC')] } })).rejects.toMatchObject(scope);
    await expect(dl('users.setActive', { id: both.id, version: both.version, active: false })).rejects.toMatchObject(scope);
    await expect(dl('users.resetPassword', { id: both.id, password: 'password-new' })).rejects.toMatchObject(scope);
    expect(await signIn('liqiang', 'password-lq')).toBe('ok');
    // the company administrator covers both branches
    expect((await admin('users.update', { id: both.id, version: both.version, patch: { displayName: 'x' } })).orgUnitIds).toEqual([unit('DL-BC'), unit('QJ-XW')].sort((a, b) => a - b));
  });
});
