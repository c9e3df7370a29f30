import type { GridApi } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { APPROVABLE_TYPES, type ApprovableType } from '@shared/api/areas/workflow';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DataGrid } from '../../grid';
import { money } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { checkCol } from '../requests/common/checkCol';
import '../requests/common/docs.css';
import { useChecked } from '../requests/common/useChecked';
import { useDocInvalidate } from '../requests/useDocActions';
import { BulkResults, type BulkLine } from './BulkResults';
import { DetailPane, type DetailPaneHandle, type ReasonMode } from './DetailPane';
import { queueColumns, type QueueRow } from './queueColumns';
import { useQueueKeys } from './useQueueKeys';

type Pending = { kind: 'one'; row: QueueRow; action: 'approve' | ReasonMode; comment: string; toUserId?: number } | { kind: 'bulk'; rows: QueueRow[]; over: number };

const pathOf = (r: { docType: ApprovableType; docId: number }) => (r.docType === 'cost_request' ? `/requests/${r.docId}` : r.docType === 'claim' ? `/claims/${r.docId}` : r.docType === 'budget_transfer' ? '/budgets/transfers' : '/budgets/plan');

/**
 * 审批 — the approver's queue: everything waiting for me and for those I stand in for, in one
 * dense grid with the document beside it. Keyboard first: J/K or arrows move, Enter opens the
 * document, A approves, R rejects and T returns (a reason box takes the focus), Space ticks,
 * Shift+A approves the ticked ones with a result per item. Approving past a warn-controlled
 * budget asks once; a document someone else changed meanwhile is reloaded and said so.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const invalidate = useDocInvalidate();
  const [types, setTypes] = useState<ApprovableType[]>([]);
  const queue = useApiQuery('approvals.queue', { sort: 'age', dir: 'desc', docTypes: types, limit: 1000 });
  const rows = useMemo<QueueRow[]>(() => (queue.data?.rows ?? []).map((r) => ({ ...r, id: r.taskId })), [queue.data]);
  const [current, setCurrent] = useState<QueueRow | null>(null);
  const detail = useApiQuery('approvals.detail', { docType: current?.docType ?? 'cost_request', docId: current?.docId ?? 0 }, { enabled: !!current });
  const targets = useApiQuery('approvals.forwardTargets', { docType: current?.docType ?? 'cost_request', docId: current?.docId ?? 0 }, { enabled: !!current && !!detail.data?.can.forward });
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [bulk, setBulk] = useState<BulkLine[] | null>(null);
  const ticks = useChecked<QueueRow>();
  const api = useRef<GridApi<QueueRow> | null>(null);
  const pane = useRef<DetailPaneHandle>(null);
  const columns = useMemo(() => [checkCol<QueueRow>(ticks.has, ticks.toggle, t('wf.queue.keys')), ...queueColumns(t)], [t, ticks.has, ticks.toggle]);
  const ticked = rows.filter((r) => ticks.checked.has(r.id));

  const focusRow = (index: number) => {
    const a = api.current;
    if (!a || a.isDestroyed()) return;
    const n = a.getDisplayedRowCount();
    if (n === 0) return;
    const i = Math.max(0, Math.min(n - 1, index));
    a.ensureIndexVisible(i);
    a.setFocusedCell(i, 'number');
    a.getDisplayedRowAtIndex(i)?.setSelected(true, true);
  };
  /** the selected row as the grid has it now (keys may come faster than React renders) */
  const currentRow = (): QueueRow | null => {
    const a = api.current;
    return (a && !a.isDestroyed() ? a.getSelectedRows()[0] : null) ?? current;
  };
  const currentIndex = () => {
    const a = api.current;
    const row = currentRow();
    if (!a || !row) return -1;
    return a.getRowNode(String(row.id))?.rowIndex ?? -1;
  };
  const refresh = async (keepIndex: number) => {
    void invalidate();
    await queue.refetch();
    setTimeout(() => focusRow(keepIndex), 0);
  };

  const run = async (row: QueueRow, action: 'approve' | ReasonMode, comment: string, confirmWarn: boolean, toUserId?: number) => {
    const index = currentIndex();
    setBusy(true);
    try {
      const version = detail.data && detail.data.docId === row.docId && detail.data.docType === row.docType ? detail.data.version : row.docVersion;
      await call('approvals.act', { docType: row.docType, docId: row.docId, version, action, comment, confirmWarn, ...(toUserId ? { toUserId } : {}) });
      setMessage({ kind: 'ok', text: t(`wf.queue.done.${action}`, { number: row.number }) });
      ticks.clear((id) => id !== row.id);
      await refresh(index);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'conflict' || code === 'stale') {
        setMessage({ kind: 'warn', text: t('wf.queue.conflict', { number: row.number }) });
        await refresh(index);
        void detail.refetch();
      } else if (code === 'budget_warn_confirm') {
        setPending({ kind: 'one', row, action, comment });
      } else {
        setMessage({ kind: 'error', text: `${row.number}: ${errorText(e)}` });
      }
    } finally {
      setBusy(false);
    }
  };

  const act = (action: 'approve' | ReasonMode, comment = '', toUserId?: number) => {
    const row = currentRow();
    if (!row || busy) return;
    const warn = action === 'approve' && (row.flags.overBudget || (detail.data?.docId === row.docId && detail.data.budget?.result === 'warn'));
    if (warn) setPending({ kind: 'one', row, action, comment, toUserId });
    else void run(row, action, comment, false, toUserId);
  };

  const runBulk = async (list: QueueRow[], confirmWarn: boolean) => {
    setBusy(true);
    try {
      const res = await call('approvals.bulkApprove', { items: list.map((r) => ({ docType: r.docType, docId: r.docId, version: r.docVersion })), comment: '', confirmWarn });
      const lines = res.results.map((x, i) => ({ number: list.find((r) => r.docType === x.docType && r.docId === x.docId)?.number ?? list[i]?.number ?? `#${x.docId}`, ok: x.ok, error: x.error }));
      setBulk(lines);
      const okIds = new Set(list.filter((r) => res.results.some((x) => x.ok && x.docId === r.docId && x.docType === r.docType)).map((r) => r.id));
      ticks.clear((id) => !okIds.has(id));
      await refresh(0);
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const bulkApprove = () => {
    const now = rows.filter((r) => ticks.has(r.id));
    const one = currentRow();
    const list = now.length > 0 ? now : one ? [one] : [];
    if (list.length === 0 || busy) return;
    const over = list.filter((r) => r.flags.overBudget).length;
    if (over > 0) setPending({ kind: 'bulk', rows: list, over });
    else void runBulk(list, false);
  };

  useQueueKeys({
    move: (d) => focusRow(currentIndex() < 0 ? 0 : currentIndex() + d),
    open: () => {
      const row = currentRow();
      const p = row && pathOf(row);
      if (p) navigate(p);
    },
    approve: () => act('approve'),
    ask: (m) => currentRow() && detail.data?.can[m] !== false && pane.current?.ask(m),
    toggle: () => {
      const row = currentRow();
      if (row) ticks.toggle(row.id);
    },
    bulk: bulkApprove,
  });

  // keep the current row pointing at the refreshed data
  useEffect(() => {
    if (current && !rows.some((r) => r.id === current.id)) setCurrent(null);
  }, [rows, current]);

  return (
    <div className="page" data-testid="approvals-page">
      <div className="page-head">
        <h2>{t('wf.queue.title')}</h2>
        <select aria-label={t('wf.queue.types')} value={types[0] ?? ''} onChange={(e) => setTypes(e.target.value ? [e.target.value as ApprovableType] : [])}>
          <option value="">{t('wf.queue.allTypes')}</option>
          {APPROVABLE_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`docs.type.${k}`)}
            </option>
          ))}
        </select>
        <span className="kbd-hint" data-testid="queue-keys">
          {t('wf.queue.keys')}
        </span>
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {queue.error && <Banner message={{ kind: 'error', text: errorText(queue.error) }} />}
      <div className="split">
        <DataGrid<QueueRow>
          gridId="approvals"
          columns={columns}
          rows={rows}
          loading={queue.isLoading}
          readOnly
          fitColumns={false}
          onSelect={setCurrent}
          onApi={(a) => {
            api.current = a;
            ticks.api.current = a;
          }}
          defaultSort={[{ colId: 'age', sort: 'desc' }]}
          actions={
            <>
              {ticked.length > 0 && <span className="hint">{t('wf.queue.selected', { count: ticked.length })}</span>}
              <button type="button" className="primary" disabled={busy || (ticked.length === 0 && !current)} onClick={bulkApprove} title={t('common.shortcut', { keys: 'Shift+A' })} data-testid="bulk-approve">
                {t('wf.queue.bulkApprove', { count: ticked.length || (current ? 1 : 0) })}
              </button>
            </>
          }
        />
        <DetailPane
          ref={pane}
          detail={current ? detail.data : undefined}
          loading={detail.isFetching}
          busy={busy}
          forwardTargets={targets.data ?? []}
          onAct={(a, comment, toUserId) => act(a, comment, toUserId)}
          onBack={() => focusRow(currentIndex())}
        />
      </div>
      {!queue.isLoading && rows.length === 0 && <div className="empty-state">{t('wf.queue.empty')}</div>}
      {pending?.kind === 'one' && (
        <ConfirmDialog
          title={t('wf.queue.confirmWarnTitle')}
          text={t('wf.queue.confirmWarn', {
            number: pending.row.number,
            available: money(pending.row.impact?.availableBefore ?? detail.data?.budget?.available ?? 0),
            after: money(pending.row.impact?.availableAfter ?? detail.data?.budget?.availableAfter ?? 0),
          })}
          confirmLabel={t('wf.queue.confirm')}
          onConfirm={() => run(pending.row, pending.action, pending.comment, true, pending.toUserId)}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'bulk' && (
        <ConfirmDialog
          title={t('wf.queue.confirmWarnTitle')}
          text={t('wf.queue.confirmWarnBulk', { count: pending.over })}
          confirmLabel={t('wf.queue.confirm')}
          onConfirm={() => runBulk(pending.rows, true)}
          onClose={() => setPending(null)}
        />
      )}
      {bulk && <BulkResults lines={bulk} onClose={() => setBulk(null)} />}
    </div>
  );
}
