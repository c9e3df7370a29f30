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
 * A transfer (调拨) to create, or a draft (or returned) one to edit: from one cell to another of
 * the same plan, an amount in yuan and a reason. "Save" keeps a draft; "Save and submit" saves
 * and submits in one step (one transaction in the core). The months start at the current month.
 * The core refuses an amount the source cannot give without going below what is already committed
 * and spent, and the dialog says so.
 */
const monthOf = (period: string) => Number(period.slice(5, 7));
const yuanText = (fen: number) => (fen / 100).toFixed(2);

export function TransferDialog(p: { year: number; lines: LineOption[]; transfer?: BudgetTransfer; onSaved: (t: BudgetTransfer, submitted: boolean) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const x = p.transfer;
  const month = new Date().getMonth() + 1;
  const [from, setFrom] = useState<CellChoice>(x ? { lineId: x.fromLineId, month: monthOf(x.fromPeriod) } : { lineId: null, month });
  const [to, setTo] = useState<CellChoice>(x ? { lineId: x.toLineId, month: monthOf(x.toPeriod) } : { lineId: null, month });
  const [amount, setAmount] = useState(x ? yuanText(x.amount) : '');
  const [reason, setReason] = useState(x?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const fen = parseMoneyText(amount);
  const amountError = isInvalid(fen) ? issueText({ path: 'amount', reason: fen.reason }) : typeof fen === 'number' && fen <= 0 ? t('v.positive') : null;
  const ready = from.lineId !== null && to.lineId !== null && typeof fen === 'number' && fen > 0 && reason.trim() !== '';

  const save = async (submit: boolean) => {
    if (!ready || typeof fen !== 'number' || busy) return;
    setBusy(true);
    setMessage(null);
    const cells = {
      from: { lineId: from.lineId!, period: periodOf(p.year, from.month) },
      to: { lineId: to.lineId!, period: periodOf(p.year, to.month) },
      amount: fen,
      reason: reason.trim(),
      submit,
    };
    try {
      const saved = x ? await call('budgetTransfers.update', { id: x.id, version: x.version, ...cells }) : await call('budgetTransfers.create', cells);
      p.onSaved(saved, submit);
    } catch (e) {
      setMessage({ kind: 'error', text: budgetErrorText(e) });
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={x ? t('budgets.transfer.editTitle', { number: x.number }) : t('budgets.transfer.createTitle')}
      onClose={p.onClose}
      onSubmit={() => void save(false)}
      submitLabel={t('budgets.transfer.saveDraft')}
      submitDisabled={!ready}
      busy={busy}
      wide
      testId="create-transfer"
      extra={
        <button type="button" disabled={!ready || busy} onClick={() => void save(true)} data-testid="save-submit">
          {t('budgets.transfer.saveSubmit')}
        </button>
      }
    >
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
