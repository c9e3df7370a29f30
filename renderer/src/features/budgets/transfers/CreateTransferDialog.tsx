import { useState } from 'react';
import type { BudgetTransfer } from '@shared/api/areas/budgets';
import { periodOf } from '@shared/domain/budget';
import { call } from '../../../api/client';
import { isInvalid, parseMoneyText } from '../../../grid/parse';
import { issueText, useTranslation } from '../../../i18n';
import { Banner, type Message } from '../../../ui/Banner';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/form';
import { budgetErrorText } from '../text';
import { CellPicker, type CellChoice } from './CellPicker';
import type { LineOption } from './useLines';

/**
 * A new transfer (调拨), saved as a draft: from one cell to another of the same plan, an amount
 * in yuan and a reason. The core refuses an amount the source cannot give without going below
 * what is already committed and spent, and says so.
 */
export function CreateTransferDialog(p: { year: number; lines: LineOption[]; onCreated: (t: BudgetTransfer) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const month = new Date().getMonth() + 1;
  const [from, setFrom] = useState<CellChoice>({ lineId: null, month });
  const [to, setTo] = useState<CellChoice>({ lineId: null, month });
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const fen = parseMoneyText(amount);
  const amountError = isInvalid(fen) ? issueText({ path: 'amount', reason: fen.reason }) : typeof fen === 'number' && fen <= 0 ? t('v.positive') : null;
  const ready = from.lineId !== null && to.lineId !== null && typeof fen === 'number' && fen > 0 && reason.trim() !== '';

  const submit = async () => {
    if (!ready || typeof fen !== 'number') return;
    setBusy(true);
    setMessage(null);
    try {
      const created = await call('budgetTransfers.create', {
        from: { lineId: from.lineId!, period: periodOf(p.year, from.month) },
        to: { lineId: to.lineId!, period: periodOf(p.year, to.month) },
        amount: fen,
        reason: reason.trim(),
      });
      p.onCreated(created);
    } catch (e) {
      setMessage({ kind: 'error', text: budgetErrorText(e) });
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('budgets.transfer.createTitle')} onClose={p.onClose} onSubmit={() => void submit()} submitDisabled={!ready} busy={busy} wide testId="create-transfer">
      <CellPicker name="from" label={t('budgets.transfer.from')} year={p.year} lines={p.lines} value={from} onChange={setFrom} />
      <CellPicker name="to" label={t('budgets.transfer.to')} year={p.year} lines={p.lines} value={to} onChange={setTo} />
      <div className="form-grid">
        <Field label={t('budgets.transfer.amountYuan')} error={amount ? (amountError ?? undefined) : undefined}>
          <input name="amount" value={amount} aria-invalid={!!amount && !!amountError} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label={t('budgets.transfer.reason')} wide>
          <textarea name="reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <Banner message={message} />
    </Dialog>
  );
}
