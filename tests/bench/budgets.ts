import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { periodOf } from '../../shared/domain/budget';
import { hashPassword } from '../../electron/core/auth/password';
import { branchAndCounty, orgNodes } from '../../electron/core/budgets/lines';
import { DB_FILE } from '../../electron/core/db/open';
import { rng } from '../../electron/core/demo/generate';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { initDemo } from '../../electron/core/setup/service';
import { figure, median, type Figure } from './figure';

/**
 * budget_vs_actual: a full fiscal year of budget vs actual by branch × cost type × month over
 * 20,000 budget lines and 1,000,000 ledger entries (quick: 4,000 lines, 200,000 entries), through
 * the API in-process (`core.call` signed in as wangfang: input validation, session, role, scope,
 * the SQL, folding months into buckets, subtotals, grand total, labels) against the same
 * hand-written SQL on a second, bare better-sqlite3 connection to the same file. Both warm,
 * interleaved, medians. Target ratio ≤ 1.5.
 *
 * The data: the demo company with 2,000 partners, plus a fiscal year 2027 plan written with
 * prepared statements — one line per partner × cost type (partner-level budget lines), an
 * approved version in force, its allocations, and commitments, releases and actuals spread over
 * the months (deterministic: seeded).
 */
const YEAR = 2027;
const silent = { info: () => {}, error: (msg: string, meta?: Record<string, unknown>) => console.error(msg, meta) };
const log = (msg: string) => process.stderr.write(`[budgets] ${msg}\n`);

/**
 * The baseline: the report written by hand — the same statement the API generates for these
 * dimensions (electron/core/budgets/report.ts `bvaSql`): cells summed from the covering index,
 * then grouped by branch × cost type × month, over-budget cells counted.
 */
export const HAND_SQL = `
  SELECT l.branch_id AS branch, l.cost_type_id AS costType, c.period,
         SUM(c.a) AS allocated, SUM(c.c) AS committed, SUM(c.x) AS actual, SUM(c.c + c.x > c.a) AS overCells
  FROM (SELECT line_id, period,
               SUM(CASE WHEN kind IN ('allocation','transfer_in','transfer_out') THEN amount ELSE 0 END) AS a,
               SUM(CASE WHEN kind IN ('commitment','release') THEN amount ELSE 0 END) AS c,
               SUM(CASE WHEN kind = 'actual' THEN amount ELSE 0 END) AS x
        FROM budget_ledger
        WHERE line_id IN (SELECT id FROM budget_lines WHERE plan_id = ?) AND period BETWEEN ? AND ?
        GROUP BY line_id, period) c
  JOIN budget_lines l ON l.id = c.line_id
  GROUP BY l.branch_id, l.cost_type_id, c.period`;

export interface BudgetBenchData {
  dataDir: string;
  lines: number;
  entries: number;
  dispose(): void;
}

/** Writes the fiscal year 2027 plan into the demo company's file. */
export function writeBenchPlan(client: Database.Database, lines: number, entries: number, seed = 2027): { lines: number; entries: number } {
  const r = rng(seed);
  const uid = (u: string) => client.prepare('SELECT id FROM users WHERE username = ?').pluck().get(u) as number;
  const [finance, approver] = [uid('wangfang'), uid('zhaomin')];
  const org = orgNodes(client);
  const costs = client.prepare('SELECT id FROM cost_types ORDER BY id').pluck().all() as number[];
  const perPartner = costs.length;
  const partners = client.prepare('SELECT id, org_unit_id AS unit, channel_type_id AS ch, owner_user_id AS owner FROM partners ORDER BY id LIMIT ?').all(Math.ceil(lines / perPartner)) as {
    id: number; unit: number; ch: number; owner: number;
  }[];
  if (partners.length * perPartner < lines) throw new Error(`need ${Math.ceil(lines / perPartner)} partners`);
  const at = '2026-12-20T03:00:00.000Z';
  let written = 0;
  // bulk load of benchmark data only: no fsync, a large page cache (the product keeps synchronous=FULL)
  const sync = client.pragma('synchronous', { simple: true });
  const cache = client.pragma('cache_size', { simple: true });
  client.pragma('synchronous = OFF');
  client.pragma('cache_size = -131072');
  client.transaction(() => {
    const planId = Number(client.prepare('INSERT INTO budget_plans (fiscal_year, name, created_by, created_at) VALUES (?,?,?,?)').run(YEAR, `${YEAR} benchmark`, finance, at).lastInsertRowid);
    const versionId = Number(
      client
        .prepare(
          `INSERT INTO budget_versions (plan_id, number, approval_state, in_force, created_by, created_at, updated_at, submitted_by, submitted_at, decided_by, decided_at, version)
           VALUES (?, 1, 'draft', 0, ?, ?, ?, ?, ?, ?, ?, 2)`,
        )
        .run(planId, finance, at, at, finance, at, approver, at).lastInsertRowid,
    );
    const insLine = client.prepare(
      'INSERT INTO budget_lines (plan_id, org_unit_id, channel_type_id, cost_type_id, partner_id, branch_id, county_id, created_at) VALUES (?,?,?,?,?,?,?,?)',
    );
    const insVl = client.prepare(`INSERT INTO budget_version_lines VALUES (${Array.from({ length: 16 }, () => '?').join(',')})`);
    const insEntry = client.prepare(
      `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at, note)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,'')`,
    );
    const periods = Array.from({ length: 12 }, (_, m) => periodOf(YEAR, m + 1));
    const made: { id: number; owner: number; amounts: number[] }[] = [];
    for (let i = 0; i < lines; i++) {
      const p = partners[Math.floor(i / perPartner)]!;
      const { branchId, countyId } = branchAndCounty(org, p.unit);
      const id = Number(insLine.run(planId, p.unit, p.ch, costs[i % perPartner]!, p.id, branchId, countyId, at).lastInsertRowid);
      const amounts = periods.map(() => r.int(50, 500) * 10_000);
      insVl.run(versionId, id, ...amounts, null, null);
      made.push({ id, owner: p.owner, amounts });
    }
    client.prepare("UPDATE budget_versions SET approval_state = 'submitted' WHERE id = ?").run(versionId);
    client.prepare("UPDATE budget_versions SET approval_state = 'approved', in_force = 1 WHERE id = ?").run(versionId);
    // per line (in id order, so every index grows at its end): the allocations, then requests and
    // claims — a commitment, often followed by a claim that consumes it (release + actual) —
    // until the ledger holds `entries`
    const rest = entries - 12 * made.length;
    if (rest < 0) throw new Error(`${entries} entries cannot hold the allocations of ${made.length} lines`);
    let req = 0;
    made.forEach((l, i) => {
      l.amounts.forEach((a, m) => insEntry.run(l.id, periods[m], 'allocation', a, 'budget_version', versionId, `${YEAR} v1`, null, null, approver, at));
      written += 12;
      let quota = Math.floor((rest * (i + 1)) / made.length) - Math.floor((rest * i) / made.length);
      while (quota > 0) {
        const m = r.int(0, 11);
        const amount = r.int(1, 40) * 10_000;
        const id = ++req;
        const when = `${periods[m]}-${String(r.int(1, 28)).padStart(2, '0')}T02:00:00.000Z`;
        insEntry.run(l.id, periods[m], 'commitment', amount, 'cost_request', id, `REQ-${id}`, 'cost_request', id, l.owner, when);
        quota--;
        if (quota >= 2 && r.next() < 0.6) {
          const actual = Math.min(amount, r.int(1, 40) * 10_000);
          insEntry.run(l.id, periods[m], 'release', -actual, 'cost_claim', id, `CLM-${id}`, 'cost_request', id, finance, when);
          insEntry.run(l.id, periods[m], 'actual', actual, 'cost_claim', id, `CLM-${id}`, 'cost_request', id, finance, when);
          quota -= 2;
        }
      }
    });
    written += rest;
  }).immediate();
  client.pragma(`synchronous = ${sync}`);
  client.pragma(`cache_size = ${cache}`);
  return { lines, entries: written };
}

export async function buildBudgetBenchData(quick: boolean): Promise<BudgetBenchData> {
  const [lines, entries] = quick ? [4_000, 200_000] : [20_000, 1_000_000];
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-bench-budgets-'));
  const core = createCore({ dataDir, log: silent });
  try {
    log(`demo company + ${lines} lines, ${entries} ledger entries …`);
    const t0 = performance.now();
    await initDemo(core.env, { partners: Math.ceil(lines / 10), passwordHash: await hashPassword(DEMO_PASSWORD) });
    const done = writeBenchPlan(core.env.db.$client, lines, entries);
    core.env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    log(`written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { dataDir, ...done, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
  } finally {
    core.close();
  }
}

export async function benchBudgetVsActual(opts: { quick: boolean }): Promise<Figure[]> {
  const data = await buildBudgetBenchData(opts.quick);
  const core = createCore({ dataDir: data.dataDir, log: silent });
  const bare = new Database(join(data.dataDir, DB_FILE));
  try {
    const { token } = await core.call('auth.signIn', { username: 'wangfang', password: DEMO_PASSWORD });
    const input = { fiscalYear: YEAR, dimensions: ['branch', 'costType'] as const, granularity: 'month' as const };
    const api = () => core.call('budgets.vsActual', { ...input, dimensions: [...input.dimensions] }, { token });
    const planId = bare.prepare('SELECT id FROM budget_plans WHERE fiscal_year = ?').pluck().get(YEAR) as number;
    const stmt = bare.prepare(HAND_SQL);
    const hand = () => stmt.all(planId, `${YEAR}-01`, `${YEAR}-12`) as { allocated: number; committed: number; actual: number; overCells: number }[];

    // both answer the same
    const a = await api();
    const h = hand();
    const sum = (k: 'allocated' | 'committed' | 'actual' | 'overCells') => h.reduce((s, x) => s + x[k], 0);
    const g = a.grandTotal.total;
    if (g.allocated !== sum('allocated') || g.committed !== sum('committed') || g.actual !== sum('actual') || g.overCells !== sum('overCells')) {
      throw new Error('budget_vs_actual: the API and the hand-written SQL disagree');
    }
    if (a.rows.filter((x) => !x.subtotal).length * 12 < h.length) throw new Error('budget_vs_actual: rows missing');

    const runs = opts.quick ? 5 : 9;
    for (let i = 0; i < 2; i++) {
      await api();
      hand();
    }
    const apiMs: number[] = [];
    const handMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await api();
      apiMs.push(performance.now() - t);
      t = performance.now();
      hand();
      handMs.push(performance.now() - t);
    }
    return [figure('budget_vs_actual', median(apiMs), median(handMs), 'ms', 1.5, { runs, lines: data.lines, entries: data.entries, rows: a.rows.length })];
  } finally {
    bare.close();
    core.close();
    data.dispose();
  }
}
