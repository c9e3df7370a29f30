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
import { figure, formatFigure, median, type Figure } from './figure';
import { pathToFileURL } from 'node:url';

/**
 * budget_vs_actual: a full fiscal year of budget vs actual by branch × cost type × month over
 * 20,000 budget lines, at 1,000,000 and then 5,000,000 ledger entries on the same file (quick:
 * 4,000 lines, 200,000 and 1,000,000), through the API in-process (`core.call` signed in as
 * wangfang: input validation, session, role, scope, the SQL, folding months into buckets,
 * subtotals, grand total, labels) against the best hand-written approach on a second, bare
 * better-sqlite3 connection to the same file: reading the per line × month totals that the
 * trigger keeps in the transaction of every ledger entry (`HAND_SQL`, written here, not the
 * product's statement). `detail.ledgerScanMs` is the other hand-written way — summing the
 * ledger through its covering index — which grows with the ledger. Both warm, interleaved,
 * medians. Targets: ratio ≤ 1.5 at both sizes; `budget_vs_actual_growth` = time at 5M / time at
 * 1M ≤ 1.5.
 *
 * The data: the demo company with 2,000 partners, plus a fiscal year 2027 plan written with
 * prepared statements — one line per partner × cost type (partner-level budget lines), an
 * approved version in force, its allocations, and commitments, releases and actuals spread over
 * the months (deterministic: seeded).
 */
const YEAR = 2027;
const silent = { info: () => {}, error: (msg: string, meta?: Record<string, unknown>) => console.error(msg, meta) };
const log = (msg: string) => process.stderr.write(`[budgets] ${msg}\n`);

/** The baseline: the plan's cell totals (budget_ledger_totals) grouped by branch × cost type × month, over-budget cells counted. */
export const HAND_SQL = `
  SELECT l.branch_id AS branch, l.cost_type_id AS costType, t.period,
         SUM(t.allocated) AS allocated, SUM(t.committed) AS committed, SUM(t.actual) AS actual, SUM(t.committed + t.actual > t.allocated) AS overCells
  FROM budget_lines l JOIN budget_ledger_totals t ON t.line_id = l.id
  WHERE l.plan_id = ? AND t.period BETWEEN ? AND ?
  GROUP BY l.branch_id, l.cost_type_id, t.period`;

/** The ledger summed by hand per cell through its covering index (grows with the ledger; informs, and checks the totals). */
export const LEDGER_SCAN_SQL = `
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
    const rest = entries - 12 * made.length;
    if (rest < 0) throw new Error(`${entries} entries cannot hold the allocations of ${made.length} lines`);
    made.forEach((l) => l.amounts.forEach((a, m) => insEntry.run(l.id, periods[m], 'allocation', a, 'budget_version', versionId, `${YEAR} v1`, null, null, approver, at)));
    written += 12 * made.length;
    postRequests(client, made, rest, r, 0, finance);
    written += rest;
  }).immediate();
  client.pragma(`synchronous = ${sync}`);
  client.pragma(`cache_size = ${cache}`);
  return { lines, entries: written };
}

const periods = Array.from({ length: 12 }, (_, m) => periodOf(YEAR, m + 1));

/**
 * Requests and claims over the lines (in line order, so every index grows at its end): a
 * commitment, often followed by a claim that consumes it (release + actual), `count` entries in
 * all, numbered from `firstReq`; returns the last request number.
 */
function postRequests(client: Database.Database, lines: { id: number; owner: number }[], count: number, r: ReturnType<typeof rng>, firstReq: number, finance: number): number {
  const insEntry = client.prepare(
    `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at, note)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,'')`,
  );
  let req = firstReq;
  lines.forEach((l, i) => {
    let quota = Math.floor((count * (i + 1)) / lines.length) - Math.floor((count * i) / lines.length);
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
  return req;
}

/** Grows the benchmark plan's ledger by `extra` entries (more requests and claims on the same lines). */
export function growBenchLedger(client: Database.Database, extra: number, seed = 5027): void {
  const lines = client
    .prepare('SELECT l.id, coalesce(p.owner_user_id, 1) AS owner FROM budget_lines l JOIN budget_plans pl ON pl.id = l.plan_id LEFT JOIN partners p ON p.id = l.partner_id WHERE pl.fiscal_year = ? ORDER BY l.id')
    .all(YEAR) as { id: number; owner: number }[];
  const finance = client.prepare("SELECT id FROM users WHERE username = 'wangfang'").pluck().get() as number;
  const firstReq = client.prepare("SELECT coalesce(max(source_id), 0) FROM budget_ledger WHERE source_type = 'cost_request'").pluck().get() as number;
  // bulk load of benchmark data only, as writeBenchPlan: no fsync, a large page cache
  const sync = client.pragma('synchronous', { simple: true });
  const cache = client.pragma('cache_size', { simple: true });
  client.pragma('synchronous = OFF');
  client.pragma('cache_size = -262144');
  client.transaction(() => postRequests(client, lines, extra, rng(seed), firstReq, finance)).immediate();
  client.pragma(`synchronous = ${sync}`);
  client.pragma(`cache_size = ${cache}`);
  client.pragma('wal_checkpoint(TRUNCATE)');
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
  const sizes = [data.entries, data.entries * 5];
  const runs = opts.quick ? 5 : 9;
  const figures: Figure[] = [];
  const apiAt: number[] = [];
  try {
    for (const [k, entries] of sizes.entries()) {
      if (k > 0) {
        log(`growing the ledger to ${entries} entries …`);
        const t0 = performance.now();
        const core = createCore({ dataDir: data.dataDir, log: silent });
        try {
          growBenchLedger(core.env.db.$client, entries - sizes[k - 1]!);
        } finally {
          core.close();
        }
        log(`grown in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      const f = await measure(data, entries, runs);
      apiAt.push(f.value);
      figures.push({ ...f, name: `budget_vs_actual_${entries >= 1e6 ? `${entries / 1e6}M` : `${entries / 1e3}k`}` });
      log(`measured: ${formatFigure(figures.at(-1)!)}`); // shown at once: growing to the next size takes a while
    }
  } finally {
    data.dispose();
  }
  const [small, large] = apiAt as [number, number];
  figures.push(figure('budget_vs_actual_growth', large, small, 'ms', 1.5, { baselineIs: `the API's time at ${sizes[0]} entries`, entries: sizes[1] }));
  return figures;
}

async function measure(data: BudgetBenchData, entries: number, runs: number): Promise<Figure> {
  const core = createCore({ dataDir: data.dataDir, log: silent });
  const bare = new Database(join(data.dataDir, DB_FILE), { readonly: true });
  try {
    const n = bare.prepare('SELECT count(*) FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN budget_plans p ON p.id = l.plan_id WHERE p.fiscal_year = ?').pluck().get(YEAR) as number;
    if (n !== entries) throw new Error(`budget_vs_actual: ${n} ledger entries in ${YEAR}, expected ${entries}`);
    const { token } = await core.call('auth.signIn', { username: 'wangfang', password: DEMO_PASSWORD });
    const input = { fiscalYear: YEAR, dimensions: ['branch', 'costType'] as const, granularity: 'month' as const };
    const api = () => core.call('budgets.vsActual', { ...input, dimensions: [...input.dimensions] }, { token });
    const planId = bare.prepare('SELECT id FROM budget_plans WHERE fiscal_year = ?').pluck().get(YEAR) as number;
    type R = { branch: number; costType: number; period: string; allocated: number; committed: number; actual: number; overCells: number }[];
    const stmt = bare.prepare(HAND_SQL);
    const scanStmt = bare.prepare(LEDGER_SCAN_SQL);
    const hand = () => stmt.all(planId, `${YEAR}-01`, `${YEAR}-12`) as R;
    const scan = () => scanStmt.all(planId, `${YEAR}-01`, `${YEAR}-12`) as R;

    // all three answer the same (the totals equal the ledger's sums, cell group by cell group)
    const a = await api();
    const h = hand();
    const key = (x: R[number]) => `${x.branch}|${x.costType}|${x.period}|${x.allocated}|${x.committed}|${x.actual}|${x.overCells}`;
    if (h.map(key).sort().join() !== scan().map(key).sort().join()) throw new Error('budget_vs_actual: the ledger totals differ from the ledger');
    const sum = (k: 'allocated' | 'committed' | 'actual' | 'overCells') => h.reduce((s, x) => s + x[k], 0);
    const g = a.grandTotal.total;
    if (g.allocated !== sum('allocated') || g.committed !== sum('committed') || g.actual !== sum('actual') || g.overCells !== sum('overCells')) {
      throw new Error('budget_vs_actual: the API and the hand-written SQL disagree');
    }
    if (a.rows.filter((x) => !x.subtotal).length * 12 < h.length) throw new Error('budget_vs_actual: rows missing');

    for (let i = 0; i < 2; i++) {
      await api();
      hand();
    }
    const apiMs: number[] = [];
    const handMs: number[] = [];
    const scanMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await api();
      apiMs.push(performance.now() - t);
      t = performance.now();
      hand();
      handMs.push(performance.now() - t);
      if (i < 3) {
        t = performance.now();
        scan();
        scanMs.push(performance.now() - t);
      }
    }
    return figure('budget_vs_actual', median(apiMs), median(handMs), 'ms', 1.5, { runs, lines: data.lines, entries, rows: a.rows.length, ledgerScanMs: Math.round(median(scanMs)) });
  } finally {
    bare.close();
    core.close();
  }
}

// standalone: npx tsx tests/bench/budgets.ts [--quick]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await benchBudgetVsActual({ quick: process.argv.includes('--quick') })) process.stdout.write(`${formatFigure(f)}\n`);
}
