/**
 * Undo and redo for buffered grids, as immutable state (fits a reducer): every user action — one
 * edit, one paste, one fill — is recorded as one batch of changes, so Ctrl+Z takes back the whole
 * paste at once. Recording a new batch forgets what was undone. At most `limit` batches are kept.
 */
export interface UndoState<C> {
  done: readonly (readonly C[])[];
  undone: readonly (readonly C[])[];
}

export const UNDO_LIMIT = 200;

export function emptyUndo<C>(): UndoState<C> {
  return { done: [], undone: [] };
}

export function recordUndo<C>(s: UndoState<C>, batch: readonly C[], limit = UNDO_LIMIT): UndoState<C> {
  if (batch.length === 0) return s;
  const done = [...s.done, batch];
  return { done: done.length > limit ? done.slice(done.length - limit) : done, undone: [] };
}

/** The batch to take back (apply its changes in reverse), and the state after it; null when there is none. */
export function takeUndo<C>(s: UndoState<C>): { batch: readonly C[]; state: UndoState<C> } | null {
  const batch = s.done.at(-1);
  if (!batch) return null;
  return { batch, state: { done: s.done.slice(0, -1), undone: [...s.undone, batch] } };
}

/** The batch to apply again, and the state after it; null when nothing was undone. */
export function takeRedo<C>(s: UndoState<C>): { batch: readonly C[]; state: UndoState<C> } | null {
  const batch = s.undone.at(-1);
  if (!batch) return null;
  return { batch, state: { done: [...s.done, batch], undone: s.undone.slice(0, -1) } };
}
