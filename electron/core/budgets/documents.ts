import { ApiError } from '../../../shared/api/errors';
import {
  canTransition, REASON_REQUIRED, TRANSITIONS, type ApprovalAction, type ApprovalState, type DocumentType,
} from '../../../shared/domain/approval';
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

const TABLES: Record<DocumentType, string> = { budget_version: 'budget_versions', budget_transfer: 'budget_transfers', cost_request: 'cost_requests', claim: 'claims' };

export function stale(id: number): ApiError {
  return new ApiError('stale', 'This document was changed by someone else; reload to see its current state', { id });
}

/**
 * The interim approval rule, in one place so the approval workflow can replace it: until routes
 * exist, a submitted budget document is decided by a finance user (the methods' role) who is not
 * the one who submitted it. A requester never approves their own document.
 */
export function assertMayDecide(ctx: AuthedCtx, doc: DocState): void {
  if (ctx.user.role !== 'finance') throw new ApiError('forbidden', 'Only finance decides budget documents', { role: ctx.user.role });
  if (doc.submittedBy === ctx.user.id) {
    throw new ApiError('self_approval', 'You submitted this document; another finance user must decide it', { id: doc.id });
  }
}

/**
 * Checks and applies one state transition of a document inside the caller's transaction:
 * the version the user saw, the allowed transition, a reason where one is required, who may
 * decide; then updates the row (guarded by version and state, so of two people acting at once
 * exactly one succeeds and the other gets `stale`) and appends to the history.
 */
export function applyTransition(
  ctx: AuthedCtx,
  type: DocumentType,
  doc: DocState,
  seenVersion: number,
  action: ApprovalAction,
  comment: string,
): ApprovalState {
  if (doc.version !== seenVersion) throw stale(doc.id);
  if (!canTransition(doc.approvalState, action)) {
    throw new ApiError('invalid_state', `Cannot ${action} a document that is ${doc.approvalState}`, { state: doc.approvalState, action });
  }
  if (REASON_REQUIRED.includes(action) && !comment.trim()) {
    throw new ApiError('validation', 'A reason is required', undefined, [{ path: 'comment', reason: 'v.required' }]);
  }
  if (action === 'approve' || action === 'reject' || action === 'return') assertMayDecide(ctx, doc);
  const to = TRANSITIONS[action].to;
  const now = isoNow(ctx);
  const who =
    action === 'submit'
      ? ', submitted_by = @user, submitted_at = @now'
      : action === 'cancel'
        ? ''
        : ', decided_by = @user, decided_at = @now';
  const res = stmt(
    dbOf(ctx),
    `UPDATE ${TABLES[type]} SET approval_state = @to, version = version + 1, updated_at = @now${who}
     WHERE id = @id AND version = @seen AND approval_state = @from`,
  ).run({ to, now, user: ctx.user.id, id: doc.id, seen: seenVersion, from: doc.approvalState });
  if (res.changes !== 1) throw stale(doc.id);
  appendHistory(ctx, { type, id: doc.id }, action, doc.approvalState, to, comment);
  return to;
}
