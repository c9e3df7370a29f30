import type { Column, GridApi, IRowNode, ValueParserParams } from 'ag-grid-community';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from '../i18n';
import type { Message } from '../ui/Banner';
import { parseTsv, type Matrix } from './tsv';

type SaveCell<T> = (api: GridApi<T>, node: IRowNode<T>, column: Column, value: unknown) => Promise<boolean>;

/** Where a pasted block starts: the focused cell (see ./spreadsheet.ts to lay the block out). */
export interface PasteAnchor<T> {
  api: GridApi<T>;
  rowIndex: number;
  colId: string;
  rowPinned: 'top' | 'bottom' | null;
}
/** A page's own paste (buffered editing): gets the parsed block and the focused cell. */
export type PasteHandler<T> = (matrix: Matrix, at: PasteAnchor<T>) => void;

/**
 * Ctrl+V on a focused cell (not while editing) pastes a block copied from Excel or WPS: each
 * value goes through its column's parser and is saved like an inline edit. Read-only cells are
 * skipped and counted. With `onPaste`, the page handles the block itself.
 */
export function usePaste<T>(
  host: RefObject<HTMLElement | null>,
  api: GridApi<T> | null,
  saveCell: SaveCell<T>,
  onMessage: (m: Message) => void,
  onPaste?: PasteHandler<T>,
) {
  const own = useRef(onPaste);
  own.current = onPaste;
  const { t } = useTranslation();
  useEffect(() => {
    const el = host.current;
    if (!el || !api) return;
    const onPaste = (e: ClipboardEvent) => {
      if (api.getEditingCells().length > 0) return;
      const focused = api.getFocusedCell();
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const matrix = parseTsv(text);
      if (!focused || matrix.length === 0) return;
      e.preventDefault();
      if (own.current) {
        own.current(matrix, { api, rowIndex: focused.rowIndex, colId: focused.column.getColId(), rowPinned: focused.rowPinned ?? null });
        return;
      }
      const cols = api.getAllDisplayedColumns();
      const c0 = cols.indexOf(focused.column);
      const jobs: Promise<boolean>[] = [];
      let skipped = 0;
      matrix.forEach((cells, r) => {
        const node = api.getDisplayedRowAtIndex(focused.rowIndex + r);
        cells.forEach((raw, c) => {
          const column = cols[c0 + c];
          if (!node?.data || !column) return;
          if (!column.isCellEditable(node)) {
            skipped += 1;
            return;
          }
          const colDef = column.getColDef();
          const parser = typeof colDef.valueParser === 'function' ? colDef.valueParser : null;
          const params = { node, data: node.data, oldValue: undefined, newValue: raw, colDef, column, api, context: undefined } as unknown as ValueParserParams<T>;
          jobs.push(saveCell(api, node, column, parser ? parser(params) : raw));
        });
      });
      void Promise.all(jobs).then((results) => {
        const failed = results.filter((ok) => !ok).length;
        const ok = results.length - failed;
        if (failed > 0) onMessage({ kind: 'error', text: t('grid.pasteFailed', { count: failed }) });
        else if (skipped > 0) onMessage({ kind: 'warn', text: `${t('grid.pasted', { count: ok })} · ${t('grid.pasteSkipped', { count: skipped })}` });
        else onMessage({ kind: 'ok', text: t('grid.pasted', { count: ok }) });
      });
    };
    el.addEventListener('paste', onPaste);
    return () => el.removeEventListener('paste', onPaste);
  }, [host, api, saveCell, onMessage, t]);
}
