import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { budgetLines } from './budgets';
import { channelTypes, costTypes, orgUnits, partners, users } from './master';

/**
 * Cost requests (费用申请), claims (费用核销) with their invoice lines, payments (付款), promises
 * made to partners (承诺) and proof attachments. Money is integer fen; dates 'YYYY-MM-DD';
 * timestamps ISO-8601 UTC. Budget money moves only through the ledger (budget_ledger), posted by
 * these documents inside the transaction of their state change, citing them as source/against.
 */
const APPROVAL_STATE_SQL = `'draft','submitted','approved','rejected','returned','cancelled'`;
const fen = (name: string) => integer(name).notNull().default(0);
const fenCk = (name: string, col: string, min = 0) => check(name, sql.raw(`typeof(${col}) = 'integer' and ${col} >= ${min}`));

/** who, when, which approval state; `version` for optimistic concurrency (every change names the version it saw) */
const documentColumns = {
  approvalState: text('approval_state', { enum: ['draft', 'submitted', 'approved', 'rejected', 'returned', 'cancelled'] }).notNull().default('draft'),
  /** the requester: never approves their own document */
  createdBy: integer('created_by').notNull().references(() => users.id),
  /** who looks after the document now (moves with a handover) */
  ownerUserId: integer('owner_user_id').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  submittedBy: integer('submitted_by').references(() => users.id),
  submittedAt: text('submitted_at'),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedAt: text('decided_at'),
  version: integer('version').notNull().default(0),
};

/** Document numbers per type and year (SQ-2027-000123); a number once taken is never reused. */
export const docSequences = sqliteTable(
  'doc_sequences',
  { prefix: text('prefix').notNull(), year: integer('year').notNull(), last: integer('last').notNull() },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

export const costRequests = sqliteTable(
  'cost_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    partnerId: integer('partner_id').notNull().references(() => partners.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
    channelTypeId: integer('channel_type_id').notNull().references(() => channelTypes.id),
    costTypeId: integer('cost_type_id').notNull().references(() => costTypes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    activityStart: text('activity_start').notNull(),
    activityEnd: text('activity_end').notNull(),
    amount: fen('amount'),
    expectedRevenue: fen('expected_revenue'),
    expectedSubscribers: integer('expected_subscribers').notNull().default(0),
    /** submitted after the activity started (事后补申请); set at submission */
    postHoc: integer('post_hoc', { mode: 'boolean' }).notNull().default(false),
    /** the budget line found at submission (and again at final approval) */
    lineId: integer('line_id').references(() => budgetLines.id),
    /** after approval: open → partly_claimed → closed; or expired, or cancelled (releases what it holds) */
    settleState: text('settle_state', { enum: ['open', 'partly_claimed', 'closed', 'expired', 'cancelled'] }),
    /** claims are due this day (activity end + the cost type's claim days) */
    claimDue: text('claim_due').notNull(),
    /** what approved claims have taken of it so far (fen) */
    claimedAmount: fen('claimed_amount'),
    ...documentColumns,
  },
  (t) => [
    uniqueIndex('cost_requests_number_uq').on(t.number),
    index('cost_requests_org_ix').on(t.orgUnitId, t.id),
    index('cost_requests_owner_ix').on(t.ownerUserId, t.id),
    index('cost_requests_partner_ix').on(t.partnerId, t.id),
    index('cost_requests_due_ix').on(t.settleState, t.claimDue),
    // analysis: approval cycle time per month of decision
    index('cost_requests_decided_ix').on(t.decidedAt),
    fenCk('cost_requests_amount_ck', 'amount', 1),
    fenCk('cost_requests_expected_ck', 'expected_revenue'),
    fenCk('cost_requests_claimed_ck', 'claimed_amount'),
    check('cost_requests_dates_ck', sql`${t.activityStart} <= ${t.activityEnd}`),
    check('cost_requests_state_ck', sql.raw(`approval_state in (${APPROVAL_STATE_SQL})`)),
    check('cost_requests_settle_ck', sql`${t.settleState} is null or ${t.approvalState} = 'approved'`),
  ],
);

/** What a manager promised a partner (承诺, seed 004): survives a handover between managers. */
export const promises = sqliteTable(
  'promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnerId: integer('partner_id').notNull().references(() => partners.id),
    requestId: integer('request_id').references(() => costRequests.id),
    ownerUserId: integer('owner_user_id').notNull().references(() => users.id),
    text: text('text').notNull(),
    amount: fen('amount'),
    createdAt: text('created_at').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('promises_request_ix').on(t.requestId), index('promises_owner_ix').on(t.ownerUserId), fenCk('promises_amount_ck', 'amount')],
);

export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    /** the request it settles; null for a stand-alone claim (cost types without pre-approval) */
    requestId: integer('request_id').references(() => costRequests.id),
    partnerId: integer('partner_id').notNull().references(() => partners.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
    channelTypeId: integer('channel_type_id').notNull().references(() => channelTypes.id),
    costTypeId: integer('cost_type_id').notNull().references(() => costTypes.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    activityStart: text('activity_start').notNull(),
    activityEnd: text('activity_end').notNull(),
    /** Σ lines (incl. tax), kept with the lines in one transaction */
    amount: fen('amount'),
    due: text('due').notNull(),
    lineId: integer('line_id').references(() => budgetLines.id),
    /** the written reason for submitting although an invoice or file is a duplicate */
    duplicateReason: text('duplicate_reason').notNull().default(''),
    /** finance: what will be paid (≤ amount), with a reason when lower; set at the first payment */
    approvedAmount: integer('approved_amount'),
    approvedReason: text('approved_reason').notNull().default(''),
    paidAmount: fen('paid_amount'),
    payState: text('pay_state', { enum: ['unpaid', 'partly_paid', 'paid'] }),
    ...documentColumns,
  },
  (t) => [
    uniqueIndex('claims_number_uq').on(t.number),
    index('claims_org_ix').on(t.orgUnitId, t.id),
    index('claims_owner_ix').on(t.ownerUserId, t.id),
    index('claims_request_ix').on(t.requestId),
    index('claims_partner_ix').on(t.partnerId, t.id),
    index('claims_state_ix').on(t.approvalState, t.payState, t.id),
    // analysis: settlement lag, timeliness and flags per month of submission; cycle time per month of decision
    index('claims_submitted_ix').on(t.submittedAt),
    index('claims_decided_ix').on(t.decidedAt),
    fenCk('claims_amount_ck', 'amount'),
    fenCk('claims_paid_ck', 'paid_amount'),
    check('claims_approved_ck', sql`${t.approvedAmount} is null or (typeof(${t.approvedAmount}) = 'integer' and ${t.approvedAmount} between 0 and ${t.amount})`),
    check('claims_paid_le_ck', sql`${t.paidAmount} <= coalesce(${t.approvedAmount}, ${t.amount})`),
    check('claims_state_ck', sql.raw(`approval_state in (${APPROVAL_STATE_SQL})`)),
    check('claims_pay_ck', sql`${t.payState} is null or ${t.approvalState} = 'approved'`),
  ],
);

export const INVOICE_TYPES = ['e_invoice', 'vat_special', 'vat_general', 'receipt', 'none'] as const;
export const claimLines = sqliteTable(
  'claim_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id').notNull().references(() => claims.id),
    lineNo: integer('line_no').notNull(),
    invoiceType: text('invoice_type', { enum: INVOICE_TYPES }).notNull(),
    invoiceCode: text('invoice_code').notNull().default(''),
    invoiceNumber: text('invoice_number').notNull().default(''),
    invoiceDate: text('invoice_date'),
    amount: fen('amount'),
    tax: fen('tax'),
    description: text('description').notNull().default(''),
  },
  (t) => [
    uniqueIndex('claim_lines_no_uq').on(t.claimId, t.lineNo),
    index('claim_lines_invoice_ix').on(t.invoiceCode, t.invoiceNumber),
    fenCk('claim_lines_amount_ck', 'amount', 1),
    fenCk('claim_lines_tax_ck', 'tax'),
    check('claim_lines_tax_le_ck', sql`${t.tax} <= ${t.amount}`),
  ],
);

/** Files stored once by content (data folder attachments/<aa>/<sha256>); the MIME type checked by content. */
export const attachmentBlobs = sqliteTable('attachment_blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime', { enum: ['image/jpeg', 'image/png', 'application/pdf'] }).notNull(),
  createdAt: text('created_at').notNull(),
});

export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    sha256: text('sha256').notNull().references(() => attachmentBlobs.sha256),
    name: text('name').notNull(),
    /** 内部 internal / 秘密 confidential (SPEC §7) */
    level: text('level', { enum: ['internal', 'confidential'] }).notNull().default('internal'),
    uploadedBy: integer('uploaded_by').notNull().references(() => users.id),
    uploadedAt: text('uploaded_at').notNull(),
    removed: integer('removed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('attachments_doc_ix').on(t.docType, t.docId), index('attachments_sha_ix').on(t.sha256)],
);

export const PAYMENT_METHODS = ['bank_transfer', 'offset', 'cash', 'other'] as const;
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    claimId: integer('claim_id').notNull().references(() => claims.id),
    amount: fen('amount'),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    reference: text('reference').notNull().default(''),
    paidOn: text('paid_on').notNull(),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('payments_claim_ix').on(t.claimId), fenCk('payments_amount_ck', 'amount', 1)],
);
