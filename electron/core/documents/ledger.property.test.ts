import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import type { Balances, ControlMode } from '../../../shared/domain/budget';
import { approvedPlan, CellBook, demoIds, months } from '../budgets/testkit';
import { freshCore, orgCtxOf, type Caller, type TestCore } from '../testing';
import { expireDue } from './requests';

/**
 * The ledger under random document lives (issue 8 point 10): sequences of request / approve /
 * claim / pay / cancel / close / expire, driven through the API as their people (zhangwei asks and
 * claims, zhouqiang approves, wangfang pays; expiry as the start-up job does it), each step's
 * outcome and every balance predicted by this test's own model — the split by days, the control
 * rule and the release rules are written out here, not imported from the code under test. After
 * every step:
 * - the outcome is the model's (a refusal changes nothing);
 * - every cell's allocated / committed / actual equals the model's, and the ledger invariant
 *   (allocated = available + committed + actual) holds on every line of budget vs actual;
 * - for every request, what it holds on the ledger = approved − consumed − released, where
 *   approved = its commitments, consumed = what its claims' payments turned into actual (each
 *   payment releases exactly what it spends), released = every other release (cancel, close,
 *   expiry, full claim, last payment of a closed request) — each equal to the model's, and the
 *   release never negative;
 * - no money moves without a document: every commitment, release and actual cites a request or a
 *   claim that exists, and the number of entries grows only by what the model posted.
 * Each sequence runs inside a transaction that is rolled back.
 */
const YEAR = 2028;
const NOW = new Date('2027-12-01T02:00:00Z');
const LINES: [string, ControlMode, number][] = [['PROMO', 'block', 500], ['DISPLAY', 'warn', 1000]]; // demo defaults of these cost types
const NP = 3;
const RUNS = Number(process.env.DOC_PROPERTY_RUNS ?? 300);

type Op =
  | { t: 'request'; line: number; from: number; to: number; d1: number; d2: number; amount: number }
  | { t: 'approve'; req: number; confirm: boolean }
  | { t: 'claim'; req: number; share: number }
  | { t: 'pay'; claim: number; whole: boolean }
  | { t: 'cancel'; req: number }
  | { t: 'close'; req: number }
  | { t: 'expire' };

const pick = fc.nat({ max: 7 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('request' as const), line: fc.nat({ max: 1 }), from: fc.nat({ max: NP - 1 }), to: fc.nat({ max: NP - 1 }), d1: fc.integer({ min: 1, max: 28 }), d2: fc.integer({ min: 1, max: 28 }), amount: fc.integer({ min: 1, max: 400 }).map((x) => x * 100 + (x % 7)) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('approve' as const), req: pick, confirm: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('claim' as const), req: pick, share: fc.integer({ min: 1, max: 110 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('pay' as const), claim: pick, whole: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), req: pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('close' as const), req: pick }) },
  { weight: 1, arbitrary: fc.constant({ t: 'expire' as const }) },
);

/** the rules, as this test reads them in the spec */
const limitOf = (allocated: number, tolBp: number) => allocated + Math.max(0, Math.floor((allocated * tolBp + 5000) / 10_000));
/** by days in each month; leftover fen to the largest remainders, the earliest first */
function splitByDays(amount: number, days: number[]): number[] {
  const total = days.reduce((a, b) => a + b, 0);
  const parts = days.map((d) => Math.floor((amount * d) / total));
  let left = amount - parts.reduce((a, b) => a + b, 0);
  const order = days.map((d, i) => ({ i, r: (amount * d) % total })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}
const daysIn = (m: number) => new Date(Date.UTC(YEAR, m + 1, 0)).getUTCDate(); // m: 0-based month

interface Req {
  id: number;
  line: number;
  amount: number;
  parts: number[];
  /** first and last month of the activity */
  span: [number, number];
  state: 'submitted' | 'approved' | 'cancelled';
  settle: 'open' | 'partly_claimed' | 'closed' | 'expired' | 'cancelled' | null;
  held: number[];
  approved: number;
  consumed: number;
  released: number;
  claimed: number;
}
interface Clm {
  id: number;
  req: number;
  amount: number;
  paid: number;
}

class Model extends CellBook {
  reqs: Req[] = [];
  claims: Clm[] = [];
  /** what approved claims of the request still need: their amount not yet paid */
  payable(r: Req) {
    return this.claims.filter((c) => c.req === this.reqs.indexOf(r)).reduce((s, c) => s + c.amount - c.paid, 0);
  }
  /** gives back what `r` holds beyond `keep`, keeping the earliest months */
  releaseBeyond(r: Req, keep: number) {
    let kept = 0;
    r.held.forEach((h, p) => {
      const stay = Math.min(h, Math.max(0, keep - kept));
      kept += stay;
      if (h - stay > 0) {
        this.move(r.line, p, { committed: -(h - stay) });
        r.released += h - stay;
        r.held[p] = stay;
      }
    });
  }
}

let core: TestCore;
let zhang: Caller;
let zhou: Caller;
let wang: Caller;
let partnerId: number;
let costIds: number[];
let lineIds: number[];
let allocations: number[][];

beforeAll(async () => {
  core = await freshCore({ demo: true, now: () => NOW });
  const ids = demoIds(core);
  costIds = LINES.map(([code]) => ids.cost(code));
  allocations = [[30_000, 8_000, 20_000], [10_000, 25_000, 5_000]];
  const plan = await approvedPlan(
    core,
    YEAR,
    LINES.map((_, i) => ({ orgUnitId: ids.org('KM-WH'), channelTypeId: ids.channel('TERMINAL'), costTypeId: costIds[i]!, partnerId: null, amounts: months(...allocations[i]!, 0).map((x, k) => (k < NP ? x : 0)) })),
  );
  lineIds = plan.lineIds;
  partnerId = core.env.db.$client
    .prepare(`SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id JOIN channel_types ch ON ch.id = p.channel_type_id
      WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%' AND ch.code = 'TERMINAL' AND p.status = 'cooperating' AND p.active = 1 ORDER BY p.id LIMIT 1`)
    .pluck()
    .get() as number;
  [zhang, zhou, wang] = [await core.as('zhangwei'), await core.as('zhouqiang'), await core.as('wangfang')];
});
afterAll(() => core.dispose());

async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    return e instanceof ApiError ? e.code : `unexpected: ${String(e)}`;
  }
}
const one = <T>(sql: string, ...p: unknown[]) => core.env.db.$client.prepare(sql).pluck().get(...p) as T;
const versionOf = (table: 'cost_requests' | 'claims', id: number) => one<number>(`SELECT version FROM ${table} WHERE id = ?`, id);
const iso = (m: number, d: number) => `${YEAR}-${String(m + 1).padStart(2, '0')}-${String(Math.min(d, daysIn(m))).padStart(2, '0')}`;

async function step(m: Model, op: Op): Promise<[string, string]> {
  if (op.t === 'request') {
    const [a, b] = op.from <= op.to ? [op.from, op.to] : [op.to, op.from];
    const start = iso(a, op.from <= op.to ? op.d1 : op.d2);
    let end = iso(b, op.from <= op.to ? op.d2 : op.d1);
    if (end < start) end = start;
    const days = Array.from({ length: b - a + 1 }, (_, k) => {
      const mo = a + k;
      const first = mo === a ? Number(start.slice(8)) : 1;
      const last = mo === b ? Number(end.slice(8)) : daysIn(mo);
      return last - first + 1;
    });
    const parts = Array<number>(NP).fill(0);
    splitByDays(op.amount, days).forEach((x, k) => (parts[a + k] = x));
    let id = 0;
    const got = await outcome(async () => {
      const r = await zhang('costRequests.create', { partnerId, costTypeId: costIds[op.line]!, title: 'p', activityStart: start, activityEnd: end, amount: op.amount });
      id = r.id;
      await zhang('costRequests.submit', { id: r.id, version: r.version });
    });
    if (got === 'ok') m.reqs.push({ id, line: op.line, amount: op.amount, parts, span: [a, b], state: 'submitted', settle: null, held: Array<number>(NP).fill(0), approved: 0, consumed: 0, released: 0, claimed: 0 });
    return ['ok', got];
  }
  if (op.t === 'expire') {
    const due = m.reqs.filter((r) => r.state === 'approved' && r.settle === 'open' && r.claimed === 0);
    const n = expireDue({ ...orgCtxOf(core, wang), now: () => new Date('2029-06-01T02:00:00Z') });
    for (const r of due) {
      m.releaseBeyond(r, 0);
      r.settle = 'expired';
    }
    return [String(due.length), String(n)];
  }
  if (op.t === 'pay') {
    const c = m.claims[op.claim % Math.max(1, m.claims.length)];
    if (!c) return ['ok', 'ok'];
    const left = c.amount - c.paid;
    const amount = op.whole || left < 2 ? Math.max(1, left) : Math.floor(left / 2);
    const expected = left === 0 ? 'invalid_state' : 'ok';
    const got = await outcome(() =>
      wang('payments.create', { claimId: c.id, version: versionOf('claims', c.id), amount, approvedReason: '', method: 'bank_transfer', reference: 'p', paidOn: '2028-04-01' }),
    );
    if (got === 'ok') {
      const r = m.reqs[c.req]!;
      let rest = amount;
      r.held.forEach((h, p) => {
        const take = Math.min(rest, h);
        if (take <= 0) return;
        m.move(r.line, p, { committed: -take });
        m.move(r.line, p, { actual: take });
        r.held[p] = h - take;
        r.consumed += take;
        rest -= take;
      });
      if (rest > 0) throw new Error(`model: a payment beyond what request ${r.id} holds`);
      c.paid += amount;
      if (c.paid === c.amount && r.settle !== 'open' && r.settle !== 'partly_claimed') m.releaseBeyond(r, m.payable(r));
    }
    return [expected, got];
  }
  const r = m.reqs[op.req % Math.max(1, m.reqs.length)];
  if (!r) return ['ok', 'ok'];
  const open = r.state === 'approved' && (r.settle === 'open' || r.settle === 'partly_claimed');
  if (op.t === 'approve') {
    if (r.state !== 'submitted') return ['ok', 'ok'];
    // every month the activity spans is checked with its part (a part may be 0 fen)
    const [, mode, tol] = LINES[r.line]!;
    const over = r.parts.some((x, p) => p >= r.span[0] && p <= r.span[1] && m.bal(r.line, p).committed + m.bal(r.line, p).actual + x > limitOf(m.bal(r.line, p).allocated, tol));
    const expected = !over ? 'ok' : mode === 'block' ? 'budget_exceeded' : op.confirm ? 'ok' : 'budget_warn_confirm';
    const got = await outcome(() => zhou('approvals.act', { docType: 'cost_request', docId: r.id, version: versionOf('cost_requests', r.id), action: 'approve', comment: '', confirmWarn: op.confirm }));
    if (got === 'ok') {
      r.state = 'approved';
      r.settle = 'open';
      r.parts.forEach((x, p) => {
        if (x === 0) return;
        m.move(r.line, p, { committed: x });
        r.held[p] = x;
        r.approved += x;
      });
    }
    return [expected, got];
  }
  if (op.t === 'claim') {
    const amount = Math.max(1, Math.floor((r.amount * op.share) / 100));
    const remaining = r.amount - r.claimed;
    const expected = !open ? 'request_not_open' : amount > remaining ? 'claim_exceeds_request' : 'ok';
    let claimId = 0;
    const got = await outcome(async () => {
      const c = await zhang('claims.create', {
        requestId: r.id, title: 'c', lines: [{ invoiceType: 'receipt', invoiceCode: '', invoiceNumber: '', invoiceDate: '2028-03-30', amount, tax: 0, description: '' }],
      });
      claimId = c.id;
      await zhang('claims.submit', { id: c.id, version: c.version });
      await zhou('approvals.act', { docType: 'claim', docId: c.id, version: versionOf('claims', c.id), action: 'approve', comment: '', confirmWarn: false });
    });
    if (got !== 'ok' && claimId) await zhang('claims.cancel', { id: claimId, version: versionOf('claims', claimId), comment: 'x' }).catch(() => undefined);
    if (got === 'ok') {
      m.claims.push({ id: claimId, req: m.reqs.indexOf(r), amount, paid: 0 });
      r.claimed += amount;
      r.settle = r.claimed >= r.amount ? 'closed' : 'partly_claimed';
      if (r.settle === 'closed') m.releaseBeyond(r, m.payable(r));
    }
    return [expected, got];
  }
  // cancel / close
  const expected =
    op.t === 'cancel'
      ? r.state === 'approved' && open && r.claimed === 0 ? 'ok' : 'invalid_state'
      : open ? 'ok' : 'invalid_state';
  const got = await outcome(() => zhang(op.t === 'cancel' ? 'costRequests.cancel' : 'costRequests.close', { id: r.id, version: versionOf('cost_requests', r.id), comment: 'p' }));
  if (got === 'ok') {
    m.releaseBeyond(r, op.t === 'cancel' ? 0 : m.payable(r));
    r.settle = op.t === 'cancel' ? 'cancelled' : 'closed';
  }
  return [expected, got];
}

function check(m: Model, out: string[]) {
  const db = core.env.db.$client;
  const cells = db
    .prepare(
      `SELECT e.line_id AS lineId, e.period, sum(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount ELSE 0 END) AS allocated,
         sum(CASE WHEN kind IN ('commitment','release') THEN amount ELSE 0 END) AS committed, sum(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) AS actual
       FROM budget_ledger e WHERE e.line_id IN (SELECT value FROM json_each(?)) GROUP BY e.line_id, e.period`,
    )
    .all(JSON.stringify(lineIds)) as (Balances & { lineId: number; period: string })[];
  for (const c of cells) {
    const line = lineIds.indexOf(c.lineId);
    const p = Number(c.period.slice(5)) - 1;
    const want = m.bal(line, p);
    if (want.allocated !== c.allocated || want.committed !== c.committed || want.actual !== c.actual) out.push(`cell ${line}|${p}: db ${JSON.stringify(c)} model ${JSON.stringify(want)}`);
  }
  for (const r of m.reqs) {
    const f = db
      .prepare(
        `SELECT coalesce(sum(CASE WHEN kind = 'commitment' THEN amount END), 0) AS approved,
           coalesce(sum(CASE WHEN kind = 'actual' THEN amount END), 0) AS consumed,
           -coalesce(sum(CASE WHEN kind = 'release' THEN amount END), 0) - coalesce(sum(CASE WHEN kind = 'actual' THEN amount END), 0) AS released,
           coalesce(sum(CASE WHEN kind IN ('commitment','release') THEN amount END), 0) AS held
         FROM budget_ledger WHERE against_type = 'cost_request' AND against_id = ?`,
      )
      .get(r.id) as { approved: number; consumed: number; released: number; held: number };
    const held = r.held.reduce((a, b) => a + b, 0);
    if (f.released < 0 || f.held !== f.approved - f.consumed - f.released) out.push(`request ${r.id}: holds ${f.held} ≠ approved ${f.approved} − consumed ${f.consumed} − released ${f.released}`);
    if (f.held !== held || f.approved !== r.approved || f.consumed !== r.consumed || f.released !== r.released) {
      out.push(`request ${r.id}: db ${JSON.stringify(f)} model ${JSON.stringify({ held, approved: r.approved, consumed: r.consumed, released: r.released })}`);
    }
  }
  const uncited = one<number>(
    `SELECT count(*) FROM budget_ledger e WHERE e.line_id IN (SELECT value FROM json_each(?)) AND e.kind IN ('commitment','release','actual') AND NOT (
       (e.source_type = 'cost_request' AND EXISTS (SELECT 1 FROM cost_requests r WHERE r.id = e.source_id))
       OR (e.source_type = 'claim' AND EXISTS (SELECT 1 FROM claims c WHERE c.id = e.source_id)))`,
    JSON.stringify(lineIds),
  );
  if (uncited) out.push(`${uncited} entries without a document`);
  const moved = one<number>(`SELECT count(*) FROM budget_ledger WHERE line_id IN (SELECT value FROM json_each(?)) AND kind IN ('commitment','release','actual')`, JSON.stringify(lineIds));
  if (moved !== m.entries) out.push(`${moved} document entries, model ${m.entries}`);
}

async function checkReport(m: Model, out: string[]) {
  const r = await wang('budgets.vsActual', { fiscalYear: YEAR, dimensions: ['costType'], granularity: 'month' });
  for (const row of [...r.rows, r.grandTotal]) {
    for (const f of [row.total, ...Object.values(row.buckets)]) if (f.allocated !== f.available + f.committed + f.actual) out.push(`identity broken on ${JSON.stringify(row.keys)}`);
  }
  const want = [...m.cells.values()].reduce((a, b) => ({ committed: a.committed + b.committed, actual: a.actual + b.actual }), { committed: 0, actual: 0 });
  if (r.grandTotal.total.committed !== want.committed || r.grandTotal.total.actual !== want.actual) out.push(`report ${JSON.stringify(r.grandTotal.total)} model ${JSON.stringify(want)}`);
}

describe('the ledger under random document lives (property)', () => {
  it(`holds over ${RUNS} random request / approve / claim / pay / cancel / close / expire sequences`, async () => {
    const db = core.env.db.$client;
    let steps = 0;
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        db.exec('BEGIN');
        try {
          const m = new Model();
          allocations.forEach((a, line) => a.forEach((x, p) => m.cells.set(`${line}|${p}`, { allocated: x, committed: 0, actual: 0 })));
          for (const op of ops) {
            const [expected, got] = await step(m, op);
            seen.set(`${op.t}:${got}`, (seen.get(`${op.t}:${got}`) ?? 0) + 1);
            const problems = got === expected ? [] : [`${JSON.stringify(op)}: expected ${expected}, got ${got}`];
            check(m, problems);
            if (problems.length) throw new Error(problems.join('\n'));
            steps++;
          }
          const problems: string[] = [];
          await checkReport(m, problems);
          if (problems.length) throw new Error(problems.join('\n'));
        } finally {
          db.exec('ROLLBACK');
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.DOC_PROPERTY_SEED ?? 20281201) },
    );
    expect(steps).toBeGreaterThan(RUNS);
    if (process.env.DOC_PROPERTY_PROFILE) console.log(Object.fromEntries(seen));
    // the sequences reach every rule: each action succeeds, and each refusal happens
    for (const k of ['request:ok', 'approve:ok', 'approve:budget_exceeded', 'approve:budget_warn_confirm', 'claim:ok', 'claim:claim_exceeds_request', 'claim:request_not_open', 'pay:ok', 'cancel:ok', 'close:ok', 'close:invalid_state']) {
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
    }
    expect([...seen.keys()].some((k) => k.startsWith('expire:') && k !== 'expire:0'), 'an expiry that released something').toBe(true);
  }, 600_000);
});
