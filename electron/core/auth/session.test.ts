import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createCore, type Core } from '../index';
import { freshCore, quietLogger, type TestCore } from '../testing';
import { hashToken, resolveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session';

/** resolveSession directly: the statements it prepares, the touch rule, the user and scope it returns. */
function clock(start = '2026-03-02T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

let core: TestCore;
let other: Core | null = null;
afterEach(() => {
  other?.close();
  other = null;
  core?.dispose();
});

const expiresAt = (token: string) =>
  core.env.db.$client.prepare('SELECT expires_at FROM sessions WHERE token_hash = ?').pluck().get(hashToken(token)) as string | undefined;
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as ApiError).code;
  }
};

describe('resolveSession', () => {
  it('prepares its statements once per connection, not per call', async () => {
    core = await freshCore({ demo: true });
    const zhang = await core.as('zhangwei');
    resolveSession(core.env, zhang.token); // the connection's statements exist from here on
    const prepare = vi.spyOn(core.env.db.$client, 'prepare');
    for (let i = 0; i < 5; i++) expect(resolveSession(core.env, zhang.token).user.username).toBe('zhangwei');
    expect(codeOf(() => resolveSession(core.env, 'x'.repeat(43)))).toBe('unauthenticated');
    expect(prepare).not.toHaveBeenCalled();
    prepare.mockRestore();
  });

  it('a second connection to the same file gets its own statements and sees the same sessions', async () => {
    core = await freshCore({ demo: true });
    const lina = await core.as('lina');
    const first = resolveSession(core.env, lina.token);
    other = createCore({ dataDir: core.dir, log: quietLogger });
    expect(resolveSession(other.env, lina.token)).toEqual(first);
    // the first connection closed: the second keeps working with its own statements
    core.env.db.$client.close();
    expect(resolveSession(other.env, lina.token).user.username).toBe('lina');
    other.close();
    other = null;
    rmSync(core.dir, { recursive: true, force: true });
  });

  it('moves the expiry on at most once a minute, and never revives an expired session', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const admin = await core.as('admin');
    const signedIn = expiresAt(admin.token)!;
    c.advance(59_000);
    resolveSession(core.env, admin.token);
    expect(expiresAt(admin.token)).toBe(signedIn); // within the minute: no write
    c.advance(2_000);
    resolveSession(core.env, admin.token);
    expect(expiresAt(admin.token)).toBe(new Date(c.now().getTime() + SESSION_IDLE_MS).toISOString());
    c.advance(SESSION_IDLE_MS);
    expect(codeOf(() => resolveSession(core.env, admin.token))).toBe('session_expired');
    expect(expiresAt(admin.token)).toBeUndefined();
  });

  it('ends a session at its absolute lifetime however active it is, and never extends it past that', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const signedInAt = c.now().getTime();
    const admin = await core.as('admin');
    const end = new Date(signedInAt + SESSION_ABSOLUTE_MS).toISOString();
    for (let h = 1; h < SESSION_ABSOLUTE_MS / 3_600_000; h++) {
      c.advance(3_600_000);
      expect(codeOf(() => resolveSession(core.env, admin.token))).toBe('ok');
      expect(expiresAt(admin.token)! <= end).toBe(true);
    }
    expect(expiresAt(admin.token)).toBe(end); // the idle extension stopped at the end of life
    c.advance(SESSION_ABSOLUTE_MS - (c.now().getTime() - signedInAt) - 1);
    expect(codeOf(() => resolveSession(core.env, admin.token))).toBe('ok');
    c.advance(1);
    expect(codeOf(() => resolveSession(core.env, admin.token))).toBe('session_expired');
    expect(expiresAt(admin.token)).toBeUndefined();
  });

  it('returns the current user and org units (ascending) on every call, and refuses inactive users', async () => {
    core = await freshCore({ demo: true });
    const admin = await core.as('admin');
    const zhang = await core.as('zhangwei');
    const s = resolveSession(core.env, zhang.token);
    expect(s.tokenHash).toBe(hashToken(zhang.token));
    expect(s.user).toMatchObject({ id: zhang.userId, username: 'zhangwei', displayName: '张伟', role: 'channel_staff', locale: 'zh-CN' });
    expect(s.user.orgUnitIds).toHaveLength(1);

    const units = await admin('orgUnits.list', {});
    const picked = [units.find((u) => u.code === 'QJ')!.id, units.find((u) => u.code === 'KM-WH')!.id, units.find((u) => u.code === 'KM')!.id];
    const row = (await admin('users.list', {})).find((u) => u.username === 'zhangwei')!;
    await admin('users.update', { id: row.id, version: row.version, patch: { orgUnitIds: picked, role: 'approver' } });
    const again = resolveSession(core.env, zhang.token).user;
    expect(again.role).toBe('approver');
    expect(again.orgUnitIds).toEqual([...picked].sort((a, b) => a - b));
    expect((await zhang('auth.me', {})).orgUnitIds).toEqual(again.orgUnitIds);

    core.env.db.$client.prepare('UPDATE users SET active = 0 WHERE id = ?').run(zhang.userId);
    expect(codeOf(() => resolveSession(core.env, zhang.token))).toBe('user_inactive');
    expect(codeOf(() => resolveSession(core.env, null))).toBe('unauthenticated');
  });
});
