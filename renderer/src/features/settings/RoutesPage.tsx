import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type { RouteRow, RouteStep } from '@shared/api/areas/workflow';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DataGrid, dateTimeCol, numberCol, textCol } from '../../grid';
import { money } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { useBudgetLookups, type BudgetLookups } from '../budgets/lookups';
import '../requests/common/docs.css';
import { RouteEditor } from './RouteEditor';

type T = (k: string, o?: Record<string, unknown>) => string;

export function conditionText(t: T, r: RouteRow, lk: BudgetLookups): string {
  const c = r.conditions;
  const parts: string[] = [];
  if (c.minAmount !== null || c.maxAmount !== null) parts.push(t('wf.routes.amountRange', { min: c.minAmount === null ? '0' : money(c.minAmount), max: c.maxAmount === null ? '∞' : money(c.maxAmount) }));
  if (c.costTypeIds.length) parts.push(c.costTypeIds.map((id) => lk.costTypes.label(id)).join('/'));
  if (c.channelTypeIds.length) parts.push(c.channelTypeIds.map((id) => lk.channelTypes.label(id)).join('/'));
  if (c.orgUnitId !== null) parts.push(lk.orgUnits.label(c.orgUnitId));
  return parts.length ? parts.join(' · ') : t('wf.routes.condNone');
}

export function stepText(t: T, s: RouteStep, lk: BudgetLookups): string {
  const who = s.kind === 'role' ? `${t(`role.${s.role}`)}@${t(`wf.routes.levels.${s.level}`)}` : s.kind === 'user' ? lk.users.label(s.userId) : t('wf.routes.kinds.manager');
  return `${s.name}（${who}，${t(`wf.routes.modes.${s.mode}`)}，${s.slaHours}h）`;
}

/**
 * Approval routes (administrators): the routes in force per document type, their conditions and
 * ordered steps; editing saves a new version; "simulate" shows who would approve a given document.
 */
export function RoutesPage() {
  const { t } = useTranslation();
  const lk = useBudgetLookups();
  const [includeOld, setIncludeOld] = useState(false);
  const q = useApiQuery('routes.list', { includeOld });
  const [selected, setSelected] = useState<RouteRow | null>(null);
  const [editing, setEditing] = useState<RouteRow | 'new' | null>(null);
  const [simulating, setSimulating] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const r = (k: string) => t(`wf.routes.${k}`);
  const columns = useMemo((): ColDef<RouteRow>[] => [
    { colId: 'docType', field: 'docType', headerName: r('docType'), width: 110, valueFormatter: (p) => t(`docs.type.${p.value as string}`) },
    textCol<RouteRow>('name', r('name'), { width: 180 }),
    numberCol<RouteRow>('priority', r('priority'), { width: 80 }),
    { colId: 'version', headerName: r('version'), width: 120, valueGetter: (p) => p.data?.routeVersion, cellRenderer: (p: ICellRendererParams<RouteRow>) => (p.data ? <>v{p.data.routeVersion}{p.data.current && <span className="badge in-force">{r('current')}</span>}</> : null) },
    { colId: 'conditions', headerName: r('conditions'), width: 220, wrapText: true, autoHeight: true, cellStyle: { lineHeight: '18px', padding: '4px 11px' }, valueGetter: (p) => (p.data ? conditionText(t, p.data, lk) : ''), tooltipValueGetter: (p) => p.value as string },
    { colId: 'steps', headerName: r('steps'), flex: 1, minWidth: 300, wrapText: true, autoHeight: true, cellStyle: { lineHeight: '18px', padding: '4px 11px' }, valueGetter: (p) => (p.data ? p.data.steps.map((s, i) => `${i + 1}. ${stepText(t, s, lk)}`).join(' → ') : ''), tooltipValueGetter: (p) => p.value as string },
    { colId: 'routeActive', headerName: r('active'), width: 80, valueGetter: (p) => (p.data?.active ? 1 : 0), cellRenderer: (p: ICellRendererParams<RouteRow>) => (p.data ? <span className={`status ${p.data.active ? 'active' : 'inactive'}`}>{p.data.active ? t('common.active') : t('common.inactive')}</span> : null) },
    numberCol<RouteRow>('runs', r('runs'), { width: 80 }),
    dateTimeCol<RouteRow>('createdAt', t('docs.field.createdAt')),
  ], [t, lk]);

  return (
    <div className="page" data-testid="routes-page">
      <div className="page-head">
        <h2>{r('title')}</h2>
        <label className="toggle">
          <input type="checkbox" checked={includeOld} onChange={(e) => setIncludeOld(e.target.checked)} /> {r('includeOld')}
        </label>
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {q.error && <Banner message={{ kind: 'error', text: errorText(q.error) }} />}
      {lk.ready && (
        <DataGrid<RouteRow>
          gridId="routes"
          columns={columns}
          rows={q.data}
          loading={q.isLoading}
          fitColumns={false}
          onSelect={setSelected}
          defaultSort={[{ colId: 'docType', sort: 'asc' }]}
          onAdd={() => setEditing('new')}
          addLabel={r('add')}
          actions={
            <>
              <button type="button" disabled={!selected?.current} onClick={() => selected && setEditing(selected)} data-testid="edit-route">
                {r('edit')}
              </button>
              <button
                type="button"
                disabled={!selected?.current}
                onClick={() =>
                  selected &&
                  void call('routes.setActive', { id: selected.id, active: !selected.active }).then(
                    () => void q.refetch(),
                    (e: unknown) => setMessage({ kind: 'error', text: errorText(e) }),
                  )
                }
              >
                {selected?.active === false ? r('activate') : r('deactivate')}
              </button>
              <button type="button" onClick={() => setSimulating(true)} data-testid="simulate-route">
                {r('simulate')}
              </button>
            </>
          }
        />
      )}
      {editing && (
        <RouteEditor
          route={editing === 'new' ? null : editing}
          lk={lk}
          onClose={() => setEditing(null)}
          onSaved={(x) => {
            setEditing(null);
            setMessage({ kind: 'ok', text: t('wf.routes.saved', { name: x.name, version: x.routeVersion }) });
            void q.refetch();
          }}
        />
      )}
      {simulating && <SimulateDialog onClose={() => setSimulating(false)} />}
    </div>
  );
}

/** Who would approve each step of a document, found by its number (a request SQ-… or a claim). */
function SimulateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Awaited<ReturnType<typeof call<'approvals.simulate'>>> | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const find = async () => {
    const n = number.trim();
    const [reqs, claims] = await Promise.all([call('costRequests.list', { quick: n, limit: 20 }), call('claims.list', { quick: n, limit: 20 })]);
    const req = reqs.rows.find((x) => x.number === n);
    if (req) return { docType: 'cost_request' as const, docId: req.id };
    const claim = claims.rows.find((x) => x.number === n);
    if (claim) return { docType: 'claim' as const, docId: claim.id };
    return null;
  };
  return (
    <Dialog
      title={t('wf.routes.simulate')}
      onClose={onClose}
      submitLabel={t('wf.routes.simulate')}
      submitDisabled={!number.trim()}
      busy={busy}
      wide
      testId="simulate-dialog"
      onSubmit={() => {
        setBusy(true);
        setMessage(null);
        find()
          .then(async (ref) => {
            if (!ref) {
              setResult(null);
              setMessage({ kind: 'warn', text: t('wf.routes.noneFound') });
              return;
            }
            setResult(await call('approvals.simulate', ref));
          })
          .catch((e: unknown) => setMessage({ kind: 'error', text: errorText(e) }))
          .finally(() => setBusy(false));
      }}
    >
      <label className="field">
        <span className="field-label">{t('wf.routes.simulateFor')}</span>
        <input name="number" value={number} autoFocus onChange={(e) => setNumber(e.target.value)} />
      </label>
      <Banner message={message} />
      {result && (
        <>
          <h4>{t('wf.routes.simulateTitle', { route: result.routeName, version: result.routeVersion })}</h4>
          <ol className="steps" data-testid="simulation">
            {result.steps.map((s) => (
              <li key={s.index}>
                {t('docs.progress.step', { n: s.index + 1, name: s.name })} · {t(`wf.routes.modes.${s.mode}`)} · {s.approvers.map((u) => u.name).join('、') || '—'}
                {s.escalated && <span className="flag overdue"> {t('wf.routes.escalated')}</span>}
                {s.unresolved && <span className="flag overBudget"> {t('wf.routes.unresolved')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </Dialog>
  );
}
