import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { changedTables, fingerprint, otherCells, otherRows } from './scopewalk/check';
import { TABLE, type Probe } from './scopewalk/probes';
import { buildWorld, type World } from './scopewalk/world';

/**
 * The scope walk (issue 11.1): every method of the contract, called as a user of a sibling branch
 * (Qujing) at the data of the other branch (Kunming). Each call either is refused — and then
 * wrote nothing — or answers without a row of the other branch (answer and produced file).
 * The table (scopewalk/probes.ts) must name every method; 'org' methods need probes.
 */
const REFUSALS = new Set(['out_of_scope', 'forbidden', 'not_found', 'validation', 'file_not_found', 'excel_job_not_found']);
/** a validation refusal must be about scope, or a malformed probe would pass for a refused one */
const SCOPE_REASONS = new Set(['v.out_of_scope', 'v.owner_scope']);

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 240_000);
afterAll(() => w?.core.dispose());

describe('the scope walk table', () => {
  it('has an entry for every method of the contract, and probes for every org method', () => {
    expect(methodNames.filter((m) => !(m in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((m) => !(m in contract))).toEqual([]);
    const org = methodNames.filter((m) => contract[m].scope === 'org');
    expect(org.filter((m) => !TABLE[m].probes?.length)).toEqual([]);
    expect(methodNames.filter((m) => contract[m].scope !== 'org' && !TABLE[m].why)).toEqual([]);
  });

  it('calls each method in a role that may call it (a forbidden role would prove nothing)', () => {
    const wrong = methodNames.flatMap((m) => (TABLE[m].probes ?? []).filter((p) => contract[m].roles && !contract[m].roles.includes(p.as)).map((p) => `${m} as ${p.as}`));
    expect(wrong).toEqual([]);
  });
});

const probes = methodNames.flatMap((m) => (TABLE[m].probes ?? []).map((p) => [m, p] as [MethodName, Probe]));

describe('as a user of the sibling branch', () => {
  it.each(probes.map(([m, p]) => [`${m} (${p.as}): ${p.aim}`, m, p] as const))('%s', async (_name, m, p) => {
    const db = w.core.env.db.$client;
    // every probe starts from the same world: what a call writes is measured, then rolled back
    db.exec('SAVEPOINT walk');
    let changed: string[];
    let outcome: { answer: unknown } | { error: unknown };
    try {
      const input = await p.input(w);
      const before = fingerprint(w.core);
      const call = w.as[p.as] as unknown as (m: MethodName, i: unknown) => Promise<unknown>;
      outcome = await call(m, input).then(
        (answer) => ({ answer }),
        (error: unknown) => ({ error }),
      );
      changed = changedTables(before, fingerprint(w.core));
    } finally {
      db.exec('ROLLBACK TO walk; RELEASE walk');
    }
    if ('error' in outcome) {
      const e = outcome.error;
      if (!(e instanceof ApiError) || !REFUSALS.has(e.code)) throw e;
      if (e.code === 'validation') expect((e.details as { reason: string }[]).map((d) => d.reason).filter((r) => SCOPE_REASONS.has(r))).not.toEqual([]);
      expect(changed, 'a refused call wrote').toEqual([]);
      return;
    }
    expect(changed.filter((t) => !p.mayWrite?.includes(t)), 'a call aimed at the other branch wrote').toEqual([]);
    expect(otherRows(w, outcome.answer)).toEqual([]);
    const produced = outcome.answer as { fileId?: string; size?: number };
    if (produced.fileId && produced.size !== undefined && !p.ownFile) {
      expect(await otherCells(w, w.core.files.open(w.as[p.as].token, produced.fileId).path)).toEqual([]);
    }
    p.then?.(outcome.answer as never, w);
  });
});
