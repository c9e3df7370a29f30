import { useQueryClient } from '@tanstack/react-query';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { BudgetTransfer } from '@shared/api/areas/budgets';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { dateTime } from '../../format';
import { DataGrid, moneyCol, textCol } from '../../grid';
import { useGridExport } from '../excel/useGridExport';
import { useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { useBudgetLookups } from './lookups';
import { StateBadge } from './StateBadge';
import { budgetErrorText } from './text';
import { isDeletedDraft, TransferActions } from './transfers/TransferActions';
import { TransferDetail } from './transfers/TransferDetail';
import { TransferDialog } from './transfers/TransferDialog';
import { useInForceLines } from './transfers/useLines';

/**
 * Budget transfers (预算调拨) of a fiscal year: budget moved from one cell (line × month) to
 * another, each a document with a reason that a finance user other than the submitter approves.
 * Finance creates drafts here (or saves and submits at once), edits and deletes drafts, and takes
 * them through submit, approve, reject or return. The selected transfer shows below the list with
 * both cells and their balances — what an approver decides on.
 */
export function TransfersPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const qc = useQueryClient();
  const lk = useBudgetLookups();
  const plans = useApiQuery('budgetPlans.list', {});
  const [year, setYear] = useState<number | null>(null);
  const list = plans.data ?? [];
  const plan = list.find((p) => p.fiscalYear === year) ?? list.find((p) => p.fiscalYear === new Date().getFullYear()) ?? list[0];
  const fiscalYear = plan?.fiscalYear ?? new Date().getFullYear();
  const transfers = useApiQuery('budgetTransfers.list', { fiscalYear }, { enabled: !!plan });
  const exportShown = useGridExport(`${t('budgets.transfer.title')} ${fiscalYear}`);
  const { lines, error: linesError } = useInForceLines(plan, lk);
  const [selected, setSelected] = useState<BudgetTransfer | null>(null);
  const [editing, setEditing] = useState<BudgetTransfer | 'new' | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const finance = user.role === 'finance';

  const labels = useMemo(() => new Map((lines ?? []).map((l) => [l.id, l.label])), [lines]);
  const lineLabel = (id: number) => labels.get(id) ?? t('budgets.transfer.line', { id });
  const rows = useMemo(() => (showDeleted ? transfers.data : transfers.data?.filter((x) => !isDeletedDraft(x))), [transfers.data, showDeleted]);
  const columns = useMemo((): ColDef<BudgetTransfer>[] => {
    const line = (id: number) => labels.get(id) ?? t('budgets.transfer.line', { id });
    const month = (period: string) => t(`budgets.grid.months.${Number(period.slice(5, 7)) - 1}`);
    const who = (name: string | null, at: string | null) => (name === null || !at ? '' : `${name} · ${dateTime(at)}`);
    const h = (k: string) => t(`budgets.transfer.${k}`);
    return [
      textCol<BudgetTransfer>('number', h('number'), { width: 130, cellClass: 'num' }),
      {
        field: 'state',
        headerName: h('state'),
        width: 96,
        cellRenderer: (p: ICellRendererParams<BudgetTransfer>) => (p.data ? <StateBadge state={p.data.state} /> : null),
        getQuickFilterText: (p) => t(`budgets.state.${p.value as string}`),
      },
      { colId: 'from', headerName: h('from'), width: 260, valueGetter: (p) => (p.data ? `${line(p.data.fromLineId)} · ${month(p.data.fromPeriod)}` : '') },
      { colId: 'to', headerName: h('to'), width: 260, valueGetter: (p) => (p.data ? `${line(p.data.toLineId)} · ${month(p.data.toPeriod)}` : '') },
      moneyCol<BudgetTransfer>('amount', h('amount'), { width: 130 }),
      textCol<BudgetTransfer>('reason', h('reason'), { flex: 1, minWidth: 200, tooltipField: 'reason' }),
      { colId: 'created', headerName: h('created'), width: 170, valueGetter: (p) => (p.data ? who(p.data.createdByName, p.data.createdAt) : '') },
      { colId: 'submitted', headerName: h('submitted'), width: 170, valueGetter: (p) => (p.data ? who(p.data.submittedByName, p.data.submittedAt) : '') },
      { colId: 'decided', headerName: h('decided'), width: 170, valueGetter: (p) => (p.data ? who(p.data.decidedByName, p.data.decidedAt) : '') },
    ];
  }, [t, labels]);

  const current = selected ? (transfers.data?.find((x) => x.id === selected.id) ?? null) : null;
  const done = (text: string) => {
    setMessage({ kind: 'ok', text });
    void qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('budget') });
  };

  return (
    <div className="page budget-transfers" data-testid="budget-transfers">
      <div className="page-head">
        <h2>{t('budgets.transfer.title')}</h2>
        <label className="inline-field">
          <span className="muted">{t('budgets.plan.year')}</span>
          <select name="year" value={fiscalYear} onChange={(e) => setYear(Number(e.target.value))}>
            {list.map((p) => (
              <option key={p.id} value={p.fiscalYear}>
                {p.fiscalYear}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {(!!transfers.error || linesError !== null) && <Banner message={{ kind: 'error', text: budgetErrorText(transfers.error ?? linesError) }} />}
      <DataGrid<BudgetTransfer>
        gridId="budget-transfers"
        columns={columns}
        rows={rows}
        loading={transfers.isLoading}
        onSelect={setSelected}
        onAdd={finance && lines && lines.length > 0 ? () => setEditing('new') : undefined}
        addLabel={t('budgets.transfer.create')}
        actions={
          <>
            <TransferActions row={current} onDone={done} onEdit={setEditing} />
            <label className="toggle">
              <input type="checkbox" name="showDeleted" checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)} />
              {t('budgets.transfer.showDeleted')}
            </label>
          </>
        }
        defaultSort={[{ colId: 'number', sort: 'desc' }]}
        onExportShown={exportShown}
      />
      {current && (showDeleted || !isDeletedDraft(current)) && <TransferDetail transfer={current} lineLabel={lineLabel} />}
      {editing && lines && (
        <TransferDialog
          year={fiscalYear}
          lines={lines}
          transfer={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(x, submitted) => {
            setEditing(null);
            done(t(submitted ? 'budgets.transfer.submitted_ok' : editing === 'new' ? 'budgets.transfer.created_ok' : 'budgets.transfer.saved_ok', { number: x.number }));
          }}
        />
      )}
    </div>
  );
}
