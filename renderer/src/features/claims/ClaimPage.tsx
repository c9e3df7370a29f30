import { useState } from 'react';
import { Link, useParams } from 'wouter';
import type { Claim, CostRequest } from '@shared/api/areas/documents';
import type { Input } from '@shared/api/contract';
import { EDITABLE_STATES } from '@shared/domain/approval';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { dateTime, money } from '../../format';
import { errorText, useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useBudgetLookups } from '../budgets/lookups';
import { DocStatus, Flags } from '../requests/common/DocStatus';
import { DocHistory } from '../requests/common/HistoryTable';
import { DocProgress } from '../requests/common/ProgressView';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useDocumentActions } from '../requests/common/useDocumentActions';
import '../requests/common/docs.css';
import { todayIso } from '../requests/draft';
import { Attachments } from './Attachments';
import { ClaimForm, type ClaimHead } from './ClaimForm';
import { blankRow, linesInput, linesTotal, rowsOf, type LineRow } from './lines';
import { LinesGrid } from './LinesGrid';
import { PayDialog } from './PayDialog';

/** A claim: routes /claims/new, /claims/from/:requestId (settling a request) and /claims/:id. */
export function ClaimPage() {
  const params = useParams<{ id?: string; requestId?: string }>();
  const id = params.id && params.id !== 'new' ? Number(params.id) : null;
  const fromRequest = params.requestId ? Number(params.requestId) : null;
  const q = useApiQuery('claims.get', { id: id ?? 0 }, { enabled: id !== null });
  const rq = useApiQuery('costRequests.get', { id: fromRequest ?? 0 }, { enabled: fromRequest !== null });
  const waiting = (id !== null && !q.data) || (fromRequest !== null && !rq.data);
  if (waiting) {
    const e = q.error ?? rq.error;
    return <div className="page">{e ? <Banner message={{ kind: 'error', text: errorText(e) }} /> : <div className="muted pad">…</div>}</div>;
  }
  return <ClaimEditor key={`${id ?? 'new'}:${q.data?.version ?? 0}`} doc={q.data ?? null} request={rq.data ?? null} reload={() => void q.refetch()} />;
}

const headOf = (c: Claim | null, r: CostRequest | null): ClaimHead =>
  c
    ? {
        requestId: c.requestId,
        requestLabel: c.requestNumber ?? '',
        partnerId: c.partnerId,
        partnerLabel: `${c.partnerCode} ${c.partnerName}`,
        orgUnitId: c.orgUnitId,
        channelTypeId: c.channelTypeId,
        costTypeId: c.costTypeId,
        title: c.title,
        description: c.description,
        activityStart: c.activityStart,
        activityEnd: c.activityEnd,
      }
    : {
        requestId: r?.id ?? null,
        requestLabel: r ? `${r.number} ${r.title}` : '',
        partnerId: r?.partnerId ?? null,
        partnerLabel: r ? `${r.partnerCode} ${r.partnerName}` : '',
        orgUnitId: r?.orgUnitId ?? null,
        channelTypeId: r?.channelTypeId ?? null,
        costTypeId: r?.costTypeId ?? null,
        title: r?.title ?? '',
        description: '',
        activityStart: r?.activityStart ?? todayIso(),
        activityEnd: r?.activityEnd ?? todayIso(),
      };

function ClaimEditor({ doc, request, reload }: { doc: Claim | null; request: CostRequest | null; reload: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const lk = useBudgetLookups();
  const [head, setHead] = useState<ClaimHead>(() => headOf(doc, request));
  const [rows, setRows] = useState<LineRow[]>(() => (doc ? rowsOf(doc.lines) : [blankRow(1)]));
  const [issues, setIssues] = useState<Record<string, string>>({});

  const mine = !doc || doc.ownerUserId === user.id || doc.createdBy === user.id;
  const staff = user.role === 'channel_staff' || user.role === 'admin';
  const editable = staff && mine && (!doc || EDITABLE_STATES.includes(doc.approvalState));
  const status = doc?.status ?? 'draft';
  const open = useApiQuery('costRequests.list', { mine: true, limit: 500, sort: [{ colId: 'number', sort: 'desc' }] }, { enabled: editable });
  const requests = (open.data?.rows ?? []).filter((r) => r.status === 'open' || r.status === 'partly_claimed');
  const linked = requests.find((r) => r.id === head.requestId) ?? (request && request.id === head.requestId ? request : null);
  const remaining = linked ? linked.remaining : null;

  const a = useDocumentActions({
    docType: 'claim',
    doc,
    editable,
    reload,
    setIssues,
    write: () => {
      const input = inputOf();
      if (!input) return null;
      return doc ? call('claims.update', { ...input, id: doc.id, version: doc.version }) : call('claims.create', input);
    },
  });
  const { dirty, setDirty, message, setMessage, busy, act, setAct, done } = a;

  const setH = (patch: Partial<ClaimHead>) => {
    setHead((h) => ({ ...h, ...patch }));
    setDirty(true);
  };
  const setLines = (r: LineRow[]) => {
    setRows(r);
    setDirty(true);
  };

  const inputOf = (): Input<'claims.create'> | null => {
    const found: Record<string, string> = {};
    if (!head.title.trim()) found.title = 'v.required';
    if (head.requestId === null) {
      if (!head.partnerId) found.partnerId = 'v.required';
      if (!head.costTypeId) found.costTypeId = 'v.required';
    }
    const l = linesInput(rows);
    setIssues(found);
    if (l.bad > 0) {
      setMessage({ kind: 'error', text: t('docs.claim.linesInvalid', { count: l.bad }) });
      return null;
    }
    if (l.lines.length === 0 || l.missing > 0) {
      setMessage({ kind: 'error', text: t('docs.claim.noLines') });
      return null;
    }
    if (Object.keys(found).length > 0) {
      setMessage({ kind: 'error', text: t('errors.validation') });
      return null;
    }
    return {
      requestId: head.requestId,
      ...(head.requestId === null
        ? { partnerId: head.partnerId!, orgUnitId: head.orgUnitId ?? undefined, channelTypeId: head.channelTypeId ?? undefined, costTypeId: head.costTypeId!, activityStart: head.activityStart, activityEnd: head.activityEnd }
        : {}),
      title: head.title.trim(),
      description: head.description.trim(),
      lines: l.lines,
    };
  };

  const flags = doc?.flags;
  const needsReason = !!flags && (flags.duplicateInvoice || flags.duplicateFile);
  const submit = (duplicateReason: string) => a.submitWith((current) => call('claims.submit', { id: current.id, version: current.version, duplicateReason }));

  const canWithdraw = !!doc && mine && doc.approvalState === 'submitted';
  const canCancel = !!doc && mine && staff && EDITABLE_STATES.includes(doc.approvalState);
  const canPay = !!doc && user.role === 'finance' && (status === 'unpaid' || status === 'partly_paid');

  return (
    <div className="page doc-page" data-testid="claim-page">
      <div className="doc-head">
        <Link href="/claims" className="muted">
          ← {t('docs.nav.claims')}
        </Link>
        <h2 data-testid="doc-number">{doc ? t('docs.claim.title', { number: doc.number }) : t('docs.claim.new')}</h2>
        <DocStatus status={status} />
        <Flags flags={flags} />
        {dirty && <span className="badge">{t('docs.act.unsaved')}</span>}
        <span style={{ flex: 1 }} />
        {editable && (
          <button type="button" disabled={busy} onClick={() => void a.saveAndShow()} title={t('common.shortcut', { keys: 'Ctrl+S' })} data-testid="doc-save">
            {t('docs.act.save')}
          </button>
        )}
        {editable && (
          <button type="button" className="primary" disabled={busy} onClick={() => setAct('submit')} data-testid="doc-submit">
            {t('docs.act.submit')}
          </button>
        )}
        {canWithdraw && (
          <button type="button" onClick={() => setAct('withdraw')} data-testid="doc-withdraw">
            {t('docs.act.withdraw')}
          </button>
        )}
        {canPay && (
          <button type="button" className="primary" onClick={() => setAct('pay')} data-testid="doc-pay">
            {t('docs.list.pay')}
          </button>
        )}
        {canCancel && (
          <button type="button" className="danger" onClick={() => setAct('cancel')} data-testid="doc-cancel">
            {t('docs.act.cancel')}
          </button>
        )}
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {doc?.duplicateReason && (
        <div className="banner warn">
          {t('docs.claim.duplicateReason')}: {doc.duplicateReason}
        </div>
      )}
      <div className="doc-body">
        <div className="doc-main">
          <section className="panel">
            <ClaimForm head={head} set={setH} issues={issues} lk={lk} disabled={!editable} requests={requests} remaining={remaining} />
          </section>
          <section className="panel">
            <h3>
              {t('docs.claim.lines')}
              <span className="spacer" />
              <span className="num" data-testid="lines-total">
                {money(linesTotal(rows))}
              </span>
            </h3>
            {editable && <p className="hint">{t('docs.claim.pasteHint')}</p>}
            <LinesGrid rows={rows} onChange={setLines} readOnly={!editable} />
          </section>
          <Attachments docType="claim" docId={doc?.id ?? null} items={doc?.attachments ?? []} canEdit={editable} onChanged={reload} />
          {doc && <DocHistory docType="claim" docId={doc.id} />}
        </div>
        <div className="doc-side">
          {doc && (
            <section className="panel">
              <h3>{t('docs.field.status')}</h3>
              <dl className="figures">
                <dt>{t('docs.field.claimAmount')}</dt>
                <dd data-testid="claim-amount">{money(doc.amount)}</dd>
                <dt>{t('docs.field.approvedAmount')}</dt>
                <dd>{doc.approvedAmount === null ? '—' : money(doc.approvedAmount)}</dd>
                <dt>{t('docs.field.paidAmount')}</dt>
                <dd data-testid="claim-paid">{money(doc.paidAmount)}</dd>
                <dt>{t('docs.field.due')}</dt>
                <dd>{doc.due}</dd>
                <dt>{t('docs.field.owner')}</dt>
                <dd>{doc.ownerName}</dd>
                {doc.requestNumber && (
                  <>
                    <dt>{t('docs.field.request')}</dt>
                    <dd>
                      <Link href={`/requests/${doc.requestId}`}>{doc.requestNumber}</Link>
                    </dd>
                  </>
                )}
              </dl>
            </section>
          )}
          {doc && <DocProgress docType="claim" docId={doc.id} />}
          {doc && doc.payments.length > 0 && (
            <section className="panel" data-testid="payments">
              <h3>{t('docs.pay.list')}</h3>
              <table className="mini-table">
                <tbody>
                  {doc.payments.map((p) => (
                    <tr key={p.id}>
                      <td>{p.paidOn}</td>
                      <td>{t(`docs.pay.methods.${p.method}`)}</td>
                      <td>{p.reference}</td>
                      <td className="num">{money(p.amount)}</td>
                      <td title={dateTime(p.createdAt)}>{p.createdByName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </div>
      </div>
      {act === 'submit' &&
        (needsReason ? (
          <ReasonDialog
            title={`${t('docs.act.submit')} · ${doc?.number ?? ''}`}
            text={t('docs.claim.duplicateReasonAsk')}
            label={t('docs.claim.duplicateReason')}
            required
            confirmLabel={t('docs.act.submit')}
            onConfirm={submit}
            onClose={a.close}
          />
        ) : (
          <ConfirmDialog
            title={t('docs.act.submit')}
            text={t('docs.act.confirmSubmit', { number: doc?.number ?? '' })}
            confirmLabel={t('docs.act.submit')}
            onConfirm={() => submit('')}
            onClose={a.close}
          />
        ))}
      {a.dialogs}
      {act === 'pay' && doc && (
        <PayDialog
          claim={doc}
          onClose={a.close}
          onPaid={(c) => {
            setAct(null);
            done('pay', c.number);
          }}
        />
      )}
    </div>
  );
}
