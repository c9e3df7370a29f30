import { cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/api/errors';
import { findMigrationsDir } from '../db/open';
import { freshCore, quietLogger, type TestCore } from '../testing';
import { restoreOffline } from './restore';
import { DatabaseDamagedError, startCore } from './start';
import { backupName, keptByRotation, listBackups } from './store';
import { dbPath } from './switch';

/** Backups: when they are made, the rotation, the check at open, and restoring (in the app and by hand). */
let core: TestCore | null = null;
const dirs: string[] = [];
afterEach(() => {
  core?.dispose();
  core = null;
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'ccd-bk-'));
  dirs.push(d);
  return d;
};
const clock = (start: string) => {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
};
const partners = (path: string) => {
  const c = new Database(path, { readonly: true });
  try {
    return c.prepare('SELECT count(*) FROM partners').pluck().get() as number;
  } finally {
    c.close();
  }
};
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: ApiError) => e.code);

describe('rotation', () => {
  it('keeps the 3 newest, the newest of each of the last 7 days with backups and of each of the last 4 weeks', () => {
    // two backups a day for 40 days, newest first
    const all = Array.from({ length: 80 }, (_, i) => {
      const at = new Date(Date.parse('2026-12-31T20:00:00Z') - Math.floor(i / 2) * 86_400_000 - (i % 2) * 3_600_000);
      return { name: backupName(at, 'daily'), createdAt: at.toISOString() };
    });
    const kept = [...keptByRotation(all)].map((n) => all.find((b) => b.name === n)!.createdAt).sort().reverse();
    expect(kept).toEqual([
      '2026-12-31T20:00:00.000Z', '2026-12-31T19:00:00.000Z', // the 3 newest…
      '2026-12-30T20:00:00.000Z', // …which also begin the 7 days
      '2026-12-29T20:00:00.000Z', '2026-12-28T20:00:00.000Z', '2026-12-27T20:00:00.000Z', '2026-12-26T20:00:00.000Z', '2026-12-25T20:00:00.000Z',
      // weeks from Monday: 28 Dec (newest is the 31st, kept), 21 Dec (the 27th, kept), 14 Dec (the 20th), 7 Dec (the 13th)
      '2026-12-20T20:00:00.000Z', '2026-12-13T20:00:00.000Z',
    ]);
  });
});

describe('automatic backups at start', () => {
  it('none for a new folder; a daily one when the newest is more than a day old; rotation applied', async () => {
    const dir = temp();
    const c = clock('2026-12-01T08:00:00Z');
    const first = await startCore({ dataDir: dir, log: quietLogger, now: c.now });
    first.close();
    expect(listBackups(dir)).toEqual([]); // nothing to keep yet (and nothing migrated over data)
    for (let day = 0; day < 12; day++) {
      const s = await startCore({ dataDir: dir, log: quietLogger, now: c.now });
      s.close();
      c.advance(6 * 3_600_000); // the same day: no second one
      (await startCore({ dataDir: dir, log: quietLogger, now: c.now })).close();
      c.advance(18 * 3_600_000 + 1);
    }
    const list = listBackups(dir);
    expect(list.every((b) => b.reason === 'daily')).toBe(true);
    expect(list.map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-12-12', '2026-12-11', '2026-12-10', '2026-12-09', '2026-12-08', '2026-12-07', '2026-12-06']);
    // a backup is a complete database
    expect(partners(list[0]!.path)).toBe(0);
  });

  it('one before a pending migration, holding the data as it was before', async () => {
    const dir = temp();
    const seeded = await freshCore({ demo: true });
    seeded.close();
    cpSync(dbPath(seeded.dir), dbPath(dir));
    rmSync(seeded.dir, { recursive: true, force: true });
    const migrations = join(temp(), 'migrations');
    cpSync(findMigrationsDir(), migrations, { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'));
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now() + 10 ** 9, tag: '9999_probe', breakpoints: true });
    writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_probe.sql'), 'CREATE TABLE probe_after_upgrade (x integer);');
    const s = await startCore({ dataDir: dir, log: quietLogger, migrationsDir: migrations });
    const [b] = listBackups(dir);
    expect(b?.reason).toBe('pre-migration');
    expect(s.env.db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'probe_after_upgrade'").pluck().get()).toBe(1);
    const copy = new Database(b!.path, { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'probe_after_upgrade'").pluck().get()).toBe(0);
    expect(copy.prepare('SELECT count(*) FROM partners').pluck().get()).toBeGreaterThan(200);
    copy.close();
    s.close();
  });

  it('refuses to start on a damaged file, naming the newest backup and how to restore it; --restore gets the data back', async () => {
    const dir = temp();
    const c = clock('2026-12-01T08:00:00Z');
    const s = await startCore({ dataDir: dir, log: quietLogger, now: c.now });
    await (await import('../setup/service')).initDemo(s.env, { partners: 50 });
    s.close();
    c.advance(2 * 86_400_000);
    (await startCore({ dataDir: dir, log: quietLogger, now: c.now })).close(); // makes a daily backup
    const [good] = listBackups(dir);
    // damage the pages in the middle of the file
    const fd = openSync(dbPath(dir), 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 8 * 4096);
    closeSync(fd);
    const err = (await startCore({ dataDir: dir, log: quietLogger, now: c.now }).catch((e) => e)) as Error;
    expect(err).toBeInstanceOf(DatabaseDamagedError);
    expect(err.message).toContain(good!.path);
    expect(err.message).toContain(`--restore "${good!.path}"`);
    const kept = await restoreOffline(dir, good!.path, c.now());
    expect(existsSync(kept)).toBe(true); // the damaged file is kept too
    const back = await startCore({ dataDir: dir, log: quietLogger, now: c.now });
    expect(back.env.db.$client.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(partners(good!.path));
    back.close();
  });
});

describe('backups from the app (administrators)', () => {
  it('back up on demand, list, and restore a verified backup, keeping the current database', async () => {
    core = await freshCore({ demo: true });
    const admin = await core.as('admin');
    const wang = await core.as('wangfang');
    expect(await codeOf(wang('backups.create', {}))).toBe('forbidden');
    expect(await codeOf(wang('backups.list', {}))).toBe('forbidden');
    const b = await admin('backups.create', {});
    expect(b).toMatchObject({ reason: 'manual', size: expect.any(Number) });
    expect(await admin('backups.list', {})).toEqual({ folder: join(core.dir, 'backups'), backups: [b] });
    const before = core.env.db.$client.prepare('SELECT count(*) FROM partners').pluck().get() as number;
    core.env.db.$client.prepare("UPDATE partners SET name = name || '（改）' WHERE id = 1").run();
    core.env.db.$client.prepare("DELETE FROM change_log").run();

    const r = await admin('backups.restore', { name: b.name });
    expect(r.restored).toBe(b.name);
    const db = core.env.db.$client; // the new connection
    expect(db.prepare('SELECT name FROM partners WHERE id = 1').pluck().get()).not.toMatch(/（改）$/);
    expect(db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(before);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // the database as it was before the restore is a backup
    const kept = listBackups(core.dir).find((x) => x.name === r.keptAs)!;
    expect(kept.reason).toBe('pre-restore');
    const k = new Database(kept.path, { readonly: true });
    expect(k.prepare('SELECT name FROM partners WHERE id = 1').pluck().get()).toMatch(/（改）$/);
    k.close();
    // the app keeps working on the restored file (the admin's session was in the backup)
    expect((await admin('auth.me', {})).username).toBe('admin');
  });

  it('refuses a damaged backup, a file that is not ours and one from a newer app, changing nothing', async () => {
    core = await freshCore({ demo: true });
    const admin = await core.as('admin');
    const b = await admin('backups.create', {});
    const dir = join(core.dir, 'backups');
    const later = (n: number) => backupName(new Date(Date.now() + n * 1000), 'manual');
    // damaged
    const damaged = later(1);
    copyFileSync(join(dir, b.name), join(dir, damaged));
    const fd = openSync(join(dir, damaged), 'r+');
    writeSync(fd, Buffer.alloc(32 * 1024, 0x33), 0, 32 * 1024, 6 * 4096);
    closeSync(fd);
    // not ours
    const foreign = later(2);
    const f = new Database(join(dir, foreign));
    f.exec('CREATE TABLE t (x)');
    f.close();
    // from a newer app
    const newer = later(3);
    copyFileSync(join(dir, b.name), join(dir, newer));
    const n = new Database(join(dir, newer));
    n.prepare('UPDATE __drizzle_migrations SET created_at = created_at + 10000000000 WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)').run();
    n.close();
    const marker = () => core!.env.db.$client.prepare("SELECT count(*) FROM partners WHERE name = 'marker'").pluck().get();
    core.env.db.$client.prepare("UPDATE partners SET name = 'marker' WHERE id = 2").run();
    expect(await codeOf(admin('backups.restore', { name: damaged }))).toBe('backup_damaged');
    expect(await codeOf(admin('backups.restore', { name: foreign }))).toBe('backup_foreign');
    expect(await codeOf(admin('backups.restore', { name: newer }))).toBe('backup_newer');
    expect(await codeOf(admin('backups.restore', { name: '../channel-cost-desk.sqlite' }))).toBe('not_found');
    expect(marker()).toBe(1);
    expect(listBackups(core.dir).some((x) => x.reason === 'pre-restore')).toBe(false);
    expect(existsSync(`${dbPath(core.dir)}.restoring`)).toBe(false);
  });
});
