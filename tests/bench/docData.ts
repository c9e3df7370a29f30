import { createHash } from 'node:crypto';
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
 * The data of claims_page and queue_page: the demo company (with `partners` partners) plus
 * `claims` claims (1,000,000; quick 100,000) written with prepared statements — the data, not
 * the measured path. Deterministic (seeded). Each claim has one 数电票 line (1 in 500 repeats
 * the previous claim's invoice: a duplicate), every 20th a proof attachment; states: 70 %
 * approved (paid / unpaid / partly paid), 10 % submitted, 10 % draft, 5 % rejected, 5 %
 * cancelled; every submitted, approved or rejected claim has its approval run and task
 * (assigned to the manager above its unit). `waiting` of them (10,000; quick 1,000), spread
 * evenly over the million, are submitted claims of 五华区 (requester zhangwei) waiting for
 * zhouqiang, the county manager — his queue; no other claim of 五华区 is waiting.
 * Stand-alone claims (cost types without pre-approval: 渠道酬金 and 物料费), activities in 2026.
 */
export const DOCS_NOW = new Date('2026-12-01T02:00:00.000Z');
const log = (msg: string) => process.stderr.write(`[docs data] ${msg}\n`);

export interface DocBenchData {
  dataDir: string;
  claims: number;
  waiting: number;
  dispose(): void;
}

export async function buildDocBenchData(opts: { claims: number; waiting: number; partners: number }): Promise<DocBenchData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-bench-docs-'));
  const core = createCore({ dataDir, log: silentLogger, now: () => DOCS_NOW });
  try {
    const t0 = performance.now();
    await initDemo(core.env, { partners: opts.partners, passwordHash: await hashPassword(DEMO_PASSWORD) });
    writeClaims(core.env.db.$client, opts.claims, opts.waiting);
    core.env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    log(`${opts.claims} claims (${opts.waiting} waiting for zhouqiang) written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { dataDir, claims: opts.claims, waiting: opts.waiting, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
  } finally {
    core.close();
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);
const DAY = 86_400_000;

function writeClaims(db: Database.Database, n: number, waiting: number): void {
  const r = rng(20261201);
  const one = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
  const wuhua = one(`SELECT id FROM org_units WHERE code = 'KM-WH'`);
  const wuhuaPath = db.prepare('SELECT path FROM org_units WHERE id = ?').pluck().get(wuhua) as string;
  const zhang = one(`SELECT id FROM users WHERE username = 'zhangwei'`);
  const zhou = one(`SELECT id FROM users WHERE username = 'zhouqiang'`);
  const costs = db.prepare(`SELECT id, code FROM cost_types WHERE code IN ('COMMISSION','MATERIAL') ORDER BY code`).all() as { id: number; code: string }[];
  const routeId = one(`SELECT id FROM approval_routes WHERE doc_type = 'claim' AND current = 1 AND active = 1 ORDER BY priority DESC LIMIT 1`);
  // per org unit: its county's channel staff (the requester) and the nearest manager above it
  const units = db.prepare('SELECT id, path FROM org_units').all() as { id: number; path: string }[];
  const managerOf = db.prepare(
    `SELECT o.manager_user_id FROM org_units o WHERE o.manager_user_id IS NOT NULL AND o.id IN (SELECT value FROM json_each(?)) ORDER BY length(o.path) DESC LIMIT 1`,
  ).pluck();
  const staffOf = db.prepare(
    `SELECT u.id FROM users u JOIN user_org_units a ON a.user_id = u.id JOIN org_units s ON s.id = a.org_unit_id
     WHERE u.role = 'channel_staff' AND ? LIKE s.path || '%' ORDER BY length(s.path) DESC, u.id LIMIT 1`,
  ).pluck();
  const people = new Map<number, { staff: number; manager: number }>();
  for (const u of units) {
    const chain = u.path.split('/').filter(Boolean).map(Number);
    const staff = (staffOf.get(u.path) as number | undefined) ?? zhang;
    const manager = (managerOf.get(JSON.stringify(chain)) as number | undefined) ?? zhou;
    people.set(u.id, { staff, manager });
  }
  const partners = db.prepare(`SELECT p.id, p.org_unit_id AS unit, p.channel_type_id AS ch, o.path FROM partners p JOIN org_units o ON o.id = p.org_unit_id
    WHERE p.active = 1 ORDER BY p.id`).all() as { id: number; unit: number; ch: number; path: string }[];
  const inWuhua = partners.filter((p) => p.path.startsWith(wuhuaPath));
  const elsewhere = partners.filter((p) => !p.path.startsWith(wuhuaPath));
  if (!inWuhua.length || !elsewhere.length) throw new Error('docs data: partners missing');

  const insClaim = db.prepare(
    `INSERT INTO claims (number, request_id, partner_id, org_unit_id, channel_type_id, cost_type_id, title, description, activity_start, activity_end, amount, due,
       approved_amount, paid_amount, pay_state, approval_state, created_by, owner_user_id, created_at, updated_at, submitted_by, submitted_at, decided_by, decided_at, version)
     VALUES (?,NULL,?,?,?,?,?,'',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insLine = db.prepare(
    `INSERT INTO claim_lines (claim_id, line_no, invoice_type, invoice_code, invoice_number, invoice_date, amount, tax, description) VALUES (?,1,'e_invoice','',?,?,?,?,'')`,
  );
  const insRun = db.prepare(`INSERT INTO approval_runs (doc_type, doc_id, route_id, step_index, state, started_by, started_at, ended_at) VALUES ('claim',?,?,0,?,?,?,?)`);
  const insTask = db.prepare(
    `INSERT INTO approval_tasks (run_id, doc_type, doc_id, step_index, step_name, mode, assignee_id, state, via, decided_by, decided_at, created_at, due_at, doc_number,
       requester_id, org_unit_id, partner_id, amount) VALUES (?,'claim',?,0,'县区经理审批','any',?,?,'route',?,?,?,?,?,?,?,?,?)`,
  );
  const insBlob = db.prepare(`INSERT INTO attachment_blobs (sha256, size, mime, created_at) VALUES (?, 48213, 'application/pdf', ?)`);
  const insAtt = db.prepare(`INSERT INTO attachments (doc_type, doc_id, sha256, name, level, uploaded_by, uploaded_at) VALUES ('claim',?,?,?,'internal',?,?)`);
  const seq = db.prepare(`INSERT INTO doc_sequences (prefix, year, last) VALUES ('HX', 2026, ?) ON CONFLICT (prefix, year) DO UPDATE SET last = max(last, excluded.last)`);
  const start = Date.parse('2026-01-05T01:00:00.000Z');
  const span = Date.parse('2026-11-30T01:00:00.000Z') - start;
  const every = Math.max(1, Math.floor(n / waiting));
  const base = (db.prepare(`SELECT coalesce(max(last), 0) FROM doc_sequences WHERE prefix = 'HX' AND year = 2026`).pluck().get() as number) + 1;
  let lastInvoice = '';
  let waitingMade = 0;

  const sync = db.pragma('synchronous', { simple: true });
  const cache = db.pragma('cache_size', { simple: true });
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const batch = db.transaction((from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const created = start + Math.floor((span * k) / n);
      const isWaiting = k % every === every - 1 && waitingMade < waiting;
      const p = isWaiting ? inWuhua[k % inWuhua.length]! : elsewhere[k % elsewhere.length]!;
      const who = people.get(p.unit)!;
      const requester = isWaiting ? zhang : who.staff;
      const manager = isWaiting ? zhou : who.manager;
      const cost = costs[k % costs.length]!;
      const actStart = day(created - 20 * DAY);
      const actEnd = day(created - 5 * DAY);
      const amount = r.int(10, 5_000) * 100;
      const roll = r.next();
      const state = isWaiting ? 'submitted' : roll < 0.7 ? 'approved' : roll < 0.8 ? 'submitted' : roll < 0.9 ? 'draft' : roll < 0.95 ? 'rejected' : 'cancelled';
      const pay = state !== 'approved' ? null : roll < 0.42 ? 'paid' : roll < 0.6 ? 'unpaid' : 'partly_paid';
      const paid = pay === 'paid' ? amount : pay === 'partly_paid' ? Math.floor(amount / 2) : 0;
      const submittedAt = state === 'draft' || state === 'cancelled' ? null : iso(created + 3_600_000);
      const decided = state === 'approved' || state === 'rejected' ? iso(created + 30 * 3_600_000) : null;
      const number = `HX-2026-${String(base + k).padStart(6, '0')}`;
      const id = Number(
        insClaim.run(number, p.id, p.unit, p.ch, cost.id, `${cost.code === 'COMMISSION' ? '渠道酬金' : '物料费'} ${k}`, actStart, actEnd, amount,
          day(created + 25 * DAY), pay ? amount : null, paid, pay, state, requester, requester, iso(created), decided ?? submittedAt ?? iso(created),
          submittedAt ? requester : null, submittedAt, decided ? manager : null, decided, submittedAt ? (decided ? 2 : 1) + (pay === 'paid' ? 1 : 0) : 0).lastInsertRowid,
      );
      const invoice = k % 500 === 499 && lastInvoice ? lastInvoice : `2453${String(k).padStart(16, '0')}`;
      lastInvoice = invoice;
      insLine.run(id, invoice, actEnd, amount, Math.floor(amount * 0.06));
      if (submittedAt) {
        const runState = state === 'submitted' ? 'running' : state;
        const runId = Number(insRun.run(id, routeId, runState, requester, submittedAt, decided).lastInsertRowid);
        insTask.run(runId, id, manager, state === 'submitted' ? 'waiting' : state, decided ? manager : null, decided, submittedAt, iso(created + 49 * 3_600_000), number,
          requester, p.unit, p.id, amount);
      }
      if (isWaiting || k % 20 === 0) {
        const sha = createHash('sha256').update(`proof ${k}`).digest('hex');
        insBlob.run(sha, iso(created));
        insAtt.run(id, sha, `发票-${k}.pdf`, requester, iso(created));
      }
      if (isWaiting) waitingMade++;
    }
    seq.run(base + to - 1);
  });
  const chunk = 50_000;
  for (let k = 0; k < n; k += chunk) {
    batch.immediate(k, Math.min(n, k + chunk));
    if ((k / chunk) % 4 === 3) log(`${k + chunk} claims …`);
  }
  db.pragma(`synchronous = ${sync}`);
  db.pragma(`cache_size = ${cache}`);
  db.pragma('optimize');
  if (waitingMade !== waiting) throw new Error(`docs data: ${waitingMade} waiting claims instead of ${waiting}`);
}
