import type { BudgetVsActual, BvaDimension, BvaRow, LedgerKind } from '@shared/api/areas/budgets';
import type { BudgetFigures } from '@shared/domain/budget';

/**
 * Budget vs actual as grid rows, and what a figure stands for when it is drilled into. Pure: the
 * page and the tests share it.
 */
export const MEASURES = ['allocated', 'committed', 'actual', 'available', 'execution'] as const;
export type Measure = (typeof MEASURES)[number];

export interface BvaGridRow {
  /** 1… for detail and subtotal rows in the order the core sent them; 0 for the grand total */
  id: number;
  row: BvaRow;
}

export const GRAND_TOTAL_ID = 0;

/** The rows in the core's order (ids stay the same when filtered); `onlyOver` keeps rows that are or contain over-budget cells. */
export function toGridRows(r: BudgetVsActual, onlyOver = false): { rows: BvaGridRow[]; total: BvaGridRow } {
  const rows = r.rows.map((row, i) => ({ id: i + 1, row }));
  return { rows: onlyOver ? rows.filter((x) => x.row.total.overCells > 0) : rows, total: { id: GRAND_TOTAL_ID, row: r.grandTotal } };
}

/** The ledger kinds behind a measure: what the figure sums (available and the rate: all of them). */
export function kindsOf(m: Measure): LedgerKind[] | undefined {
  switch (m) {
    case 'allocated':
      return ['allocation', 'transfer_in', 'transfer_out'];
    case 'committed':
      return ['commitment', 'release'];
    case 'actual':
      return ['actual'];
    default:
      return undefined;
  }
}

/** The figure of a measure: fen, or basis points for the execution rate (null without allocation). */
export function figureOf(f: BudgetFigures | undefined, m: Measure): number | null {
  if (!f) return null;
  return m === 'execution' ? f.executionBp : f[m];
}

/**
 * What a dimension column shows on a row: the key's label on rows that carry that dimension,
 * "subtotal" in the first column after a subtotal row's keys, nothing further right.
 */
export type Cell = { kind: 'key'; id: number | null } | { kind: 'subtotal' } | { kind: 'total' } | { kind: 'blank' };

export function dimensionCell(r: BvaGridRow, dims: readonly BvaDimension[], k: number): Cell {
  if (r.id === GRAND_TOTAL_ID) return k === 0 ? { kind: 'total' } : { kind: 'blank' };
  if (k < r.row.depth) return { kind: 'key', id: r.row.keys[dims[k]!] ?? null };
  return r.row.subtotal && k === r.row.depth ? { kind: 'subtotal' } : { kind: 'blank' };
}

/** Moves a dimension one place left (-1) or right (+1) in the order. */
export function moveDimension(dims: readonly BvaDimension[], d: BvaDimension, by: -1 | 1): BvaDimension[] {
  const i = dims.indexOf(d);
  const j = i + by;
  if (i < 0 || j < 0 || j >= dims.length) return [...dims];
  const out = [...dims];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
