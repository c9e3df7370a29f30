import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashPassword } from '../../electron/core/auth/password';
import { verifyHistory } from '../../electron/core/budgets/history';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore, type Core } from '../../electron/core/index';
import { initDemo } from '../../electron/core/setup/service';
import { silentLogger } from './data';
import { figure, type Figure } from './figure';
import { HandMoneyPath, handUser, type HandUser } from './handMoney';

/**
 * request_to_payment: N requests (10,000; quick 1,000) taken from draft to paid through the API
 * in-process (`core.call`, each step as its real user: zhangwei creates and submits a ¥300
 * promotion request for a partner of 五华区, zhouqiang — the route's approver, the county
 * manager — approves it, zhangwei claims it with one 数电票 line and submits, zhouqiang approves,
 * wangfang pays it in full): 7 calls, 7 transactions, per request. Against the same rows,
 * history and ledger entries written by hand (tests/bench/handMoney.ts) in the same 7
 * transactions per request, on a copy of the same file; the two alternate in chunks of 100
 * requests. Target ratio ≤ 3.
 *
 * ¥300 is below the promotion cost type's receipt threshold (¥500), so no proof is needed; below
 * ¥10,000 the default route has one step. The demo's 2026 plan is topped up for June (an
 * allocation entry per line used) so that 10,000 commitments fit under its block rule. Both
 * files run with the product's pragmas (WAL, synchronous=FULL): every commit is an fsync, which
 * is the floor both share (`detail.fsyncFloorMs`: 7 empty IMMEDIATE commits per request).
 */
export const NOW = new Date('2026-06-01T02:00:00.000Z');
export const AMOUNT = 30_000;
const CHUNK = 100;
const log = (msg: string) => process.stderr.write(`[request_to_payment] ${msg}\n`);

export interface Setup {
  dir: string;
  partners: number[];
  promo: number;
}

/** The demo company (its documents too), the partners of 五华区 with a promotion line, and those lines topped up for June by n × ¥300. */
export async function setup(n: number): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'ccd-bench-money-'));
  const core = createCore({ dataDir: join(dir, 'seed'), log: silentLogger, now: () => NOW });
  try {
    await initDemo(core.env, { passwordHash: await hashPassword(DEMO_PASSWORD) });
    const db = core.env.db.$client;
    const promo = db.prepare(`SELECT id FROM cost_types WHERE code = 'PROMO'`).pluck().get() as number;
    const partners = db
      .prepare(
        `SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id
         WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'KM-WH') || '%' AND p.active = 1 AND p.status = 'cooperating' ORDER BY p.id`,
      )
      .pluck()
      .all() as number[];
    // the lines these requests draw on (by the app's own rule), each topped up for June
    const { token } = await core.call('auth.signIn', { username: 'zhangwei', password: DEMO_PASSWORD });
    const usable: number[] = [];
    const lines = new Map<number, number>();
    for (const p of partners) {
      const pv = await core.call('costRequests.budgetPreview', { partnerId: p, costTypeId: promo, activityStart: '2026-06-10', activityEnd: '2026-06-20', amount: AMOUNT }, { token });
      if (!pv.line) continue;
      usable.push(p);
      lines.set(pv.line.id, (lines.get(pv.line.id) ?? 0) + 1);
    }
    if (!usable.length) throw new Error('request_to_payment: no partner of 五华区 has a promotion line');
    const version = db.prepare('SELECT v.id FROM budget_versions v JOIN budget_plans p ON p.id = v.plan_id WHERE p.fiscal_year = 2026 AND v.in_force = 1').pluck().get() as number;
    const finance = db.prepare(`SELECT id FROM users WHERE username = 'wangfang'`).pluck().get() as number;
    const ins = db.prepare(
      `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at, note)
       VALUES (?, '2026-06', 'allocation', ?, 'budget_version', ?, 'bench top-up', NULL, NULL, ?, ?, 'benchmark')`,
    );
    db.transaction(() => {
      for (const [line] of lines) ins.run(line, n * AMOUNT, version, finance, NOW.toISOString());
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    log(`${usable.length} partners, ${lines.size} lines topped up`);
    return { dir, partners: usable, promo };
  } finally {
    core.close();
  }
}

const invoice = (k: number) => `2453${String(k).padStart(16, '0')}`;

/** Runs requests [from, to) through the API; resolves with the ms they took. */
async function apiRunner(core: Core, s: Setup) {
  const sign = async (u: string) => (await core.call('auth.signIn', { username: u, password: DEMO_PASSWORD })).token;
  const [zhang, zhou, wang] = [await sign('zhangwei'), await sign('zhouqiang'), await sign('wangfang')];
  return async (from: number, to: number): Promise<number> => {
    const t0 = performance.now();
    for (let k = from; k < to; k++) {
      const partnerId = s.partners[k % s.partners.length]!;
      const r = await core.call('costRequests.create', { partnerId, costTypeId: s.promo, title: `促销活动 ${k}`, activityStart: '2026-06-10', activityEnd: '2026-06-20', amount: AMOUNT }, { token: zhang });
      const rs = await core.call('costRequests.submit', { id: r.id, version: r.version }, { token: zhang });
      const ra = await core.call('approvals.act', { docType: 'cost_request', docId: r.id, version: rs.version, action: 'approve' }, { token: zhou });
      if (ra.state !== 'approved') throw new Error(`request ${r.id} is ${ra.state} after one approval`);
      const c = await core.call(
        'claims.create',
        { requestId: r.id, title: `促销核销 ${k}`, lines: [{ invoiceType: 'e_invoice', invoiceNumber: invoice(k), invoiceDate: '2026-06-21', amount: AMOUNT, tax: 1_698 }] },
        { token: zhang },
      );
      const cs = await core.call('claims.submit', { id: c.id, version: c.version }, { token: zhang });
      const ca = await core.call('approvals.act', { docType: 'claim', docId: c.id, version: cs.version, action: 'approve' }, { token: zhou });
      const paid = await core.call('payments.create', { claimId: c.id, version: ca.version, amount: AMOUNT, method: 'bank_transfer', reference: `TX${k}`, paidOn: '2026-06-25' }, { token: wang });
      if (paid.status !== 'paid') throw new Error(`claim ${c.id} is ${paid.status} after its payment`);
    }
    return performance.now() - t0;
  };
}

/** Runs requests [from, to) by hand; returns the ms they took. */
function handRunner(db: Database.Database, s: Setup) {
  const hand = new HandMoneyPath(db, NOW.toISOString());
  const [zhang, zhou, wang] = ['zhangwei', 'zhouqiang', 'wangfang'].map((u) => handUser(db, u)) as [HandUser, HandUser, HandUser];
  return (from: number, to: number): number => {
    const t0 = performance.now();
    for (let k = from; k < to; k++) {
      const partnerId = s.partners[k % s.partners.length]!;
      const r = hand.createRequest(zhang, { partnerId, costTypeId: s.promo, title: `促销活动 ${k}`, activityStart: '2026-06-10', activityEnd: '2026-06-20', amount: AMOUNT });
      const rs = hand.submitRequest(zhang, r.id, r.version);
      hand.approve(zhou, 'cost_request', r.id, rs.version);
      const c = hand.createClaim(zhang, { requestId: r.id, title: `促销核销 ${k}`, lines: [{ invoiceType: 'e_invoice', invoiceNumber: invoice(k), invoiceDate: '2026-06-21', amount: AMOUNT, tax: 1_698 }] });
      const cs = hand.submitClaim(zhang, c.id, c.version);
      const ca = hand.approve(zhou, 'claim', c.id, cs.version);
      hand.pay(wang, { claimId: c.id, version: ca.version, amount: AMOUNT, method: 'bank_transfer', reference: `TX${k}`, paidOn: '2026-06-25' });
    }
    return performance.now() - t0;
  };
}

/** The same outcome on both files: rows per table, ledger sums by kind, history rows by action, an intact chain. */
export function fingerprint(db: Database.Database): string {
  const tables = ['cost_requests', 'claims', 'claim_lines', 'payments', 'approval_runs', 'approval_tasks', 'budget_ledger', 'document_history'];
  const counts = tables.map((t) => `${t}=${db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number}`);
  const ledger = db.prepare(`SELECT kind || ':' || count(*) || ':' || sum(amount) FROM budget_ledger GROUP BY kind ORDER BY kind`).pluck().all();
  const history = db.prepare(`SELECT action || ':' || count(*) FROM document_history GROUP BY action ORDER BY action`).pluck().all();
  const states = db.prepare(`SELECT approval_state || '/' || coalesce(settle_state, '') || ':' || count(*) FROM cost_requests GROUP BY approval_state, settle_state ORDER BY approval_state, settle_state`).pluck().all();
  const broken = verifyHistory(db);
  if (broken !== null) throw new Error(`request_to_payment: the history chain breaks at row ${broken}`);
  return [...counts, ...ledger, ...history, ...states].join(' ');
}

/** The fsync floor: `commits` empty IMMEDIATE transactions that each write one row, on the same disk with the same pragmas. */
export function fsyncFloor(dir: string, commits: number): number {
  const db = new Database(join(dir, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (x INTEGER)');
    const ins = db.prepare('INSERT INTO t VALUES (?)');
    const tx = db.transaction((x: number) => ins.run(x));
    const t0 = performance.now();
    for (let k = 0; k < commits; k++) tx.immediate(k);
    return performance.now() - t0;
  } finally {
    db.close();
  }
}

export function openLikeApp(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

export async function benchRequestToPayment(opts: { quick: boolean; scale?: number }): Promise<Figure[]> {
  const n = Math.max(50, Math.round((opts.quick ? 1_000 : 10_000) * (opts.scale ?? 1)));
  const s = await setup(n);
  try {
    const seed = join(s.dir, 'seed', DB_FILE);
    const apiDir = join(s.dir, 'api');
    const handFile = join(s.dir, 'hand.sqlite');
    mkdirSync(apiDir);
    copyFileSync(seed, join(apiDir, DB_FILE));
    copyFileSync(seed, handFile);

    // the two paths alternate in chunks of 100 requests, so that a change of the machine's load hits both alike
    log(`${n} requests through the API and by hand, alternating …`);
    const core = createCore({ dataDir: apiDir, log: silentLogger, now: () => NOW });
    const db = openLikeApp(handFile);
    let apiMs = 0;
    let handMs = 0;
    let apiPrint: string;
    let handPrint: string;
    try {
      const api = await apiRunner(core, s);
      const hand = handRunner(db, s);
      for (let k = 0; k < n; k += CHUNK) {
        apiMs += await api(k, Math.min(n, k + CHUNK));
        handMs += hand(k, Math.min(n, k + CHUNK));
        if ((k / CHUNK) % 10 === 9) log(`${k + CHUNK}: API ${(apiMs / 1000).toFixed(1)} s, by hand ${(handMs / 1000).toFixed(1)} s`);
      }
      apiPrint = fingerprint(core.env.db.$client);
      handPrint = fingerprint(db);
    } finally {
      db.close();
      core.close();
    }
    log(`API ${(apiMs / 1000).toFixed(1)} s, by hand ${(handMs / 1000).toFixed(1)} s`);
    if (apiPrint !== handPrint) throw new Error(`request_to_payment: the API and the hand-written path left different data:\n  api  ${apiPrint}\n  hand ${handPrint}`);
    const sample = Math.min(n, 500);
    const floor = (fsyncFloor(s.dir, 7 * sample) / sample) * n;
    return [
      figure('request_to_payment', apiMs / n, handMs / n, 'ms/request', 3, {
        requests: n, calls: 7 * n, apiTotalS: Number((apiMs / 1000).toFixed(1)), handTotalS: Number((handMs / 1000).toFixed(1)),
        fsyncFloorMs: Number((floor / n).toFixed(3)),
        ratioAboveFloor: Number(((apiMs - floor) / Math.max(1, handMs - floor)).toFixed(2)),
        partners: s.partners.length,
      }),
    ];
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
}
