import { z } from 'zod';
import { method } from '../define';
import type { FileRef } from './excel';
import { fen, id, isoDate, locale, pageQuery, type Page } from './common';
import {
  INVOICE_TYPES, PAYMENT_METHODS, type Attachment, type BudgetPreview, type Claim, type ClaimRow, type CostRequest, type CostRequestRow,
  type Payment, type TimelinessRow,
} from './documentTypes';

/**
 * Cost requests, claims and payment (SPEC §3): the money path from application to reimbursement.
 * Channel staff apply and claim for partners in their scope; approvals go through the route
 * engine (approvals.* in ./workflow.ts); finance pays. Budget money moves only inside these
 * documents' state changes (commitment at final approval, actual at payment, release at
 * cancel/close/expiry), never through a method of its own.
 */
export * from './documentTypes';

const version = z.number().int().min(0);
const text = (max: number) => z.string().trim().max(max);
const title = z.string().trim().min(1, 'v.required').max(100, 'v.too_long');
const reason = z.string().trim().min(1, 'v.required').max(500, 'v.too_long');
const positiveFen = fen.refine((n) => n > 0, 'v.positive');
const STAFF = ['channel_staff', 'admin'] as const;

export const promiseInput = z.object({ text: z.string().trim().min(1, 'v.required').max(500, 'v.too_long'), amount: fen.default(0) });

/** The fields of a request; org unit and channel type default to the partner's. */
export const requestFields = z.object({
  partnerId: id,
  orgUnitId: id.optional(),
  channelTypeId: id.optional(),
  costTypeId: id,
  title,
  description: text(2000).default(''),
  activityStart: isoDate,
  activityEnd: isoDate,
  amount: positiveFen,
  expectedRevenue: fen.default(0),
  expectedSubscribers: z.number().int().min(0).max(10_000_000).default(0),
  promises: z.array(promiseInput).max(20).default([]),
});

export const claimLineInput = z.object({
  invoiceType: z.enum(INVOICE_TYPES),
  invoiceCode: text(20).default(''),
  invoiceNumber: text(20).default(''),
  invoiceDate: isoDate.nullable().default(null),
  amount: positiveFen,
  tax: fen.default(0),
  description: text(200).default(''),
});

/** A claim settles an approved request (its partner, unit, types and dates follow), or stands alone. */
export const claimFields = z.object({
  requestId: id.nullable().default(null),
  partnerId: id.optional(),
  orgUnitId: id.optional(),
  channelTypeId: id.optional(),
  costTypeId: id.optional(),
  title,
  description: text(2000).default(''),
  activityStart: isoDate.optional(),
  activityEnd: isoDate.optional(),
  lines: z.array(claimLineInput).min(1, 'v.required').max(500),
});

const listQuery = pageQuery.extend({
  /** only documents I created or own */
  mine: z.boolean().default(false),
  /** only requests past their claim due date and not fully claimed / claims past due */
  overdue: z.boolean().default(false),
});
const docTypeOfAttachment = z.enum(['cost_request', 'claim']);

export const documentsApi = {
  'costRequests.list': method<Page<CostRequestRow> & { sum: number }>()(listQuery, { scope: 'org' }),
  'costRequests.get': method<CostRequest>()(z.object({ id }), { scope: 'org' }),
  'costRequests.create': method<CostRequest>()(requestFields, { scope: 'org', roles: STAFF }),
  /** a draft or returned request, by its owner */
  'costRequests.update': method<CostRequest>()(requestFields.extend({ id, version }), { scope: 'org', roles: STAFF }),
  /** the line the request would draw on and what it would leave, live while drafting */
  'costRequests.budgetPreview': method<BudgetPreview>()(
    z.object({ partnerId: id, orgUnitId: id.optional(), channelTypeId: id.optional(), costTypeId: id, activityStart: isoDate, activityEnd: isoDate, amount: fen, requestId: id.optional() }),
    { scope: 'org' },
  ),
  /** starts the approval route; refused when no budget line covers the request */
  'costRequests.submit': method<CostRequest>()(z.object({ id, version }), { scope: 'org', roles: STAFF }),
  /** a draft or returned request is cancelled; an approved one with nothing claimed releases its commitment */
  'costRequests.cancel': method<CostRequest>()(z.object({ id, version, comment: reason }), { scope: 'org', roles: ['channel_staff', 'finance', 'admin'] }),
  /** no more claims: releases what the request still holds */
  'costRequests.close': method<CostRequest>()(z.object({ id, version, comment: text(500).default('') }), { scope: 'org', roles: ['channel_staff', 'finance', 'admin'] }),
  /** expires approved requests unclaimed past their due date + the cost type's grace days (also run at start-up) */
  'costRequests.expireDue': method<{ expired: number }>()(z.object({}).default({}), { scope: 'org', roles: ['finance', 'admin'] }),

  'claims.list': method<Page<ClaimRow> & { sum: number }>()(
    listQuery.extend({ payable: z.boolean().default(false) }),
    { scope: 'org' },
  ),
  'claims.get': method<Claim>()(z.object({ id }), { scope: 'org' }),
  'claims.create': method<Claim>()(claimFields, { scope: 'org', roles: STAFF }),
  'claims.update': method<Claim>()(claimFields.extend({ id, version }), { scope: 'org', roles: STAFF }),
  /** a duplicate invoice or file needs `duplicateReason` */
  'claims.submit': method<Claim>()(z.object({ id, version, duplicateReason: text(500).default('') }), { scope: 'org', roles: STAFF }),
  'claims.cancel': method<Claim>()(z.object({ id, version, comment: reason }), { scope: 'org', roles: STAFF }),

  /** attaches an uploaded file (files.put) to a request or claim: JPEG, PNG or PDF by content, at most 10 MB */
  'attachments.add': method<Attachment>()(
    z.object({ docType: docTypeOfAttachment, docId: id, fileId: z.string().min(1).max(100), level: z.enum(['internal', 'confidential']).default('internal') }),
    { scope: 'org' },
  ),
  'attachments.remove': method<{ removed: true }>()(z.object({ id }), { scope: 'org' }),
  /** the file's bytes for preview (image, or a PDF page rendered by the viewer) */
  'attachments.content': method<{ mime: Attachment['mime']; name: string; dataBase64: string }>()(z.object({ id }), { scope: 'org' }),

  /**
   * Finance pays an approved claim, in part or in full. The first payment fixes the approved
   * amount (≤ claimed; a reason when lower). Each payment posts the actual and consumes the
   * request's commitment in one transaction.
   */
  'payments.create': method<Claim>()(
    z.object({
      claimId: id,
      version,
      amount: positiveFen,
      approvedAmount: fen.optional(),
      approvedReason: text(500).default(''),
      method: z.enum(PAYMENT_METHODS),
      reference: text(100).default(''),
      paidOn: isoDate,
    }),
    { scope: 'org', roles: ['finance'] },
  ),
  'payments.list': method<Payment[]>()(z.object({ claimId: id }), { scope: 'org' }),
  /** the payment list (付款清单) of chosen approved claims as xlsx for treasury */
  'payments.exportList': method<FileRef & { rows: number }>()(
    z.object({ claimIds: z.array(id).min(1, 'v.required').max(5000), locale: locale.optional() }),
    { scope: 'org', roles: ['finance'] },
  ),

  /** 核销及时率: claims submitted by their due date ÷ claims due, per person, org unit or month */
  'documents.timeliness': method<TimelinessRow[]>()(
    z.object({ by: z.enum(['person', 'org_unit', 'month']), from: isoDate, to: isoDate }),
    { scope: 'org' },
  ),
} as const;

export type { Attachment };
