import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { APPROVABLE_TYPES, type ApprovableType, type DelegationRow } from '@shared/api/areas/workflow';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { DataGrid, dateCol, textCol } from '../../grid';
import { errorText, fieldIssues, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/form';
import '../requests/common/docs.css';
import { todayIso } from '../requests/draft';
import { DateField } from '../../ui/DateField';

/**
 * My stand-ins (代理审批): I name a colleague who decides for me for a date range, for all or some
 * document types; their queue then shows my items marked "for A", and decisions are recorded as
 * "B for A". An arrangement can be ended early.
 */
export function DelegationsPage() {
  const { t } = useTranslation();
  const q = useApiQuery('delegations.list', {});
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<DelegationRow | null>(null);
  const [selected, setSelected] = useState<DelegationRow | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const d = (k: string) => t(`wf.deleg.${k}`);
  const columns = useMemo((): ColDef<DelegationRow>[] => [
    { colId: 'from', headerName: d('from'), width: 110, valueGetter: (p) => p.data?.from.name ?? '' },
    { colId: 'to', headerName: d('to'), width: 110, valueGetter: (p) => p.data?.to.name ?? '' },
    dateCol<DelegationRow>('startDate', d('start'), { editable: false }),
    dateCol<DelegationRow>('endDate', d('until'), { editable: false }),
    { colId: 'types', headerName: d('types'), width: 220, valueGetter: (p) => (p.data ? (p.data.docTypes.length ? p.data.docTypes.map((k) => t(`docs.type.${k}`)).join('、') : d('allTypes')) : '') },
    {
      colId: 'state',
      headerName: d('state'),
      width: 90,
      valueGetter: (p) => (p.data?.active ? 1 : 0),
      cellRenderer: (p: ICellRendererParams<DelegationRow>) => (p.data ? <span className={`status ${p.data.active ? 'approved' : 'closed'}`}>{p.data.active ? d('active') : d('ended')}</span> : null),
    },
    textCol<DelegationRow>('note', d('note'), { flex: 1, minWidth: 160 }),
  ], [t]);
  const rows = q.data ?? [];
  return (
    <div className="page" data-testid="delegations-page">
      <div className="page-head">
        <h2>{d('title')}</h2>
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {q.error && <Banner message={{ kind: 'error', text: errorText(q.error) }} />}
      <DataGrid<DelegationRow>
        gridId="delegations"
        columns={columns}
        rows={rows}
        loading={q.isLoading}
        fitColumns={false}
        onSelect={setSelected}
        onAdd={() => setAdding(true)}
        addLabel={d('add')}
        actions={
          <button type="button" disabled={!selected?.active} onClick={() => selected && setEnding(selected)} data-testid="end-delegation">
            {d('end')}
          </button>
        }
      />
      {adding && (
        <AddDelegation
          onClose={() => setAdding(false)}
          onDone={(r) => {
            setAdding(false);
            setMessage({ kind: 'ok', text: t('wf.deleg.created', { name: r.to.name }) });
            void q.refetch();
          }}
        />
      )}
      {ending && (
        <ConfirmDialog
          title={d('end')}
          text={t('wf.deleg.endConfirm', { name: ending.to.name })}
          confirmLabel={d('end')}
          danger
          onConfirm={async () => {
            await call('delegations.end', { id: ending.id });
            setMessage({ kind: 'ok', text: d('endedOk') });
            void q.refetch();
          }}
          onClose={() => setEnding(null)}
        />
      )}
    </div>
  );
}

function AddDelegation({ onClose, onDone }: { onClose: () => void; onDone: (r: DelegationRow) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useApiQuery('users.list', {});
  const [toUserId, setTo] = useState<number | null>(null);
  const [start, setStart] = useState(todayIso());
  const [end, setEnd] = useState(todayIso());
  const [types, setTypes] = useState<ApprovableType[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const d = (k: string) => t(`wf.deleg.${k}`);
  const candidates = (users.data ?? []).filter((u) => u.active && u.id !== user.id && u.role !== 'channel_staff');
  return (
    <Dialog
      title={d('add')}
      onClose={onClose}
      submitLabel={d('add')}
      submitDisabled={!toUserId || !start || !end}
      busy={busy}
      testId="delegation-dialog"
      onSubmit={() => {
        setBusy(true);
        call('delegations.create', { toUserId: toUserId!, startDate: start, endDate: end, docTypes: types, note }).then(onDone, (e: unknown) => {
          setIssues(fieldIssues(e));
          setMessage({ kind: 'error', text: errorText(e) });
          setBusy(false);
        });
      }}
    >
      <Field label={d('to')} error={issues.toUserId}>
        <select name="toUserId" value={toUserId ?? ''} onChange={(e) => setTo(Number(e.target.value) || null)}>
          <option value="">—</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName} ({t(`role.${u.role}`)})
            </option>
          ))}
        </select>
      </Field>
      <Field label={d('start')} error={issues.startDate}>
        <DateField name="startDate" value={start} onChange={setStart} />
      </Field>
      <Field label={d('until')} error={issues.endDate}>
        <DateField name="endDate" value={end} onChange={setEnd} />
      </Field>
      <Field label={`${d('types')} (${d('allTypes')}: —)`}>
        <div className="check-list">
          {APPROVABLE_TYPES.map((k) => (
            <label key={k}>
              <input type="checkbox" checked={types.includes(k)} onChange={(e) => setTypes(e.target.checked ? [...types, k] : types.filter((x) => x !== k))} />
              {t(`docs.type.${k}`)}
            </label>
          ))}
        </div>
      </Field>
      <Field label={d('note')}>
        <input name="note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Banner message={message} />
    </Dialog>
  );
}
