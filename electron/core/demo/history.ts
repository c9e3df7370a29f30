import type Database from 'better-sqlite3';
import { decideControl, type ControlMode } from '../../../shared/domain/budget';
import { stmt } from '../budgets/sql';
import { splitByMonth } from '../documents/line';
import { rng } from './generate';
import type { DemoWriter } from './writer';

/**
 * The demo company's year (2026) on the lines of the plan in force: real cost requests, claims
 * and payments written through the documents' own write functions (demo/writer.ts), so every
 * commitment and actual in budget vs actual cites a document. Deterministic (seeded).
 *
 * Density decision (issue 8): one framework request (框架申请) per line — the activity runs from
 * January (some lines from February or March) to November (December is not over on the demo's
 * calendar), its amount committed per month by the split rule of budget phasing — approved along
 * its route before the activity starts, and one claim with a proof for what was spent up to
 * September (claimed in October), October (in November) or November (early December, then the
 * request is closed), paid by finance. So nearly every line is used in every month and budget
 * execution year-to-date lands at roughly 55–85 % per unit, varied by county: each county spends
 * at its own pace; a few `warn` lines run over in their low months (confirmed by the approver);
 * every other line stays within its allocation in every month (the days split of a long activity
 * meets the seasonal budget in its tightest month). ~700 document lives instead of one per line ×
 * month (~7,700): a life through the single-item write path costs ~3–6 ms, so the first start
 * stays within ~1–2 s of the thin year it replaces (README, demo section, has the figures).
 *
 * The cells the hand-made documents of demo/documents.ts use (Wuhua and Panlong promotion,
 * display and events from June) are left to them: those lines get a January–May request,
 * claimed in full in June, paid and closed, so their stories play out as written.
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
  partnerId: number;
  start: string;
  end: string;
  amount: number;
  /** when the request is submitted and approved */
  submitAt: string;
  approveAt: string;
  /** the claim (null: not claimed): its amount and dates; `close` when the request ends with it */
  claim: { amount: number; at: string; approveAt: string; payAt: string; close: boolean } | null;
}

const FY = 2026;
const CURATED_COUNTIES = new Set(['KM-WH', 'KM-PL']);
const CURATED_COSTS = new Set(['PROMO', 'DISPLAY', 'EVENT']);
const pad = (n: number) => String(n).padStart(2, '0');
const day = (m: number, d: number, y = FY) => `${y}-${pad(m)}-${pad(d)}`;
const at = (d: string, h = 2) => `${d}T${pad(h)}:00:00.000Z`;
const lastDay = (m: number) => new Date(Date.UTC(FY, m, 0)).getUTCDate();

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

/** The largest amount (whole hundreds of yuan, at most `want`) whose split by month needs no warning or refusal in any month. */
function withinAllocation(line: LineRow, start: string, end: string, want: number): number {
  // a warn line may use its tolerance without a warning; a block line stays within its allocation
  const tolerance = line.control === 'warn' ? line.toleranceBp : 0;
  let amount = want;
  for (let k = 0; k < 40 && amount > 0; k++) {
    const over = splitByMonth(start, end, amount).some((p) => {
      const allocated = line.amounts[Number(p.period.slice(5, 7)) - 1]!;
      return decideControl('block', tolerance, { allocated, committed: 0, actual: 0 }, p.amount).result === 'block';
    });
    if (!over) return amount;
    amount = Math.floor((amount * 0.97) / 10_000) * 10_000;
  }
  return 0;
}

/** What the year holds: one request per line with its claim. */
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
  // each county spends at its own pace: budget execution differs by unit
  const pace = new Map<string, number>();
  const items: HistoryItem[] = [];
  for (const line of linesInForce(db)) {
    if (!line.manager) continue;
    const partners = line.partnerId !== null ? [line.partnerId] : (pool.get(`${line.orgUnitId}|${line.channelTypeId}`) ?? []);
    if (partners.length === 0) continue;
    if (!pace.has(line.countyCode)) pace.set(line.countyCode, 0.72 + r.next() * 0.34);
    const curated = CURATED_COUNTIES.has(line.countyCode) && CURATED_COSTS.has(line.costCode);
    const late = r.next();
    const first = curated ? 1 : late < 0.1 ? 2 : late < 0.15 ? 3 : 1;
    const lastMonth = curated ? 5 : 11;
    const start = day(first, 1);
    const end = day(lastMonth, lastDay(lastMonth));
    const planned = line.amounts.slice(first - 1, lastMonth).reduce((a, b) => a + b, 0);
    // some warn lines run over (their tight months pass the allocation, confirmed by the approver) — many in the
    // counties spending fastest; every other line stays within its allocation every month
    const over = line.control === 'warn' && r.next() < (pace.get(line.countyCode)! > 0.98 ? 0.4 : 0.04);
    const use = over ? 1.02 + r.next() * 0.08 : pace.get(line.countyCode)! * (0.92 + r.next() * 0.16);
    let amount = Math.round((planned * use) / 10_000) * 10_000;
    if (!over) amount = withinAllocation(line, start, end, amount);
    if (amount <= 0) continue;
    // submitted a week or two before the activity starts, approved a few days later
    const submitted = first === 1 ? day(12, 15 + r.int(0, 8), FY - 1) : day(first - 1, 10 + r.int(0, 8));
    const approved = first === 1 ? day(12, 26 + r.int(0, 3), FY - 1) : day(first - 1, 22 + r.int(0, 3));
    // claimed for the months past: January–May in June (the curated lines); else up to September (in
    // October), October (in November) or the whole activity (early December, then closed)
    const roll = r.next();
    const through = curated ? 5 : roll < 0.2 ? 9 : roll < 0.6 ? 10 : 11;
    const close = through === lastMonth;
    const spent = splitByMonth(start, end, amount)
      .filter((p) => Number(p.period.slice(5, 7)) <= through)
      .reduce((a, p) => a + p.amount, 0);
    const claimAmount = Math.min(spent, Math.round((spent * (close ? 0.9 + r.next() * 0.08 : 0.95 + r.next() * 0.05)) / 100) * 100);
    const cm = through + 1;
    // early December for the whole activity (the demo's today is 5 December): claimed, approved and paid in four days
    const d = cm === 12 ? 1 : 5 + r.int(0, 6);
    const payDay = cm === 12 ? 4 : d + 8 + r.int(0, 4);
    items.push({
      line,
      partnerId: partners[r.int(0, partners.length - 1)]!,
      start,
      end,
      amount,
      submitAt: at(submitted),
      approveAt: at(approved, 3),
      claim: claimAmount > 0 ? { amount: claimAmount, at: at(day(cm, d)), approveAt: at(day(cm, d + 2), 3), payAt: at(day(cm, payDay)), close } : null,
    });
  }
  return items;
}

const TITLE: Record<string, string> = {
  PROMO: '促销活动', ADV: '广告投放', DISPLAY: '门店陈列', REBATE: '返利', COMMISSION: '渠道酬金', INCENTIVE: '销售激励',
  TRAINING: '店员培训', EVENT: '营销活动', RENT: '房租补贴', MATERIAL: '物料制作',
};

const titleOf = (i: HistoryItem) => {
  const what = TITLE[i.line.costCode] ?? '渠道费用';
  const from = Number(i.start.slice(5, 7));
  const to = Number(i.end.slice(5, 7));
  return to - from >= 8 ? `${FY}年${from}–${to}月${what}（框架）` : `${FY}年${from}–${to}月${what}`;
};

/** The requests, each submitted and approved along its route (before their activities start). */
export function writeRequests(w: DemoWriter, items: HistoryItem[]): number[] {
  const order = items.map((it, k) => ({ it, k })).sort((a, b) => (a.it.submitAt < b.it.submitAt ? -1 : a.it.submitAt > b.it.submitAt ? 1 : a.k - b.k));
  const ids: number[] = Array<number>(items.length);
  for (const { it, k } of order) ids[k] = w.request(it.line.manager!, it.partnerId, it.line.costTypeId, it.start, it.end, it.amount, titleOf(it), it.submitAt);
  for (const { it, k } of [...order].sort((a, b) => (a.it.approveAt < b.it.approveAt ? -1 : a.it.approveAt > b.it.approveAt ? 1 : a.k - b.k))) {
    w.approveAll('cost_request', ids[k]!, it.approveAt);
  }
  return ids;
}

/** The claims of the months before `before` ('YYYY-MM'): claimed with a proof, approved, paid (and the curated ones closed), in date order. */
export function writeClaims(w: DemoWriter, items: HistoryItem[], ids: number[], from: string, before: string): void {
  const due = items.map((it, k) => ({ it, k, c: it.claim! })).filter((x) => x.it.claim && x.c.at >= from && x.c.at < before);
  const by = (f: (x: (typeof due)[number]) => string) => [...due].sort((a, b) => (f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : a.k - b.k));
  const claims = new Map<number, number>();
  for (const x of by((x) => x.c.at)) claims.set(x.k, w.claim(x.it.line.manager!, ids[x.k]!, x.c.amount, x.c.at));
  for (const x of by((x) => x.c.approveAt)) w.approveAll('claim', claims.get(x.k)!, x.c.approveAt);
  for (const x of by((x) => x.c.payAt)) {
    w.pay(claims.get(x.k)!, x.c.payAt);
    if (x.c.close) w.close(x.it.line.manager!, ids[x.k]!, x.c.payAt.replace('T02', 'T20'), '活动结束');
  }
}
