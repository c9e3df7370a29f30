import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import type { CostRequest } from '@shared/api/areas/documents';
import { EDITABLE_STATES } from '@shared/domain/approval';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';
import { useDebounced } from '../../grid/useDebounced';
import { errorText, useTranslation } from '../../i18n';
import { Banner } from '../../ui/Banner';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useBudgetLookups } from '../budgets/lookups';
import { Attachments } from '../claims/Attachments';
import { BudgetBox } from './common/BudgetBox';
import { DocStatus, Flags } from './common/DocStatus';
import { DocHistory } from './common/HistoryTable';
import { DocProgress } from './common/ProgressView';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useDocumentActions } from './common/useDocumentActions';
import './common/docs.css';
import { draftOf, emptyDraft, inputOf, previewInputOf, todayIso, type RequestDraft } from './draft';
import { PromisesEditor, RequestForm } from './RequestForm';

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
  const [draft, setDraft] = useState<RequestDraft>(() => (doc ? draftOf(doc) : emptyDraft(todayIso())));
  const [issues, setIssues] = useState<Record<string, string>>({});

  const mine = !doc || doc.ownerUserId === user.id || doc.createdBy === user.id;
  const staff = user.role === 'channel_staff' || user.role === 'admin';
  const editable = staff && mine && (!doc || EDITABLE_STATES.includes(doc.approvalState));
  const status = doc?.status ?? 'draft';
  const a = useDocumentActions({
    docType: 'cost_request',
    doc,
    editable,
    reload,
    setIssues,
    write: () => {
      const { input, issues: found } = inputOf(draft);
      setIssues(found);
      if (!input) {
        a.setMessage({ kind: 'error', text: t('errors.validation') });
        return null;
      }
      return doc ? call('costRequests.update', { ...input, id: doc.id, version: doc.version }) : call('costRequests.create', input);
    },
  });
  const { dirty, message, setMessage, busy, act, setAct, done } = a;
  const set = (patch: Partial<RequestDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    a.setDirty(true);
  };

  const debounced = useDebounced(draft, 300);
  const previewInput = useMemo(() => previewInputOf(debounced, doc?.id), [debounced, doc?.id]);
  const preview = useApiQuery('costRequests.budgetPreview', previewInput ?? ({} as never), { enabled: !!previewInput && (editable || doc?.approvalState === 'submitted'), placeholderData: keepPreviousData });
  const parsed = inputOf(draft);
  const amount = parsed.input?.amount ?? 0;
  const postHoc = doc ? doc.postHoc : draft.activityStart < todayIso();
  const submit = () => a.submitWith((current) => call('costRequests.submit', { id: current.id, version: current.version }));

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
          <button type="button" disabled={busy} onClick={() => void a.saveAndShow()} title={t('common.shortcut', { keys: 'Ctrl+S' })} data-testid="doc-save">
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
          onClose={a.close}
        />
      )}
      {a.dialogs}
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
          onClose={a.close}
        />
      )}
    </div>
  );
}

const moneyText = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
