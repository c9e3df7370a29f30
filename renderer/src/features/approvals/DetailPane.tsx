import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { DocumentDetail } from '@shared/api/areas/workflow';
import { dateTime, date, money } from '../../format';
import { useTranslation } from '../../i18n';
import { BudgetBox } from '../requests/common/BudgetBox';
import { DocStatus, Flags } from '../requests/common/DocStatus';
import { HistoryTable } from '../requests/common/HistoryTable';
import { ProgressSteps } from '../requests/common/ProgressView';
import { Attachments } from '../claims/Attachments';

export type ReasonMode = 'reject' | 'return' | 'comment' | 'forward';
export interface DetailPaneHandle {
  ask(mode: ReasonMode): void;
}

const docPath = (d: DocumentDetail) => (d.docType === 'cost_request' ? `/requests/${d.docId}` : d.docType === 'claim' ? `/claims/${d.docId}` : d.docType === 'budget_transfer' ? '/budgets/transfers' : '/budgets/plan');
const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(1)}%`);

/**
 * The document beside the queue: its head and fields, flags, the budget line before → after,
 * invoice lines and attachments, the partner's last 12 months, route progress and history; the
 * actions the caller may take, each with its shortcut; reject / return / comment / forward open
 * a reason box that takes the focus (Ctrl+Enter sends, Escape goes back to the queue).
 */
export const DetailPane = forwardRef<
  DetailPaneHandle,
  {
    detail: DocumentDetail | undefined;
    loading: boolean;
    busy: boolean;
    forwardTargets: { id: number; name: string }[];
    onAct: (action: 'approve' | ReasonMode, comment: string, toUserId?: number) => void;
    onBack: () => void;
  }
>(function DetailPane(p, ref) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ReasonMode | null>(null);
  const [text, setText] = useState('');
  const [toUser, setToUser] = useState<number | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({
    ask(m) {
      setMode(m);
      setText('');
      setTimeout(() => box.current?.focus(), 0);
    },
  }));
  const d = p.detail;
  if (!d) return <aside className="detail-pane panel hint">{p.loading ? t('common.loading') : t('wf.queue.detailEmpty')}</aside>;
  const need = mode === 'reject' || mode === 'return' || mode === 'forward';
  const send = () => {
    if (!mode || (need && !text.trim()) || (mode === 'forward' && !toUser)) return;
    p.onAct(mode, text.trim(), toUser ?? undefined);
    setMode(null);
  };
  const button = (a: 'approve' | ReasonMode, key: string, primary = false) =>
    d.can[a] && (
      <button
        type="button"
        className={primary ? 'primary' : a === 'reject' ? 'danger' : undefined}
        disabled={p.busy}
        title={key ? t('common.shortcut', { keys: key }) : undefined}
        data-testid={`act-${a}`}
        onClick={() => (a === 'approve' ? p.onAct('approve', '') : (setMode(a), setText(''), setTimeout(() => box.current?.focus(), 0)))}
      >
        {t(`wf.queue.${a}`)}
        {key ? ` (${key})` : ''}
      </button>
    );
  const path = docPath(d);
  return (
    <aside className="detail-pane" data-testid="detail-pane">
      <section className="panel">
        <h3>
          {path ? (
            <Link href={path} title={t('common.shortcut', { keys: 'Enter' })}>
              {d.number}
            </Link>
          ) : (
            d.number
          )}
          <DocStatus status={d.status} />
          <span className="spacer" />
          <span className="muted">{t(`docs.type.${d.docType}`)}</span>
        </h3>
        <div>{d.title}</div>
        <Flags flags={d.flags} extra={d.myTask?.forUser ? <span className="flag forUser">{t('wf.detail.forOther', { name: d.myTask.forUser.name })}</span> : undefined} />
        <dl className="figures">
          <dt>{t('wf.detail.requester')}</dt>
          <dd>{d.requester.name}</dd>
          <dt>{t('docs.field.orgUnit')}</dt>
          <dd>{d.orgUnitName}</dd>
          {d.partnerName && (
            <>
              <dt>{t('docs.field.partner')}</dt>
              <dd>{d.partnerName}</dd>
            </>
          )}
          <dt>{t('wf.queue.amount')}</dt>
          <dd className="strong">{money(d.amount)}</dd>
          {d.fields.map((f) => (
            <FieldRow key={f.key} f={f} />
          ))}
        </dl>
        <div className="detail-actions">
          {button('approve', 'A', true)}
          {button('reject', 'R')}
          {button('return', 'T')}
          {button('comment', '')}
          {button('forward', '')}
          {!d.can.approve && !d.can.reject && !d.can.return && <span className="hint">{t('wf.detail.nothing')}</span>}
        </div>
        {mode && (
          <div className="reason-box" data-testid="reason-box">
            <label className="field-label" htmlFor="reason-text">
              {t(`wf.queue.${mode}`)} · {need ? t('wf.queue.reason') : t('wf.queue.commentOptional')}
            </label>
            {mode === 'forward' && (
              <select value={toUser ?? ''} onChange={(e) => setToUser(Number(e.target.value) || null)} aria-label={t('wf.queue.forwardTo')}>
                <option value="">{t('wf.queue.forwardTo')}…</option>
                {p.forwardTargets.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
            <textarea
              id="reason-text"
              ref={box}
              rows={3}
              maxLength={500}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  send();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  e.stopPropagation();
                  setMode(null);
                  p.onBack();
                }
              }}
            />
            <div className="detail-actions">
              <button type="button" className={mode === 'reject' ? 'danger' : 'primary'} disabled={(need && !text.trim()) || (mode === 'forward' && !toUser) || p.busy} onClick={send} title={t('common.shortcut', { keys: 'Ctrl+Enter' })} data-testid="reason-send">
                {t(`wf.queue.${mode}`)}
              </button>
              <button type="button" onClick={() => (setMode(null), p.onBack())} title={t('common.shortcut', { keys: 'Esc' })}>
                {t('action.cancel')}
              </button>
              {need && !text.trim() && <span className="hint">{t('wf.queue.reasonRequired')}</span>}
            </div>
          </div>
        )}
      </section>
      {d.budget && <BudgetBox preview={d.budget} amount={d.amount} />}
      {d.lines.length > 0 && (
        <section className="panel">
          <h3>{t('wf.detail.lines')}</h3>
          <div className="mini-table-wrap">
            <table className="mini-table">
              <thead>
                <tr>
                  <th>{t('docs.claim.invoiceType')}</th>
                  <th>{t('docs.claim.invoiceNumber')}</th>
                  <th>{t('docs.claim.invoiceDate')}</th>
                  <th className="num">{t('docs.claim.lineAmount')}</th>
                  <th className="num">{t('docs.claim.tax')}</th>
                </tr>
              </thead>
              <tbody>
                {d.lines.map((l) => (
                  <tr key={l.id}>
                    <td>{t(`docs.invoice.${l.invoiceType}`)}</td>
                    <td className="num">
                      {l.invoiceCode ? `${l.invoiceCode} ` : ''}
                      {l.invoiceNumber}
                      {l.duplicates.length > 0 && <span className="flag duplicateInvoice"> {t('docs.claim.duplicateOf', { numbers: l.duplicates.map((x) => x.number).join('、') })}</span>}
                    </td>
                    <td className="num">{date(l.invoiceDate)}</td>
                    <td className="num">{money(l.amount)}</td>
                    <td className="num">{money(l.tax)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {d.attachments.length > 0 && <Attachments docType={d.docType === 'claim' ? 'claim' : 'cost_request'} docId={d.docId} items={d.attachments} canEdit={false} onChanged={() => undefined} />}
      {d.partnerYear && (
        <section className="panel">
          <h3>{t('wf.detail.partnerYear')}</h3>
          <div className="hint">
            {t('wf.detail.requests', { count: d.partnerYear.requests })} · {t('wf.detail.claims', { count: d.partnerYear.claims })} ·{' '}
            {t('wf.detail.rejection', { rate: pct(d.partnerYear.rejectionRateBp) })} · {t('wf.detail.spend', { amount: money(d.partnerYear.spend) })}
          </div>
        </section>
      )}
      <section className="panel">
        <h3>{t('wf.detail.progress')}</h3>
        <ProgressSteps progress={d.progress} />
      </section>
      <section className="panel">
        <h3>{t('wf.detail.history')}</h3>
        <HistoryTable rows={d.history} />
      </section>
    </aside>
  );
});

function FieldRow({ f }: { f: DocumentDetail['fields'][number] }) {
  const { t } = useTranslation();
  const v = f.value;
  const shown = v === null ? '—' : f.kind === 'money' && typeof v === 'number' ? money(v) : f.kind === 'date' && typeof v === 'string' ? date(v) : f.kind === 'bool' ? (v ? t('common.yes') : t('common.no')) : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? dateTime(v) : String(v);
  return (
    <>
      <dt>{t(`docs.field.${f.key}`, { defaultValue: f.key })}</dt>
      <dd>{shown}</dd>
    </>
  );
}
