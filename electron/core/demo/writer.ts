import type { SessionUser } from '../../../shared/api/areas/auth';
import type { ApprovableType } from '../../../shared/api/areas/workflowTypes';
import { createScope, type Scope } from '../auth/scope';
import { stmt } from '../budgets/sql';
import type { CoreEnv, OrgCtx } from '../context';
import { addAttachmentBytes } from '../documents/attachments';
import { claimFacts } from '../documents/claimRows';
import { createClaim } from '../documents/claims';
import { payClaim } from '../documents/payments';
import { requestFacts } from '../documents/requestRows';
import { closeRequest, createRequest } from '../documents/requests';
import { adapterOf } from '../workflow/adapters';
import { act, submit } from '../workflow/engine';

/**
 * The demo's hands: each step of a document's life run as its person at a given time, through the
 * very functions the API calls (one write path) — create, submit, every waiting approval by its
 * assignee, claim with a proof scan, pay, close. Each proof scan differs (none is a duplicate
 * file) and is attached from memory (documents/attachments.ts addAttachmentBytes: the upload's
 * checks and rows, the blob stored once by SHA-256, no upload file in between).
 */
export type Who = string;

export interface DemoWriter {
  as(u: Who, at: string): OrgCtx;
  partnerIn(county: string, k: number): number;
  cost(code: string): number;
  approveAll(type: ApprovableType, id: number, at: string, stopAfter?: number): void;
  request(who: Who, partnerId: number, costTypeId: number, start: string, end: string, amount: number, title: string, submitAt: string): number;
  claim(who: Who, requestId: number, amount: number, at: string, invoice?: { code: string; number: string } | null, reason?: string): number;
  pay(claimId: number, at: string, amount?: number): void;
  close(who: Who, requestId: number, at: string, comment: string): void;
  counts: { requests: number; claims: number; payments: number };
}

export function demoWriter(env: CoreEnv): DemoWriter {
  const db = env.db.$client;
  const users = new Map<string, { user: SessionUser; scope: Scope }>();
  const userOf = (u: Who) => {
    let s = users.get(u);
    if (!s) {
      const r = stmt(db, 'SELECT id, username, display_name AS displayName, role, locale FROM users WHERE username = ?').get(u) as Omit<SessionUser, 'orgUnitIds'>;
      const user = { ...r, orgUnitIds: stmt(db, 'SELECT org_unit_id FROM user_org_units WHERE user_id = ?', true).all(r.id) as number[] };
      s = { user, scope: createScope(db, user) };
      users.set(u, s);
    }
    return s;
  };
  const signal = new AbortController().signal;
  const as = (u: Who, at: string): OrgCtx => {
    const { user, scope } = userOf(u);
    const now = new Date(at);
    return { ...env, now: () => now, user, tokenHash: null, signal, scope };
  };
  // proof scans: each differs, so none is a duplicate file
  const pdf = (n: number) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% demo proof ${n}\n%%EOF\n`);
  let scanNo = 0;
  const counts = { requests: 0, claims: 0, payments: 0 };
  const partners = new Map<string, number[]>();

  const w: DemoWriter = {
    as,
    counts,
    partnerIn(county, k) {
      let ids = partners.get(county);
      if (!ids) {
        ids = stmt(
          db,
          `SELECT p.id FROM partners p JOIN org_units o ON o.id = p.org_unit_id WHERE o.path LIKE (SELECT path FROM org_units WHERE code = ?) || '%'
           AND p.status = 'cooperating' AND p.active = 1 AND p.channel_type_id IN (SELECT id FROM channel_types WHERE code IN ('TERMINAL','BUSINESS','DEALER','AGENT'))
           ORDER BY p.id`,
          true,
        ).all(county) as number[];
        partners.set(county, ids);
      }
      return ids[k % ids.length]!;
    },
    cost: (code) => stmt(db, 'SELECT id FROM cost_types WHERE code = ?', true).get(code) as number,
    /** Runs the route's waiting tasks as their assignees until the document is decided or `stopAfter` steps. */
    approveAll(type, id, at, stopAfter = 99) {
      for (let step = 0; step < stopAfter; step++) {
        const f = adapterOf(type).facts(db, id);
        if (f.state !== 'submitted') return;
        const assignee = stmt(
          db,
          `SELECT u.username FROM approval_tasks t JOIN users u ON u.id = t.assignee_id WHERE t.doc_type = ? AND t.doc_id = ? AND t.state = 'waiting' ORDER BY t.id LIMIT 1`,
          true,
        ).get(type, id) as string;
        act(as(assignee, at), f, { version: f.version, action: 'approve', comment: '同意', confirmWarn: true });
      }
    },
    request(who, partnerId, costTypeId, start, end, amount, title, submitAt) {
      const ctx = as(who, submitAt);
      const id = createRequest(ctx, { partnerId, costTypeId, title, description: '', activityStart: start, activityEnd: end, amount, expectedRevenue: amount * 4, expectedSubscribers: Math.round(amount / 10_000), promises: [] });
      submit(ctx, requestFacts(db, id), requestFacts(db, id).version);
      counts.requests++;
      return id;
    },
    claim(who, requestId, amount, at, invoice = null, reason = '') {
      const ctx = as(who, at);
      const id = createClaim(ctx, {
        requestId, title: '活动核销', description: '', lines: [
          invoice
            ? { invoiceType: 'vat_general', invoiceCode: invoice.code, invoiceNumber: invoice.number, invoiceDate: at.slice(0, 10), amount, tax: Math.round(amount * 0.06), description: '' }
            : { invoiceType: 'e_invoice', invoiceCode: '', invoiceNumber: `2653200000${String(9_000_000_000 + counts.claims).slice(-10)}`, invoiceDate: at.slice(0, 10), amount, tax: Math.round(amount * 0.06), description: '' },
        ],
      });
      const n = scanNo++;
      addAttachmentBytes(ctx, claimFacts(db, id), `发票照片-${n + 1}.pdf`, pdf(n), 'internal');
      submit(ctx, claimFacts(db, id), claimFacts(db, id).version, { duplicateReason: reason });
      counts.claims++;
      return id;
    },
    pay(claimId, at, amount) {
      const f = claimFacts(db, claimId);
      payClaim(as('wangfang', at), { claimId, version: f.version, amount: amount ?? f.amount, approvedReason: '', method: 'bank_transfer', reference: `YH${claimId}${at.slice(5, 7)}`, paidOn: at.slice(0, 10) });
      counts.payments++;
    },
    close(who, requestId, at, comment) {
      const f = requestFacts(db, requestId);
      // a request claimed in full closes itself
      if (f.settleState === 'open' || f.settleState === 'partly_claimed') closeRequest(as(who, at), { id: requestId, version: f.version, comment });
    },
  };
  return w;
}
