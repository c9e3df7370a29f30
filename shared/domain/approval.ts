/**
 * Document states shared by every approvable document (budget versions and transfers now; cost
 * requests and claims later). A document stores only its `approval_state` (plus who submitted and
 * who decided); the steps of a configurable approval route, when that exists, live in the route's
 * own tables keyed by (document type, document id), so the route engine can take over these
 * documents without a data migration: it decides *who* may act, these transitions stay the same.
 */
export const APPROVAL_STATES = ['draft', 'submitted', 'approved', 'rejected', 'returned', 'cancelled'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_ACTIONS = ['submit', 'approve', 'reject', 'return', 'cancel'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];
/** The route engine's actions: the budget documents' five and the submitter's withdrawal (撤回). */
export type WorkflowAction = ApprovalAction | 'withdraw';

/** Actions recorded in the history besides the state transitions. */
export type HistoryAction = WorkflowAction | 'create' | 'comment' | 'step_approve' | 'forward' | 'escalate' | 'confirm_warn' | 'close' | 'expire' | 'pay' | 'handover';

export const DOCUMENT_TYPES = ['budget_version', 'budget_transfer', 'cost_request', 'claim'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const TRANSITIONS: Record<WorkflowAction, { from: readonly ApprovalState[]; to: ApprovalState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  return: { from: ['submitted'], to: 'returned' },
  cancel: { from: ['draft', 'returned'], to: 'cancelled' },
  /** the submitter takes it back before the first decision (撤回) */
  withdraw: { from: ['submitted'], to: 'draft' },
};

/** States in which the author may still edit the document. */
export const EDITABLE_STATES: readonly ApprovalState[] = ['draft', 'returned'];
/** States of a document that is not finished yet. */
export const OPEN_STATES: readonly ApprovalState[] = ['draft', 'submitted', 'returned'];
/** Actions that need a reason (the spec: "reject (reason required)"; a return says what to fix). */
export const REASON_REQUIRED: readonly ApprovalAction[] = ['reject', 'return'];

export function canTransition(state: ApprovalState, action: WorkflowAction): boolean {
  return TRANSITIONS[action].from.includes(state);
}
