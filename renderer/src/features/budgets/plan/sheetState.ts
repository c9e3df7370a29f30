import { emptyUndo, recordUndo, takeRedo, takeUndo, type UndoState } from '../../../grid/undo';
import { markSaved, withRefusals } from './save';
import { applyBatch, type Change, type CellIssue, type EditCol, type PlanRow } from './sheet';

/**
 * The entry grid's state as a reducer: the rows (loaded page by page), the undo history, the id
 * of the next new row, and how far loading got. A successful save clears the history (what is
 * saved cannot be taken back by Ctrl+Z; a revision can change it again); so does "discard".
 */
export interface SheetState {
  rows: PlanRow[];
  undo: UndoState<Change>;
  nextId: number;
  loaded: number;
  total: number | null;
  done: boolean;
}

export type SheetAction =
  | { type: 'reset' }
  | { type: 'loaded'; rows: PlanRow[]; total: number; done: boolean }
  | { type: 'apply'; batch: Change[]; nextId?: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'refused'; cells: Map<number, Partial<Record<EditCol, CellIssue>>> }
  | { type: 'saved'; sentRowIds: number[]; lineIds: number[] }
  | { type: 'discard' };

export const initialSheet: SheetState = { rows: [], undo: emptyUndo(), nextId: -1, loaded: 0, total: null, done: false };

/** A saved row as it is saved; new rows are dropped. */
function restore(rows: readonly PlanRow[]): PlanRow[] {
  return rows.flatMap((r) => (r.base ? [{ ...r, ...r.base, removed: false, bad: {}, refused: {} }] : []));
}

export function sheetReducer(s: SheetState, a: SheetAction): SheetState {
  switch (a.type) {
    case 'reset':
      return initialSheet;
    case 'loaded': {
      const known = new Set(s.rows.map((r) => r.id));
      const fresh = a.rows.filter((r) => !known.has(r.id));
      return { ...s, rows: [...s.rows, ...fresh], loaded: s.loaded + fresh.length, total: a.total, done: a.done };
    }
    case 'apply':
      if (a.batch.length === 0) return a.nextId === undefined ? s : { ...s, nextId: a.nextId };
      return { ...s, rows: applyBatch(s.rows, a.batch, 'redo'), undo: recordUndo(s.undo, a.batch), nextId: a.nextId ?? s.nextId };
    case 'undo': {
      const u = takeUndo(s.undo);
      return u ? { ...s, rows: applyBatch(s.rows, u.batch, 'undo'), undo: u.state } : s;
    }
    case 'redo': {
      const r = takeRedo(s.undo);
      return r ? { ...s, rows: applyBatch(s.rows, r.batch, 'redo'), undo: r.state } : s;
    }
    case 'refused':
      return { ...s, rows: withRefusals(s.rows, a.cells) };
    case 'saved':
      return { ...s, rows: markSaved(s.rows, a, a.lineIds), undo: emptyUndo() };
    case 'discard':
      return { ...s, rows: restore(s.rows), undo: emptyUndo() };
  }
}
