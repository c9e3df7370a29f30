import type Database from 'better-sqlite3';
import type { BudgetMonth, BudgetPreview } from '../../../shared/api/areas/documentTypes';
import { ApiError } from '../../../shared/api/errors';
import { decideControl, type ControlResult } from '../../../shared/domain/budget';
import { spread } from '../../../shared/domain/money';
import { cellBalances } from '../budgets/ledger';
import { controlOf, resolveCell, type LineKey, type ResolvedCell } from '../budgets/lines';
import { stmt } from '../budgets/sql';
import { activityMonths } from './dates';

/**
 * The budget line of a document, by one written rule (SPEC §3, issue 8 point 2): for each month
 * of the activity, the partner's own line if the plan of that year has one, else the line of the
 * document's org unit, else the nearest ancestor's line — always for the document's channel type
 * × cost type (budgets/lines.ts `resolveCell` walks exactly this order). No line: the document
 * cannot be submitted, and the message names what is missing.
 *
 * An amount over several months is split by the days of the activity in each month, with the
 * remainder rule of budget phasing (shared/domain/money.ts `spread`: leftover fen to the largest
 * remainders, earliest first), so the commitment per month adds up to the amount exactly.
 */
export type DocKey = LineKey;

export interface DocMonth {
  period: string;
  amount: number;
  cell: ResolvedCell | null;
}

export function splitByMonth(start: string, end: string, amount: number): { period: string; amount: number }[] {
  const months = activityMonths(start, end);
  const parts = spread(amount, months.map((m) => m.days));
  return months.map((m, i) => ({ period: m.period, amount: parts[i]! }));
}

function resolveOrNull(db: Database.Database, key: DocKey, period: string): ResolvedCell | null {
  try {
    const cell = resolveCell(db, { ...key, period });
    return cell.line ? cell : null;
  } catch (e) {
    // no plan for that year: no line either
    if (e instanceof ApiError && (e.code === 'no_budget_plan')) return null;
    throw e;
  }
}

/** The id of the line that covers the key in that month, or null (no line, or no plan for the year). */
export const resolveLineOrNull = (db: Database.Database, key: DocKey, period: string): number | null => resolveOrNull(db, key, period)?.line?.id ?? null;

export function docMonths(db: Database.Database, key: DocKey, start: string, end: string, amount: number): DocMonth[] {
  return splitByMonth(start, end, amount).map((m) => ({ ...m, cell: resolveOrNull(db, key, m.period) }));
}

const nameOf = (db: Database.Database, table: string, id: number, locale: string) =>
  (stmt(db, `SELECT CASE WHEN ? = 'en' AND name_en <> '' THEN name_en ELSE name_zh END FROM ${table} WHERE id = ?`, true).get(locale, id) as string | undefined) ?? `#${id}`;

export function noLineError(db: Database.Database, key: DocKey, periods: string[], locale: string): ApiError {
  const params = {
    orgUnit: nameOf(db, 'org_units', key.orgUnitId, locale),
    channelType: nameOf(db, 'channel_types', key.channelTypeId, locale),
    costType: nameOf(db, 'cost_types', key.costTypeId, locale),
    periods: periods.join(', '),
  };
  return new ApiError(
    'no_budget_line',
    `No budget line covers ${params.orgUnit} × ${params.channelType} × ${params.costType} in ${params.periods}: ask finance to plan one, or choose another cost type or period`,
    params,
  );
}

/** Every month must have a line; else `no_budget_line` naming the key and the months. */
export function requireLines(db: Database.Database, months: DocMonth[], key: DocKey, locale: string): void {
  const missing = months.filter((m) => !m.cell).map((m) => m.period);
  if (missing.length) throw noLineError(db, key, missing, locale);
}

const worst = (a: ControlResult, b: ControlResult): ControlResult => (a === 'block' || b === 'block' ? 'block' : a === 'warn' || b === 'warn' ? 'warn' : 'ok');

/** The figures of each month's line now, and what `amount` (split by month) would leave. */
export function previewOf(db: Database.Database, key: DocKey, start: string, end: string, amount: number, locale: string): BudgetPreview {
  const months = docMonths(db, key, start, end, amount);
  const out: BudgetMonth[] = [];
  let result: ControlResult = 'ok';
  const sum = { allocated: 0, committed: 0, actual: 0, available: 0, availableAfter: 0 };
  let first: ResolvedCell | null = null;
  for (const m of months) {
    if (!m.cell) continue;
    first ??= m.cell;
    const line = m.cell.line!;
    const { control, toleranceBp } = controlOf(db, m.cell.planId, line.id, line.costTypeId);
    const b = cellBalances(db, line.id, m.period);
    const d = decideControl(control, toleranceBp, b, m.amount);
    const available = b.allocated - b.committed - b.actual;
    out.push({ period: m.period, amount: m.amount, ...b, available, availableAfter: d.availableAfter, limit: d.limit, result: d.result });
    result = worst(result, d.result);
    sum.allocated += b.allocated;
    sum.committed += b.committed;
    sum.actual += b.actual;
    sum.available += available;
    sum.availableAfter += d.availableAfter;
  }
  const missing = months.filter((m) => !m.cell).map((m) => m.period);
  const line = first?.line ?? null;
  const control = line && first ? controlOf(db, first.planId, line.id, line.costTypeId) : null;
  return {
    line: line && control ? { id: line.id, orgUnitId: line.orgUnitId, orgUnitName: nameOf(db, 'org_units', line.orgUnitId, locale), partnerId: line.partnerId, control: control.control, toleranceBp: control.toleranceBp } : null,
    missing: missing.length
      ? { orgUnitName: nameOf(db, 'org_units', key.orgUnitId, locale), channelTypeName: nameOf(db, 'channel_types', key.channelTypeId, locale), costTypeName: nameOf(db, 'cost_types', key.costTypeId, locale), periods: missing }
      : null,
    months: out,
    result: missing.length ? 'block' : result,
    ...sum,
  };
}

/**
 * An approver's view of a document's line: available before → after and % used after, over the
 * activity's months. The line's figures do not depend on the document's amount, so they are read
 * once per key and months and kept in `memo` (one queue page asks for many documents on few lines).
 */
export function impactOf(
  db: Database.Database,
  key: DocKey,
  start: string,
  end: string,
  amount: number,
  locale: string,
  memo?: Map<string, BudgetPreview>,
): { lineId: number; availableBefore: number; availableAfter: number; usedBpAfter: number | null } | null {
  const k = `${key.orgUnitId}|${key.channelTypeId}|${key.costTypeId}|${key.partnerId ?? 0}|${start}|${end}`;
  let p = memo?.get(k);
  if (!p) {
    p = previewOf(db, key, start, end, 0, locale);
    memo?.set(k, p);
  }
  if (!p.line) return null;
  const used = p.committed + p.actual + amount;
  return { lineId: p.line.id, availableBefore: p.available, availableAfter: p.available - amount, usedBpAfter: p.allocated > 0 ? Math.round((used * 10_000) / p.allocated) : null };
}
