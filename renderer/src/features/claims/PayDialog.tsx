import { useState } from 'react';
import type { Claim } from '@shared/api/areas/documents';
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/api/areas/documentTypes';
import { formatFenPlain } from '@shared/domain/money';
import { call } from '../../api/client';
import { money } from '../../format';
import { errorText, fieldIssues, issueText, useTranslation } from '../../i18n';
import { Banner, type Message } from '../../ui/Banner';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/form';
import { fenOf, todayIso } from '../requests/draft';
import { DateField } from '../../ui/DateField';

/**
 * Finance pays an approved claim, in part or in full. The first payment fixes the approved amount
 * (≤ claimed; a reason when lower); later payments pay what is left of it.
 */
export function PayDialog({ claim, onClose, onPaid }: { claim: Claim; onClose: () => void; onPaid: (c: Claim) => void }) {
  const { t } = useTranslation();
  const fixed = claim.approvedAmount !== null && claim.paidAmount > 0;
  const [approved, setApproved] = useState(formatFenPlain(claim.approvedAmount ?? claim.amount));
  const [reason, setReason] = useState(claim.approvedReason);
  const approvedFen = fixed ? claim.approvedAmount! : fenOf(approved);
  const approvedOk = typeof approvedFen === 'number' ? approvedFen : null;
  const left = approvedOk === null ? null : approvedOk - claim.paidAmount;
  const [amount, setAmount] = useState(formatFenPlain(Math.max(0, (claim.approvedAmount ?? claim.amount) - claim.paidAmount)));
  const [method, setMethod] = useState<PaymentMethod>('bank_transfer');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const amountFen = fenOf(amount);

  const local: Record<string, string> = {};
  if (!fixed) {
    if (approvedOk === null) local.approvedAmount = issueText({ path: 'approvedAmount', reason: typeof approvedFen === 'object' && approvedFen ? approvedFen.reason : 'v.required' });
    else if (approvedOk > claim.amount) local.approvedAmount = issueText({ path: 'approvedAmount', reason: 'v.too_big', params: { max: money(claim.amount) } });
    else if (approvedOk < claim.amount && !reason.trim()) local.approvedReason = t('docs.pay.reasonNeeded');
  }
  if (typeof amountFen !== 'number' || amountFen <= 0) local.amount = issueText({ path: 'amount', reason: typeof amountFen === 'object' && amountFen ? amountFen.reason : 'v.positive' });
  else if (left !== null && amountFen > left) local.amount = t('docs.pay.tooMuch', { amount: money(left) });
  const shown = { ...issues, ...local };

  return (
    <Dialog
      title={t('docs.pay.title', { number: claim.number })}
      onClose={onClose}
      submitLabel={t('docs.list.pay').replace('…', '')}
      submitDisabled={Object.keys(local).length > 0}
      busy={busy}
      wide
      testId="pay-dialog"
      onSubmit={() => {
        setBusy(true);
        setMessage(null);
        setIssues({});
        call('payments.create', {
          claimId: claim.id,
          version: claim.version,
          amount: amountFen as number,
          ...(fixed ? {} : { approvedAmount: approvedOk!, approvedReason: reason.trim() }),
          method,
          reference: reference.trim(),
          paidOn,
        }).then(onPaid, (e: unknown) => {
          setIssues(fieldIssues(e));
          setMessage({ kind: 'error', text: errorText(e) });
          setBusy(false);
        });
      }}
    >
      <dl className="figures" style={{ maxWidth: 380 }}>
        <dt>{t('docs.pay.payee')}</dt>
        <dd>
          {claim.payee.name} · {claim.payee.bankName} {claim.payee.bankAccount}
        </dd>
        <dt>{t('docs.pay.claimed')}</dt>
        <dd>{money(claim.amount)}</dd>
        <dt>{t('docs.pay.paidBefore')}</dt>
        <dd>{money(claim.paidAmount)}</dd>
        <dt>{t('docs.pay.remaining')}</dt>
        <dd className="strong">{left === null ? '' : money(left)}</dd>
      </dl>
      <div className="form-grid">
        {fixed ? (
          <p className="hint field wide">{t('docs.pay.fixed', { amount: money(claim.approvedAmount!) })}</p>
        ) : (
          <>
            <Field label={t('docs.pay.approved')} error={shown.approvedAmount}>
              <input name="approvedAmount" className="money-input" value={approved} onChange={(e) => setApproved(e.target.value)} aria-invalid={!!shown.approvedAmount} />
            </Field>
            <Field label={t('docs.pay.approvedReason')} error={shown.approvedReason}>
              <input name="approvedReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} aria-invalid={!!shown.approvedReason} />
            </Field>
          </>
        )}
        <Field label={t('docs.pay.amount')} error={shown.amount}>
          <input name="amount" className="money-input" value={amount} autoFocus onChange={(e) => setAmount(e.target.value)} aria-invalid={!!shown.amount} />
        </Field>
        <Field label={t('docs.pay.method')}>
          <select name="method" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)}>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`docs.pay.methods.${m}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('docs.pay.reference')} error={shown.reference}>
          <input name="reference" value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} />
        </Field>
        <Field label={t('docs.pay.paidOn')} error={shown.paidOn}>
          <DateField name="paidOn" value={paidOn} onChange={setPaidOn} />
        </Field>
      </div>
      <Banner message={message} />
    </Dialog>
  );
}
