import type Database from 'better-sqlite3';
import type { AnalysisFilter } from '../../../shared/api/areas/analysis';
import type { AnalysisGrain, DimKey } from '../../../shared/api/areas/analysisTypes';
import type { OrgCtx } from '../context';

/**
 * The slice of an analysis as SQL, and period arithmetic. A partner's org unit decides whose a
 * figure is: every cost, revenue and document figure is joined to `partners p` and filtered by
 * the caller's scope on p.org_unit_id (the one resolver, ctx.scope), so a user sees only their
 * org units' partners. Periods are 'YYYY-MM'; a month index is year × 12 + month − 1.
 */
export const monthIndex = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
export const periodOf = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
export const addMonths = (p: string, n: number) => periodOf(monthIndex(p) + n);
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(periodOf(i));
  return out;
}
/** the first day of a month and of the month after, for timestamp ranges */
export const monthStart = (p: string) => `${p}-01`;
export const nextMonthStart = (p: string) => `${addMonths(p, 1)}-01`;

export interface Bucket {
  label: string;
  /** the bucket's months within the range */
  start: string;
  end: string;
  months: number;
}

export function bucketLabel(grain: AnalysisGrain, period: string): string {
  if (grain === 'month') return period;
  if (grain === 'year') return period.slice(0, 4);
  if (grain === 'ytd') return `${period.slice(0, 4)}-YTD`;
  return `${period.slice(0, 4)}-Q${Math.floor((Number(period.slice(5, 7)) + 2) / 3)}`;
}
/** the SQL of `bucketLabel` over a period column */
export function bucketSql(grain: AnalysisGrain, col: string): string {
  if (grain === 'month') return col;
  if (grain === 'year') return `substr(${col}, 1, 4)`;
  if (grain === 'ytd') return `substr(${col}, 1, 4) || '-YTD'`;
  return `substr(${col}, 1, 4) || '-Q' || ((CAST(substr(${col}, 6, 2) AS INTEGER) + 2) / 3)`;
}
/** ytd: January of `to`'s year through `to`, whatever `from` says */
export const rangeOf = (grain: AnalysisGrain, f: { from: string; to: string }) => (grain === 'ytd' ? { from: `${f.to.slice(0, 4)}-01`, to: f.to } : { from: f.from, to: f.to });

export function bucketsOf(grain: AnalysisGrain, from: string, to: string): Bucket[] {
  const out: Bucket[] = [];
  for (const p of monthsOf(from, to)) {
    const label = bucketLabel(grain, p);
    const last = out[out.length - 1];
    if (last && last.label === label) {
      last.end = p;
      last.months++;
    } else out.push({ label, start: p, end: p, months: 1 });
  }
  return out;
}

export interface Where {
  where: string[];
  params: unknown[];
}
const json = (ids: readonly number[]) => JSON.stringify(ids);

/** scope + filters on a partner alias (org unit subtree, channel types, partners) */
export function partnerWhere(ctx: OrgCtx, f: Pick<AnalysisFilter, 'orgUnitId' | 'channelTypeIds' | 'partnerIds'>, p = 'p', ouCol = `${p}.org_unit_id`): Where {
  const s = ctx.scope.sql(ouCol);
  const where = [...s.where];
  const params = [...s.params];
  if (f.orgUnitId !== undefined) {
    where.push(`${ouCol} IN (SELECT u.id FROM org_units u WHERE u.path LIKE (SELECT path FROM org_units WHERE id = ?) || '%')`);
    params.push(f.orgUnitId);
  }
  if (f.channelTypeIds?.length) {
    where.push(`${p}.channel_type_id IN (SELECT value FROM json_each(?))`);
    params.push(json(f.channelTypeIds));
  }
  if (f.partnerIds?.length) {
    where.push(`${p === 'bl' ? 'bl.partner_id' : `${p}.id`} IN (SELECT value FROM json_each(?))`);
    params.push(json(f.partnerIds));
  }
  return { where, params };
}
export function costTypeWhere(f: Pick<AnalysisFilter, 'costTypeIds'>, col: string): Where {
  return f.costTypeIds?.length ? { where: [`${col} IN (SELECT value FROM json_each(?))`], params: [json(f.costTypeIds)] } : { where: [], params: [] };
}
export const and = (...ws: Where[]): Where => ({ where: ws.flatMap((w) => w.where), params: ws.flatMap((w) => w.params) });
export const whereSql = (w: Where) => (w.where.length ? ` AND ${w.where.join(' AND ')}` : '');

/** ratio in basis points, rounded half away from zero (BigInt: no precision lost); null on a zero denominator */
export function bp(num: number, den: number): number | null {
  if (den === 0) return null;
  const n = BigInt(num) * 10_000n;
  const d = BigInt(den);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return Number(neg ? -q : q);
}
/** a × num ÷ den rounded half away from zero (scaling a baseline) */
export function scale(a: number, num: number, den: number): number {
  const n = BigInt(a) * BigInt(num);
  const d = BigInt(den);
  const neg = n < 0n;
  const an = neg ? -n : n;
  const q = (an * 2n + d) / (d * 2n);
  return Number(neg ? -q : q);
}
/** mean days from a sum and a count, one decimal; null when nothing was measured */
export const meanDays = (sum: number, count: number, unit = 1) => (count === 0 ? null : Math.round((sum / unit / count) * 10) / 10);

/** names of dimension members in the caller's language */
export function names(db: Database.Database, kind: 'partner' | 'orgUnit' | 'manager' | 'channelType' | 'costType', ids: (number | null)[], locale: string): Map<number, DimKey> {
  const wanted = ids.filter((i): i is number => i !== null);
  const en = locale === 'en';
  const sql = {
    partner: 'SELECT id, code, name FROM partners',
    orgUnit: `SELECT id, code, ${en ? "coalesce(nullif(name_en, ''), name_zh)" : 'name_zh'} AS name FROM org_units`,
    manager: 'SELECT id, username AS code, display_name AS name FROM users',
    channelType: `SELECT id, code, ${en ? "coalesce(nullif(name_en, ''), name_zh)" : 'name_zh'} AS name FROM channel_types`,
    costType: `SELECT id, code, ${en ? "coalesce(nullif(name_en, ''), name_zh)" : 'name_zh'} AS name FROM cost_types`,
  }[kind];
  const rows = db.prepare(`${sql} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(wanted)) as DimKey[];
  return new Map(rows.map((r) => [r.id!, r]));
}
export const NONE: DimKey = { id: null, code: '', name: '—' };
export const keyOf = (m: Map<number, DimKey>, id: number | null): DimKey => (id === null ? NONE : (m.get(id) ?? { id, code: '', name: `#${id}` }));
