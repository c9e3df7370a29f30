import { useQueryClient } from '@tanstack/react-query';
import type { ApprovableType } from '@shared/api/areas/workflow';
import { canTransition, type ApprovalState } from '@shared/domain/approval';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../app/session';

export type BudgetDecision = 'approve' | 'reject' | 'return' | 'withdraw';

/**
 * What the caller may do with a budget version or transfer on its approval route, as the engine
 * says (approvals.detail's `can`: the submitter never sees Approve, a stand-in does) — and the
 * decisions through the same calls as the approver's queue (approvals.act / approvals.withdraw).
 * Submitting is the author's (budget*.submit, which starts the route); cancelling a draft stays
 * the budget method's.
 */
export function useBudgetApproval(docType: Extract<ApprovableType, 'budget_version' | 'budget_transfer'>, doc: { id: number; version: number; state: ApprovalState; createdBy: number } | null) {
  const { user } = useSession();
  const qc = useQueryClient();
  const detail = useApiQuery('approvals.detail', { docType, docId: doc?.id ?? 0 }, { enabled: !!doc && doc.state === 'submitted' });
  const can = doc?.state === 'submitted' && detail.data?.version === doc.version ? detail.data.can : null;
  return {
    canSubmit: !!doc && user.role === 'finance' && doc.createdBy === user.id && canTransition(doc.state, 'submit'),
    canDecide: !!can?.approve,
    canWithdraw: !!can?.withdraw,
    /** the task is someone else's that the caller stands in for */
    forUser: detail.data?.myTask?.forUser ?? null,
    async decide(action: BudgetDecision, comment: string) {
      if (!doc) return;
      if (action === 'withdraw') await call('approvals.withdraw', { docType, docId: doc.id, version: doc.version, comment });
      else await call('approvals.act', { docType, docId: doc.id, version: doc.version, action, comment });
      await qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('approvals') || String(q.queryKey[0]).startsWith('home') });
    },
  };
}
