import type { ApprovalState } from '../../domain/approval';
import type { ControlMode, ControlResult } from '../../domain/budget';

/** Output types of the requests / claims / payments area (SPEC §3). Money is integer fen. */

export const INVOICE_TYPES = ['e_invoice', 'vat_special', 'vat_general', 'receipt', 'none'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export const PAYMENT_METHODS = ['bank_transfer', 'offset', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const SETTLE_STATES = ['open', 'partly_claimed', 'closed', 'expired', 'cancelled'] as const;
export type SettleState = (typeof SETTLE_STATES)[number];
export const PAY_STATES = ['unpaid', 'partly_paid', 'paid'] as const;
export type PayState = (typeof PAY_STATES)[number];

/** What a request shows as its one status: its approval state, and after approval its life. */
export type RequestStatus = Exclude<ApprovalState, 'approved'> | SettleState;
/** A claim's one status: its approval state, and after approval its payment state. */
export type ClaimStatus = Exclude<ApprovalState, 'approved'> | PayState;

export interface PromiseRow {
  id: number;
  partnerId: number;
  requestId: number | null;
  ownerUserId: number;
  ownerName: string;
  text: string;
  amount: number;
  createdAt: string;
  active: boolean;
}

/** Names travel with the ids: whoever may see a document sees the names of the people and units on it. */
export interface DocumentHead {
  id: number;
  number: string;
  partnerId: number;
  partnerCode: string;
  partnerName: string;
  orgUnitId: number;
  orgUnitName: string;
  channelTypeId: number;
  costTypeId: number;
  costTypeName: string;
  title: string;
  description: string;
  activityStart: string;
  activityEnd: string;
  amount: number;
  approvalState: ApprovalState;
  lineId: number | null;
  createdBy: number;
  createdByName: string;
  ownerUserId: number;
  ownerName: string;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
}

export interface CostRequest extends DocumentHead {
  status: RequestStatus;
  settleState: SettleState | null;
  expectedRevenue: number;
  expectedSubscribers: number;
  postHoc: boolean;
  claimDue: string;
  claimedAmount: number;
  /** amount − claimed, for an approved request still open; else 0 */
  remaining: number;
  /** activity ended, not fully claimed, past its claim due date */
  overdue: boolean;
  /** days since the claim due date when overdue, else 0 */
  overdueDays: number;
  promises: PromiseRow[];
  /** the activity plan, quotes, photos … */
  attachments: Attachment[];
}

export type CostRequestRow = Omit<CostRequest, 'promises' | 'description' | 'attachments'>;

export interface ClaimLine {
  id: number;
  lineNo: number;
  invoiceType: InvoiceType;
  invoiceCode: string;
  invoiceNumber: string;
  invoiceDate: string | null;
  amount: number;
  tax: number;
  description: string;
  /** other claims (anywhere in the company) with the same invoice code + number */
  duplicates: { claimId: number; number: string }[];
}

export interface Attachment {
  id: number;
  docType: string;
  docId: number;
  name: string;
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  size: number;
  sha256: string;
  level: 'internal' | 'confidential';
  uploadedBy: number;
  uploadedByName: string;
  uploadedAt: string;
  /** the same file attached to another document */
  duplicates: { docType: string; docId: number; number: string }[];
}

export interface ClaimFlags {
  duplicateInvoice: boolean;
  duplicateFile: boolean;
  /** the claim exceeds what remains on its request (within the cost type's tolerance) */
  overRequest: boolean;
  overdue: boolean;
  postHoc: boolean;
  /** a proof is required (amount above the cost type's receipt threshold) and none is attached */
  missingProof: boolean;
}

export interface Claim extends DocumentHead {
  status: ClaimStatus;
  payState: PayState | null;
  requestId: number | null;
  requestNumber: string | null;
  due: string;
  duplicateReason: string;
  approvedAmount: number | null;
  approvedReason: string;
  paidAmount: number;
  flags: ClaimFlags;
  lines: ClaimLine[];
  attachments: Attachment[];
  payments: Payment[];
  /** the payee for treasury: the partner's bank (shown in full to finance and the partner's manager only) */
  payee: { name: string; bankName: string; bankAccount: string };
}

export type ClaimRow = Omit<Claim, 'lines' | 'attachments' | 'payments' | 'description' | 'payee'>;

export interface Payment {
  id: number;
  claimId: number;
  amount: number;
  method: PaymentMethod;
  reference: string;
  paidOn: string;
  createdBy: number;
  createdByName: string;
  createdAt: string;
}

/** One month of a document's budget line: the line's figures now and what the document would leave. */
export interface BudgetMonth {
  period: string;
  amount: number;
  allocated: number;
  committed: number;
  actual: number;
  available: number;
  availableAfter: number;
  limit: number;
  result: ControlResult;
}

/** The budget line a document draws on (the written rule in electron/core/documents/line.ts) and its figures. */
export interface BudgetPreview {
  line: { id: number; orgUnitId: number; orgUnitName: string; partnerId: number | null; control: ControlMode; toleranceBp: number } | null;
  /** no line anywhere up the tree: the key that is missing, for the message */
  missing: { orgUnitName: string; channelTypeName: string; costTypeName: string; periods: string[] } | null;
  months: BudgetMonth[];
  result: ControlResult;
  /** totals over the months */
  allocated: number;
  committed: number;
  actual: number;
  available: number;
  availableAfter: number;
}

export interface TimelinessRow {
  key: string;
  label: string;
  /** claims due in the period */
  due: number;
  /** of those, claims submitted by their due date */
  onTime: number;
  /** onTime ÷ due in basis points; null when nothing was due */
  rateBp: number | null;
}
