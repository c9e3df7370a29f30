import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../../shared/api/contract';
import { ROLES } from '../../shared/api/define';
import { ApiError } from '../../shared/api/errors';
import { arbitraryOf, invalidOf, type Pools } from './fuzz/arbitrary';
import { changedTables, fingerprint, otherRows } from './scopewalk/check';
import { buildWorld, type World } from './scopewalk/world';

/**
 * API fuzzing (issue 11.8): for every method of the contract, fast-check makes inputs from its zod
 * schema (fuzz/arbitrary.ts) — shaped to pass, and broken on purpose — and calls it through the
 * dispatcher as each walker of the scope walk's world (one user per role, assigned to Qujing only)
 * and without a session. Every call:
 * - answers, or fails with an ApiError whose code is not `internal` (an unexpected error);
 * - when refused, changed nothing (the database's fingerprint equals the world's);
 * - when answering an 'org' method, shows no row of the other branch (Kunming).
 * Each call runs inside a savepoint that is rolled back, so every call starts from the same world.
 *
 * Runs: FUZZ_RUNS calls per method and seed (default 8; valid or broken input, caller drawn), with
 * a fixed seed and a random one; FUZZ_SEED replays a seed fast-check printed on a failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
/** methods that run scrypt (2^17, ~0.2–2 s a call): an eighth of the runs */
const SCRYPT = new Set<MethodName>(['auth.signIn', 'auth.changePassword', 'users.create', 'users.resetPassword']);
/**
 * SQLite's online backup copies nothing from a connection inside a write transaction, so the
 * backup methods run without the savepoint (they write files, not rows; a fuzzed backup name
 * never names a real backup, so restore only refuses).
 */
const NO_SAVEPOINT = new Set<MethodName>(['backups.create', 'backups.restore']);
const FIXED_SEED = 20261205;
const randomSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const CALLERS = [...ROLES, 'anonymous'] as const;
type CallerKind = (typeof CALLERS)[number];

let w: World;
let pools: Pools;
let baseline: Record<string, string>;

/** every number and string leaf of the world's records (ids, versions, file and job ids) */
function leaves(v: unknown, ints: Set<number>, strings: Set<string>): void {
  if (typeof v === 'number' && Number.isSafeInteger(v)) ints.add(v);
  else if (typeof v === 'string') strings.add(v);
  else if (v instanceof Set) for (const x of v) leaves(x, ints, strings);
  else if (Array.isArray(v)) for (const x of v) leaves(x, ints, strings);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) leaves(x, ints, strings);
}

beforeAll(async () => {
  w = await buildWorld();
  const ints = new Set<number>();
  const strings = new Set<string>(['2026-06', '2026-06-20', '2027-01', 'partners', 'TERMINAL', 'PROMO', 'QJ', 'KM-WH', 'wangfang', 'zhangwei']);
  leaves([w.km, w.qj, w.straddler, w.other.codes], ints, strings);
  for (const r of ROLES) ints.add(w.as[r].userId);
  pools = { ints: [...ints].sort((a, b) => a - b), strings: [...strings] };
  baseline = fingerprint(w.core);
  countWrites(w);
}, 300_000); // the world signs in a dozen users (scrypt 2^17): slow on a loaded machine

/**
 * A cheap write counter: temporary triggers on every table the fingerprint covers add one per
 * row inserted, updated or deleted (the count lives in a temp table, so the rollback resets it).
 * Only a call that wrote pays for a fingerprint.
 */
function countWrites(world: World): void {
  const db = world.core.env.db.$client;
  db.exec('CREATE TEMP TABLE fuzz_writes (n INTEGER NOT NULL); INSERT INTO fuzz_writes VALUES (0);');
  for (const t of Object.keys(baseline)) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER "fuzz_${op}_${t}" AFTER ${op} ON main."${t}" BEGIN UPDATE fuzz_writes SET n = n + 1; END`);
    }
  }
}
afterAll(() => w?.core.dispose());

interface Outcome {
  answer?: unknown;
  error?: unknown;
  changed: string[];
}

async function callOnce(m: MethodName, as: CallerKind, input: unknown): Promise<Outcome> {
  const db = w.core.env.db.$client;
  const isolated = !NO_SAVEPOINT.has(m);
  if (isolated) db.exec('SAVEPOINT fuzz');
  try {
    const token = as === 'anonymous' ? null : w.as[as].token;
    const writes = db.prepare('SELECT n FROM temp.fuzz_writes').pluck();
    const before = writes.get() as number;
    const out = await w.core.call(m, input as never, { token }).then(
      (answer) => ({ answer }),
      (error: unknown) => ({ error }),
    );
    const wrote = (writes.get() as number) !== before;
    return { ...out, changed: wrote ? changedTables(baseline, fingerprint(w.core)) : [] };
  } finally {
    if (isolated) db.exec('ROLLBACK TO fuzz; RELEASE fuzz');
  }
}

function judge(m: MethodName, as: CallerKind, input: unknown, o: Outcome): void {
  const what = `${m} as ${as} with ${JSON.stringify(input)?.slice(0, 300)}`;
  if ('error' in o && o.error !== undefined) {
    if (!(o.error instanceof ApiError)) throw new Error(`${what}: threw a non-ApiError: ${String((o.error as Error)?.stack ?? o.error)}`);
    if (o.error.code === 'internal') throw new Error(`${what}: internal error (${o.error.message} ${JSON.stringify(o.error.params)})`);
    if (o.changed.length) throw new Error(`${what}: refused (${o.error.code}) but changed ${o.changed.join(', ')}`);
    return;
  }
  if (contract[m].scope === 'org' && as !== 'anonymous') {
    const found = otherRows(w, o.answer);
    if (found.length) throw new Error(`${what}: answer shows the other branch: ${found.slice(0, 5).join('; ')}`);
  }
}

describe('API fuzz: every method, every role, valid and invalid inputs', () => {
  it('maps every zod kind of the contract', () => {
    for (const m of methodNames) expect(() => arbitraryOf(contract[m].input, { ints: [1], strings: ['x'] }), m).not.toThrow();
  });

  it.each(methodNames.map((m) => [m]))('%s', async (m) => {
    const schema = contract[m].input;
    const input = fc.oneof(arbitraryOf(schema, pools), invalidOf(schema, pools));
    const prop = fc.asyncProperty(fc.constantFrom(...CALLERS), input, async (as, i) => judge(m, as, i, await callOnce(m, as, i)));
    for (const seed of [FIXED_SEED, randomSeed]) {
      await fc.assert(prop, { seed, numRuns: SCRYPT.has(m) ? Math.max(1, RUNS >> 3) : RUNS, endOnFailure: true });
    }
  });
});
