import { useCallback, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { CostRequestRow } from '@shared/api/areas/documents';
import type { Input } from '@shared/api/contract';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { DataGrid } from '../../grid';
import { useTranslation } from '../../i18n';
import './common/docs.css';
import { requestColumns, requestExportColumns, serverSortable } from './columns';
import { MineToggle, useDocList } from './useDocList';

/**
 * Cost requests (费用申请): mine or everything in my scope, paged by the core (filters, sort,
 * quick search), the amount summed over every matching request in the totals row; Enter or a
 * double click opens one; channel staff start a new one (Alt+N).
 */
export function RequestsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [, navigate] = useLocation();
  // opened from the overdue reminder (features/home/SlaReminder): the overdue filter starts on
  const [overdue, setOverdue] = useState(() => (window.history.state as { overdue?: unknown } | null)?.overdue === true);
  const columns = useMemo(() => serverSortable(requestColumns(t)), [t]);
  const exportColumns = useMemo(() => requestExportColumns(t), [t]);
  const list = useCallback((q: Input<'costRequests.list'>) => call('costRequests.list', q), []);
  const extra = useMemo(() => ({ overdue }), [overdue]);
  const l = useDocList<CostRequestRow, { overdue: boolean }>({
    list,
    extra,
    exportTitle: t('docs.nav.requests'),
    exportColumns,
    open: (r) => navigate(`/requests/${r.id}`),
  });
  const canCreate = user.role === 'channel_staff' || user.role === 'admin';

  return (
    <div className="page" data-testid="requests-page">
      <div className="page-head">
        <h2>{t('docs.nav.requests')}</h2>
        <MineToggle mine={l.mine} onChange={l.setMine} />
        <label className="toggle">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="only-overdue" /> {t('docs.list.overdue')}
        </label>
        <span className="hint">{t('docs.list.openHint')}</span>
      </div>
      <div className="grid-wrap" {...l.hostProps}>
        <DataGrid<CostRequestRow>
          gridId="cost-requests"
          columns={columns}
          fetchPage={l.fetchPage}
          fitColumns={false}
          onSelect={l.setSelected}
          onApi={(a) => (l.api.current = a)}
          pinnedBottomRows={l.totalsRow}
          onExport={l.onExport}
          onAdd={canCreate ? () => navigate('/requests/new') : undefined}
          addLabel={t('docs.list.newRequest')}
          defaultSort={[{ colId: 'number', sort: 'desc' }]}
          actions={
            <button type="button" disabled={!l.selected} onClick={l.openSelected} title={t('common.shortcut', { keys: 'Enter' })}>
              {t('docs.list.open')}
            </button>
          }
        />
      </div>
    </div>
  );
}
