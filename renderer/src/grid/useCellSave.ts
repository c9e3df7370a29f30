import type { CellEditRequestEvent, Column, GridApi, IRowNode } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import { ApiError } from '@shared/api/errors';
import { errorText, fieldIssues, issueText, useTranslation } from '../i18n';
import type { Message } from '../ui/Banner';
import { isInvalid } from './parse';

/**
 * Inline editing that only ever shows saved values. The grid runs with `readOnlyEdit`, so an
 * edit does not touch the row; this hook sends the one changed field to the core and puts the
 * row the core returns into the grid. A refusal marks the cell (red, with the reason as its
 * tooltip) and says it in the banner; the cell keeps the saved value. A stale version reloads the
 * row. Saves of one row run one after another, each with the version the previous one returned.
 */
export interface CellSaveOptions<T> {
  save: (row: T, field: string, value: unknown) => Promise<T>;
  reloadRow?: (row: T) => Promise<T>;
  onMessage: (m: Message | null) => void;
  /** after the row in the grid changed (saved, or reloaded because it was stale) */
  onSaved?: (row: T) => void;
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');
export const cellKey = (rowId: string | undefined, colId: string) => `${rowId ?? ''}|${colId}`;

export function useCellSave<T>(opts: CellSaveOptions<T>) {
  const { t } = useTranslation();
  const errors = useRef(new Map<string, string>());
  const queues = useRef(new Map<string, Promise<unknown>>());
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const saveCell = useCallback(
    (api: GridApi<T>, node: IRowNode<T>, column: Column, value: unknown): Promise<boolean> => {
      const colDef = column.getColDef();
      const field = colDef.field ?? column.getColId();
      const header = colDef.headerName ?? field;
      const key = cellKey(node.id, column.getColId());
      const refresh = () => api.refreshCells({ rowNodes: [node], columns: [column], force: true });
      const fail = (text: string, kind: Message['kind'] = 'error') => {
        errors.current.set(key, text);
        refresh();
        optsRef.current.onMessage({ kind, text: kind === 'error' ? t('grid.fieldError', { field: header, message: text }) : text });
        return false;
      };

      // after the grid has finished closing the editor
      if (isInvalid(value)) return Promise.resolve().then(() => fail(issueText({ path: field, reason: value.reason, params: value.params })));
      const rowId = node.id ?? '';
      const run = async (): Promise<boolean> => {
        const row = node.data;
        if (!row) return false;
        if (same((row as Record<string, unknown>)[field], value)) {
          if (errors.current.delete(key)) refresh();
          return true;
        }
        try {
          const saved = await optsRef.current.save(row, field, value);
          node.setData(saved);
          errors.current.delete(key);
          refresh();
          api.flashCells({ rowNodes: [node], columns: [column] });
          optsRef.current.onSaved?.(saved);
          optsRef.current.onMessage({ kind: 'ok', text: t('grid.saved', { field: header }) });
          return true;
        } catch (e) {
          if (e instanceof ApiError && e.code === 'stale' && optsRef.current.reloadRow) {
            const fresh = await optsRef.current.reloadRow(row).catch(() => null);
            if (fresh) {
              node.setData(fresh);
              optsRef.current.onSaved?.(fresh);
            }
            return fail(errorText(e), 'warn');
          }
          const issues = fieldIssues(e);
          return fail(issues[field] ?? Object.values(issues)[0] ?? errorText(e));
        }
      };
      const next = (queues.current.get(rowId) ?? Promise.resolve()).then(run, run);
      queues.current.set(rowId, next);
      return next;
    },
    [t],
  );

  const onCellEditRequest = useCallback(
    (e: CellEditRequestEvent<T>) => {
      void saveCell(e.api, e.node, e.column, e.newValue);
    },
    [saveCell],
  );

  return { errors: errors.current, saveCell, onCellEditRequest };
}
