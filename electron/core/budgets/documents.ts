import { ApiError } from '../../../shared/api/errors';
import { canTransition, type ApprovalState, type DocumentType } from '../../../shared/domain/approval';
import { isoNow, type AuthedCtx } from '../context';
import { appendHistory } from './history';
import { dbOf, stmt } from './sql';

/** The approval columns every approvable document table has (see db/schema/budgets.ts). */
export interface DocState {
  id: number;
  approvalState: ApprovalState;
  createdBy: number;
  submittedBy: number | null;
  version: number;
}

const TABLES: Record<'budget_version' | 'budget_transfer', string> = { budget_version: 'budget_versions', budget_transfer: 'budget_transfers' };

export function stale(id: number): ApiError {
  return new ApiError('stale', 'This document was changed by someone else; reload to see its current state', { id });
}

/**
 * Cancelling a budget document that is still a draft (or returned): the one transition of theirs
 * outside the approval engine. Submitting, approving, rejecting, returning and withdrawing go
 * through the engine (workflow/engine.ts) and its routes, like every approvable document — the
 * two-person rule is the default route of these types, not a rule of their own.
 */
export function cancelDocument(ctx: AuthedCtx, type: Extract<DocumentType, 'budget_version' | 'budget_transfer'>, doc: DocState, seenVersion: number, comment: string): void {
  if (doc.version !== seenVersion) throw stale(doc.id);
  if (!canTransition(doc.approvalState, 'cancel')) {
    throw new ApiError('invalid_state', `Cannot cancel a document that is ${doc.approvalState}`, { state: doc.approvalState, action: 'cancel' });
  }
  const now = isoNow(ctx);
  const res = stmt(dbOf(ctx), `UPDATE ${TABLES[type]} SET approval_state = 'cancelled', version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND approval_state = ?`).run(
    now, doc.id, seenVersion, doc.approvalState,
  );
  if (res.changes !== 1) throw stale(doc.id);
  appendHistory(ctx, { type, id: doc.id }, 'cancel', doc.approvalState, 'cancelled', comment);
}
