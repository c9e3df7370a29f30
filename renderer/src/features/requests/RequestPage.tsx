import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import type { CostRequest } from '@shared/api/areas/documents';
import { EDITABLE_STATES } from '@shared/domain/approval';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useLeaveGuard } from '../../app/leaveGuard';
import { useSession } from '../../app/session';
import { useDebounced } from '../../grid/useDebounced';
import { errorText, fieldIssues, useTranslation } from '../../i18n';
import { Banner, messageText, type Message } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useBudgetLookups } from '../budgets/lookups';
import { Attachments } from '../claims/Attachments';
import { BudgetBox } from './common/BudgetBox';
import { DocStatus, Flags } from './common/DocStatus';
import { DocHistory } from './common/HistoryTable';
import { DocProgress } from './common/ProgressView';
import { ReasonDialog } from './common/ReasonDialog';
import './common/docs.css';
import { draftOf, emptyDraft, inputOf, previewInputOf, todayIso, type RequestDraft } from './draft';
import { PromisesEditor, RequestForm } from './RequestForm';
import { setFlash, takeFlash, useDocInvalidate } from './useDocActions';

type Act = 'submit' | 'cancel' | 'close' | 'withdraw' | null;

/**
 * One cost request: the form (a draft or returned request by its owner; read-only otherwise), the
 * live budget box, the post-hoc hint, the actions its state allows (save Ctrl+S, submit, withdraw,
 * cancel, close, claim), its route progress and history.
 */
export function RequestPage() {
  const params = useParams<{ id: string }>();
  const id = params.id === 'new' ? null : Number(params.id);
  const q = useApiQuery('costRequests.get', { id: id ?? 0 }, { enabled: id !== null });
  if (id !== null && !q.data) {
    return <div className="page">{q.error ? <Banner message={{ kind: 'error', text: errorText(q.error) }} /> : <div className="muted pad">…</div>}</div>;
  }
  return <RequestEditor key={`${id ?? 'new'}:${q.data?.version ?? 0}`} doc={q.data ?? null} reload={() => void q.refetch()} />;
}

function RequestEditor({ doc, reload }: { doc: CostRequest | null; reload: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const lk = useBudgetLookups();
  const invalidate = useDocInvalidate();
  const [draft, setDraft] = useState<RequestDraft>(() => (doc ? draftOf(doc) : emptyDraft(todayIso())));
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(takeFlash);
  const [busy, setBusy] = useState(false);
  const [act, setAct] = useState<Act>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  useLeaveGuard(dirty, (proceed) => setLeaving(() => proceed));
  const set = (patch: Partial<RequestDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };

  const mine = !doc || doc.ownerUserId === user.id || doc.createdBy === user.id;
  const staff = user.role === 'channel_staff' || user.role === 'admin';
  const editable = staff && mine && (!doc || EDITABLE_STATES.includes(doc.approvalState));
  const status = doc?.status ?? 'draft';

  const debounced = useDebounced(draft, 300);
  const previewInput = useMemo(() => previewInputOf(debounced, doc?.id), [debounced, doc?.id]);
  const preview = useApiQuery('costRequests.budgetPreview', previewInput ?? ({} as never), { enabled: !!previewInput && (editable || doc?.approvalState === 'submitted'), placeholderData: keepPreviousData });
  const parsed = inputOf(draft);
  const amount = parsed.input?.amount ?? 0;
  const postHoc = doc ? doc.postHoc : draft.activityStart < todayIso();

  const save = async (): Promise<CostRequest | null> => {
    const { input, issues: found } = inputOf(draft);
    setIssues(found);
    if (!input) {
      setMessage({ kind: 'error', text: t('errors.validation') });
      return null;
    }
    setBusy(true);
    setMessage(null);
    try {
      const saved = doc ? await call('costRequests.update', { ...input, id: doc.id, version: doc.version }) : await call('costRequests.create', input);
      setDirty(false);
      void invalidate();
      return saved;
    } catch (e) {
      setIssues(fieldIssues(e));
      setMessage({ kind: 'error', text: errorText(e) });
      const code = (e as { code?: string }).code;
      if (doc && (code === 'conflict' || code === 'stale')) {
        setFlash(t('wf.queue.conflict', { number: doc.number }), 'warn');
        reload();
      }
      return null;
    } finally {
      setBusy(false);
    }
  };
  const saveAndShow = async () => {
    const saved = await save();
    if (!saved) return;
    const text = t(doc ? 'docs.act.done.save' : 'docs.act.done.create', { number: saved.number });
    setFlash(text);
    setMessage({ kind: 'ok', text });
    if (!doc) navigate(`/requests/${saved.id}`, { replace: true });
    else reload();
  };
  const saveRef = useRef(saveAndShow);
  saveRef.current = saveAndShow;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        if (editable) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable]);

  const done = (key: string, number: string) => {
    const text = t(`docs.act.done.${key}`, { number });
    setFlash(text);
    setMessage({ kind: 'ok', text });
    void invalidate();
    reload();
  };

  const submit = async () => {
    let current = doc;
    if (!current || dirty) current = await save();
    if (!current) throw new Error(message ? messageText(message) : t('errors.validation'));
    const r = await call('costRequests.submit', { id: current.id, version: current.version });
    if (!doc) navigate(`/requests/${r.id}`, { replace: true });
    done('submit', r.number);
  };

  const canSubmit = editable && staff;
  const canWithdraw = !!doc && mine && doc.approvalState === 'submitted';
  const canCancel = !!doc && mine && (EDITABLE_STATES.includes(doc.approvalState) || (status === 'open' && doc.claimedAmount === 0));
  const canClose = !!doc && (mine || user.role === 'finance') && (status === 'open' || status === 'partly_claimed');
  const canClaim = !!doc && staff && (status === 'open' || status === 'partly_claimed');

  return (
    <div className="page doc-page" data-testid="request-page">
      <div className="doc-head">
        <Link href="/requests" className="muted">
          ← {t('docs.nav.requests')}
        </Link>
        <h2 data-testid="doc-number">{doc ? t('docs.request.title', { number: doc.number }) : t('docs.request.new')}</h2>
        <DocStatus status={status} />
        <Flags flags={{ postHoc, overdue: doc?.overdue }} />
        {dirty && <span className="badge">{t('docs.act.unsaved')}</span>}
        <span className="spacer" style={{ flex: 1 }} />
        {editable && (
          <button type="button" disabled={busy} onClick={() => void saveAndShow()} title={t('common.shortcut', { keys: 'Ctrl+S' })} data-testid="doc-save">
            {t('docs.act.save')}
          </button>
        )}
        {canSubmit && (
          <button type="button" className="primary" disabled={busy} onClick={() => setAct('submit')} data-testid="doc-submit">
            {t('docs.act.submit')}
          </button>
        )}
        {canWithdraw && (
          <button type="button" onClick={() => setAct('withdraw')} data-testid="doc-withdraw">
            {t('docs.act.withdraw')}
          </button>
        )}
        {canClaim && (
          <button type="button" className="primary" onClick={() => navigate(`/claims/from/${doc.id}`)} data-testid="doc-claim">
            {t('docs.act.claim')}
          </button>
        )}
        {canClose && (
          <button type="button" onClick={() => setAct('close')} data-testid="doc-close">
            {t('docs.act.close')}
          </button>
        )}
        {canCancel && (
          <button type="button" className="danger" onClick={() => setAct('cancel')} data-testid="doc-cancel">
            {t('docs.act.cancel')}
          </button>
        )}
      </div>
      <Banner message={message} onClose={() => setMessage(null)} testId="page-message" />
      {postHoc && editable && <div className="banner warn">{t('docs.request.postHocHint')}</div>}
      {doc && doc.overdue && <div className="banner warn">{t('docs.request.overdue', { days: doc.overdueDays })}</div>}
      <div className="doc-body">
        <div className="doc-main">
          <section className="panel">
            {!editable && doc && <p className="hint">{t('docs.request.readOnly')}</p>}
            <RequestForm draft={draft} set={set} issues={issues} lk={lk} disabled={!editable} />
            {doc && (
              <dl className="figures" style={{ maxWidth: 420 }}>
                <dt>{t('docs.field.owner')}</dt>
                <dd>{doc.ownerName}</dd>
                <dt>{t('docs.field.claimDue')}</dt>
                <dd>{doc.claimDue}</dd>
                <dt>{t('docs.field.claimed')}</dt>
                <dd>{moneyText(doc.claimedAmount)}</dd>
                <dt>{t('docs.field.remaining')}</dt>
                <dd>{moneyText(doc.remaining)}</dd>
              </dl>
            )}
          </section>
          <PromisesEditor draft={draft} set={set} issues={issues} disabled={!editable} />
          {doc && <Attachments docType="cost_request" docId={doc.id} items={doc.attachments} canEdit={editable} onChanged={reload} />}
          {doc && <DocHistory docType="cost_request" docId={doc.id} />}
        </div>
        <div className="doc-side">
          <BudgetBox
            preview={previewInput ? preview.data : null}
            amount={amount}
            loading={preview.isFetching}
            error={preview.error}
            idle={!previewInput || (!editable && doc?.approvalState !== 'submitted')}
          />
          {doc && <DocProgress docType="cost_request" docId={doc.id} />}
        </div>
      </div>
      {act === 'submit' && (
        <ConfirmDialog
          title={t('docs.act.submit')}
          text={t('docs.act.confirmSubmit', { number: doc?.number ?? '' })}
          confirmLabel={t('docs.act.submit')}
          onConfirm={submit}
          onClose={() => setAct(null)}
        />
      )}
      {leaving && (
        <ConfirmDialog
          title={t('docs.act.unsaved')}
          text={t('docs.act.leaveText')}
          confirmLabel={t('docs.act.leave')}
          danger
          onConfirm={async () => {
            setDirty(false);
            leaving();
          }}
          onClose={() => setLeaving(null)}
        />
      )}
      {act === 'withdraw' && doc && (
        <ReasonDialog
          title={`${t('docs.act.withdraw')} · ${doc.number}`}
          label={t('docs.act.commentWithdraw')}
          confirmLabel={t('docs.act.withdraw')}
          onConfirm={async (comment) => {
            await call('approvals.withdraw', { docType: 'cost_request', docId: doc.id, version: doc.version, comment });
            done('withdraw', doc.number);
          }}
          onClose={() => setAct(null)}
        />
      )}
      {act === 'cancel' && doc && (
        <ReasonDialog
          title={`${t('docs.act.cancel')} · ${doc.number}`}
          label={t('docs.act.reasonCancel')}
          required
          danger
          confirmLabel={t('docs.act.cancel')}
          onConfirm={async (comment) => {
            await call('costRequests.cancel', { id: doc.id, version: doc.version, comment });
            done('cancel', doc.number);
          }}
          onClose={() => setAct(null)}
        />
      )}
      {act === 'close' && doc && (
        <ReasonDialog
          title={`${t('docs.act.close')} · ${doc.number}`}
          text={t('docs.act.confirmClose', { number: doc.number })}
          label={t('docs.act.commentClose')}
          confirmLabel={t('docs.act.close')}
          onConfirm={async (comment) => {
            await call('costRequests.close', { id: doc.id, version: doc.version, comment });
            done('close', doc.number);
          }}
          onClose={() => setAct(null)}
        />
      )}
    </div>
  );
}

const moneyText = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
