import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, type Dispatch } from 'react';
import { layOutPaste, type Matrix, type PasteAnchor } from '../../../grid';
import { useTranslation } from '../../../i18n';
import type { Message } from '../../../ui/Banner';
import { parseCell, type CellLookups } from './cells';
import { pasteChanges } from './paste';
import { withPartnerColumn } from './layout';
import { EDIT_COLS, isKeyCol, readCell, sameCell, type EditCol, type PlanRow } from './sheet';
import type { SheetAction, SheetState } from './sheetState';

/**
 * Edits, pastes and the undo keys of the entry grid. An edit or a paste becomes one batch of
 * changes (one Ctrl+Z). A paste lands at the focused cell and runs over the displayed columns to
 * the right and the rows below, skipping cells that cannot be edited; rows beyond the last become
 * new lines once every line is loaded. The partner column counts in its place when it is collapsed
 * (a block of org unit, channel type, cost type, partner, Jan … lands the same either way, as
 * in the Excel template); it is shown again when a pasted partner lands in it.
 */
export function useEditing(opts: {
  state: SheetState;
  dispatch: Dispatch<SheetAction>;
  lk: CellLookups;
  editable: boolean;
  /** the partner column is collapsed (hidden from view) */
  partnerCollapsed: boolean;
  onPartnerPasted: () => void;
  onMessage: (m: Message | null) => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef(opts);
  ref.current = opts;

  const onEdit = useCallback((row: PlanRow, colId: string, raw: unknown) => {
    const { dispatch, lk } = ref.current;
    if (!(EDIT_COLS as readonly string[]).includes(colId)) return;
    const col = colId as EditCol;
    const after = parseCell(col, raw, lk);
    const before = readCell(row, col);
    if (sameCell(before, after) && !row.refused[col]) return;
    dispatch({ type: 'apply', batch: [{ kind: 'cell', rowId: row.id, col, before, after }] });
  }, []);

  const onPaste = useCallback(
    (matrix: Matrix, at: PasteAnchor<PlanRow>) => {
      const { state, dispatch, lk, editable, onMessage, partnerCollapsed, onPartnerPasted } = ref.current;
      if (!editable || at.rowPinned) return;
      const api: GridApi<PlanRow> = at.api;
      const rowIds: string[] = [];
      for (let i = at.rowIndex; i < api.getDisplayedRowCount(); i++) {
        const id = api.getDisplayedRowAtIndex(i)?.id;
        if (id !== undefined) rowIds.push(id);
      }
      const cols = withPartnerColumn(
        api.getAllDisplayedColumns().map((c) => c.getColId()),
        partnerCollapsed,
      );
      const colIds = cols.slice(Math.max(0, cols.indexOf(at.colId)));
      const byId = new Map(state.rows.map((r) => [String(r.id), r]));
      const plan = layOutPaste(matrix, {
        rowIds,
        colIds,
        appendRows: state.done,
        editable: (rowId, colId) => {
          if (!(EDIT_COLS as readonly string[]).includes(colId)) return false;
          if (rowId === null) return true;
          const r = byId.get(rowId);
          return !!r && !r.removed && (!isKeyCol(colId) || !r.base);
        },
      });
      const { batch, nextId, invalid } = pasteChanges(state.rows, plan, lk, state.nextId);
      dispatch({ type: 'apply', batch, nextId });
      const cells = plan.cells.length;
      const parts = [plan.newRows ? t('budgets.grid.pastedRows', { count: cells, rows: plan.newRows }) : t('budgets.grid.pasted', { count: cells })];
      if (invalid) parts.push(t('budgets.grid.pastedBad', { bad: invalid }));
      if (plan.skipped) parts.push(t('budgets.grid.pasteSkipped', { count: plan.skipped }));
      if (plan.clipped) parts.push(state.done ? t('budgets.grid.pasteClipped', { count: plan.clipped }) : t('budgets.grid.pasteWait'));
      const inPartner = plan.cells.filter((c) => c.colId === 'partnerId');
      if (partnerCollapsed && inPartner.length > 0) {
        parts.push(t('budgets.grid.pastePartnerCol'));
        if (inPartner.some((c) => c.raw.trim() !== '')) {
          onPartnerPasted();
          parts.push(t('budgets.grid.pastePartnerShown'));
        }
      }
      onMessage({ kind: invalid ? 'error' : plan.skipped || plan.clipped ? 'warn' : 'ok', text: parts.join(' · ') });
    },
    [t],
  );

  const undo = useCallback(() => {
    const { state, dispatch, onMessage } = ref.current;
    if (state.undo.done.length === 0) return onMessage({ kind: 'warn', text: t('budgets.grid.nothingToUndo') });
    dispatch({ type: 'undo' });
    onMessage({ kind: 'ok', text: t('budgets.grid.undone') });
  }, [t]);

  const redo = useCallback(() => {
    const { state, dispatch, onMessage } = ref.current;
    if (state.undo.undone.length === 0) return;
    dispatch({ type: 'redo' });
    onMessage({ kind: 'ok', text: t('budgets.grid.redone') });
  }, [t]);

  /** Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) / Ctrl+S, except while a cell editor or a form field has the keys. */
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') {
        e.preventDefault();
        if (ref.current.editable) ref.current.onSave();
        return;
      }
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, .ag-cell-inline-editing, dialog') || !ref.current.editable) return;
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        redo();
      }
    },
    [undo, redo],
  );

  return { onEdit, onPaste, undo, redo, onKeyDown };
}
