import type Database from 'better-sqlite3';
import { decideControl, type ControlMode } from '../../../shared/domain/budget';
import { stmt } from '../budgets/sql';
import { rng } from './generate';
import type { DemoWriter } from './writer';

/**
 * The demo company's year of history (2026, January–November): real cost requests, claims and
 * payments on the budget lines of the plan in force, written by the county managers, approved
 * along their routes, claimed with a proof, paid by finance and closed — through the documents'
 * own write functions (demo/writer.ts), so every commitment and actual in budget vs actual cites
 * a document. Deterministic (seeded). Most cells partly used; a few `warn` cells run over their
 * allocation (approved with the warning confirmed); `block` cells stay within their tolerance.
 * November's requests are approved, some claimed and paid, none closed yet.
 *
 * The cells the hand-made documents of demo/documents.ts use (Wuhua and Panlong promotion,
 * display and events from June) are left to them, so their stories play out as written.
 */
interface LineRow {
  id: number;
  orgUnitId: number;
  countyCode: string;
  channelTypeId: number;
  costTypeId: number;
  costCode: string;
  partnerId: number | null;
  manager: string | null;
  control: ControlMode;
  toleranceBp: number;
  amounts: number[];
}

export interface HistoryItem {
  line: LineRow;
  month: number;
  partnerId: number;
  amount: number;
  claim: number | null;
}

const FY = 2026;
const LAST_MONTH = 11;
/**
 * A request for this share of a line's months. Kept low for first-start time: each document's
 * life through the single-item write path costs ~5–20 ms (route matching, approvals, proof copy),
 * so ~200 documents add 1–4 s to the demo's first start; a bulk form of the write functions is
 * what would allow a denser year (see README, issue 8 status).
 */
const DENSITY = 0.03;
const CURATED_COUNTIES = new Set(['KM-WH', 'KM-PL']);
const CURATED_COSTS = new Set(['PROMO', 'DISPLAY', 'EVENT']);
const pad = (n: number) => String(n).padStart(2, '0');
const day = (m: number, d: number) => `${FY}-${pad(m)}-${pad(d)}`;

function linesInForce(db: Database.Database): LineRow[] {
  const rows = stmt(
    db,
    `SELECT l.id, l.org_unit_id AS orgUnitId, c.code AS countyCode, l.channel_type_id AS channelTypeId, l.cost_type_id AS costTypeId, ct.code AS costCode,
       l.partner_id AS partnerId, mu.username AS manager, coalesce(vl.control_mode, ct.default_control) AS control,
       coalesce(vl.tolerance_bp, ct.default_tolerance_bp) AS toleranceBp
     FROM budget_plans p JOIN budget_versions v ON v.plan_id = p.id AND v.in_force = 1 JOIN budget_version_lines vl ON vl.version_id = v.id
       JOIN budget_lines l ON l.id = vl.line_id JOIN cost_types ct ON ct.id = l.cost_type_id JOIN org_units c ON c.id = l.county_id
       LEFT JOIN users mu ON mu.id = c.manager_user_id
     WHERE p.fiscal_year = ? ORDER BY l.id`,
  ).all(FY) as Omit<LineRow, 'amounts'>[];
  // what each cell has to spend: its allocations and transfers in the ledger
  const cells = stmt(
    db,
    `SELECT line_id AS lineId, CAST(substr(period, 6, 2) AS INTEGER) AS m, sum(amount) AS a FROM budget_ledger
     WHERE kind IN ('allocation','transfer_in','transfer_out') AND period LIKE ? GROUP BY line_id, period`,
  ).all(`${FY}-%`) as { lineId: number; m: number; a: number }[];
  const amounts = new Map<number, number[]>();
  for (const c of cells) {
    const list = amounts.get(c.lineId) ?? Array<number>(12).fill(0);
    list[c.m - 1] = c.a;
    amounts.set(c.lineId, list);
  }
  return rows.map((r) => ({ ...r, amounts: amounts.get(r.id) ?? Array<number>(12).fill(0) }));
}

/** What the year holds: one request per chosen line × month, with its claim (null: not claimed). */
export function planHistory(db: Database.Database, seed = 2027): HistoryItem[] {
  const r = rng(seed);
  // a county line's requests go to partners of that county and channel without a line of their own
  const own = new Set(stmt(db, `SELECT DISTINCT partner_id FROM budget_lines WHERE partner_id IS NOT NULL`, true).all() as number[]);
  const pool = new Map<string, number[]>();
  for (const p of stmt(
    db,
    `SELECT p.id, c.id AS county, p.channel_type_id AS channel FROM partners p JOIN org_units o ON o.id = p.org_unit_id
       JOIN org_units c ON c.kind = 'county' AND o.path LIKE c.path || '%'
     WHERE p.status = 'cooperating' AND p.active = 1 ORDER BY p.id`,
  ).all() as { id: number; county: number; channel: number }[]) {
    if (own.has(p.id)) continue;
    const k = `${p.county}|${p.channel}`;
    pool.set(k, [...(pool.get(k) ?? []), p.id]);
  }
  const items: HistoryItem[] = [];
  for (const line of linesInForce(db)) {
    if (!line.manager) continue;
    const partners = line.partnerId !== null ? [line.partnerId] : (pool.get(`${line.orgUnitId}|${line.channelTypeId}`) ?? []);
    if (partners.length === 0) continue;
    for (let m = 1; m <= LAST_MONTH; m++) {
      const allocated = line.amounts[m - 1]!;
      if (allocated <= 0 || r.next() >= DENSITY) continue;
      if (m >= 6 && CURATED_COUNTIES.has(line.countyCode) && CURATED_COSTS.has(line.costCode)) continue;
      // a few warn cells run over budget; block cells stay within their tolerance
      const over = line.control === 'warn' && r.next() < 0.04;
      const share = over ? 1.05 + r.next() * 0.1 : 0.3 + r.next() * 0.55;
      const amount = Math.round((allocated * share) / 100) * 100;
      if (amount <= 0) continue;
      if (line.control === 'block' && decideControl('block', line.toleranceBp, { allocated, committed: 0, actual: 0 }, amount).result === 'block') continue;
      const claimed = m < LAST_MONTH || r.next() < 0.4;
      const claim = claimed ? Math.min(amount, Math.round((amount * (0.75 + r.next() * 0.25)) / 100) * 100) : null;
      items.push({ line, month: m, partnerId: partners[r.int(0, partners.length - 1)]!, amount, claim });
    }
  }
  return items;
}

/** Claims per claimant, for the proof scans to upload before the transaction. */
export function proofsNeeded(items: HistoryItem[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const i of items) if (i.claim !== null) n.set(i.line.manager!, (n.get(i.line.manager!) ?? 0) + 1);
  return n;
}

const TITLE: Record<string, string> = {
  PROMO: '促销活动', ADV: '广告投放', DISPLAY: '门店陈列', REBATE: '季度返利', COMMISSION: '渠道酬金', INCENTIVE: '销售激励',
  TRAINING: '店员培训', EVENT: '营销活动', RENT: '房租补贴', MATERIAL: '物料制作',
};

/** Writes the planned year, month by month (so the ledger is appended in the order things happened). */
export function writeHistory(w: DemoWriter, items: HistoryItem[]): void {
  for (let m = 1; m <= LAST_MONTH; m++) {
    const month = items.filter((i) => i.month === m);
    const ids = month.map((i, k) => {
      const who = i.line.manager!;
      const id = w.request(who, i.partnerId, i.line.costTypeId, day(m, 5), day(m, 18), i.amount, `${m}月${TITLE[i.line.costCode] ?? '渠道费用'}`, `${day(m, 1 + (k % 3))}T02:00:00.000Z`);
      w.approveAll('cost_request', id, `${day(m, 4)}T03:00:00.000Z`);
      return id;
    });
    const claims = month.map((i, k) => (i.claim === null ? null : w.claim(i.line.manager!, ids[k]!, i.claim, `${day(m, 22 + (k % 5))}T02:00:00.000Z`)));
    for (const c of claims) if (c !== null) w.approveAll('claim', c, `${day(m, 28)}T03:00:00.000Z`);
    const next = m + 1;
    // paid on the 1st–3rd (in date order) and closed on the 3rd of the next month, before that
    // month's requests are approved on the 4th: the ledger stays in the order of its posting times
    const paid = claims.map((c, k) => ({ c, k, d: 1 + (k % 3) })).filter((x) => x.c !== null);
    for (const x of [...paid].sort((a, b) => a.d - b.d || a.k - b.k)) w.pay(x.c!, `${day(next, x.d)}T02:00:00.000Z`);
    if (m < LAST_MONTH) for (const x of paid) w.close(month[x.k]!.line.manager!, ids[x.k]!, `${day(next, 3)}T20:00:00.000Z`, '活动结束');
  }
}
