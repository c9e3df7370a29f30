import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './open';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'ccd-db-'));
  dirs.push(d);
  return d;
};

describe('openDb', () => {
  it('sets the pragmas and applies migrations, idempotently on reopen', () => {
    const dir = fresh();
    const db = openDb(dir);
    const c = db.$client;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = c.prepare("select name from sqlite_master where type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['users', 'partners', 'org_units', 'cost_types']));
    c.close();
    const again = openDb(dir); // migrations run again and find nothing to do
    expect(again.$client.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBeGreaterThan(0);
    again.$client.close();
  });

  it('money columns refuse non-integer fen', () => {
    const db = openDb(fresh());
    const now = new Date().toISOString();
    const ins = db.$client.prepare(
      "insert into cost_types (code,name_zh,name_en,receipt_threshold_fen,created_at,updated_at) values (?,?,?,?,?,?)",
    );
    expect(() => ins.run('A', '甲', 'A', 12.5, now, now)).toThrow(/CHECK constraint failed/);
    expect(() => ins.run('B', '乙', 'B', -1, now, now)).toThrow(/CHECK constraint failed/);
    ins.run('C', '丙', 'C', 1250, now, now);
    db.$client.close();
  });
});
