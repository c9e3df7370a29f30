import type Database from 'better-sqlite3';
import type { Claim, ClaimFlags, ClaimLine, ClaimRow, ClaimStatus, Payment } from '../../../shared/api/areas/documentTypes';
import type { FieldIssue } from '../../../shared/api/errors';
import type { ApprovalState } from '../../../shared/domain/approval';
import { stmt } from '../budgets/sql';
import { notFound } from '../master/common';
import type { DocFacts } from '../workflow/types';
import { attachmentsOf } from './attachments';
import { nameExpr } from './requestRows';

/** Reading claims with their lines, duplicate flags, attachments and payments. */
export const claimSelect = (locale: string) => `SELECT c.id, c.number, c.request_id AS requestId, r.number AS requestNumber, c.partner_id AS partnerId,
  p.code AS partnerCode, p.name AS partnerName, c.org_unit_id AS orgUnitId, ${nameExpr('o', locale)} AS orgUnitName, c.channel_type_id AS channelTypeId,
  c.cost_type_id AS costTypeId, ${nameExpr('ct', locale)} AS costTypeName, c.title, c.description, c.activity_start AS activityStart, c.activity_end AS activityEnd,
  c.amount, c.approval_state AS approvalState, c.line_id AS lineId, c.created_by AS createdBy, cu.display_name AS createdByName, c.owner_user_id AS ownerUserId,
  ou.display_name AS ownerName, c.created_at AS createdAt, c.submitted_at AS submittedAt, c.decided_at AS decidedAt, c.version, c.pay_state AS payState,
  c.due, c.duplicate_reason AS duplicateReason, c.approved_amount AS approvedAmount, c.approved_reason AS approvedReason, c.paid_amount AS paidAmount,
  coalesce(r.post_hoc, 0) AS postHoc, ct.receipt_threshold_fen AS threshold, coalesce(r.amount, 0) AS requestAmount, coalesce(r.claimed_amount, 0) AS requestClaimed,
  p.name AS payeeName, p.bank_name AS bankName, p.bank_account AS bankAccount
  FROM claims c JOIN partners p ON p.id = c.partner_id JOIN org_units o ON o.id = c.org_unit_id JOIN cost_types ct ON ct.id = c.cost_type_id
  JOIN users cu ON cu.id = c.created_by JOIN users ou ON ou.id = c.owner_user_id LEFT JOIN cost_requests r ON r.id = c.request_id`;

export type RawClaim = Omit<ClaimRow, 'status' | 'flags'> & {
  description: string;
  postHoc: number;
  threshold: number;
  requestAmount: number;
  requestClaimed: number;
  payeeName: string;
  bankName: string;
  bankAccount: string;
};

/**
 * The list's flags as SQL terms of the row (the same rules as `flagsOf`, which reads a claim's
 * lines and attachments one query each — fine for one claim, not for a page of them).
 */
const LIST_FLAG_TERMS = `,
  EXISTS (SELECT 1 FROM claim_lines l JOIN claim_lines d ON d.invoice_code = l.invoice_code AND d.invoice_number = l.invoice_number AND d.claim_id <> l.claim_id
          JOIN claims dc ON dc.id = d.claim_id AND dc.approval_state NOT IN ('cancelled','rejected')
          WHERE l.claim_id = c.id AND l.invoice_number <> '') AS duplicateInvoice,
  EXISTS (SELECT 1 FROM attachments a JOIN attachments d ON d.sha256 = a.sha256 AND d.removed = 0 AND NOT (d.doc_type = 'claim' AND d.doc_id = c.id)
          LEFT JOIN claims dc ON d.doc_type = 'claim' AND dc.id = d.doc_id LEFT JOIN cost_requests dr ON d.doc_type = 'cost_request' AND dr.id = d.doc_id
          WHERE a.doc_type = 'claim' AND a.doc_id = c.id AND a.removed = 0 AND coalesce(dc.approval_state, dr.approval_state) NOT IN ('cancelled','rejected')) AS duplicateFile,
  EXISTS (SELECT 1 FROM attachments a WHERE a.doc_type = 'claim' AND a.doc_id = c.id AND a.removed = 0) AS hasProof`;

export interface ListFlagTerms {
  duplicateInvoice: number;
  duplicateFile: number;
  hasProof: number;
}

/** `claimSelect` with the flag terms of the list. */
export const claimListSelect = (locale: string) => {
  const s = claimSelect(locale);
  const at = s.indexOf('\n  FROM claims c');
  return `${s.slice(0, at)}${LIST_FLAG_TERMS}${s.slice(at)}`;
};

export function listFlagsOf(r: RawClaim & ListFlagTerms, today: string): ClaimFlags {
  return {
    duplicateInvoice: !!r.duplicateInvoice,
    duplicateFile: !!r.duplicateFile,
    overRequest: r.requestId !== null && r.approvalState !== 'approved' && r.amount > r.requestAmount - r.requestClaimed,
    overdue: r.approvalState !== 'approved' && r.approvalState !== 'cancelled' && r.approvalState !== 'rejected' && r.due < today,
    postHoc: !!r.postHoc,
    missingProof: r.amount > r.threshold && !r.hasProof,
  };
}

export const claimStatus = (state: ApprovalState, pay: Claim['payState']): ClaimStatus => (state === 'approved' ? (pay ?? 'unpaid') : state);

/** Claims (not cancelled or rejected, not this one) with the same invoice code + number. */
export function invoiceDuplicates(db: Database.Database, claimId: number, code: string, number: string): { claimId: number; number: string }[] {
  if (!number) return [];
  return stmt(
    db,
    `SELECT DISTINCT c.id AS claimId, c.number FROM claim_lines l JOIN claims c ON c.id = l.claim_id
     WHERE l.invoice_code = ? AND l.invoice_number = ? AND c.id <> ? AND c.approval_state NOT IN ('cancelled','rejected') ORDER BY c.id`,
  ).all(code, number, claimId) as { claimId: number; number: string }[];
}

export function linesOf(db: Database.Database, claimId: number): ClaimLine[] {
  const rows = stmt(
    db,
    `SELECT id, line_no AS lineNo, invoice_type AS invoiceType, invoice_code AS invoiceCode, invoice_number AS invoiceNumber, invoice_date AS invoiceDate,
       amount, tax, description FROM claim_lines WHERE claim_id = ? ORDER BY line_no`,
  ).all(claimId) as Omit<ClaimLine, 'duplicates'>[];
  return rows.map((l) => ({ ...l, duplicates: invoiceDuplicates(db, claimId, l.invoiceCode, l.invoiceNumber) }));
}

export function flagsOf(db: Database.Database, r: RawClaim, today: string, lines?: ClaimLine[]): ClaimFlags {
  const ls = lines ?? linesOf(db, r.id);
  const atts = attachmentsOf(db, 'claim', r.id);
  return listFlagsOf(
    { ...r, duplicateInvoice: +ls.some((l) => l.duplicates.length > 0), duplicateFile: +atts.some((a) => a.duplicates.length > 0), hasProof: +(atts.length > 0) },
    today,
  );
}

/** Bank details in full only for finance and the partner's manager (SPEC §7); masked for others. */
export function maskAccount(account: string): string {
  return account.length <= 4 ? account : `****${account.slice(-4)}`;
}

export function readClaim(db: Database.Database, id: number, locale: string, today: string, viewer: { id: number; role: string }): Claim {
  const r = stmt(db, `${claimSelect(locale)} WHERE c.id = ?`).get(id) as RawClaim | undefined;
  if (!r) throw notFound('claim', id);
  const lines = linesOf(db, id);
  const payments = stmt(
    db,
    `SELECT y.id, y.claim_id AS claimId, y.amount, y.method, y.reference, y.paid_on AS paidOn, y.created_by AS createdBy, u.display_name AS createdByName, y.created_at AS createdAt
     FROM payments y JOIN users u ON u.id = y.created_by WHERE y.claim_id = ? ORDER BY y.id`,
  ).all(id) as Payment[];
  const partnerOwner = stmt(db, 'SELECT owner_user_id FROM partners WHERE id = ?', true).get(r.partnerId) as number | null;
  const full = viewer.role === 'finance' || viewer.id === partnerOwner;
  const { threshold: _t, requestAmount: _a, requestClaimed: _c, postHoc: _p, payeeName, bankName, bankAccount, ...rest } = r;
  return {
    ...rest,
    status: claimStatus(r.approvalState, r.payState),
    flags: flagsOf(db, r, today, lines),
    lines,
    attachments: attachmentsOf(db, 'claim', id),
    payments,
    payee: { name: payeeName, bankName, bankAccount: full ? bankAccount : maskAccount(bankAccount) },
  };
}

export interface ClaimFacts extends DocFacts {
  requestId: number | null;
  activityStart: string;
  activityEnd: string;
  payState: Claim['payState'];
  approvedAmount: number | null;
  paidAmount: number;
  due: string;
}

export function claimFacts(db: Database.Database, id: number): ClaimFacts {
  const r = stmt(
    db,
    `SELECT id, number, title, approval_state AS state, version, created_by AS createdBy, owner_user_id AS ownerUserId, submitted_by AS submittedBy,
       org_unit_id AS orgUnitId, partner_id AS partnerId, amount, cost_type_id AS costTypeId, channel_type_id AS channelTypeId, request_id AS requestId,
       activity_start AS activityStart, activity_end AS activityEnd, pay_state AS payState, approved_amount AS approvedAmount, paid_amount AS paidAmount, due
     FROM claims WHERE id = ?`,
  ).get(id) as Omit<ClaimFacts, 'type'> | undefined;
  if (!r) throw notFound('claim', id);
  return { ...r, type: 'claim' };
}

/**
 * Invoice fields by type (2024 rules): a 数电票 has a 20-digit number and no code; a paper VAT
 * invoice has a 10- or 12-digit code and an 8-digit number (a VAT invoice issued as 数电票 has the
 * 20-digit number and no code); a receipt may carry a number of its own; 无票 carries neither.
 * Every problem of every line is reported at once.
 */
export function invoiceIssues(lines: { invoiceType: string; invoiceCode: string; invoiceNumber: string; amount: number; tax: number }[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  lines.forEach((l, i) => {
    const at = (f: string) => `lines.${i}.${f}`;
    const code = l.invoiceCode;
    const num = l.invoiceNumber;
    if (l.tax > l.amount) out.push({ path: at('tax'), reason: 'v.tax_over_amount' });
    if (l.invoiceType === 'e_invoice') {
      if (code) out.push({ path: at('invoiceCode'), reason: 'v.no_code_for_e_invoice' });
      if (!/^\d{20}$/.test(num)) out.push({ path: at('invoiceNumber'), reason: 'v.e_invoice_number' });
    } else if (l.invoiceType === 'vat_special' || l.invoiceType === 'vat_general') {
      const paper = /^(\d{10}|\d{12})$/.test(code) && /^\d{8}$/.test(num);
      const digital = !code && /^\d{20}$/.test(num);
      if (!paper && !digital) out.push({ path: at(code ? 'invoiceCode' : 'invoiceNumber'), reason: 'v.vat_invoice_number' });
    } else if (l.invoiceType === 'none') {
      if (code || num) out.push({ path: at('invoiceNumber'), reason: 'v.no_invoice_fields' });
    } else if (code) {
      out.push({ path: at('invoiceCode'), reason: 'v.no_code_for_receipt' });
    }
  });
  return out;
}
