import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { hashPassword } from '../../electron/core/auth/password';
import { rng } from '../../electron/core/demo/generate';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { initDemo } from '../../electron/core/setup/service';
import { silentLogger } from './data';

/**
 * The data of analysis_dashboard: the demo company grown to `partners` partners, each with 24
 * months of results (2025-01 … 2026-12; one partner in ten without a known margin), and
 * `lines` claim lines: claims of four invoice lines each, one approved request per claim, with
 * the ledger entries the documents post (the request's commitment in its activity month; for a
 * paid claim the release and the actual there; a rejected claim's request released). States: 80 %
 * approved and paid, 10 % approved unpaid, 5 % rejected, 5 % submitted; 1 in 500 submitted
 * despite a duplicate invoice. Written with prepared statements (the data, not the measured path);
 * deterministic (seeded).
 */
export const ANALYSIS_NOW = new Date('2027-01-10T02:00:00.000Z');
const log = (msg: string) => process.stderr.write(`[analysis data] ${msg}\n`);
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

export interface AnalysisBenchData {
  dataDir: string;
  dispose(): void;
}

export async function buildAnalysisBenchData(opts: { partners: number; lines: number }): Promise<AnalysisBenchData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-bench-analysis-'));
  const core = createCore({ dataDir, log: silentLogger, now: () => ANALYSIS_NOW });
  try {
    const t0 = performance.now();
    await initDemo(core.env, { partners: opts.partners, passwordHash: await hashPassword(DEMO_PASSWORD) });
    const db = core.env.db.$client;
    const sync = db.pragma('synchronous', { simple: true });
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    writeResults(db);
    log(`results written (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    writeDocuments(db, Math.floor(opts.lines / 4));
    db.pragma(`synchronous = ${sync as number}`);
    db.exec('ANALYZE');
    db.pragma('wal_checkpoint(TRUNCATE)');
    log(`${opts.partners} partners × 24 months, ${opts.lines} claim lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { dataDir, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
  } finally {
    core.close();
  }
}

function writeResults(db: Database.Database): void {
  const r = rng(20250101);
  const admin = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
  const ids = db.prepare('SELECT id FROM partners ORDER BY id').pluck().all() as number[];
  const ins = db.prepare('INSERT INTO sales_results (partner_id, period, revenue, gross_margin, new_subscribers, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const id of ids) {
      const size = r.int(5, 500) * 10_000;
      const known = id % 10 !== 0;
      for (const m of MONTHS) {
        const revenue = Math.floor(size * (0.6 + r.next()));
        ins.run(id, m, revenue, known ? Math.floor(revenue * 0.3) : null, r.int(0, 40), admin, '2027-01-05T00:00:00.000Z');
      }
    }
  })();
}

function writeDocuments(db: Database.Database, claims: number): void {
  const r = rng(20260601);
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const admin = one("SELECT id FROM users WHERE username = 'admin'");
  const line = one('SELECT id FROM budget_lines ORDER BY id LIMIT 1');
  const costs = db.prepare('SELECT id FROM cost_types ORDER BY id').pluck().all() as number[];
  const partners = db.prepare('SELECT id, org_unit_id AS ou, channel_type_id AS ct, coalesce(owner_user_id, ?) AS owner FROM partners ORDER BY id').all(admin) as { id: number; ou: number; ct: number; owner: number }[];
  const insReq = db.prepare(
    `INSERT INTO cost_requests (number, partner_id, org_unit_id, channel_type_id, cost_type_id, title, activity_start, activity_end, amount, expected_revenue, claim_due,
       claimed_amount, settle_state, approval_state, created_by, owner_user_id, created_at, updated_at, submitted_at, decided_at)
     VALUES (?, ?, ?, ?, ?, '活动', ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?, ?, ?, ?, ?)`,
  );
  const insClaim = db.prepare(
    `INSERT INTO claims (number, request_id, partner_id, org_unit_id, channel_type_id, cost_type_id, title, activity_start, activity_end, amount, due, duplicate_reason,
       approved_amount, paid_amount, pay_state, approval_state, created_by, owner_user_id, created_at, updated_at, submitted_at, decided_at)
     VALUES (?, ?, ?, ?, ?, ?, '核销', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLine = db.prepare(`INSERT INTO claim_lines (claim_id, line_no, invoice_type, invoice_number, invoice_date, amount, tax) VALUES (?, ?, 'e_invoice', ?, ?, ?, 0)`);
  const insEntry = db.prepare(
    `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at) VALUES (?, ?, ?, ?, ?, ?, '', 'cost_request', ?, ?, ?)`,
  );
  const BATCH = 20_000;
  for (let from = 0; from < claims; from += BATCH) {
    db.transaction(() => {
      for (let k = from; k < Math.min(claims, from + BATCH); k++) {
        const p = partners[r.int(0, partners.length - 1)]!;
        const period = MONTHS[r.int(0, MONTHS.length - 1)]!;
        const start = `${period}-${String(r.int(1, 10)).padStart(2, '0')}`;
        const end = `${period}-${String(r.int(11, 28)).padStart(2, '0')}`;
        const lineAmounts = [0, 1, 2, 3].map(() => r.int(10, 2_000) * 100);
        const amount = lineAmounts.reduce((a, b) => a + b, 0);
        const roll = r.next();
        const state = roll < 0.9 ? 'approved' : roll < 0.95 ? 'rejected' : 'submitted';
        const paid = roll < 0.8;
        const at = `${end}T02:00:00.000Z`;
        const submitted = `${period}-28T03:00:00.000Z`;
        const decided = state === 'submitted' ? null : `${period}-28T09:00:00.000Z`;
        const costType = costs[k % costs.length]!;
        const rid = Number(
          insReq.run(`SQ-B-${k}`, p.id, p.ou, p.ct, costType, start, end, amount, amount * 3, end, state === 'approved' ? amount : 0,
            state === 'approved' ? 'closed' : 'open', admin, p.owner, at, at, `${period}-01T02:00:00.000Z`, `${period}-02T02:00:00.000Z`).lastInsertRowid,
        );
        const cid = Number(
          insClaim.run(`HX-B-${k}`, rid, p.id, p.ou, p.ct, costType, start, end, amount, end, k % 500 === 499 ? '重复发票已核实' : '',
            state === 'approved' ? amount : null, paid ? amount : 0, state === 'approved' ? (paid ? 'paid' : 'unpaid') : null, state, admin, p.owner, at, at, submitted, decided).lastInsertRowid,
        );
        lineAmounts.forEach((a, i) => insLine.run(cid, i + 1, `B${k}-${i}`, end, a));
        insEntry.run(line, period, 'commitment', amount, 'cost_request', rid, rid, admin, at);
        if (paid) {
          insEntry.run(line, period, 'release', -amount, 'payment', cid, rid, admin, at);
          insEntry.run(line, period, 'actual', amount, 'payment', cid, rid, admin, at);
        } else if (state === 'rejected') insEntry.run(line, period, 'release', -amount, 'claim', cid, rid, admin, at);
      }
    })();
  }
}
