import { useState } from 'react';
import type { BudgetTransfer } from '@shared/api/areas/budgets';
import { canTransition, type ApprovalAction } from '@shared/domain/approval';
import { call } from '../../../api/client';
import { useSession } from '../../../app/session';
import { useTranslation } from '../../../i18n';
import { HistoryDialog } from '../HistoryDialog';
import { ReasonDialog } from '../ReasonDialog';

/**
 * The selected transfer's next steps, by state and role: submit or cancel a draft, approve,
 * reject or return a submitted one (another finance user; the core refuses the submitter and a
 * source that can no longer give the amount, and the dialog shows why), and its history.
 */
export function TransferActions({ row, onDone }: { row: BudgetTransfer | null; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [act, setAct] = useState<ApprovalAction | null>(null);
  const [history, setHistory] = useState(false);
  if (!row) return null;
  const can = (a: ApprovalAction) => user.role === 'finance' && canTransition(row.state, a);
  const required = act === 'reject' || act === 'return';
  const button = (a: ApprovalAction, primary = false) =>
    can(a) && (
      <button type="button" className={primary ? 'primary' : undefined} onClick={() => setAct(a)} data-testid={`transfer-${a}`}>
        {t(`budgets.act.${a}`)}
      </button>
    );
  return (
    <>
      {button('submit', true)}
      {button('approve', true)}
      {button('reject')}
      {button('return')}
      {button('cancel')}
      <button type="button" onClick={() => setHistory(true)} data-testid="transfer-history">
        {t('budgets.act.history')}
      </button>
      {act && (
        <ReasonDialog
          title={`${t(`budgets.act.${act}`)} · ${row.number}`}
          label={required ? t('budgets.act.reason') : t('budgets.act.comment')}
          required={required}
          danger={act === 'reject' || act === 'cancel'}
          confirmLabel={t(`budgets.act.${act}`)}
          onConfirm={async (comment) => {
            await call(`budgetTransfers.${act}`, { id: row.id, version: row.version, comment });
            onDone(t(`budgets.act.done.${act}`, { version: row.number }));
          }}
          onClose={() => setAct(null)}
        />
      )}
      {history && <HistoryDialog documentType="budget_transfer" documentId={row.id} doc={row.number} onClose={() => setHistory(false)} />}
    </>
  );
}
