import { periodOf, spreadByWeights, type ControlMode } from '../../../shared/domain/budget';
import { appendHistory } from '../budgets/history';
import { branchAndCounty, orgNodes } from '../budgets/lines';
import { createTransfer } from '../budgets/transfers';
import { versionFacts } from '../budgets/approval';
import type { CoreEnv } from '../context';
import { submit } from '../workflow/engine';
import { rng } from './generate';
import { demoWriter } from './writer';

/**
 * The demo company's budgets: the fiscal year 2026 plan, approved (v1 in December 2025, v2 — more
 * promotion money for Kunming from April — in March), and one approved transfer. Deterministic
 * (seeded), inside seedDemo's transaction: plan, versions and lines with prepared statements (seed
 * data), then each version and the transfer created, submitted by wangfang and approved by zhaomin
 * along their default route through the approval engine (workflow/engine.ts) — so their route
 * history is on the history page and in `history.verify`, and the allocations and the transfer
 * are posted by the documents' own final-approval effects (budgets/approval.ts), at the approval's
 * time. Commitments and actuals are not written here: they come from real requests, claims and
 * payments (demo/history.ts and demo/documents.ts, through the documents' write functions).
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

export function seedDemoBudgets(env: CoreEnv, seed = 2026): { lines: number; entries: number } {
  const client = env.db.$client;
  const r = rng(seed);
  const w = demoWriter(env);
  const q = <T>(sql: string, ...p: unknown[]) => client.prepare(sql).all(...p) as T[];
  const userId = (u: string) => client.prepare('SELECT id FROM users WHERE username = ?').pluck().get(u) as number;
  const finance = userId('wangfang');
  const org = orgNodes(client);
  const counties = q<{ id: number; code: string; manager: number }>("SELECT id, code, manager_user_id AS manager FROM org_units WHERE kind = 'county' ORDER BY id");
  const channels = q<{ id: number; code: string }>('SELECT id, code FROM channel_types ORDER BY id');
  const costs = q<{ id: number; code: string; control: ControlMode; tol: number }>(
    'SELECT id, code, default_control AS control, default_tolerance_bp AS tol FROM cost_types ORDER BY id',
  );
  const partners = q<{ id: number; unit: number; channel: number; owner: number }>(
    "SELECT id, org_unit_id AS unit, channel_type_id AS channel, owner_user_id AS owner FROM partners WHERE status = 'cooperating' ORDER BY id LIMIT 30",
  );
  /** created by wangfang (the create row of its history), submitted by her, approved along its route (zhaomin) */
  const approveVersion = (id: number, note: string, created: string, submitted: string, decided: string) => {
    appendHistory(w.as('wangfang', created), { type: 'budget_version', id }, 'create', null, 'draft', note);
    const f = versionFacts(client, id);
    submit(w.as('wangfang', submitted), f, f.version);
    w.approveAll('budget_version', id, decided);
  };

  const planId = Number(
    client.prepare('INSERT INTO budget_plans (fiscal_year, name, created_by, created_at) VALUES (?,?,?,?)').run(FY, `${FY}年度渠道费用预算`, finance, '2025-11-20T02:00:00.000Z').lastInsertRowid,
  );
  const insVersion = client.prepare(
    `INSERT INTO budget_versions (plan_id, number, note, based_on_version_id, approval_state, in_force, created_by, created_at, updated_at, submitted_by, submitted_at, decided_by, decided_at, version)
     VALUES (?,?,?,?,'draft',0,?,?,?,NULL,NULL,NULL,NULL,0)`,
  );
  const insLine = client.prepare(
    'INSERT INTO budget_lines (plan_id, org_unit_id, channel_type_id, cost_type_id, partner_id, branch_id, county_id, created_at) VALUES (?,?,?,?,?,?,?,?)',
  );
  const insVl = client.prepare(`INSERT INTO budget_version_lines VALUES (${Array.from({ length: 16 }, () => '?').join(',')})`);

  // v1: every county × channel type × cost type, plus rebates per partner for thirty partners
  const v1 = Number(insVersion.run(planId, 1, '年度预算', null, finance, '2025-11-20T02:00:00.000Z', '2025-11-20T02:00:00.000Z').lastInsertRowid);
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
  approveVersion(v1, '年度预算', '2025-11-20T02:00:00.000Z', '2025-12-15T02:00:00.000Z', '2025-12-20T03:00:00.000Z');

  // one transfer: 20,000 yuan of March promotion money from the first line to the second, through the transfers' own write path
  const [from, to] = [lines[0]!, lines[1]!];
  const tAmount = Math.min(2_000_000, Math.floor(from.amounts[2]! / 20_000) * 10_000);
  const t = createTransfer(w.as('wangfang', '2026-02-25T02:00:00.000Z'), {
    from: { lineId: from.id, period: periodOf(FY, 3) }, to: { lineId: to.id, period: periodOf(FY, 3) }, amount: tAmount, reason: '三月活动集中在相邻区域', submit: true,
  });
  w.approveAll('budget_transfer', t.id, '2026-02-27T02:00:00.000Z');

  // v2: Kunming's promotion budget +15% from April
  const v2 = Number(insVersion.run(planId, 2, '昆明促销加码', v1, finance, '2026-03-02T02:00:00.000Z', '2026-03-02T02:00:00.000Z').lastInsertRowid);
  const kunming = new Set(counties.filter((c) => c.code.startsWith('KM-')).map((c) => c.id));
  const promoKm = new Set(
    (q<{ id: number }>("SELECT l.id FROM budget_lines l JOIN cost_types ct ON ct.id = l.cost_type_id WHERE ct.code = 'PROMO' AND l.plan_id = ? AND l.county_id IN (SELECT value FROM json_each(?))", planId, JSON.stringify([...kunming]))).map((x) => x.id),
  );
  for (const l of lines) {
    const next = l.amounts.map((a, m) => (promoKm.has(l.id) && m >= 3 ? Math.round((a * 1.15) / 100) * 100 : a));
    insVl.run(v2, l.id, ...next, null, null);
    l.amounts = next;
  }
  approveVersion(v2, '昆明促销加码', '2026-03-02T02:00:00.000Z', '2026-03-05T02:00:00.000Z', '2026-03-10T03:00:00.000Z');
  const entries = client.prepare('SELECT count(*) FROM budget_ledger').pluck().get() as number;
  return { lines: lines.length, entries };
}
