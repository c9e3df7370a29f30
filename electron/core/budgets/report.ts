import type { z } from 'zod';
import type { budgetsApi, BudgetVsActual, BvaDimension, BvaRow } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { bucketOf, bucketsOf, figuresOf, periodOf, type Balances } from '../../../shared/domain/budget';
import type { OrgCtx, Handlers } from '../context';
import { DIM_COL, lineWhere } from './filters';
import { requirePlanOfYear } from './lines';
import { dbOf, stmt } from './sql';

/**
 * Budget vs actual. One SQL statement does the heavy part: the ledger's per cell totals
 * (line × month, budget_ledger_totals, for the plan's lines in scope) are grouped by the
 * requested dimensions and month; a cell whose
 * committed + actual exceed its allocation is counted as over budget. JavaScript then folds
 * months into the requested buckets and adds subtotals and the grand total by summing the
 * detail rows, so every total is exactly the sum of what it stands for (integers, no rounding;
 * rates are computed from the summed figures, never averaged).
 */
type In = z.output<(typeof budgetsApi)['budgets.vsActual']['input']>;
const MAX_ROWS = 50_000;

interface Acc extends Balances {
  overCells: number;
}
interface Item {
  keys: (number | null)[];
  buckets: Map<string, Acc>;
}

/**
 * The statement: the per line × month totals (budget_ledger_totals, kept by a trigger in the
 * transaction of every ledger entry) of the plan's lines in scope, grouped by the dimensions and
 * month — one row per cell, whatever the ledger's length.
 */
export function bvaSql(dims: readonly BvaDimension[], lineWhereSql: string): string {
  const dimCols = dims.map((d, k) => `${DIM_COL[d]} AS d${k}`);
  const group = [...dims.map((_, k) => `d${k}`), 't.period'].join(', ');
  return `SELECT ${[...dimCols, 't.period AS p'].join(', ')}, SUM(t.allocated) AS a, SUM(t.committed) AS c, SUM(t.actual) AS x,
           SUM(t.committed + t.actual > t.allocated) AS o
    FROM budget_lines l JOIN budget_ledger_totals t ON t.line_id = l.id
    WHERE ${lineWhereSql} AND t.period BETWEEN ? AND ?
    GROUP BY ${group}`;
}

const add = (into: Acc, b: Acc) => {
  into.allocated += b.allocated;
  into.committed += b.committed;
  into.actual += b.actual;
  into.overCells += b.overCells;
};
const zero = (): Acc => ({ allocated: 0, committed: 0, actual: 0, overCells: 0 });

function toRow(dims: readonly BvaDimension[], keys: (number | null)[], depth: number, buckets: string[], items: Item[]): BvaRow {
  const per = new Map(buckets.map((b) => [b, zero()]));
  const all = zero();
  for (const it of items) {
    for (const [b, acc] of it.buckets) {
      add(per.get(b)!, acc);
      add(all, acc);
    }
  }
  return {
    keys: Object.fromEntries(dims.slice(0, depth).map((d, k) => [d, keys[k] ?? null])),
    depth,
    subtotal: depth < dims.length,
    buckets: Object.fromEntries([...per].map(([b, acc]) => [b, figuresOf(acc, acc.overCells)])),
    total: figuresOf(all, all.overCells),
  };
}

const LABEL_SQL: Record<BvaDimension, string> = {
  branch: 'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM org_units',
  county: 'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM org_units',
  orgUnit: 'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM org_units',
  channelType: 'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM channel_types',
  costType: 'SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM cost_types',
  partner: 'SELECT id, code, name AS nameZh, name AS nameEn FROM partners',
};

export function budgetVsActual(ctx: OrgCtx, i: In): BudgetVsActual {
  const db = dbOf(ctx);
  const planId = requirePlanOfYear(db, i.fiscalYear);
  const dims = i.dimensions;
  const through = i.granularity === 'ytd' ? i.throughMonth : 12;
  const f = lineWhere(ctx, planId, i.filter);
  const raw = stmt(db, bvaSql(dims, f.where.join(' AND ')), false)
    .raw(true)
    .all(...f.params, periodOf(i.fiscalYear, 1), periodOf(i.fiscalYear, through)) as (number | string | null)[][];
  const n = dims.length;
  const items = new Map<string, Item>();
  for (const r of raw) {
    const keys = r.slice(0, n) as (number | null)[];
    const bucket = bucketOf(r[n] as string, i.granularity, through)!;
    const id = keys.join('|');
    let it = items.get(id);
    if (!it) items.set(id, (it = { keys, buckets: new Map() }));
    let acc = it.buckets.get(bucket);
    if (!acc) it.buckets.set(bucket, (acc = zero()));
    add(acc, { allocated: r[n + 1] as number, committed: r[n + 2] as number, actual: r[n + 3] as number, overCells: r[n + 4] as number });
  }
  if (items.size > MAX_ROWS) throw new ApiError('too_large', `${items.size} rows; narrow the filter or use fewer dimensions`, { rows: items.size });

  const labels: BudgetVsActual['labels'] = {};
  dims.forEach((d, k) => {
    const ids = [...new Set([...items.values()].map((it) => it.keys[k]).filter((x): x is number => x !== null && x !== undefined))];
    const rows = stmt(db, `${LABEL_SQL[d]} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as { id: number; code: string; nameZh: string; nameEn: string }[];
    for (const { id, ...l } of rows) labels[`${d}:${id}`] = l;
  });
  const code = (k: number, v: number | null) => (v === null ? '\uffff' : (labels[`${dims[k]}:${v}`]?.code ?? String(v)));
  const sorted = [...items.values()].sort((a, b) => {
    for (let k = 0; k < n; k++) {
      const c = code(k, a.keys[k]!).localeCompare(code(k, b.keys[k]!)) || (a.keys[k] ?? 0) - (b.keys[k] ?? 0);
      if (c) return c;
    }
    return 0;
  });

  const buckets = bucketsOf(i.fiscalYear, i.granularity, through);
  const rows: BvaRow[] = [];
  const walk = (group: Item[], k: number) => {
    if (k === n) {
      for (const it of group) rows.push(toRow(dims, it.keys, n, buckets, [it]));
      return;
    }
    let start = 0;
    while (start < group.length) {
      let end = start + 1;
      while (end < group.length && group[end]!.keys[k] === group[start]!.keys[k]) end++;
      const part = group.slice(start, end);
      if (k + 1 < n && i.subtotals) rows.push(toRow(dims, part[0]!.keys, k + 1, buckets, part));
      walk(part, k + 1);
      start = end;
    }
  };
  walk(sorted, 0);
  return { fiscalYear: i.fiscalYear, dimensions: [...dims], buckets, rows: n === 0 ? [] : rows, grandTotal: toRow(dims, [], 0, buckets, sorted), labels };
}

export const reportHandlers: Handlers<'budgets.vsActual'> = {
  'budgets.vsActual': (i, ctx) => budgetVsActual(ctx, i),
};
