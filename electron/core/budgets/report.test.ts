import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetVsActual, BvaRow } from '../../../shared/api/areas/budgets';
import { bucketRange, type BudgetFigures } from '../../../shared/domain/budget';
import { freshCore, type Caller, type TestCore } from '../testing';
import { codeOf, demoIds, ledgerSum } from './testkit';

// one demo company for the whole file: these tests only read
let core: TestCore;
let ids: ReturnType<typeof demoIds>;
let wang: Caller;
beforeAll(async () => {
  core = await freshCore({ demo: true, documents: true });
  ids = demoIds(core);
  wang = await core.as('wangfang');
});
afterAll(() => core.dispose());

const add = (a: BudgetFigures, b: BudgetFigures) => ({ allocated: a.allocated + b.allocated, committed: a.committed + b.committed, actual: a.actual + b.actual, overCells: a.overCells + b.overCells });
const base = (f: BudgetFigures) => ({ allocated: f.allocated, committed: f.committed, actual: f.actual, overCells: f.overCells });
const sumRows = (rows: BvaRow[], bucket?: string) =>
  rows.reduce((acc, r) => add({ ...acc, available: 0, executionBp: null, usedBp: null, overBudget: false } as BudgetFigures, bucket ? r.buckets[bucket]! : r.total), { allocated: 0, committed: 0, actual: 0, overCells: 0 });

/** every figure satisfies the identity; subtotals and totals are the sums of what they stand for */
function reconcile(r: BudgetVsActual) {
  const figures = [...r.rows, r.grandTotal].flatMap((row) => [row.total, ...Object.values(row.buckets)]);
  for (const f of figures) {
    expect(f.allocated).toBe(f.available + f.committed + f.actual);
    expect(f.overBudget).toBe(f.committed + f.actual > f.allocated);
  }
  const n = r.dimensions.length;
  const detail = n === 0 ? [r.grandTotal] : r.rows.filter((x) => x.depth === n);
  expect(sumRows(detail)).toEqual(base(r.grandTotal.total));
  for (const b of r.buckets) expect(sumRows(detail, b)).toEqual(base(r.grandTotal.buckets[b]!));
  // across the buckets of a row: its total
  for (const row of [...r.rows, r.grandTotal]) expect(sumRows(r.buckets.map((b) => ({ ...row, total: row.buckets[b]! })))).toEqual(base(row.total));
  for (const sub of r.rows.filter((x) => x.subtotal)) {
    const children = detail.filter((d) => Object.entries(sub.keys).every(([k, v]) => d.keys[k as keyof typeof d.keys] === v));
    expect(children.length).toBeGreaterThan(0);
    expect(sumRows(children)).toEqual(base(sub.total));
  }
}

describe('budget vs actual', () => {
  it('figures reconcile for any dimensions and granularity, and match the ledger', async () => {
    const whole = ledgerSum(core, 'l.plan_id = (SELECT id FROM budget_plans WHERE fiscal_year = 2026)');
    for (const [dimensions, granularity] of [
      [['branch', 'costType'], 'month'],
      [['branch', 'county', 'channelType'], 'quarter'],
      [['costType'], 'year'],
      [['orgUnit', 'partner'], 'year'],
      [[], 'month'],
    ] as const) {
      const r = await wang('budgets.vsActual', { fiscalYear: 2026, dimensions: [...dimensions], granularity });
      reconcile(r);
      expect(base(r.grandTotal.total)).toMatchObject({ allocated: whole.allocated, committed: whole.committed, actual: whole.actual });
    }
    const q = await wang('budgets.vsActual', { fiscalYear: 2026, dimensions: ['branch', 'costType'], granularity: 'quarter' });
    expect(q.buckets).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(q.rows.filter((x) => x.subtotal)).toHaveLength(3);
    expect(q.rows.filter((x) => !x.subtotal)).toHaveLength(30);
    expect(q.rows[0]).toMatchObject({ subtotal: true, depth: 1, keys: { branch: expect.any(Number) } });
    expect(q.labels[`branch:${ids.org('KM')}`]).toMatchObject({ code: 'KM', nameZh: '昆明分公司' });
    const total = q.grandTotal.total;
    expect(total.executionBp).toBe(Math.round((total.actual * 10_000) / total.allocated));
    expect(total.overCells).toBeGreaterThan(0); // the demo has a few warn cells over budget
  });

  it('year to date stops at the month asked for; filters narrow the lines', async () => {
    const ytd = await wang('budgets.vsActual', { fiscalYear: 2026, dimensions: ['costType'], granularity: 'ytd', throughMonth: 3 });
    expect(ytd.buckets).toEqual(['2026-YTD03']);
    reconcile(ytd);
    const q1 = ledgerSum(core, "l.plan_id = 1 AND e.period <= '2026-03'");
    expect(base(ytd.grandTotal.total)).toMatchObject({ allocated: q1.allocated, committed: q1.committed, actual: q1.actual });
    const promo = ids.cost('PROMO');
    const f = await wang('budgets.vsActual', { fiscalYear: 2026, dimensions: ['county'], granularity: 'year', filter: { costType: [promo], subtreeOf: ids.org('QJ') } });
    reconcile(f);
    expect(f.rows).toHaveLength(4);
    const direct = ledgerSum(core, "l.plan_id = 1 AND l.cost_type_id = ? AND l.branch_id = ?", promo, ids.org('QJ'));
    expect(f.grandTotal.total.allocated).toBe(direct.allocated);
    expect(await codeOf(wang('budgets.vsActual', { fiscalYear: 2031 }))).toBe('no_budget_plan');
  });

  it('every role sees only its own units, and roll-ups cover only those', async () => {
    const zhang = await core.as('zhangwei');
    const lina = await core.as('lina');
    const wh = ids.org('KM-WH');
    const mine = await zhang('budgets.vsActual', { fiscalYear: 2026, dimensions: ['county', 'costType'], granularity: 'month' });
    reconcile(mine);
    expect(new Set(mine.rows.map((r) => r.keys.county))).toEqual(new Set([wh]));
    const whSum = ledgerSum(core, "l.plan_id = 1 AND l.org_unit_id IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%')");
    expect(base(mine.grandTotal.total)).toMatchObject({ allocated: whSum.allocated, committed: whSum.committed, actual: whSum.actual });
    const branch = await lina('budgets.vsActual', { fiscalYear: 2026, dimensions: ['branch'], granularity: 'year' });
    expect(branch.rows.map((r) => r.keys.branch)).toEqual([ids.org('KM')]);
    const all = await wang('budgets.vsActual', { fiscalYear: 2026, dimensions: ['branch'], granularity: 'year' });
    expect(all.rows.find((r) => r.keys.branch === ids.org('KM'))!.total).toEqual(branch.grandTotal.total);
    // drilling into another branch's keys finds nothing
    const other = await zhang('budgets.entries', { fiscalYear: 2026, keys: { branch: ids.org('QJ') } });
    expect(other.total).toBe(0);
  });

  it('drills from any figure to the entries behind it, with documents, users and times, paged', async () => {
    const r = await wang('budgets.vsActual', { fiscalYear: 2026, dimensions: ['branch', 'costType'], granularity: 'quarter' });
    const cell = r.rows.find((x) => !x.subtotal && x.buckets['2026-Q1']!.actual > 0)!;
    const range = bucketRange('2026-Q1');
    const seen: { kind: string; amount: number }[] = [];
    let cursor: string | undefined;
    let total = 0;
    for (;;) {
      const page = await wang('budgets.entries', { fiscalYear: 2026, keys: cell.keys, ...range, limit: 50, cursor });
      total = page.total;
      seen.push(...page.rows);
      for (const e of page.rows) expect(e).toMatchObject({ sourceType: expect.any(String), sourceId: expect.any(Number), userName: expect.any(String), at: expect.any(String) });
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(total);
    const by = (kinds: string[]) => seen.filter((e) => kinds.includes(e.kind)).reduce((a, e) => a + e.amount, 0);
    const f = cell.buckets['2026-Q1']!;
    expect([by(['allocation', 'transfer_in', 'transfer_out']), by(['commitment', 'release']), by(['actual'])]).toEqual([f.allocated, f.committed, f.actual]);
    // every page carries the sums of all the entries: the pane's total is the figure clicked, with one page loaded
    const first = await wang('budgets.entries', { fiscalYear: 2026, keys: cell.keys, ...range, limit: 5 });
    expect(first.sums).toEqual({ allocated: f.allocated, committed: f.committed, actual: f.actual });
    expect(first.sums.allocated - first.sums.committed - first.sums.actual).toBe(f.available);
    const actuals = await wang('budgets.entries', { fiscalYear: 2026, keys: cell.keys, ...range, kinds: ['actual'], limit: 1000 });
    expect(actuals.rows.reduce((a, e) => a + e.amount, 0)).toBe(f.actual);
    expect(actuals.rows.every((e) => e.sourceType === 'claim' && e.sourceRef.startsWith('HX-'))).toBe(true);
  });

  it('pages through a whole plan’s entries, newest first, each exactly once', async () => {
    const n = core.env.db.$client.prepare('SELECT count(*) FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id WHERE l.plan_id = 1').pluck().get() as number;
    expect(n).toBeGreaterThan(5_000); // the broad path: walking the ledger backwards
    const ids: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await wang('budgets.entries', { fiscalYear: 2026, limit: 1000, cursor });
      expect(page.total).toBe(n);
      ids.push(...page.rows.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(ids).toHaveLength(n);
    expect(ids.every((id, k) => k === 0 || id < ids[k - 1]!)).toBe(true);
    // id order is date order among the documents' entries: the demo's year of history is written in
    // the order of its posting times, as a real ledger is appended (the plan's versions are written
    // before it, and the few curated documents of June onwards one whole life at a time, so the
    // check covers the requests' and claims' entries of January–May)
    const ats = core.env.db.$client
      .prepare(`SELECT at FROM budget_ledger WHERE at < '2026-06-01' AND source_type IN ('cost_request', 'claim') ORDER BY id`)
      .pluck()
      .all() as string[];
    expect(ats.length).toBeGreaterThan(200);
    expect(ats.every((at, k) => k === 0 || at >= ats[k - 1]!)).toBe(true);
  });
});
