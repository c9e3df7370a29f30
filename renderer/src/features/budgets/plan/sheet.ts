import type { BudgetLineRow } from '@shared/api/areas/budgets';
import type { ControlMode } from '@shared/domain/budget';
import type { Fen } from '@shared/domain/money';

/**
 * The budget entry grid's model, held in the browser until "Save": one row per budget line with
 * its values as saved (`base`, null for a new row) and as edited. Every edit is a `Change` with
 * the cell's state before and after, so a batch of changes (an edit, a paste, a fill) can be
 * undone and redone as one. A cell whose typed or pasted text is not a valid value keeps its
 * value underneath and shows the text, marked (`bad`); the core's refusals of a save are kept
 * apart (`refused`) and disappear when the cell is edited or the save succeeds.
 */
export const MONTH_COLS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'] as const;
export const KEY_COLS = ['orgUnitId', 'channelTypeId', 'costTypeId', 'partnerId'] as const;
export type MonthCol = (typeof MONTH_COLS)[number];
export type KeyCol = (typeof KEY_COLS)[number];
export type EditCol = KeyCol | MonthCol | 'controlMode' | 'toleranceBp';
export const EDIT_COLS: readonly EditCol[] = [...KEY_COLS, ...MONTH_COLS, 'controlMode', 'toleranceBp'];

export interface LineValues {
  orgUnitId: number | null;
  channelTypeId: number | null;
  costTypeId: number | null;
  partnerId: number | null;
  amounts: readonly Fen[];
  controlMode: ControlMode | null;
  toleranceBp: number | null;
}

/** Why a cell is refused: a catalogue key with its parameters, and the text as typed if it was not a value. */
export interface CellIssue {
  reason: string;
  params?: Record<string, string | number>;
  raw?: string;
}

export interface PlanRow extends LineValues {
  /** the grid's row id: the line id for saved lines, negative for new rows (0 is the totals row) */
  id: number;
  lineId: number | null;
  base: LineValues | null;
  removed: boolean;
  bad: Readonly<Partial<Record<EditCol, CellIssue>>>;
  refused: Readonly<Partial<Record<EditCol, CellIssue>>>;
  /** partner code and name as the core sent them (labels of saved rows) */
  partnerText: string | null;
  /** per month, the lowest amount a save accepts and what is committed + actual (saved lines of a draft; else null) */
  floors: readonly Fen[] | null;
  used: readonly Fen[] | null;
}

export type CellValue = number | string | null;
export interface CellState {
  value: CellValue;
  bad: CellIssue | null;
}

export type Change =
  | { kind: 'cell'; rowId: number; col: EditCol; before: CellState; after: CellState }
  | { kind: 'add'; row: PlanRow }
  | { kind: 'remove'; rowId: number; removed: boolean };

export const TOTALS_ROW_ID = 0;
export const monthIndex = (col: string): number => MONTH_COLS.indexOf(col as MonthCol);
export const isKeyCol = (col: string): col is KeyCol => (KEY_COLS as readonly string[]).includes(col);

export function fromServer(r: BudgetLineRow): PlanRow {
  const values: LineValues = {
    orgUnitId: r.orgUnitId,
    channelTypeId: r.channelTypeId,
    costTypeId: r.costTypeId,
    partnerId: r.partnerId,
    amounts: r.amounts,
    controlMode: r.controlMode,
    toleranceBp: r.toleranceBp,
  };
  const partnerText = r.partnerId === null ? null : [r.partnerCode, r.partnerName].filter(Boolean).join(' ');
  return { ...values, id: r.lineId, lineId: r.lineId, base: values, removed: false, bad: {}, refused: {}, partnerText, floors: r.floors, used: r.used };
}

export function newRow(id: number, keys: Partial<Pick<LineValues, KeyCol>> = {}, partnerText: string | null = null): PlanRow {
  return {
    orgUnitId: keys.orgUnitId ?? null,
    channelTypeId: keys.channelTypeId ?? null,
    costTypeId: keys.costTypeId ?? null,
    partnerId: keys.partnerId ?? null,
    amounts: Array<Fen>(12).fill(0),
    controlMode: null,
    toleranceBp: null,
    id,
    lineId: null,
    base: null,
    removed: false,
    bad: {},
    refused: {},
    partnerText,
    floors: null,
    used: null,
  };
}

function valueOf(v: LineValues, col: EditCol): CellValue {
  const m = monthIndex(col);
  return m >= 0 ? v.amounts[m]! : v[col as Exclude<EditCol, MonthCol>];
}

export function readCell(row: PlanRow, col: EditCol): CellState {
  return { value: valueOf(row, col), bad: row.bad[col] ?? null };
}

/** The row with the cell set; an edited cell loses the core's earlier refusal. */
export function writeCell(row: PlanRow, col: EditCol, s: CellState): PlanRow {
  const { [col]: _gone, ...bad } = row.bad;
  const { [col]: _old, ...refused } = row.refused;
  const next: PlanRow = { ...row, bad: s.bad ? { ...bad, [col]: s.bad } : bad, refused };
  if (s.bad) return next;
  const m = monthIndex(col);
  if (m >= 0) {
    const amounts = [...row.amounts];
    amounts[m] = s.value as Fen;
    return { ...next, amounts };
  }
  return { ...next, [col]: s.value };
}

export const sameCell = (a: CellState, b: CellState) => a.value === b.value && (a.bad?.raw ?? null) === (b.bad?.raw ?? null) && !a.bad === !b.bad;

/** Applies a batch forwards (redo) or backwards (undo) in one pass over the rows. */
export function applyBatch(rows: readonly PlanRow[], batch: readonly Change[], dir: 'redo' | 'undo'): PlanRow[] {
  const ordered = dir === 'redo' ? batch : [...batch].reverse();
  const added = new Map<number, PlanRow>();
  const edits = new Map<number, Change[]>();
  for (const ch of ordered) {
    if (ch.kind === 'add') added.set(ch.row.id, ch.row);
    else edits.set(ch.rowId, [...(edits.get(ch.rowId) ?? []), ch]);
  }
  const edit = (row: PlanRow): PlanRow =>
    (edits.get(row.id) ?? []).reduce((r, ch) => {
      if (ch.kind === 'remove') return { ...r, removed: dir === 'redo' ? ch.removed : !ch.removed };
      if (ch.kind === 'cell') return writeCell(r, ch.col, dir === 'redo' ? ch.after : ch.before);
      return r;
    }, row);
  let out = rows.map((r) => (edits.has(r.id) ? edit(r) : r));
  if (dir === 'undo') out = out.filter((r) => !added.has(r.id));
  else for (const r of added.values()) out.push(edit(r));
  return out;
}

/** A saved row's cell differs from what is saved (new rows are unsaved as a whole). */
export function isDirty(row: PlanRow, col: EditCol): boolean {
  if (!row.base) return false;
  return !!row.bad[col] || valueOf(row, col) !== valueOf(row.base, col);
}

export function rowChanged(row: PlanRow): boolean {
  return !row.base || row.removed || EDIT_COLS.some((c) => isDirty(row, c));
}

/** Unsaved work: changed cells of saved rows, new rows (not removed again) and removed saved rows. */
export function pendingCount(rows: readonly PlanRow[]): number {
  let n = 0;
  for (const r of rows) {
    if (!r.base) n += r.removed ? 0 : 1;
    else if (r.removed) n += 1;
    else for (const c of EDIT_COLS) if (isDirty(r, c)) n += 1;
  }
  return n;
}

/** Totals per month over the rows that will stay (removed rows do not count). */
export function columnTotals(rows: readonly PlanRow[]): Fen[] {
  const sums = Array<Fen>(12).fill(0);
  for (const r of rows) if (!r.removed) for (let m = 0; m < 12; m++) sums[m]! += r.amounts[m]!;
  return sums;
}

/** The changes that set a row's twelve months (a fill), leaving months that already hold the amount alone. */
export function monthChanges(row: PlanRow, amounts: readonly Fen[]): Change[] {
  return MONTH_COLS.flatMap((col, m): Change[] => {
    const before = readCell(row, col);
    const after: CellState = { value: amounts[m]!, bad: null };
    return sameCell(before, after) ? [] : [{ kind: 'cell', rowId: row.id, col, before, after }];
  });
}
