import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetVsActual } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import type { Balances, ControlMode } from '../../../shared/domain/budget';
import { freshCore, type Caller, type TestCore } from '../testing';
import { CellBook, demoIds, ledgerOps, months, type Row } from './testkit';

/**
 * The ledger's invariants under thousands of random sequences of version approvals, transfers,
 * commitments, releases, actuals and period closings, driven through the API (commitments, releases
 * and actuals through their core functions: no API method posts them) and checked against
 * a model after every step:
 * - every operation succeeds or fails exactly as the rules predict, and a failed one changes nothing;
 * - every cell's balances in the database equal the model's, and the number of entries grows only
 *   by the entries the successful operations post (no balance moves without an entry);
 * - the per line × month totals the trigger keeps (budget_ledger_totals) equal the ledger's sums;
 * - budget vs actual (by branch × org unit × cost type × month, and by quarter, and for a branch
 *   manager's scope) gives allocated = available + committed + actual on every row, subtotal and
 *   total, and they add up to the model;
 * - a cell whose rule is `block` never has committed + actual beyond its allocation + tolerance.
 * Each sequence runs inside a transaction that is rolled back, so all start from the same state.
 */
const YEAR = 2028;
const PERIODS = ['2028-01', '2028-02', '2028-03'];
const NP = PERIODS.length;
/** line index → [org unit, cost type]; demo defaults: PROMO block 5%, DISPLAY warn 10%, RENT block 0% */
const LINES: [string, string][] = [['KM-WH', 'PROMO'], ['KM-PL', 'PROMO'], ['QJ-QL', 'DISPLAY'], ['QJ-QL', 'RENT']];
const DEFAULTS: { control: ControlMode; tol: number }[] = [{ control: 'block', tol: 500 }, { control: 'block', tol: 500 }, { control: 'warn', tol: 1000 }, { control: 'block', tol: 0 }];
const NL = LINES.length;
// "thousands of random sequences" (issue 3): 2,000 by default, ~20 s on a loaded 2-core machine.
const RUNS = Number(process.env.BUDGET_PROPERTY_RUNS ?? 2000);

type Op =
  | { t: 'version'; amounts: number[][]; control: (ControlMode | null)[]; tol: (number | null)[]; remove: boolean[] }
  | { t: 'transfer'; from: number; to: number; amount: number }
  | { t: 'commit'; cell: number; amount: number; req: number }
  | { t: 'release'; cell: number; amount: number; req: number }
  | { t: 'actual'; cell: number; amount: number; req: number }
  | { t: 'close'; period: number };

/**
 * The control rules as this test understands them from the spec, written out independently of
 * shared/domain/budget.ts (the code under test), so a wrong rule there cannot predict its own
 * outcomes: a cell's limit is its allocation plus the tolerance (allocation × tolerance in basis
 * points, rounded half up — allocations here are never negative); a `block` cell refuses anything
 * that takes committed + actual past the limit; a revision may not plan a cell below what is
 * committed and spent, nor leave a `block` cell past its new limit.
 */
const limitOf = (allocated: number, tolBp: number) => allocated + Math.max(0, Math.floor((allocated * tolBp + 5000) / 10_000));
const blocks = (rule: { control: ControlMode; tol: number }, b: Balances, amount: number) =>
  rule.control === 'block' && b.committed + b.actual + amount > limitOf(b.allocated, rule.tol);
function revisionRefused(b: Balances, change: number, rule: { control: ControlMode; tol: number }): boolean {
  const used = b.committed + b.actual;
  const allocated = b.allocated + change;
  if (change < 0 && allocated < used) return true;
  return rule.control === 'block' && used > limitOf(allocated, rule.tol);
}

const amount = fc.integer({ min: 1, max: 30 }).map((x) => x * 50);
const versionOp = (forceAll: boolean) =>
  fc.record({
    t: fc.constant('version' as const),
    amounts: fc.array(fc.array(fc.integer({ min: 0, max: 20 }).map((x) => x * 100), { minLength: NP, maxLength: NP }), { minLength: NL, maxLength: NL }),
    control: fc.array(fc.constantFrom<ControlMode | null>(null, null, 'block', 'warn', 'none'), { minLength: NL, maxLength: NL }),
    tol: fc.array(fc.constantFrom<number | null>(null, null, 0, 500, 2000), { minLength: NL, maxLength: NL }),
    remove: forceAll ? fc.constant(Array<boolean>(NL).fill(false)) : fc.array(fc.boolean(), { minLength: NL, maxLength: NL }).map((r) => r.map((x, i) => x && i % 2 === 1)),
  });
const cell = fc.integer({ min: 0, max: NL * NP - 1 });
const req = fc.integer({ min: 1, max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: versionOp(false) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('transfer' as const), from: cell, to: cell, amount }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('commit' as const), cell, amount, req }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('release' as const), cell, amount, req }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('actual' as const), cell, amount, req: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('close' as const), period: fc.integer({ min: 0, max: NP - 1 }) }) },
);

/** what the rules say the database must hold */
class Model extends CellBook {
  inForce: ((number[] | null) | undefined)[] = Array(NL).fill(undefined);
  rules = DEFAULTS.map((d) => ({ ...d }));
  outstanding = new Map<string, number>();
  closed = new Set<string>();
  lineIds: (number | undefined)[] = Array(NL).fill(undefined);
}

let core: TestCore;
let wang: Caller;
let zhao: Caller;
let lina: Caller;
let ids: ReturnType<typeof demoIds>;
let branchOf: number[];
beforeAll(async () => {
  core = await freshCore({ demo: true });
  ids = demoIds(core);
  [wang, zhao, lina] = [await core.as('wangfang'), await core.as('zhaomin'), await core.as('lina')];
  branchOf = LINES.map(([org]) => ids.org(org.slice(0, 2)));
});
afterAll(() => core.dispose());

const codeOf = (e: unknown) => (e instanceof ApiError ? e.code : `unexpected: ${String(e)}`);
async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    return codeOf(e);
  }
}

async function runVersion(m: Model, planId: number, op: Extract<Op, { t: 'version' }>): Promise<[string, string]> {
  const rows: Row[] = [];
  const remove: number[] = [];
  const next = LINES.map((_, i) => (op.remove[i] ? null : op.amounts[i]!));
  next.forEach((a, i) => {
    if (a) rows.push({ orgUnitId: ids.org(LINES[i]![0]), channelTypeId: ids.channel('TERMINAL'), costTypeId: ids.cost(LINES[i]![1]), partnerId: null, amounts: months(...a, 0).map((x, k) => (k < NP ? x : 0)), controlMode: op.control[i], toleranceBp: op.tol[i] });
    else if (m.inForce[i]) remove.push(m.lineIds[i]!);
  });
  // prediction
  let expected = 'ok';
  const newRules = LINES.map((_, i) => (next[i] ? { control: op.control[i] ?? DEFAULTS[i]!.control, tol: op.tol[i] ?? DEFAULTS[i]!.tol } : { ...DEFAULTS[i]! }));
  for (let i = 0; i < NL && expected === 'ok'; i++) {
    for (let p = 0; p < NP; p++) {
      const change = (next[i]?.[p] ?? 0) - (m.inForce[i]?.[p] ?? 0);
      if (change !== 0 && m.closed.has(PERIODS[p]!)) expected = 'validation';
      else if (m.cells.has(`${i}|${p}`) && revisionRefused(m.bal(i, p), change, newRules[i]!)) expected = 'validation';
    }
  }
  if (expected === 'ok' && rows.length === 0) expected = 'version_empty';
  const got = await outcome(async () => {
    const draft = await wang('budgetVersions.revise', { planId });
    let version = draft.version;
    try {
      const saved = await wang('budgetVersions.saveLines', { versionId: draft.id, version, rows, removeLineIds: remove });
      version = saved.version;
      saved.lineIds.forEach((lineId, k) => {
        const i = LINES.findIndex(([org, cost]) => ids.org(org) === rows[k]!.orgUnitId && ids.cost(cost) === rows[k]!.costTypeId);
        m.lineIds[i] = lineId;
      });
      const sub = await wang('budgetVersions.submit', { id: draft.id, version });
      await zhao('budgetVersions.approve', { id: draft.id, version: sub.version });
    } catch (e) {
      await wang('budgetVersions.cancel', { id: draft.id, version });
      throw e;
    }
  });
  if (got === 'ok') {
    for (let i = 0; i < NL; i++) {
      for (let p = 0; p < NP; p++) {
        const change = (next[i]?.[p] ?? 0) - (m.inForce[i]?.[p] ?? 0);
        if (change !== 0) m.move(i, p, { allocated: change });
      }
      m.inForce[i] = next[i];
      m.rules[i] = newRules[i]!;
    }
  }
  return [expected, got];
}

async function step(m: Model, planId: number, op: Op): Promise<[string, string]> {
  if (op.t === 'version') return runVersion(m, planId, op);
  if (op.t === 'close') {
    const period = PERIODS[op.period]!;
    const open = m.closed.has(period);
    const reopen = async () => {
      await wang('budgetPeriods.reopen', { period, note: 'reopen' });
      await zhao('budgetPeriods.confirmReopen', { period });
    };
    const got = await outcome(() => (open ? reopen() : zhao('budgetPeriods.close', { period })));
    if (got === 'ok' && open) m.closed.delete(period);
    else if (got === 'ok') m.closed.add(period);
    return ['ok', got];
  }
  const at = (c: number) => ({ line: Math.floor(c / NP), p: c % NP });
  if (op.t === 'transfer') {
    const [f, t] = [at(op.from), at(op.to)];
    if (m.lineIds[f.line] === undefined || m.lineIds[t.line] === undefined) return ['ok', 'ok'];
    const b = m.bal(f.line, f.p);
    const expected =
      op.from === op.to ? 'validation'
      : op.amount > b.allocated - b.committed - b.actual ? 'transfer_exceeds_available'
      : m.closed.has(PERIODS[f.p]!) || m.closed.has(PERIODS[t.p]!) ? 'period_closed'
      : 'ok';
    const got = await outcome(async () => {
      const tr = await wang('budgetTransfers.create', {
        from: { lineId: m.lineIds[f.line]!, period: PERIODS[f.p]! }, to: { lineId: m.lineIds[t.line]!, period: PERIODS[t.p]! }, amount: op.amount, reason: '调拨',
      });
      const sub = await wang('budgetTransfers.submit', { id: tr.id, version: tr.version });
      await zhao('budgetTransfers.approve', { id: tr.id, version: sub.version });
    });
    if (got === 'ok') {
      m.move(f.line, f.p, { allocated: -op.amount });
      m.move(t.line, t.p, { allocated: op.amount });
    }
    return [expected, got];
  }
  const { line, p } = at(op.cell);
  if (m.lineIds[line] === undefined) return ['ok', 'ok'];
  const cellRef = { lineId: m.lineIds[line]!, period: PERIODS[p]! };
  const closed = m.closed.has(PERIODS[p]!);
  const okey = `${op.req}|${op.cell}`;
  const held = m.outstanding.get(okey) ?? 0;
  const rule = m.rules[line]!;
  if (op.t === 'commit') {
    const blocked = blocks(rule, m.bal(line, p), op.amount);
    const expected = blocked ? 'budget_exceeded' : closed ? 'period_closed' : 'ok';
    const got = await outcome(() => ledgerOps(core, wang).commit({ cell: cellRef, amount: op.amount, source: { type: 'cost_request', id: op.req, ref: '' } }));
    if (got === 'ok') {
      m.move(line, p, { committed: op.amount });
      m.outstanding.set(okey, held + op.amount);
    }
    return [expected, got];
  }
  if (op.t === 'release') {
    const expected = op.amount > held ? 'release_exceeds_commitment' : closed ? 'period_closed' : 'ok';
    const got = await outcome(() => ledgerOps(core, wang).release({ cell: cellRef, amount: op.amount, against: { type: 'cost_request', id: op.req } }));
    if (got === 'ok') {
      m.move(line, p, { committed: -op.amount });
      m.outstanding.set(okey, held - op.amount);
    }
    return [expected, got];
  }
  const consumed = op.req ? Math.min(op.amount, held) : 0;
  const blocked = blocks(rule, m.bal(line, p), op.amount - consumed);
  const expected = blocked ? 'budget_exceeded' : closed ? 'period_closed' : 'ok';
  const against = op.req ? { type: 'cost_request', id: op.req } : undefined;
  const got = await outcome(() => ledgerOps(core, wang).recordActual({ cell: cellRef, amount: op.amount, source: { type: 'cost_claim', id: 1, ref: '' }, against }));
  if (got === 'ok') {
    if (consumed) {
      m.move(line, p, { committed: -consumed });
      m.outstanding.set(okey, held - consumed);
    }
    m.move(line, p, { actual: op.amount });
  }
  return [expected, got];
}

/** problems found, as text; collected without expect() (vitest's expect costs ~0.1 ms a call) */
type Problems = string[];

function checkReport(r: BudgetVsActual, m: Model, lines: number[], out: Problems) {
  const want = { allocated: 0, committed: 0, actual: 0 };
  for (const i of lines) for (let p = 0; p < NP; p++) {
    const b = m.bal(i, p);
    want.allocated += b.allocated;
    want.committed += b.committed;
    want.actual += b.actual;
  }
  const g = r.grandTotal.total;
  if (g.allocated !== want.allocated || g.committed !== want.committed || g.actual !== want.actual) out.push(`grand total ${JSON.stringify(g)} ≠ model ${JSON.stringify(want)}`);
  for (const row of [...r.rows, r.grandTotal]) {
    for (const f of [row.total, ...Object.values(row.buckets)]) {
      if (f.allocated !== f.available + f.committed + f.actual) out.push(`identity broken on ${JSON.stringify(row.keys)}: ${JSON.stringify(f)}`);
    }
    const sum = Object.values(row.buckets).reduce((a, f) => a + f.available, 0);
    if (sum !== row.total.available) out.push(`buckets of ${JSON.stringify(row.keys)} do not add up`);
  }
  const depth = r.dimensions.length;
  for (const sub of r.rows.filter((x) => x.subtotal)) {
    const kids = r.rows.filter((d) => d.depth === depth && Object.entries(sub.keys).every(([k, v]) => d.keys[k as keyof typeof d.keys] === v));
    for (const k of ['allocated', 'committed', 'actual', 'available'] as const) {
      if (kids.reduce((a, d) => a + d.total[k], 0) !== sub.total[k]) out.push(`subtotal ${JSON.stringify(sub.keys)} ${k} ≠ sum of its rows`);
    }
  }
}

const CELLS_SQL = `SELECT e.line_id AS lineId, e.period, sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount ELSE 0 END) AS allocated,
    sum(CASE WHEN kind IN ('commitment','release') THEN amount ELSE 0 END) AS committed, sum(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) AS actual,
    count(*) AS n
  FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id WHERE l.plan_id = ? GROUP BY e.line_id, e.period`;

/** the totals the trigger keeps (budget_ledger_totals) that differ from the sums of the ledger, database-wide (after the run) */
const TOTALS_SQL = `SELECT coalesce(t.line_id, s.line_id) AS lineId, coalesce(t.period, s.period) AS period FROM budget_ledger_totals t
  FULL JOIN (SELECT line_id, period, sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount ELSE 0 END) AS a,
      sum(CASE WHEN kind IN ('commitment','release') THEN amount ELSE 0 END) AS c, sum(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) AS x
    FROM budget_ledger GROUP BY line_id, period) s ON s.line_id = t.line_id AND s.period = t.period
  WHERE t.line_id IS NULL OR s.line_id IS NULL OR t.allocated <> s.a OR t.committed <> s.c OR t.actual <> s.x`;

let cellsStmt: ReturnType<TestCore['env']['db']['$client']['prepare']>;
let totalsStmt: ReturnType<TestCore['env']['db']['$client']['prepare']>;
function checkInvariants(m: Model, planId: number, out: Problems) {
  const rows = (cellsStmt ??= core.env.db.$client.prepare(CELLS_SQL)).all(planId) as (Balances & { lineId: number; period: string; n: number })[];
  // the plan's totals kept by the trigger equal the ledger's sums, cell by cell
  const totals = (totalsStmt ??= core.env.db.$client.prepare(
    'SELECT t.line_id AS lineId, t.period, t.allocated, t.committed, t.actual FROM budget_ledger_totals t JOIN budget_lines l ON l.id = t.line_id WHERE l.plan_id = ?',
  )).all(planId) as (Balances & { lineId: number; period: string })[];
  const sums = new Map(rows.map((r) => [`${r.lineId}|${r.period}`, r]));
  if (totals.length !== rows.length) out.push(`${totals.length} cells with totals, ${rows.length} with ledger entries`);
  for (const t of totals) {
    const r = sums.get(`${t.lineId}|${t.period}`);
    if (!r || r.allocated !== t.allocated || r.committed !== t.committed || r.actual !== t.actual) out.push(`totals of line ${t.lineId} ${t.period}: ${JSON.stringify(t)}, ledger ${JSON.stringify(r)}`);
  }
  let n = 0;
  for (const { lineId, period, n: k, ...b } of rows) {
    n += k;
    const key = `${m.lineIds.indexOf(lineId)}|${PERIODS.indexOf(period)}`;
    const want = m.cells.get(key);
    if (!want || want.allocated !== b.allocated || want.committed !== b.committed || want.actual !== b.actual) out.push(`cell ${key}: db ${JSON.stringify(b)} model ${JSON.stringify(want)}`);
  }
  if (rows.length !== m.cells.size) out.push(`${rows.length} cells with entries, model ${m.cells.size}`);
  if (n !== m.entries) out.push(`${n} entries, model ${m.entries}`);
  for (const [key, b] of m.cells) {
    const rule = m.rules[Number(key.split('|')[0])]!;
    if (blocks(rule, b, 0)) out.push(`block cell ${key} past its tolerance`);
    if (b.committed < 0 || b.actual < 0) out.push(`cell ${key} negative`);
  }
}

/**
 * The roll-ups, at the end of each sequence (every prefix of a sequence is itself a sequence the
 * property runs, so intermediate states get their turn): by branch × org unit × cost type × month
 * with subtotals, by quarter, and within a branch manager's scope.
 */
async function checkRollups(m: Model, out: Problems) {
  checkReport(await wang('budgets.vsActual', { fiscalYear: YEAR, dimensions: ['branch', 'orgUnit', 'costType'], granularity: 'month' }), m, [0, 1, 2, 3], out);
  checkReport(await wang('budgets.vsActual', { fiscalYear: YEAR, dimensions: ['costType'], granularity: 'quarter' }), m, [0, 1, 2, 3], out);
  const km = LINES.map((_, i) => i).filter((i) => branchOf[i] === ids.org('KM'));
  checkReport(await lina('budgets.vsActual', { fiscalYear: YEAR, dimensions: ['costType', 'orgUnit'], granularity: 'ytd', throughMonth: 3 }), m, km, out);
}

describe('budget ledger invariants (property)', () => {
  it(`hold over ${RUNS} random sequences of approvals, transfers, commitments, releases and actuals`, async () => {
    const db = core.env.db.$client;
    // one plan with no version yet (its first draft cancelled); every sequence starts from it
    const plan = await wang('budgetPlans.create', { fiscalYear: YEAR, name: 'property' });
    await wang('budgetVersions.cancel', { id: plan.versions[0]!.id, version: plan.versions[0]!.version });
    let steps = 0;
    const spent: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(versionOp(true), fc.array(opArb, { minLength: 1, maxLength: 12 }), async (first, ops) => {
        db.exec('BEGIN');
        try {
          const m = new Model();
          for (const op of [first as Op, ...ops]) {
            const t0 = performance.now();
            const [expected, got] = await step(m, plan.id, op);
            spent[op.t] = (spent[op.t] ?? 0) + performance.now() - t0;
            const problems: Problems = got === expected ? [] : [`${op.t}: expected ${expected}, got ${got}`];
            checkInvariants(m, plan.id, problems);
            if (problems.length) throw new Error(problems.join('\n'));
            steps++;
          }
          const problems: Problems = [];
          await checkRollups(m, problems);
          if (problems.length) throw new Error(problems.join('\n'));
        } finally {
          db.exec('ROLLBACK');
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.BUDGET_PROPERTY_SEED ?? 20260105) },
    );
    if (process.env.BUDGET_PROPERTY_PROFILE) console.log(steps, spent);
    expect(steps).toBeGreaterThan(RUNS);
    expect(db.prepare(TOTALS_SQL).all(), 'ledger totals that differ from the ledger').toEqual([]);
  }, 240_000);
});
