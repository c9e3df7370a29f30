import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { ColumnChooser } from './ColumnChooser';

/**
 * Above every grid: quick search (Ctrl+F), the row count, the column chooser, "show inactive",
 * page actions, add (Alt+N) and export. Export is only offered when the page wires it.
 */
export interface ToolbarProps<T> {
  api: GridApi<T> | null;
  quick: string;
  onQuick: (q: string) => void;
  count: number | null;
  countNoun?: 'rows' | 'lines';
  showInactive?: boolean;
  onShowInactive?: (v: boolean) => void;
  onAdd?: () => void;
  addLabel?: string;
  onExport?: () => void;
  children?: ReactNode;
}

export function Toolbar<T>(p: ToolbarProps<T>) {
  const { t } = useTranslation();
  const search = useRef<HTMLInputElement>(null);
  const addRef = useRef(p.onAdd);
  addRef.current = p.onAdd;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return; // a dialog owns the keyboard
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (e.altKey && !e.ctrlKey && e.key.toLowerCase() === 'n' && addRef.current) {
        e.preventDefault();
        addRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="toolbar" role="toolbar">
      <input
        ref={search}
        type="search"
        className="quick"
        placeholder={t('grid.searchHint')}
        aria-label={t('grid.search')}
        title={t('common.shortcut', { keys: 'Ctrl+F' })}
        value={p.quick}
        onChange={(e) => p.onQuick(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && p.quick) {
            e.stopPropagation();
            p.onQuick('');
          }
        }}
      />
      <span className="row-count" data-testid="row-count">
        {p.count === null ? t('common.loading') : t(p.countNoun === 'lines' ? 'grid.lines' : 'grid.rows', { count: p.count })}
      </span>
      {p.onShowInactive && (
        <label className="toggle">
          <input type="checkbox" checked={!!p.showInactive} onChange={(e) => p.onShowInactive?.(e.target.checked)} />
          {t('action.showInactive')}
        </label>
      )}
      <div className="spacer" />
      {p.children}
      <ColumnChooser api={p.api} />
      {p.onExport && (
        <button type="button" onClick={p.onExport}>
          {t('action.export')}
        </button>
      )}
      {p.onAdd && (
        <button type="button" className="primary" onClick={p.onAdd} title={t('common.shortcut', { keys: 'Alt+N' })}>
          {p.addLabel ?? t('action.add')}
        </button>
      )}
    </div>
  );
}
