import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/names';
import { freshCore, type Caller, type TestCore } from '../testing';

/**
 * Two OS processes on one SQLite file act on the same document at the same moment, 50 times:
 * exactly one approval succeeds each time and the other gets `conflict` (the version is read again
 * inside the write lock of an IMMEDIATE transaction).
 */
let core: TestCore;
let zhang: Caller;
const kids: ChildProcessWithoutNullStreams[] = [];

function child(): { send(line: string): void; next(): Promise<string> } {
  const p = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'concurrency.child.ts'), core.dir, 'zhouqiang', DEMO_PASSWORD], { stdio: 'pipe' });
  kids.push(p);
  const lines: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  createInterface({ input: p.stdout }).on('line', (l) => (waiting.length ? waiting.shift()!(l) : lines.push(l)));
  return { send: (l) => p.stdin.write(`${l}\n`), next: () => (lines.length ? Promise.resolve(lines.shift()!) : new Promise((r) => waiting.push(r))) };
}

beforeAll(async () => {
  core = await freshCore({ demo: true, now: () => new Date('2026-06-10T02:00:00Z') });
  zhang = await core.as('zhangwei');
});
afterAll(() => {
  for (const k of kids) k.kill();
  core.dispose();
});

describe('two processes, one document', () => {
  it('exactly one of two simultaneous approvals succeeds, 50 times', async () => {
    const partner = core.env.db.$client
      .prepare(`SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%' AND p.status = 'cooperating' ORDER BY p.id LIMIT 1`)
      .pluck()
      .get() as number;
    const promo = core.env.db.$client.prepare(`SELECT id FROM cost_types WHERE code = 'PROMO'`).pluck().get() as number;
    const docs: { id: number; version: number }[] = [];
    const month = '2026-06';
    for (let k = 0; k < 50; k++) {
      const d = await zhang('costRequests.create', { partnerId: partner, costTypeId: promo, title: `并发 ${k}`, activityStart: `${month}-01`, activityEnd: `${month}-02`, amount: 100 });
      const s = await zhang('costRequests.submit', { id: d.id, version: d.version });
      docs.push({ id: s.id, version: s.version });
    }
    const a = child();
    const b = child();
    expect([await a.next(), await b.next()]).toEqual(['ready', 'ready']);
    for (const d of docs) {
      a.send(`${d.id} ${d.version}`);
      b.send(`${d.id} ${d.version}`);
      const results = [(await a.next()).split(' ')[1], (await b.next()).split(' ')[1]].sort();
      expect(results).toEqual(['conflict', 'ok']);
    }
    const states = core.env.db.$client.prepare(`SELECT approval_state FROM cost_requests WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(docs.map((d) => d.id)));
    expect(new Set(states)).toEqual(new Set(['approved']));
    const commitments = core.env.db.$client
      .prepare(`SELECT count(*) FROM budget_ledger WHERE kind = 'commitment' AND against_type = 'cost_request' AND against_id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .get(JSON.stringify(docs.map((d) => d.id)));
    expect(commitments).toBe(50);
  }, 300_000);
});
