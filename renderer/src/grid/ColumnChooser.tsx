import type { Column, GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n';

/**
 * Show or hide columns. AG Grid's columns tool panel is Enterprise; this is a small menu over
 * the grid API. Columns marked `lockVisible` (the identifying ones) cannot be hidden.
 */
export function ColumnChooser<T>({ api }: { api: GridApi<T> | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [, bump] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const columns: Column[] = api && !api.isDestroyed() ? (api.getColumns() ?? []) : [];
  const toggle = (c: Column) => {
    api?.setColumnsVisible([c], !c.isVisible());
    bump((n) => n + 1);
  };

  return (
    <div className="menu-anchor" ref={box}>
      <button type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="column-chooser">
        {t('grid.columns')} ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label={t('grid.columnsTitle')}>
          <div className="menu-title">{t('grid.columnsTitle')}</div>
          {columns.map((c) => {
            const def = c.getColDef();
            return (
              <label key={c.getColId()} className="menu-item">
                <input
                  type="checkbox"
                  role="menuitemcheckbox"
                  checked={c.isVisible()}
                  disabled={!!def.lockVisible}
                  onChange={() => toggle(c)}
                />
                {def.headerName ?? c.getColId()}
              </label>
            );
          })}
          <div className="menu-sep" />
          <button
            type="button"
            className="menu-item"
            onClick={() => {
              api?.resetColumnState();
              bump((n) => n + 1);
            }}
          >
            {t('grid.resetColumns')}
          </button>
        </div>
      )}
    </div>
  );
}
