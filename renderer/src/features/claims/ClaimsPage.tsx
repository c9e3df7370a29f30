import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { Claim, ClaimRow } from '@shared/api/areas/documents';
import type { Input } from '@shared/api/contract';
import type { AppLocale } from '@shared/i18n';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { DataGrid } from '../../grid';
import { errorText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { deliverFile } from '../excel/transfer';
import { checkCol } from '../requests/common/checkCol';
import '../requests/common/docs.css';
import { useChecked } from '../requests/common/useChecked';
import { useDocInvalidate } from '../requests/useDocActions';
import { MineToggle, useDocList } from '../requests/useDocList';
import { claimColumns, claimExportColumns } from './columns';
import { serverSortable } from '../requests/columns';
import { PayDialog } from './PayDialog';

const payable = (r: ClaimRow) => r.status === 'unpaid' || r.status === 'partly_paid';

/**
 * Claims (费用核销): mine or all in my scope, overdue only; finance sees what is to be paid,
 * ticks claims (Space) for a payment list (付款清单, xlsx for treasury) and pays one at a time.
 */
export function ClaimsPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const finance = user.role === 'finance';
  const [overdue, setOverdue] = useState(false);
  const [onlyPayable, setOnlyPayable] = useState(finance);
  const [message, setMessage] = useState<Message | null>(null);
  const [paying, setPaying] = useState<Claim | null>(null);
  const [refresh, setRefresh] = useState(0);
  const invalidate = useDocInvalidate();
  const ticks = useChecked<ClaimRow>();
  const list = useCallback((q: Input<'claims.list'>) => call('claims.list', q), []);
  const extra = useMemo(() => ({ overdue, payable: onlyPayable }), [overdue, onlyPayable]);
  const l = useDocList<ClaimRow, { overdue: boolean; payable: boolean }>({
    list,
    extra,
    exportTitle: t('docs.nav.claims'),
    exportColumns: useMemo(() => claimExportColumns(t), [t]),
    open: (r) => navigate(`/claims/${r.id}`),
  });
  const columns = useMemo(() => {
    const cols = serverSortable(claimColumns(t));
    return finance ? [checkCol<ClaimRow>(ticks.has, ticks.toggle, t('docs.list.payListHint'), payable), ...cols] : cols;
  }, [t, finance, ticks.has, ticks.toggle]);

  // Space ticks the focused claim (finance)
  useEffect(() => {
    if (!finance) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || document.querySelector('dialog[open]')) return;
      const target = e.target as HTMLElement;
      if (!target.closest('[data-testid="grid-claims"] .ag-cell')) return;
      const row = l.api.current?.getSelectedRows()[0];
      if (!row || !payable(row)) return;
      e.preventDefault();
      e.stopPropagation();
      ticks.toggle(row.id);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [finance, l.api, ticks]);

  const exportList = async () => {
    try {
      const ref = await call('payments.exportList', { claimIds: [...ticks.checked], locale: i18n.language as AppLocale });
      await deliverFile(ref);
      setMessage({ kind: 'ok', text: t('docs.act.done.exportList', { count: ref.rows }) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };
  const openPay = async () => {
    if (!l.selected) return;
    try {
      setPaying(await call('claims.get', { id: l.selected.id }));
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <div className="page" data-testid="claims-page">
      <div className="page-head">
        <h2>{t('docs.nav.claims')}</h2>
        <MineToggle mine={l.mine} onChange={l.setMine} />
        <label className="toggle">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="only-overdue" /> {t('docs.list.overdue')}
        </label>
        {finance && (
          <label className="toggle">
            <input type="checkbox" checked={onlyPayable} onChange={(e) => setOnlyPayable(e.target.checked)} data-testid="only-payable" /> {t('docs.list.payable')}
          </label>
        )}
        <span className="hint">{finance ? t('docs.list.payListHint') : t('docs.list.openHint')}</span>
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      <div className="grid-wrap" {...l.hostProps}>
        <DataGrid<ClaimRow>
          gridId="claims"
          columns={columns}
          fetchPage={l.fetchPage}
          refreshKey={refresh}
          fitColumns={false}
          onSelect={l.setSelected}
          onApi={(a) => {
            l.api.current = a;
            ticks.api.current = a;
          }}
          pinnedBottomRows={l.totalsRow}
          onExport={l.onExport}
          onAdd={user.role === 'channel_staff' || user.role === 'admin' ? () => navigate('/claims/new') : undefined}
          addLabel={t('docs.list.newClaim')}
          defaultSort={[{ colId: 'number', sort: 'desc' }]}
          actions={
            <>
              <button type="button" disabled={!l.selected} onClick={l.openSelected} title={t('common.shortcut', { keys: 'Enter' })}>
                {t('docs.list.open')}
              </button>
              {finance && (
                <>
                  <button type="button" disabled={!l.selected || !payable(l.selected)} onClick={() => void openPay()} data-testid="open-pay">
                    {t('docs.list.pay')}
                  </button>
                  <button type="button" disabled={ticks.checked.size === 0} onClick={() => void exportList()} data-testid="export-pay-list" title={t('docs.list.payListHint')}>
                    {t('docs.list.payList')}
                    {ticks.checked.size > 0 ? ` (${ticks.checked.size})` : ''}
                  </button>
                </>
              )}
            </>
          }
        />
      </div>
      {paying && (
        <PayDialog
          claim={paying}
          onClose={() => setPaying(null)}
          onPaid={(c) => {
            setPaying(null);
            setMessage({ kind: 'ok', text: t('docs.act.done.pay', { number: c.number }) });
            setRefresh((k) => k + 1);
            void invalidate();
          }}
        />
      )}
    </div>
  );
}
