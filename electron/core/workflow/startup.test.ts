import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCore, type TestCore } from '../testing';
import { verifyHistoryAtStart } from './startup';

/** The start-up walk of the history chain starts from the last verified row, and notices when that row changed. */
let core: TestCore;
const db = () => core.env.db.$client;
const one = <T>(sql: string, ...p: unknown[]) => db().prepare(sql).pluck().get(...p) as T;
const checkpoint = () => JSON.parse(one<string>(`SELECT value FROM settings WHERE key = 'history.verifiedThrough'`)) as { id: number; hash: string };

beforeAll(async () => {
  core = await freshCore({ demo: true });
});
afterAll(() => core.dispose());

describe('history verification at start-up', () => {
  it('walks only the rows added since the last good walk', () => {
    const first = verifyHistoryAtStart(core.env);
    expect(first.broken).toBeNull();
    const last = one<number>('SELECT max(id) FROM document_history');
    expect(last).toBeGreaterThan(0);
    expect(checkpoint()).toEqual({ id: last, hash: one<string>('SELECT hash FROM document_history WHERE id = ?', last) });
    const again = verifyHistoryAtStart(core.env);
    expect(again).toEqual({ broken: null, from: last });
  });

  it('finds a row added after the checkpoint that does not chain, and keeps the checkpoint', () => {
    const before = checkpoint();
    const bad = Number(
      db()
        .prepare(
          `INSERT INTO document_history (document_type, document_id, action, from_state, to_state, user_id, at, comment, prev_hash, hash)
           VALUES ('budget_version', 1, 'comment', NULL, NULL, 1, '2026-01-01T00:00:00.000Z', 'forged', ?, ?)`,
        )
        .run('f'.repeat(64), 'e'.repeat(64)).lastInsertRowid,
    );
    expect(verifyHistoryAtStart(core.env)).toEqual({ broken: bad, from: before.id });
    expect(checkpoint()).toEqual(before);
  });

  it('walks from the start when the checkpoint row itself was changed', () => {
    const cp = checkpoint();
    db().exec('DROP TRIGGER IF EXISTS document_history_no_update');
    db().prepare(`UPDATE document_history SET hash = ? WHERE id = ?`).run('d'.repeat(64), cp.id);
    const r = verifyHistoryAtStart(core.env);
    expect(r.from).toBe(0);
    expect(r.broken).not.toBeNull();
    expect(r.broken!).toBeLessThanOrEqual(cp.id + 1);
  });
});
