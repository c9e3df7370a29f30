import { useState } from 'react';
import type { BudgetTransfer } from '@shared/api/areas/budgets';
import { canTransition, EDITABLE_STATES, type ApprovalAction } from '@shared/domain/approval';
import { useBudgetApproval } from '../useBudgetApproval';
import { call } from '../../../api/client';
import { useSession } from '../../../app/session';
import { useTranslation } from '../../../i18n';
import { HistoryDialog } from '../HistoryDialog';
import { ReasonDialog } from '../ReasonDialog';

/**
 * The selected transfer's next steps: edit, submit or delete a draft (or a returned one) — its
 * author; approve, reject or return a submitted one — whoever the approval engine says has it
 * waiting (never the submitter), through the same calls as the approver's queue; withdraw before
 * the first decision; and its history. A refusal (e.g. a source that can no longer give the
 * amount) is shown in the dialog. "Delete" of a draft that was never submitted voids it: documents and
 * their hash-chained history are never removed, so the list hides such drafts instead (the page's
 * "show deleted drafts"). Once submitted, the same action is "Void".
 */
type Act = ApprovalAction | 'withdraw';

export const isDeletedDraft = (x: BudgetTransfer) => x.state === 'cancelled' && x.submittedAt === null;

export function TransferActions({ row, onDone, onEdit }: { row: BudgetTransfer | null; onDone: (text: string) => void; onEdit: (x: BudgetTransfer) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [act, setAct] = useState<Act | null>(null);
  const [history, setHistory] = useState(false);
  const engine = useBudgetApproval('budget_transfer', row);
  if (!row) return null;
  const can = (a: Act) =>
    a === 'submit' ? engine.canSubmit : a === 'withdraw' ? engine.canWithdraw : a === 'cancel' ? user.role === 'finance' && canTransition(row.state, a) : engine.canDecide;
  const required = act === 'reject' || act === 'return';
  const neverSubmitted = row.submittedAt === null;
  const label = (a: Act) => (a === 'cancel' && neverSubmitted ? t('budgets.transfer.deleteDraft') : t(`budgets.act.${a}`));
  const button = (a: Act, primary = false) =>
    can(a) && (
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => setAct(a)} data-testid={`transfer-${a}`}>
        {label(a)}
      </button>
    );
  return (
    <>
      {user.role === 'finance' && EDITABLE_STATES.includes(row.state) && (
        <button type="button" onClick={() => onEdit(row)} data-testid="transfer-edit">
          {t('budgets.transfer.edit')}
        </button>
      )}
      {button('submit', true)}
      {button('approve', true)}
      {button('reject')}
      {button('return')}
      {button('withdraw')}
      {button('cancel')}
      <button type="button" onClick={() => setHistory(true)} data-testid="transfer-history">
        {t('budgets.act.history')}
      </button>
      {act && (
        <ReasonDialog
          title={`${label(act)} · ${row.number}`}
          label={required ? t('budgets.act.reason') : t('budgets.act.comment')}
          required={required}
          danger={act === 'reject' || act === 'cancel'}
          confirmLabel={label(act)}
          onConfirm={async (comment) => {
            if (act === 'submit' || act === 'cancel') await call(`budgetTransfers.${act}`, { id: row.id, version: row.version, comment });
            else await engine.decide(act, comment);
            onDone(act === 'cancel' && neverSubmitted ? t('budgets.transfer.deleted', { number: row.number }) : t(`budgets.act.done.${act}`, { version: row.number }));
          }}
          onClose={() => setAct(null)}
        />
      )}
      {history && <HistoryDialog documentType="budget_transfer" documentId={row.id} doc={row.number} onClose={() => setHistory(false)} />}
    </>
  );
}
