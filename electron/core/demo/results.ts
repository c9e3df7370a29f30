import type Database from 'better-sqlite3';
import { periodOf } from '../../../shared/domain/budget';
import { writeResults, type ResultWrite } from '../analysis/results';
import { MONTH_COLS } from '../budgets/sql';
import { rng } from './generate';

/**
 * The demo company's sales results (issue 10.1): January 2025 to November 2026 (December 2026 is
 * not over on the demo's calendar) for every cooperating or suspended partner, consistent with what
 * the partners cost. Deterministic (seeded), written through the one write path (`writeResults`)
 * inside seedDemo's transaction.
 *
 * A partner's monthly cost is taken from the 2026 budget in force — not from requests and claims:
 * its own partner lines plus an equal share of its county's lines of its channel type — and 2025 at
 * 90 % of it. Each partner gets a profile:
 * - worth its cost (~30 %): revenue ≈ 12–20 × cost (费用率 5–8 %), rising in the months where the
 *   budget (and so the activity) is higher, growing 10–20 % from 2025 to 2026;
 * - not worth it (~20 %): revenue ≈ 1.3–2.5 × cost (费用率 40–75 %), flat, no growth;
 * - the rest in between: 5–8 × cost, a little lift.
 * Revenue is then raised by REVENUE_SCALE: the year's documents (demo/history.ts) spend ~65 % of
 * the budget year to date, and at 1× the company's cost-to-revenue ratio would sit at ~8 %, the
 * top of what a channel business shows; ×1.35 puts it at ~6 % (the profiles keep their spread).
 * Gross margin is 22–35 % of revenue; agents (channel AGENT) do not report margins: theirs is not
 * known (null). New subscribers ≈ revenue ÷ ¥450–750.
 */
export const DEMO_RESULT_MONTHS = [...Array.from({ length: 12 }, (_, i) => periodOf(2025, i + 1)), ...Array.from({ length: 11 }, (_, i) => periodOf(2026, i + 1))];

export type DemoProfile = 'worth' | 'poor' | 'middle';
const REVENUE_SCALE = 1.35;

export function seedDemoResults(client: Database.Database, seed = 20251): { rows: number } {
  const r = rng(seed);
  const userId = client.prepare("SELECT id FROM users WHERE username = 'wangfang'").pluck().get() as number;
  const version = client
    .prepare("SELECT v.id FROM budget_versions v JOIN budget_plans p ON p.id = v.plan_id WHERE p.fiscal_year = 2026 AND v.in_force = 1")
    .pluck()
    .get() as number | undefined;
  if (version === undefined) return { rows: 0 };
  const lines = client
    .prepare(`SELECT l.org_unit_id AS unit, l.channel_type_id AS channel, l.partner_id AS partner, ${MONTH_COLS.join(', ')} FROM budget_version_lines vl JOIN budget_lines l ON l.id = vl.line_id WHERE vl.version_id = ?`)
    .all(version) as (Record<string, number> & { unit: number; channel: number; partner: number | null })[];
  const partners = client
    .prepare(
      `SELECT p.id, p.channel_type_id AS channel, c.code AS channelCode,
         CASE WHEN o.kind = 'county' THEN o.id ELSE o.parent_id END AS county
       FROM partners p JOIN org_units o ON o.id = p.org_unit_id JOIN channel_types c ON c.id = p.channel_type_id
       WHERE p.status IN ('cooperating', 'suspended') ORDER BY p.id`,
    )
    .all() as { id: number; channel: number; channelCode: string; county: number }[];
  const months = (l: Record<string, number>) => MONTH_COLS.map((c) => l[c]!);
  const add = (a: number[], b: number[], f = 1) => a.map((x, i) => x + b[i]! * f);
  const zero = () => Array.from({ length: 12 }, () => 0);
  const unitCost = new Map<string, number[]>();
  const ownCost = new Map<number, number[]>();
  for (const l of lines) {
    if (l.partner !== null) ownCost.set(l.partner, add(ownCost.get(l.partner) ?? zero(), months(l)));
    else unitCost.set(`${l.unit}|${l.channel}`, add(unitCost.get(`${l.unit}|${l.channel}`) ?? zero(), months(l)));
  }
  const groupSize = new Map<string, number>();
  for (const p of partners) groupSize.set(`${p.county}|${p.channel}`, (groupSize.get(`${p.county}|${p.channel}`) ?? 0) + 1);

  const rows: ResultWrite[] = [];
  for (const p of partners) {
    const g = `${p.county}|${p.channel}`;
    const cost = add(ownCost.get(p.id) ?? zero(), unitCost.get(g) ?? zero(), 1 / (groupSize.get(g) ?? 1));
    const avg = cost.reduce((a, b) => a + b, 0) / 12;
    const roll = r.next();
    const profile: DemoProfile = roll < 0.3 ? 'worth' : roll < 0.5 ? 'poor' : 'middle';
    const k = REVENUE_SCALE * (profile === 'worth' ? 12 + r.next() * 8 : profile === 'poor' ? 1.3 + r.next() * 1.2 : 5 + r.next() * 3);
    const lift = profile === 'worth' ? 0.8 : profile === 'poor' ? 0 : 0.3;
    const growth = profile === 'worth' ? 0.1 + r.next() * 0.1 : profile === 'poor' ? 0 : 0.05;
    const marginRate = p.channelCode === 'AGENT' ? null : 0.22 + r.next() * 0.13;
    const arpu = 450 + r.next() * 300;
    DEMO_RESULT_MONTHS.forEach((period, i) => {
      const m = i % 12;
      const y2025 = i < 12;
      const activity = avg > 0 ? cost[m]! / avg - 1 : 0;
      const noise = 1 + (r.next() - 0.5) * (profile === 'poor' ? 0.04 : 0.1);
      const yearF = y2025 ? 1 / (1 + growth) : 1;
      const revenue = Math.max(0, Math.round(avg * k * (1 + lift * activity) * noise * yearF));
      rows.push({
        partnerId: p.id,
        period,
        revenue,
        grossMargin: marginRate === null ? null : Math.round(revenue * marginRate),
        newSubscribers: Math.round(revenue / 100 / arpu),
      });
    });
  }
  writeResults(client, rows, { userId, at: '2026-12-01T01:00:00.000Z' });
  return { rows: rows.length };
}
