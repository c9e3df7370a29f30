import type Database from 'better-sqlite3';
import type { ApprovalState } from '../../../shared/domain/approval';
import { periodOf, spreadByWeights, type ControlMode } from '../../../shared/domain/budget';
import { GENESIS, historyHash } from '../budgets/history';
import { branchAndCounty, orgNodes } from '../budgets/lines';
import { rng } from './generate';

/**
 * The demo company's budgets: the fiscal year 2026 plan, approved (v1 in December 2025, v2 — more
 * promotion money for Kunming from April — in March), and one approved transfer. Deterministic
 * (seeded), written with prepared statements inside seedDemo's transaction. Commitments and actuals are not written here: they come from real requests, claims
 * and payments (demo/history.ts and demo/documents.ts, through the documents' write functions).
 */
const FY = 2026;
/** yuan per county and channel type for a year, by cost type code */
const BASE_YUAN: Record<string, number> = {
  PROMO: 120_000, ADV: 80_000, DISPLAY: 60_000, REBATE: 150_000, COMMISSION: 200_000,
  INCENTIVE: 50_000, TRAINING: 20_000, EVENT: 60_000, RENT: 40_000, MATERIAL: 30_000,
};
const CHANNEL_FACTOR: Record<string, number> = { TERMINAL: 1, BUSINESS: 0.8, VILLAGE: 0.6, ECOM: 0.5, DEALER: 0.9, AGENT: 0.7 };
const SKIP = new Set(['ECOM|RENT', 'ECOM|DISPLAY', 'ECOM|MATERIAL', 'VILLAGE|ADV']);
/** spring festival and the autumn campaign weigh more */
const SEASON = [8, 14, 9, 8, 8, 8, 7, 7, 8, 10, 9, 6];

interface Line {
  id: number;
  costType: string;
  control: ControlMode;
  toleranceBp: number;
  managerId: number;
  amounts: number[];
}

export function seedDemoBudgets(client: Database.Database, seed = 2026): { lines: number; entries: number } {
  const r = rng(seed);
  const q = <T>(sql: string, ...p: unknown[]) => client.prepare(sql).all(...p) as T[];
  const userId = (u: string) => client.prepare('SELECT id FROM users WHERE username = ?').pluck().get(u) as number;
  const finance = userId('wangfang');
  const approver = userId('zhaomin');
  const org = orgNodes(client);
  const counties = q<{ id: number; code: string; manager: number }>("SELECT id, code, manager_user_id AS manager FROM org_units WHERE kind = 'county' ORDER BY id");
  const channels = q<{ id: number; code: string }>('SELECT id, code FROM channel_types ORDER BY id');
  const costs = q<{ id: number; code: string; control: ControlMode; tol: number }>(
    'SELECT id, code, default_control AS control, default_tolerance_bp AS tol FROM cost_types ORDER BY id',
  );
  const partners = q<{ id: number; unit: number; channel: number; owner: number }>(
    "SELECT id, org_unit_id AS unit, channel_type_id AS channel, owner_user_id AS owner FROM partners WHERE status = 'cooperating' ORDER BY id LIMIT 30",
  );

  let prevHash = (client.prepare('SELECT hash FROM document_history ORDER BY id DESC LIMIT 1').pluck().get() as string | undefined) ?? GENESIS;
  const insHistory = client.prepare(
    'INSERT INTO document_history (document_type, document_id, action, from_state, to_state, user_id, at, comment, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
  );
  const history = (documentType: string, documentId: number, action: string, fromState: ApprovalState | null, toState: ApprovalState, userId: number, at: string, comment = '') => {
    const hash = historyHash(prevHash, { documentType, documentId, action, fromState, toState, userId, at, comment });
    insHistory.run(documentType, documentId, action, fromState, toState, userId, at, comment, prevHash, hash);
    prevHash = hash;
  };
  const lifecycle = (type: string, id: number, created: string, submitted: string, approved: string, note = '') => {
    history(type, id, 'create', null, 'draft', finance, created, note);
    history(type, id, 'submit', 'draft', 'submitted', finance, submitted);
    history(type, id, 'approve', 'submitted', 'approved', approver, approved, '同意');
  };

  const planId = Number(
    client.prepare('INSERT INTO budget_plans (fiscal_year, name, created_by, created_at) VALUES (?,?,?,?)').run(FY, `${FY}年度渠道费用预算`, finance, '2025-11-20T02:00:00.000Z').lastInsertRowid,
  );
  const insVersion = client.prepare(
    `INSERT INTO budget_versions (plan_id, number, note, based_on_version_id, approval_state, in_force, created_by, created_at, updated_at, submitted_by, submitted_at, decided_by, decided_at, version)
     VALUES (?,?,?,?,'draft',0,?,?,?,NULL,NULL,NULL,NULL,0)`,
  );
  // draft → submitted → approved, as the state triggers allow
  const submit = client.prepare("UPDATE budget_versions SET approval_state = 'submitted', submitted_by = ?, submitted_at = ?, version = 1 WHERE id = ?");
  const decide = client.prepare("UPDATE budget_versions SET approval_state = 'approved', in_force = 1, decided_by = ?, decided_at = ?, updated_at = ?, version = 2 WHERE id = ?");
  const approve = (id: number, submittedAt: string, decidedAt: string) => {
    submit.run(finance, submittedAt, id);
    decide.run(approver, decidedAt, decidedAt, id);
  };
  const insLine = client.prepare(
    'INSERT INTO budget_lines (plan_id, org_unit_id, channel_type_id, cost_type_id, partner_id, branch_id, county_id, created_at) VALUES (?,?,?,?,?,?,?,?)',
  );
  const insVl = client.prepare(`INSERT INTO budget_version_lines VALUES (${Array.from({ length: 16 }, () => '?').join(',')})`);
  const insEntry = client.prepare(
    `INSERT INTO budget_ledger (line_id, period, kind, amount, source_type, source_id, source_ref, against_type, against_id, user_id, at, note)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  // Entries are collected and written in the order of their time at the end: a real ledger is
  // appended as things happen, so its ids follow the posting time — the drill-down lists by id.
  const pendingEntries: unknown[][] = [];
  const entry = (lineId: number, month: number, kind: string, amount: number, src: [string, number, string], against: [string, number] | null, user: number, at: string) => {
    if (amount === 0) return;
    pendingEntries.push([lineId, periodOf(FY, month), kind, amount, src[0], src[1], src[2], against?.[0] ?? null, against?.[1] ?? null, user, at, '']);
  };

  // v1: every county × channel type × cost type, plus rebates per partner for thirty partners
  const v1 = Number(insVersion.run(planId, 1, '年度预算', null, finance, '2025-11-20T02:00:00.000Z', '2025-12-20T03:00:00.000Z').lastInsertRowid);
  const lines: Line[] = [];
  const addLine = (unit: number, channel: number, cost: (typeof costs)[number], partner: number | null, manager: number, annualYuan: number) => {
    const { branchId, countyId } = branchAndCounty(org, unit);
    const id = Number(insLine.run(planId, unit, channel, cost.id, partner, branchId, countyId, '2025-11-20T02:00:00.000Z').lastInsertRowid);
    // whole hundreds of yuan per month: 10,000 fen units spread by season
    const amounts = spreadByWeights(Math.round(annualYuan / 100), SEASON).map((u) => u * 10_000);
    lines.push({ id, costType: cost.code, control: cost.control, toleranceBp: cost.tol, managerId: manager, amounts });
  };
  for (const c of counties) {
    const size = (c.code.startsWith('KM') ? 1.4 : c.code.startsWith('QJ') ? 1 : 0.85) * (0.8 + r.next() * 0.4);
    for (const ch of channels) {
      for (const ct of costs) {
        if (SKIP.has(`${ch.code}|${ct.code}`)) continue;
        addLine(c.id, ch.id, ct, null, c.manager, BASE_YUAN[ct.code]! * CHANNEL_FACTOR[ch.code]! * size * (0.85 + r.next() * 0.3));
      }
    }
  }
  const rebate = costs.find((c) => c.code === 'REBATE')!;
  for (const p of partners) addLine(p.unit, p.channel, rebate, p.id, p.owner, 24_000 + r.int(0, 36) * 1000);
  for (const l of lines) insVl.run(v1, l.id, ...l.amounts, null, null);
  approve(v1, '2025-12-15T02:00:00.000Z', '2025-12-20T03:00:00.000Z');
  lifecycle('budget_version', v1, '2025-11-20T02:00:00.000Z', '2025-12-15T02:00:00.000Z', '2025-12-20T03:00:00.000Z', '年度预算');
  for (const l of lines) l.amounts.forEach((a, m) => entry(l.id, m + 1, 'allocation', a, ['budget_version', v1, `${FY} v1`], null, approver, '2025-12-20T03:00:00.000Z'));

  // v2: Kunming's promotion budget +15% from April
  const v2 = Number(insVersion.run(planId, 2, '昆明促销加码', v1, finance, '2026-03-02T02:00:00.000Z', '2026-03-10T03:00:00.000Z').lastInsertRowid);
  const kunming = new Set(counties.filter((c) => c.code.startsWith('KM-')).map((c) => c.id));
  const promoKm = new Set(
    (q<{ id: number }>("SELECT l.id FROM budget_lines l JOIN cost_types ct ON ct.id = l.cost_type_id WHERE ct.code = 'PROMO' AND l.plan_id = ? AND l.county_id IN (SELECT value FROM json_each(?))", planId, JSON.stringify([...kunming]))).map((x) => x.id),
  );
  client.prepare('UPDATE budget_versions SET in_force = 0 WHERE id = ?').run(v1);
  for (const l of lines) {
    const next = l.amounts.map((a, m) => (promoKm.has(l.id) && m >= 3 ? Math.round((a * 1.15) / 100) * 100 : a));
    insVl.run(v2, l.id, ...next, null, null);
    next.forEach((a, m) => entry(l.id, m + 1, 'allocation', a - l.amounts[m]!, ['budget_version', v2, `${FY} v2`], null, approver, '2026-03-10T03:00:00.000Z'));
    l.amounts = next;
  }
  approve(v2, '2026-03-05T02:00:00.000Z', '2026-03-10T03:00:00.000Z');
  lifecycle('budget_version', v2, '2026-03-02T02:00:00.000Z', '2026-03-05T02:00:00.000Z', '2026-03-10T03:00:00.000Z', '昆明促销加码');

  // one transfer: 20,000 yuan of March promotion money from the first line to the second
  const [from, to] = [lines[0]!, lines[1]!];
  const tAmount = Math.min(2_000_000, Math.floor(from.amounts[2]! / 20_000) * 10_000);
  const tId = Number(
    client
      .prepare(
        `INSERT INTO budget_transfers (plan_id, from_line_id, from_period, to_line_id, to_period, amount, reason, approval_state, created_by, created_at, updated_at, submitted_by, submitted_at, decided_by, decided_at, version)
         VALUES (?,?,?,?,?,?,?,'approved',?,?,?,?,?,?,?,2)`,
      )
      .run(planId, from.id, periodOf(FY, 3), to.id, periodOf(FY, 3), tAmount, '三月活动集中在相邻区域', finance, '2026-02-25T02:00:00.000Z', '2026-02-27T02:00:00.000Z', finance, '2026-02-25T02:00:00.000Z', approver, '2026-02-27T02:00:00.000Z').lastInsertRowid,
  );
  lifecycle('budget_transfer', tId, '2026-02-25T02:00:00.000Z', '2026-02-25T02:00:00.000Z', '2026-02-27T02:00:00.000Z', '三月活动集中在相邻区域');
  const tRef: [string, number, string] = ['budget_transfer', tId, `BT-${FY}-${String(tId).padStart(5, '0')}`];
  entry(from.id, 3, 'transfer_out', -tAmount, tRef, null, approver, '2026-02-27T02:00:00.000Z');
  entry(to.id, 3, 'transfer_in', tAmount, tRef, null, approver, '2026-02-27T02:00:00.000Z');
  from.amounts[2]! -= tAmount;
  to.amounts[2]! += tAmount;

  const AT = 10;
  pendingEntries.sort((a, b) => ((a[AT] as string) < (b[AT] as string) ? -1 : (a[AT] as string) > (b[AT] as string) ? 1 : 0)); // stable: same-time entries keep their order
  for (const e of pendingEntries) insEntry.run(...e);
  return { lines: lines.length, entries: pendingEntries.length };
}
