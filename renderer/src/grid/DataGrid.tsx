import type { ColDef, ColGroupDef, FilterModel, GridApi, GridState, IRowNode, SortModelItem } from 'ag-grid-community';
import type { GridCellType } from '@shared/api/areas/excel';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppLocale } from '@shared/i18n';
import { errorText, useTranslation } from '../i18n';
import { Banner, type Message } from '../ui/Banner';
import { fitColumnsOnce, rememberedWidths, rememberWidths } from './fit';
import { createPageSource, type FetchPage } from './infinite';
import { gridMemory } from './memory';
import { onHomeEndKey, suppressHomeEnd, tabLeavesAtRowEdge } from './keyboard';
import { gridLocaleText } from './locale';
import { registerGridModules } from './modules';
import { gridTheme } from './theme';
import { Toolbar } from './Toolbar';
import { cellKey, useCellSave } from './useCellSave';
import { useDebounced } from './useDebounced';
import { usePaste, type PasteHandler } from './usePaste';

registerGridModules();

/**
 * The one grid of the application (ARCHITECTURE convention 9). Two row models: pass `rows` for a
 * small list held in the browser (client-side model), or `fetchPage` for a large table paged,
 * sorted and filtered by the core (Infinite Row Model). Editing saves one field at a time through
 * `save` and only ever shows saved values (see useCellSave).
 */
export type ExportHandler = (visibleColumns: string[], sortModel: SortModelItem[], filterModel: FilterModel, quick: string, shown: ShownRows) => void;

/**
 * What a report grid shows, for excel.exportGrid: the displayed columns (a group's header joined
 * with its column's) and each row's values in display order, pinned totals rows last. A column's
 * type comes from its definition's `context.excel` (money: fen, bp: basis points, date, number);
 * other columns give the text they show (their formatter's output).
 */
export interface ShownGrid {
  columns: { header: string; type: GridCellType }[];
  rows: (string | number | null)[][];
}

/** Which rows the grid shows: a client-side grid lists their ids in display order; a paged grid only counts them. */
export interface ShownRows {
  rowIds?: number[];
  count: number | null;
  includeInactive: boolean;
}

export interface DataGridProps<T extends { id: number; active?: boolean }> {
  gridId: string;
  /** column definitions; groups (a header over several columns) may be mixed in */
  columns: (ColDef<T> | ColGroupDef<T>)[];
  rows?: T[];
  loading?: boolean;
  loadError?: unknown;
  fetchPage?: FetchPage<T>;
  /** change it to reload the rows of a paged grid (after add, deactivate …) */
  refreshKey?: unknown;
  readOnly?: boolean;
  save?: (row: T, field: string, value: unknown) => Promise<T>;
  reloadRow?: (row: T) => Promise<T>;
  showInactive?: boolean;
  onShowInactive?: (v: boolean) => void;
  onAdd?: () => void;
  addLabel?: string;
  /** what the count above the grid counts: rows (default) or budget lines (the budget pages) */
  countNoun?: 'rows' | 'lines';
  onExport?: ExportHandler;
  /** a report grid's export (no records behind its rows): gets what the grid shows (client-side grids) */
  onExportShown?: (shown: ShownGrid) => void;
  onSelect?: (row: T | null) => void;
  /** page actions shown in the toolbar (deactivate, handover …) */
  actions?: ReactNode;
  defaultSort?: { colId: string; sort: 'asc' | 'desc' }[];
  /**
   * Buffered editing (spreadsheet pages): an edit, parsed by its column's valueParser, goes to
   * the page instead of `save`; the page keeps it as an unsaved change and saves in bulk.
   */
  onEdit?: (row: T, colId: string, value: unknown) => void;
  /** a block pasted at the focused cell goes to the page instead of being saved cell by cell */
  onPaste?: PasteHandler<T>;
  /** rows pinned under the body, e.g. a totals row (their ids must not clash with body rows) */
  pinnedBottomRows?: T[];
  /** Excel-like Enter: moves to the cell below, also after an edit */
  enterMovesDown?: boolean;
  /**
   * Size the columns to their content the first time (default). Grids whose columns have set
   * widths turn it off: measuring every rendered cell delays the first rows of a wide grid.
   */
  fitColumns?: boolean;
  /** a taller row (a cell showing a second figure under its value); default: the theme's */
  rowHeight?: number;
  /** what an empty grid says (default: common.empty), e.g. why a report has no rows */
  emptyText?: string;
  /** the grid's api while it is ready (null after destroy), for focusing and scrolling */
  onApi?: (api: GridApi<T> | null) => void;
}

export function DataGrid<T extends { id: number; active?: boolean }>(p: DataGridProps<T>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as AppLocale;
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const [quick, setQuick] = useState('');
  const quickApplied = useDebounced(quick, 250);
  const [count, setCount] = useState<number | null>(null);
  const [filtered, setFiltered] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const infinite = !!p.fetchPage;
  const onSelect = useRef(p.onSelect);
  onSelect.current = p.onSelect;
  const apiRef = useRef<GridApi<T> | null>(null);
  /** tells the page the selected row as it is now (after selection, save or reload) */
  const emitSelection = () => {
    const a = apiRef.current;
    if (a && !a.isDestroyed()) onSelect.current?.(a.getSelectedRows()[0] ?? null);
  };

  const noSave = useCallback(() => Promise.reject(new Error('read-only')), []);
  const { errors, saveCell, onCellEditRequest } = useCellSave<T>({
    save: p.save ?? noSave,
    reloadRow: p.reloadRow,
    onMessage: setMessage,
    onSaved: () => emitSelection(),
  });
  usePaste(host, api, saveCell, setMessage, p.onPaste);
  const onApi = useRef(p.onApi);
  onApi.current = p.onApi;
  const onEdit = useRef(p.onEdit);
  onEdit.current = p.onEdit;
  const buffered = !!p.onEdit;

  const columnDefs = useMemo(() => {
    const decorate = (c: ColDef<T>): ColDef<T> => {
      const colId = c.colId ?? String(c.field);
      const rules = c.cellClassRules ?? {};
      const ownInvalid = typeof rules['cell-invalid'] === 'function' ? rules['cell-invalid'] : null;
      const tip = c.tooltipValueGetter;
      return {
        ...c,
        editable: p.readOnly || (!p.save && !buffered) ? false : (c.editable ?? true),
        cellClassRules: { ...rules, 'cell-invalid': (q) => errors.has(cellKey(q.node.id, colId)) || !!ownInvalid?.(q) },
        tooltipValueGetter: (q) => errors.get(cellKey(q.node?.id, colId)) ?? tip?.(q),
      };
    };
    const walk = (c: ColDef<T> | ColGroupDef<T>): ColDef<T> | ColGroupDef<T> => ('children' in c ? { ...c, children: c.children.map(walk) } : decorate(c));
    return p.columns.map(walk);
  }, [p.columns, p.readOnly, p.save, buffered, errors]);

  const datasource = useMemo(
    () =>
      p.fetchPage
        ? createPageSource({
            fetchPage: p.fetchPage,
            quick: quickApplied,
            includeInactive: !!p.showInactive,
            onLoaded: setCount,
            onError: (e) => setMessage({ kind: 'error', text: t('grid.loadFailed', { message: errorText(e) }) }),
          })
        : undefined,
    [p.fetchPage, quickApplied, p.showInactive, t],
  );

  const seenRefresh = useRef(p.refreshKey);
  useEffect(() => {
    if (Object.is(seenRefresh.current, p.refreshKey)) return;
    seenRefresh.current = p.refreshKey;
    if (infinite && api && !api.isDestroyed()) api.refreshInfiniteCache();
  }, [p.refreshKey, infinite, api]);

  useEffect(() => {
    if (api && !api.isDestroyed() && api.getColumn('active')) api.setColumnsVisible(['active'], !!p.showInactive);
  }, [api, p.showInactive, lang]);

  useEffect(() => {
    if (p.loadError) setMessage({ kind: 'error', text: t('grid.loadFailed', { message: errorText(p.loadError) }) });
  }, [p.loadError, t]);

  const sizeKey = `${p.gridId}:${lang}`;
  const initialState = useMemo<GridState>(
    () => {
      const { columnSizing: _other, ...state } = gridMemory.get(p.gridId) ?? (p.defaultSort ? { sort: { sortModel: p.defaultSort } } : {});
      const widths = rememberedWidths(sizeKey);
      return widths ? { ...state, columnSizing: widths } : state;
    },
    [lang, p.gridId], // read once per mount: a language switch remounts the grid with the state it had
  );

  const exportShown =
    p.onExportShown && !infinite
      ? () => {
          if (!api) return;
          const cols = api.getAllDisplayedColumns();
          const columns = cols.map((c) => {
            const type = ((c.getColDef().context as { excel?: GridCellType } | undefined)?.excel ?? 'text') as GridCellType;
            const parent = c.getParent();
            const group = parent ? (api.getDisplayNameForColumnGroup(parent, 'header') ?? '') : '';
            const own = api.getDisplayNameForColumn(c, 'header') ?? '';
            return { header: group && group !== own ? `${group} ${own}` : own, type };
          });
          const rows: (string | number | null)[][] = [];
          const add = (node: IRowNode<T>) =>
            rows.push(
              cols.map((c, k) => {
                const v: unknown = api.getCellValue({ rowNode: node, colKey: c, useFormatter: columns[k]!.type === 'text' });
                return v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v);
              }),
            );
          api.forEachNodeAfterFilterAndSort((n) => n.data && add(n));
          for (let i = 0; i < api.getPinnedBottomRowCount(); i++) {
            const n = api.getPinnedBottomRow(i);
            if (n) add(n);
          }
          p.onExportShown?.({ columns, rows });
        }
      : undefined;

  const exportNow = p.onExport
    ? () => {
        if (!api) return;
        const sort = api
          .getColumnState()
          .filter((c) => c.sort)
          .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
          .map((c) => ({ colId: c.colId, sort: c.sort! }));
        const rowIds: number[] = [];
        if (!infinite) api.forEachNodeAfterFilterAndSort((n) => n.data && rowIds.push(n.data.id));
        p.onExport?.(
          api.getAllDisplayedColumns().map((c) => c.getColId()),
          sort,
          api.getFilterModel(),
          quickApplied,
          { ...(infinite ? {} : { rowIds }), count, includeInactive: !!p.showInactive },
        );
      }
    : undefined;

  const empty = count === 0 && !p.loading;

  return (
    <div className="data-grid" data-testid={`grid-${p.gridId}`}>
      <Toolbar
        api={api}
        quick={quick}
        onQuick={setQuick}
        count={p.loading ? null : count}
        countNoun={p.countNoun}
        showInactive={p.showInactive}
        onShowInactive={p.onShowInactive}
        onAdd={p.readOnly ? undefined : p.onAdd}
        addLabel={p.addLabel}
        onExport={exportNow ?? exportShown}
      >
        {p.actions}
      </Toolbar>
      <Banner message={message} onClose={() => setMessage(null)} testId="grid-message" />
      <div className="grid-host" ref={host}>
        <AgGridReact<T>
          key={lang}
          theme={gridTheme}
          localeText={gridLocaleText(lang)}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: true, resizable: true, minWidth: 56, suppressKeyboardEvent: suppressHomeEnd }}
          onCellKeyDown={onHomeEndKey}
          tabToNextCell={tabLeavesAtRowEdge}
          initialState={initialState}
          getRowId={(r) => String(r.data.id)}
          readOnlyEdit
          onCellEditRequest={p.onEdit ? (e) => e.data && onEdit.current?.(e.data, e.column.getColId(), e.newValue) : onCellEditRequest}
          pinnedBottomRowData={p.pinnedBottomRows}
          rowHeight={p.rowHeight}
          enterNavigatesVertically={p.enterMovesDown}
          enterNavigatesVerticallyAfterEdit={p.enterMovesDown}
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={200}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          rowClassRules={{ 'row-inactive': (r) => r.data?.active === false }}
          suppressNoRowsOverlay
          enableFilterHandlers
          {...(infinite
            ? { rowModelType: 'infinite' as const, datasource, cacheBlockSize: 100, maxBlocksInCache: 50, infiniteInitialRowCount: 1 }
            : { rowData: p.rows ?? [], quickFilterText: quickApplied, loading: !!p.loading })}
          onGridReady={(e) => {
            apiRef.current = e.api;
            setApi(e.api);
            onApi.current?.(e.api);
          }}
          onGridPreDestroyed={() => {
            apiRef.current = null;
            setApi(null);
            onApi.current?.(null);
          }}
          onStateUpdated={(e) => {
            gridMemory.set(p.gridId, e.state);
            rememberWidths(sizeKey, e.state);
          }}
          onFirstDataRendered={(e) => p.fitColumns !== false && fitColumnsOnce(sizeKey, e.api, host.current)}
          suppressColumnVirtualisation={p.fitColumns !== false}
          onModelUpdated={(e) => {
            if (!infinite) setCount(e.api.getDisplayedRowCount());
            emitSelection();
          }}
          onFilterChanged={(e) => setFiltered(e.api.isAnyFilterPresent())}
          onCellFocused={(e) => {
            if (e.rowIndex === null || e.rowIndex === undefined || e.rowPinned) return;
            const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
            if (node?.data && !node.isSelected()) node.setSelected(true, true);
          }}
          onSelectionChanged={emitSelection}
        />
        {empty && (
          <div className="grid-empty" data-testid="grid-empty">
            {filtered || quickApplied ? t('common.noMatch') : (p.emptyText ?? t('common.empty'))}
          </div>
        )}
      </div>
    </div>
  );
}
