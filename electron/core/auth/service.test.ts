import { scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input, MethodName } from '../../../shared/api/contract';
import { ApiError } from '../../../shared/api/errors';
import { createCore } from '../index';
import { freshCore, quietLogger, type Caller, type TestCore } from '../testing';
import { lockMs } from './attempts';
import { hashPassword, needsRehash, PASSWORD_PARAMS, passwordParams, PRODUCTION_PASSWORD_PARAMS } from './password';
import { SESSION_IDLE_MS } from './session';

/** A clock the test moves by hand. */
function clock(start = '2026-03-02T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

let core: TestCore;
afterEach(() => core?.dispose());

const signIn = (username: string, password: string) => core.call('auth.signIn', { username, password });
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => e.code);
const count = (sql: string, ...params: unknown[]) => core.env.db.$client.prepare(sql).pluck().get(...params) as number;

describe('sign-in', () => {
  it('returns a session for the right password, with the user from the database', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const s = await signIn('lina', 'demo1234');
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(s.user).toMatchObject({ username: 'lina', role: 'approver', displayName: '李娜' });
    expect(s.user.orgUnitIds).toHaveLength(1);
    expect(Date.parse(s.expiresAt) - c.now().getTime()).toBe(SESSION_IDLE_MS);
    expect((await core.call('auth.me', {}, { token: s.token })).id).toBe(s.user.id);
    // usernames are matched case-insensitively
    expect((await signIn('LiNa', 'demo1234')).user.id).toBe(s.user.id);
    // only the token's hash is stored
    expect(count('SELECT count(*) FROM sessions WHERE token_hash = ?', s.token)).toBe(0);
    expect(count('SELECT count(*) FROM sessions WHERE user_id = ?', s.user.id)).toBe(2);
  });

  it('answers a wrong password and an unknown user with the same error', async () => {
    core = await freshCore({ demo: true });
    const wrong = (await signIn('admin', 'not-the-password').catch((e) => e)) as ApiError;
    const unknown = (await signIn('nobody', 'demo1234').catch((e) => e)) as ApiError;
    expect(wrong).toBeInstanceOf(ApiError);
    expect(wrong.code).toBe('invalid_credentials');
    expect(unknown.code).toBe('invalid_credentials');
    expect(unknown.message).toBe(wrong.message);
    expect(count('SELECT count(*) FROM sessions')).toBe(0);
  });

  it('slows down repeated failures: locked after the 5th, doubling, reset by a success', async () => {
    expect([1, 4, 5, 6, 7, 30].map(lockMs)).toEqual([0, 0, 1000, 2000, 4000, 15 * 60 * 1000]);
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    for (let i = 0; i < 4; i++) expect(await codeOf(signIn('zhangwei', `wrong-${i}`))).toBe('invalid_credentials');
    expect(await codeOf(signIn('zhangwei', 'wrong-4'))).toBe('invalid_credentials'); // the 5th: now locked for 1 s
    // while locked even the right password is refused, without revealing it was right
    const locked = (await signIn('zhangwei', 'demo1234').catch((e) => e)) as ApiError;
    expect(locked.code).toBe('throttled');
    expect(locked.params).toEqual({ seconds: 1 });
    // the lock is per username
    expect((await signIn('lina', 'demo1234')).user.username).toBe('lina');
    c.advance(1000);
    expect(await codeOf(signIn('zhangwei', 'wrong-5'))).toBe('invalid_credentials'); // 6th failure: 2 s
    c.advance(1999);
    expect(await codeOf(signIn('zhangwei', 'demo1234'))).toBe('throttled');
    c.advance(1);
    expect((await signIn('zhangwei', 'demo1234')).user.username).toBe('zhangwei');
    // the success reset the counter: the next failure is not locked
    expect(await codeOf(signIn('zhangwei', 'wrong-again'))).toBe('invalid_credentials');
    expect(await codeOf(signIn('zhangwei', 'demo1234'))).toBe('ok');
  });

  it('counts parallel failed attempts atomically: a burst cannot get past the lock, not even with the right password', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => codeOf(signIn('zhangwei', i === 11 ? 'demo1234' : `wrong-${i}`))));
    // the first five are verified (and fail), the 5th locks the username; everything after is refused unverified
    expect(burst.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
    expect(burst.slice(5)).toEqual(Array(7).fill('throttled'));
    expect(count("SELECT failures FROM login_attempts WHERE username = 'zhangwei'")).toBe(5);
    // a second connection to the same file (another process) sees the same lock
    const other = createCore({ dataDir: core.dir, log: quietLogger, now: c.now });
    try {
      const again = await Promise.all([codeOf(signIn('zhangwei', 'demo1234')), codeOf(other.call('auth.signIn', { username: 'ZhangWei', password: 'demo1234' }))]);
      expect(again).toEqual(['throttled', 'throttled']);
    } finally {
      other.close();
    }
    c.advance(1000);
    const next = await Promise.all([codeOf(signIn('zhangwei', 'wrong-a')), codeOf(signIn('zhangwei', 'wrong-b'))]);
    expect(next).toEqual(['invalid_credentials', 'throttled']);
  });

  it('throttles unknown usernames the same way', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    for (let i = 0; i < 5; i++) expect(await codeOf(signIn('ghost', 'whatever1'))).toBe('invalid_credentials');
    expect(await codeOf(signIn('ghost', 'whatever1'))).toBe('throttled');
  });
});

describe('sessions', () => {
  it('expire after the idle time; activity extends them', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const zhang = await core.as('zhangwei');
    c.advance(SESSION_IDLE_MS - 60_000);
    expect((await zhang('auth.me', {})).username).toBe('zhangwei'); // activity: expiry moves on
    c.advance(SESSION_IDLE_MS / 2); // past the first idle limit, still within the absolute lifetime
    expect((await zhang('auth.me', {})).username).toBe('zhangwei');
    c.advance(SESSION_IDLE_MS);
    expect(await codeOf(zhang('auth.me', {}))).toBe('session_expired');
    // and the expired session is gone, not merely refused
    expect(await codeOf(zhang('auth.me', {}))).toBe('unauthenticated');
  });

  it('an untouched session dies exactly at its idle limit', async () => {
    const c = clock();
    core = await freshCore({ demo: true, now: c.now });
    const a = await core.as('admin');
    const b = await core.as('admin');
    c.advance(SESSION_IDLE_MS - 1);
    expect(await codeOf(a('auth.me', {}))).toBe('ok');
    c.advance(1);
    expect(await codeOf(b('auth.me', {}))).toBe('session_expired');
  });

  it('sign-out ends that session only', async () => {
    core = await freshCore({ demo: true });
    const one = await core.as('wangfang');
    const two = await core.as('wangfang');
    await one('auth.signOut', {});
    expect(await codeOf(one('auth.me', {}))).toBe('unauthenticated');
    expect(await codeOf(two('auth.me', {}))).toBe('ok');
  });

  it('calls without a token or with a made-up token are unauthenticated', async () => {
    core = await freshCore({ demo: true });
    expect(await codeOf(core.call('auth.me', {}))).toBe('unauthenticated');
    expect(await codeOf(core.call('partners.list', {}, { token: 'x'.repeat(43) }))).toBe('unauthenticated');
    expect((await core.invoke('orgUnits.list', {}, {})).ok).toBe(false);
  });
});

describe('the user comes from the session, never from the input', () => {
  it('ignores user ids, roles and tokens passed as input', async () => {
    core = await freshCore({ demo: true });
    const admin = await core.as('admin');
    const zhang = await core.as('zhangwei');
    const sneaky = <M extends MethodName>(m: M, input: object) => zhang(m, input as Input<M>);

    const me = await sneaky('auth.me', { userId: admin.userId, id: admin.userId, role: 'admin' });
    expect(me).toMatchObject({ id: zhang.userId, username: 'zhangwei', role: 'channel_staff' });

    const all = await admin('partners.list', { limit: 1 });
    const mine = await sneaky('partners.list', { userId: admin.userId, limit: 1 });
    expect(mine.total).toBeLessThan(all.total);

    expect(await codeOf(sneaky('channelTypes.create', { code: 'X', nameZh: '甲', nameEn: 'X', role: 'admin', userId: admin.userId }))).toBe('forbidden');

    // signing out with someone else's token in the input ends the caller's own session only
    await sneaky('auth.signOut', { token: admin.token, tokenHash: admin.token });
    expect(await codeOf(admin('auth.me', {}))).toBe('ok');
    expect(await codeOf(zhang('auth.me', {}))).toBe('unauthenticated');

    // setLocale changes the caller, whatever id is in the input
    await (await core.as('lina'))('auth.setLocale', { locale: 'en', userId: admin.userId } as never);
    expect((await admin('auth.me', {})).locale).toBe('zh-CN');
  });
});

describe('deactivated users', () => {
  it('lose their sessions and cannot sign in', async () => {
    core = await freshCore({ demo: true });
    const admin = await core.as('admin');
    const zhang = await core.as('zhangwei');
    const row = (await admin('users.list', {})).find((u) => u.username === 'zhangwei')!;
    await admin('users.setActive', { id: row.id, version: row.version, active: false });
    expect(await codeOf(zhang('auth.me', {}))).toBe('unauthenticated');
    expect(count('SELECT count(*) FROM sessions WHERE user_id = ?', row.id)).toBe(0);
    expect(await codeOf(signIn('zhangwei', 'demo1234'))).toBe('user_inactive');
    expect(await codeOf(signIn('zhangwei', 'wrong-password'))).toBe('invalid_credentials');
  });

  it('a session that survives somehow is refused once its user is inactive', async () => {
    core = await freshCore({ demo: true });
    const lina = await core.as('lina');
    core.env.db.$client.prepare("UPDATE users SET active = 0 WHERE username = 'lina'").run();
    expect(await codeOf(lina('partners.list', {}))).toBe('user_inactive');
  });
});

describe('password hashes', () => {
  const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{86}==)$/;

  it('are scrypt with the parameters and a per-user salt stored beside the hash', async () => {
    core = await freshCore({ demo: true });
    const admin = await core.as('admin');
    const ku = (await admin('orgUnits.list', {})).find((u) => u.code === 'KM')!;
    for (const username of ['twin1', 'twin2']) {
      await admin('users.create', { username, displayName: username, role: 'finance', orgUnitIds: [ku.id], password: 'same-secret-1' });
    }
    const hashes = core.env.db.$client.prepare("SELECT password_hash FROM users WHERE username IN ('twin1','twin2')").pluck().all() as string[];
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).not.toBe(hashes[1]);
    for (const h of hashes) {
      const m = FORMAT.exec(h)!;
      expect(m).not.toBeNull();
      const [, n, r, p, salt, key] = m;
      expect([Number(n), Number(r), Number(p)]).toEqual([PASSWORD_PARAMS.N, 8, 1]); // 2^17 outside test runs (test above)
      // independently recomputed from the stored salt and parameters
      const again = scryptSync('same-secret-1'.normalize('NFKC'), Buffer.from(salt!, 'base64'), 64, { N: +n!, r: +r!, p: +p!, maxmem: 256 << 20 });
      expect(again.toString('base64')).toBe(key);
    }
    expect(await codeOf(signIn('twin1', 'same-secret-1'))).toBe('ok');
  });

  it('hashes at N = 2^17 unless a test run asks for the weak cost with both variables', () => {
    expect(passwordParams({}).N).toBe(1 << 17);
    expect(passwordParams({ CCD_TEST_KDF: 'weak' }).N).toBe(1 << 17);
    expect(passwordParams({ NODE_ENV: 'test' }).N).toBe(1 << 17);
    expect(passwordParams({ CCD_TEST_KDF: 'weak', NODE_ENV: 'production' }).N).toBe(1 << 17);
    expect(passwordParams({ CCD_TEST_KDF: 'weak', NODE_ENV: 'test' }).N).toBeLessThan(1 << 17);
    // a hash made at the weak cost is replaced at the production cost by a normal run's sign-in
    expect(needsRehash(`scrypt$${passwordParams({ CCD_TEST_KDF: 'weak', NODE_ENV: 'test' }).N}$8$1$c2FsdA==$${'A'.repeat(86)}==`, PRODUCTION_PASSWORD_PARAMS)).toBe(true);
  });

  it('verify with the parameters stored in each hash (cost can change later)', async () => {
    core = await freshCore({ demo: true });
    const cheap = await hashPassword('older-password', { N: 1024, r: 8, p: 1, keylen: 32 });
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    core.env.db.$client.prepare("UPDATE users SET password_hash = ? WHERE username = 'chenjie'").run(cheap);
    expect(await codeOf(signIn('chenjie', 'older-password'))).toBe('ok');
    expect(await codeOf(signIn('chenjie', 'demo1234'))).toBe('invalid_credentials');
  });

  it('replaces a cheaper hash at the next successful sign-in, and only then', async () => {
    core = await freshCore({ demo: true });
    const old = await hashPassword('older-password', { N: PASSWORD_PARAMS.N / 2, r: 8, p: 1, keylen: 64 });
    const hashOf = () => core.env.db.$client.prepare("SELECT password_hash FROM users WHERE username = 'chenjie'").pluck().get() as string;
    core.env.db.$client.prepare("UPDATE users SET password_hash = ? WHERE username = 'chenjie'").run(old);
    expect(await codeOf(signIn('chenjie', 'wrong-password'))).toBe('invalid_credentials');
    expect(hashOf()).toBe(old);
    expect(await codeOf(signIn('chenjie', 'older-password'))).toBe('ok');
    const now = hashOf();
    expect(now).toMatch(new RegExp(`^scrypt\\$${PASSWORD_PARAMS.N}\\$8\\$1\\$`));
    expect(await codeOf(signIn('chenjie', 'older-password'))).toBe('ok');
    expect(hashOf()).toBe(now); // already at today's cost: not rewritten
  });

  it('changing the password needs the old one and ends the other sessions', async () => {
    core = await freshCore({ demo: true });
    const here = await core.as('wangfang');
    const elsewhere = await core.as('wangfang');
    expect(await codeOf(here('auth.changePassword', { oldPassword: 'nope', newPassword: 'a-new-password' }))).toBe('invalid_credentials');
    await here('auth.changePassword', { oldPassword: 'demo1234', newPassword: 'a-new-password' });
    expect(await codeOf(here('auth.me', {}))).toBe('ok');
    expect(await codeOf(elsewhere('auth.me', {}))).toBe('unauthenticated');
    expect(await codeOf(signIn('wangfang', 'demo1234'))).toBe('invalid_credentials');
    expect(await codeOf(signIn('wangfang', 'a-new-password'))).toBe('ok');
  });
});

describe('roles and scope in master data', () => {
  let admin: Caller;
  let ids: { km: number; kmWh: number; leaf: number; qj: number; ct: number; ct2: number; cost: number; cost2: number; zhang: number; zhangVersion: number; staff: number };

  async function setup() {
    core = await freshCore({ demo: true });
    admin = await core.as('admin');
    const units = await admin('orgUnits.list', {});
    const users = await admin('users.list', {});
    const zhang = users.find((u) => u.username === 'zhangwei')!;
    const [ct, ct2] = await admin('channelTypes.list', {});
    const [cost, cost2] = await admin('costTypes.list', {});
    ids = {
      km: units.find((u) => u.code === 'KM')!.id,
      kmWh: units.find((u) => u.code === 'KM-WH')!.id,
      leaf: units.find((u) => u.code === 'KM-WH-04')!.id,
      qj: units.find((u) => u.code === 'QJ')!.id,
      ct: ct!.id,
      ct2: ct2!.id,
      cost: cost!.id,
      cost2: cost2!.id,
      zhang: zhang.id,
      zhangVersion: zhang.version,
      staff: users.find((u) => u.username === 'staff01')!.id,
    };
  }

  /** Every admin-only write, with input that passes validation (so the refusal is the role's). */
  const adminWrites = (): [MethodName, object][] => [
    ['orgUnits.create', { code: 'KM-NEW', nameZh: '新区', nameEn: 'New', kind: 'county', parentId: ids.km }],
    ['orgUnits.update', { id: ids.kmWh, version: 0, patch: { nameEn: 'Renamed' } }],
    ['orgUnits.setActive', { id: ids.leaf, version: 0, active: false }],
    ['channelTypes.create', { code: 'NEWCH', nameZh: '新渠道', nameEn: 'New channel' }],
    ['channelTypes.update', { id: ids.ct, version: 0, patch: { nameEn: 'Renamed' } }],
    ['channelTypes.setActive', { id: ids.ct2, version: 0, active: false }],
    ['costTypes.create', { code: 'NEWCOST', nameZh: '新费用', nameEn: 'New cost' }],
    ['costTypes.update', { id: ids.cost, version: 0, patch: { receiptThresholdFen: 1 } }],
    ['costTypes.setActive', { id: ids.cost2, version: 0, active: false }],
    ['users.create', { username: 'newbie', displayName: '新人', role: 'channel_staff', orgUnitIds: [ids.kmWh], password: 'password-1' }],
    ['users.update', { id: ids.zhang, version: ids.zhangVersion, patch: { role: 'admin' } }],
    ['users.setActive', { id: ids.staff, version: 0, active: false }],
    ['users.resetPassword', { id: ids.zhang, password: 'password-2' }],
  ];

  const snapshot = () =>
    core.env.db.$client
      .prepare(
        `SELECT (SELECT group_concat(version || active || name_en) FROM org_units) || '|' ||
                (SELECT group_concat(version || active || name_en) FROM channel_types) || '|' ||
                (SELECT group_concat(version || active || receipt_threshold_fen) FROM cost_types) || '|' ||
                (SELECT group_concat(version || active || role || password_hash) FROM users)`,
      )
      .pluck()
      .get();

  it('only administrators write org units, channel types, cost types and users', async () => {
    await setup();
    const before = snapshot();
    for (const username of ['zhangwei', 'lina', 'chenjie', 'wangfang']) {
      const who = await core.as(username);
      for (const [m, input] of adminWrites()) {
        expect([username, m, await codeOf(who(m, input as never))]).toEqual([username, m, 'forbidden']);
      }
    }
    expect(snapshot()).toBe(before);
    // the same calls succeed for the administrator (so the inputs above were valid)
    for (const [m, input] of adminWrites()) expect([m, await codeOf(admin(m, input as never))]).toEqual([m, 'ok']);
    expect(snapshot()).not.toBe(before);
  });

  it('every signed-in role reads the catalogues; reads of org units and users are scoped', async () => {
    await setup();
    const zhang = await core.as('zhangwei');
    const lina = await core.as('lina');
    expect((await zhang('channelTypes.list', {})).length).toBe(6);
    expect((await zhang('costTypes.list', {})).length).toBe(10);

    const zUnits = await zhang('orgUnits.list', {});
    expect(zUnits.map((u) => u.code).sort()).toEqual(['KM-WH', 'KM-WH-01', 'KM-WH-02', 'KM-WH-03', 'KM-WH-04']);
    const lUnits = await lina('orgUnits.list', {});
    expect(lUnits).toHaveLength(1 + 4 + 16);
    expect(lUnits.every((u) => u.pathIds.includes(ids.km))).toBe(true);
    expect((await admin('orgUnits.list', {})).length).toBe(56);

    const zUsers = (await zhang('users.list', {})).map((u) => u.username);
    expect(zUsers).toEqual(['zhangwei', 'zhouqiang']); // Wuhua's channel manager and its county manager
    const lUsers = (await lina('users.list', {})).map((u) => u.username);
    expect(lUsers).toContain('zhangwei');
    expect(lUsers).toContain('lina');
    expect(lUsers).not.toContain('admin');
    expect(lUsers).not.toContain('wangfang');
    expect(lUsers).toHaveLength(6); // lina, zhangwei, zhouqiang and the three other Kunming county managers
    // every active user but the system's own (inactive anyway, and assigned nowhere)
    expect((await admin('users.list', {})).length).toBe(count("SELECT count(*) FROM users WHERE active = 1 AND username <> '_system'"));
  });

  it('an administrator of one branch cannot reach units or users of another', async () => {
    await setup();
    await admin('users.create', { username: 'qjadmin', displayName: '曲靖管理员', role: 'admin', orgUnitIds: [ids.qj], password: 'password-qj' });
    const qj = await core.as('qjadmin', 'password-qj');
    const units = await qj('orgUnits.list', {});
    expect(units.length).toBe(1 + 4 + 12);
    expect(units.some((u) => u.id === ids.km || u.id === ids.kmWh)).toBe(false);

    expect(await codeOf(qj('orgUnits.update', { id: ids.kmWh, version: 0, patch: { nameEn: 'x' } }))).toBe('out_of_scope');
    expect(await codeOf(qj('orgUnits.setActive', { id: ids.kmWh, version: 0, active: false }))).toBe('out_of_scope');
    expect(await codeOf(qj('orgUnits.create', { code: 'KM-X', nameZh: '甲', nameEn: 'X', kind: 'county', parentId: ids.km }))).toBe('out_of_scope');
    expect(await codeOf(qj('orgUnits.create', { code: 'QJ-X', nameZh: '甲', nameEn: 'X', kind: 'county', parentId: ids.qj }))).toBe('ok');

    expect(await codeOf(qj('users.create', { username: 'spy', displayName: 'x', role: 'finance', orgUnitIds: [ids.km], password: 'password-x' }))).toBe('out_of_scope');
    expect(await codeOf(qj('users.update', { id: ids.zhang, version: ids.zhangVersion, patch: { displayName: 'x' } }))).toBe('not_found');
    expect(await codeOf(qj('users.setActive', { id: ids.zhang, version: ids.zhangVersion, active: false }))).toBe('not_found');
    expect(await codeOf(qj('users.resetPassword', { id: ids.zhang, password: 'password-y' }))).toBe('not_found');
    const qjUsers = (await qj('users.list', {})).map((u) => u.username);
    expect(qjUsers).toContain('qjadmin');
    expect(qjUsers).not.toContain('zhangwei');
    expect(await codeOf(signIn('zhangwei', 'demo1234'))).toBe('ok'); // untouched
  });
});
