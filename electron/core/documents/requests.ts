import type { z } from 'zod';
import type { BudgetPreview, CostRequest, requestFields } from '../../../shared/api/areas/documents';
import { ApiError } from '../../../shared/api/errors';
import { appendHistory } from '../budgets/history';
import { inTx, stmt } from '../budgets/sql';
import type { AuthedCtx, OrgCtx } from '../context';
import { submit } from '../workflow/engine';
import type { DocAdapter } from '../workflow/types';
import { requireAuthor, requireEditable, requireRead } from './access';
import { addDays, todayOf } from './dates';
import { checkControl, commitMonths, releaseBeyond, totalHeld, type Holder } from './effects';
import { docMonths, impactOf, previewOf, requireLines } from './line';
import { nextNumber } from './numbers';
import { resolveRefs } from './refs';
import { readRequest, requestFacts, type RequestFacts } from './requestRows';

/**
 * Cost requests (费用申请, 事前申请): "apply before you spend" (seed 004). Life:
 * draft → submitted → approved (commitment posted) → open → partly_claimed → closed,
 * or expired (unclaimed past due + grace, by the system) or cancelled; rejected / returned on the
 * way. Submitted after the activity started = post-hoc (事后补申请), flagged everywhere.
 */
type Fields = z.output<typeof requestFields>;

export const holderOf = (f: { id: number; number: string }): Holder => ({ type: 'cost_request', id: f.id, ref: f.number });
const today = (ctx: AuthedCtx) => todayOf(ctx.now());

function checkDates(i: Fields): void {
  if (i.activityEnd < i.activityStart) {
    throw new ApiError('validation', 'The activity ends before it starts', undefined, [{ path: 'activityEnd', reason: 'v.end_before_start' }]);
  }
}

function writePromises(ctx: OrgCtx, requestId: number, partnerId: number, owner: number, list: Fields['promises']): void {
  const db = ctx.db.$client;
  stmt(db, 'DELETE FROM promises WHERE request_id = ?').run(requestId);
  const ins = stmt(db, 'INSERT INTO promises (partner_id, request_id, owner_user_id, text, amount, created_at) VALUES (?,?,?,?,?,?)');
  for (const p of list) ins.run(partnerId, requestId, owner, p.text, p.amount, ctx.now().toISOString());
}

/** The one write path of a request's fields (API and demo data alike). */
export function createRequest(ctx: OrgCtx, i: Fields): number {
  checkDates(i);
  return inTx(ctx, () => {
    const db = ctx.db.$client;
    const refs = resolveRefs(ctx, i);
    const now = ctx.now().toISOString();
    const number = nextNumber(db, 'SQ', Number(i.activityStart.slice(0, 4)));
    const id = Number(
      stmt(
        db,
        `INSERT INTO cost_requests (number, partner_id, org_unit_id, channel_type_id, cost_type_id, title, description, activity_start, activity_end, amount,
           expected_revenue, expected_subscribers, claim_due, created_by, owner_user_id, created_at, updated_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(number, refs.partnerId, refs.orgUnitId, refs.channelTypeId, refs.costTypeId, i.title, i.description, i.activityStart, i.activityEnd, i.amount,
        i.expectedRevenue, i.expectedSubscribers, addDays(i.activityEnd, refs.cost.claimDueDays), ctx.user.id, ctx.user.id, now, now).lastInsertRowid,
    );
    writePromises(ctx, id, refs.partnerId, ctx.user.id, i.promises);
    appendHistory(ctx, { type: 'cost_request', id }, 'create', null, 'draft');
    return id;
  });
}

export function updateRequest(ctx: OrgCtx, i: Fields & { id: number; version: number }): void {
  checkDates(i);
  inTx(ctx, () => {
    const db = ctx.db.$client;
    const f = requestFacts(db, i.id);
    requireAuthor(ctx, f);
    requireEditable(f);
    const refs = resolveRefs(ctx, i);
    const res = stmt(
      db,
      `UPDATE cost_requests SET partner_id = ?, org_unit_id = ?, channel_type_id = ?, cost_type_id = ?, title = ?, description = ?, activity_start = ?,
         activity_end = ?, amount = ?, expected_revenue = ?, expected_subscribers = ?, claim_due = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    ).run(refs.partnerId, refs.orgUnitId, refs.channelTypeId, refs.costTypeId, i.title, i.description, i.activityStart, i.activityEnd, i.amount,
      i.expectedRevenue, i.expectedSubscribers, addDays(i.activityEnd, refs.cost.claimDueDays), ctx.now().toISOString(), i.id, i.version);
    if (res.changes !== 1) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
    writePromises(ctx, i.id, refs.partnerId, f.ownerUserId, i.promises);
  });
}

const keyOf = (f: RequestFacts) => ({ orgUnitId: f.orgUnitId, channelTypeId: f.channelTypeId!, costTypeId: f.costTypeId!, partnerId: f.partnerId });

export const requestAdapter: DocAdapter = {
  table: 'cost_requests',
  facts: requestFacts,
  beforeSubmit(ctx, facts) {
    const db = ctx.db.$client;
    const f = facts as RequestFacts;
    requireAuthor(ctx, f);
    const months = docMonths(db, keyOf(f), f.activityStart, f.activityEnd, f.amount);
    requireLines(db, months, keyOf(f), ctx.user.locale);
    const postHoc = today(ctx) > f.activityStart;
    stmt(db, 'UPDATE cost_requests SET post_hoc = ?, line_id = ? WHERE id = ?').run(postHoc ? 1 : 0, months[0]!.cell!.line!.id, f.id);
  },
  onApproved(ctx, facts, o) {
    const db = ctx.db.$client;
    const f = requestFacts(db, facts.id);
    // the line is found again: the plan may have been revised while the request waited
    const months = docMonths(db, keyOf(f), f.activityStart, f.activityEnd, f.amount);
    requireLines(db, months, keyOf(f), ctx.user.locale);
    const { warned } = checkControl(db, months, o.confirmWarn);
    commitMonths(ctx, months, holderOf(f));
    stmt(db, `UPDATE cost_requests SET settle_state = 'open', line_id = ? WHERE id = ?`).run(months[0]!.cell!.line!.id, f.id);
    return { warned: warned.length > 0 };
  },
  impact(ctx, facts, memo) {
    const f = facts as RequestFacts;
    return impactOf(ctx.db.$client, keyOf(f), f.activityStart, f.activityEnd, f.amount, ctx.user.locale, memo as Map<string, BudgetPreview> | undefined);
  },
};

/** Claims of the request that are still on their way (submitted): a request with such claims cannot be closed. */
const claimsInFlight = (ctx: AuthedCtx, requestId: number) =>
  stmt(ctx.db.$client, `SELECT count(*) FROM claims WHERE request_id = ? AND approval_state = 'submitted'`, true).get(requestId) as number;

/** What approved claims of the request still need of its commitment: their payable amount not yet paid. */
export const stillPayable = (ctx: AuthedCtx, requestId: number) =>
  stmt(
    ctx.db.$client,
    `SELECT coalesce(sum(coalesce(approved_amount, amount) - paid_amount), 0) FROM claims WHERE request_id = ? AND approval_state = 'approved'`,
    true,
  ).get(requestId) as number;

/**
 * Ends an approved request's life (closed, expired or cancelled): no more claims; what it holds
 * beyond what its approved claims still have to be paid is released, citing the request.
 */
export function endRequest(ctx: AuthedCtx, f: RequestFacts, to: 'closed' | 'expired' | 'cancelled', comment: string): void {
  if (f.state !== 'approved' || (f.settleState !== 'open' && f.settleState !== 'partly_claimed')) {
    throw new ApiError('invalid_state', `Cannot ${to === 'closed' ? 'close' : 'cancel'} this request now`, { state: f.settleState ?? f.state, action: to });
  }
  if (claimsInFlight(ctx, f.id)) throw new ApiError('claims_in_flight', 'A claim of this request is waiting for approval; decide it first', { id: f.id });
  if (to === 'cancelled' && f.claimedAmount > 0) throw new ApiError('invalid_state', 'A request with approved claims is closed, not cancelled', { state: f.settleState, action: 'cancel' });
  const res = stmt(ctx.db.$client, `UPDATE cost_requests SET settle_state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(to, ctx.now().toISOString(), f.id, f.version);
  if (res.changes !== 1) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
  releaseBeyond(ctx, holderOf(f), stillPayable(ctx, f.id), holderOf(f), to);
  appendHistory(ctx, { type: 'cost_request', id: f.id }, to === 'cancelled' ? 'cancel' : to === 'closed' ? 'close' : 'expire', 'approved', 'approved', comment);
}

export function cancelRequest(ctx: OrgCtx, i: { id: number; version: number; comment: string }): void {
  inTx(ctx, () => {
    const f = requestFacts(ctx.db.$client, i.id);
    if (ctx.user.role === 'finance') ctx.scope.require(f.orgUnitId);
    else requireAuthor(ctx, f);
    if (f.version !== i.version) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
    if (f.state === 'approved') return endRequest(ctx, f, 'cancelled', i.comment);
    if (f.state !== 'draft' && f.state !== 'returned') throw new ApiError('invalid_state', `Cannot cancel a ${f.state} request`, { state: f.state, action: 'cancel' });
    stmt(ctx.db.$client, `UPDATE cost_requests SET approval_state = 'cancelled', version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(ctx.now().toISOString(), f.id, f.version);
    appendHistory(ctx, { type: 'cost_request', id: f.id }, 'cancel', f.state, 'cancelled', i.comment);
  });
}

export function closeRequest(ctx: OrgCtx, i: { id: number; version: number; comment: string }): void {
  inTx(ctx, () => {
    const f = requestFacts(ctx.db.$client, i.id);
    if (ctx.user.role === 'finance') ctx.scope.require(f.orgUnitId);
    else requireAuthor(ctx, f);
    if (f.version !== i.version) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
    endRequest(ctx, f, 'closed', i.comment);
  });
}

/**
 * Expiry: an approved request with nothing claimed, whose claim due date + the cost type's grace
 * days has passed, expires and releases — recorded as done by the system (the `_system` user).
 * Runs at start-up and on demand; `ctx` is then the system's.
 */
export function expireDue(ctx: AuthedCtx, scopeTest: (orgUnitId: number) => boolean = () => true): number {
  const day = today(ctx);
  const due = stmt(
    ctx.db.$client,
    `SELECT r.id FROM cost_requests r JOIN cost_types ct ON ct.id = r.cost_type_id
     WHERE r.approval_state = 'approved' AND r.settle_state = 'open' AND r.claimed_amount = 0
       AND date(r.claim_due, '+' || ct.expire_after_days || ' days') < ?
       AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.request_id = r.id AND c.approval_state = 'submitted')`,
    true,
  ).all(day) as number[];
  let n = 0;
  for (const id of due) {
    const f = requestFacts(ctx.db.$client, id);
    if (!scopeTest(f.orgUnitId)) continue;
    inTx(ctx, () => endRequest(ctx, requestFacts(ctx.db.$client, id), 'expired', 'unclaimed past its due date'));
    n++;
  }
  return n;
}

export function getRequest(ctx: OrgCtx, id: number): CostRequest {
  const f = requestFacts(ctx.db.$client, id);
  requireRead(ctx, f);
  return readRequest(ctx.db.$client, id, ctx.user.locale, today(ctx));
}

export function submitRequest(ctx: OrgCtx, i: { id: number; version: number }): CostRequest {
  inTx(ctx, () => submit(ctx, requestFacts(ctx.db.$client, i.id), i.version));
  return getRequest(ctx, i.id);
}

export { previewOf, totalHeld };
