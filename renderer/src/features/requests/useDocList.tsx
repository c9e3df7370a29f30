import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState } from 'react';
import type { Page } from '@shared/api/areas/common';
import { useSession } from '../../app/session';
import type { ExportHandler, FetchPage } from '../../grid';
import { useTranslation } from '../../i18n';
import { EXPORT_LIMIT, exportRows, type ExportColumn } from './common/listExport';

/**
 * What the requests and claims lists share: mine / all in my scope, extra filters, the sum of
 * the amount over every matching row (the core's `sum`, shown in the totals row), export of
 * what the grid shows, and opening the selected row with Enter or a double click.
 */
export function useDocList<R extends { id: number; amount: number }, X extends Record<string, boolean>>(opts: {
  list: (q: Parameters<FetchPage<R>>[0] & { mine: boolean } & X) => Promise<Page<R> & { sum: number }>;
  extra: X;
  exportTitle: string;
  exportColumns: ExportColumn<R>[];
  open: (row: R) => void;
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [mine, setMine] = useState(user.role === 'channel_staff');
  const [sum, setSum] = useState<{ total: number; sum: number } | null>(null);
  const [selected, setSelected] = useState<R | null>(null);
  const api = useRef<GridApi<R> | null>(null);
  const { list, extra } = opts;
  const extraKey = JSON.stringify(extra);

  const fetchPage = useCallback<FetchPage<R>>(
    async (req) => {
      const page = await list({ ...req, mine, ...extra });
      setSum({ total: page.total, sum: page.sum });
      return page;
    },
    [list, mine, extraKey],
  );

  const onExport: ExportHandler = (visible, sort, filter, quick) => {
    void list({ quick, filter: filter as never, sort: sort.map(({ colId, sort: dir }) => ({ colId, sort: dir })), limit: EXPORT_LIMIT, offset: 0, includeInactive: false, mine, ...extra }).then((page) =>
      exportRows(opts.exportTitle, opts.exportColumns, visible, page.rows, { number: t('docs.list.totals', { count: page.total }), amount: page.sum }),
    );
  };

  const totalsRow = sum ? ([{ id: -1, number: t('docs.list.totals', { count: sum.total }), amount: sum.sum } as unknown as R]) : undefined;

  const openSelected = () => {
    const row = api.current && !api.current.isDestroyed() ? api.current.getSelectedRows()[0] : selected;
    if (row && row.id > 0) opts.open(row);
  };
  const hostProps = {
    onDoubleClick: (e: React.MouseEvent) => {
      if ((e.target as HTMLElement).closest('.ag-row:not(.ag-row-pinned)')) openSelected();
    },
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.target as HTMLElement).closest('.ag-cell') && !(e.target as HTMLElement).closest('.ag-row-pinned')) {
        e.preventDefault();
        openSelected();
      }
    },
  };
  return { mine, setMine, fetchPage, onExport, totalsRow, selected, setSelected, api, hostProps, openSelected };
}

/** Mine / all in my scope. */
export function MineToggle({ mine, onChange }: { mine: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <span className="seg" role="group">
      <button type="button" className={mine ? 'on' : undefined} aria-pressed={mine} onClick={() => onChange(true)} data-testid="list-mine">
        {t('docs.list.mine')}
      </button>
      <button type="button" className={!mine ? 'on' : undefined} aria-pressed={!mine} onClick={() => onChange(false)} data-testid="list-all">
        {t('docs.list.scope')}
      </button>
    </span>
  );
}
