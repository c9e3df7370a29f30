import type { z } from 'zod';
import type { BudgetPreview, Claim, claimFields } from '../../../shared/api/areas/documents';
import { ApiError } from '../../../shared/api/errors';
import { applyBasisPoints } from '../../../shared/domain/money';
import { appendHistory } from '../budgets/history';
import { inTx, stmt } from '../budgets/sql';
import type { AuthedCtx, OrgCtx } from '../context';
import { submit } from '../workflow/engine';
import type { DocAdapter } from '../workflow/types';
import { requireAuthor, requireEditable, requireRead } from './access';
import { attachmentsOf } from './attachments';
import { addDays, todayOf } from './dates';
import { checkControl, commitMonths, releaseBeyond, type Holder } from './effects';
import { docMonths, impactOf, requireLines, type DocMonth } from './line';
import { nextNumber } from './numbers';
import { costTypeRules, resolveRefs } from './refs';
import { requestFacts } from './requestRows';
import { holderOf as requestHolder, stillPayable } from './requests';
import { claimFacts, flagsOf, invoiceIssues, readClaim, claimSelect, type ClaimFacts, type RawClaim } from './claimRows';

/**
 * Claims (费用核销): settle one approved request (several partial claims allowed) or stand alone
 * for cost types without pre-approval. The rules (issue 8 point 4) are checked at submission and
 * again at final approval, in the transaction that moves the budget money:
 * - not more than what remains on the request beyond the cost type's claim tolerance;
 *   within tolerance the extra is checked against the line like a commitment and committed;
 * - a proof above the cost type's receipt threshold;
 * - a duplicate invoice or file anywhere in the company needs a written reason;
 * - due N days (per cost type) after the activity ends.
 */
type Fields = z.output<typeof claimFields>;
const today = (ctx: AuthedCtx) => todayOf(ctx.now());
export const claimHolder = (f: { id: number; number: string }): Holder => ({ type: 'claim', id: f.id, ref: f.number });

interface Derived {
  requestId: number | null;
  partnerId: number;
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  activityStart: string;
  activityEnd: string;
  due: string;
}

function derive(ctx: OrgCtx, i: Fields): Derived {
  const db = ctx.db.$client;
  if (i.requestId !== null) {
    const r = requestFacts(db, i.requestId);
    ctx.scope.require(r.orgUnitId);
    if (r.state !== 'approved' || (r.settleState !== 'open' && r.settleState !== 'partly_claimed')) {
      throw new ApiError('request_not_open', 'Only an approved, open request can be claimed', { state: r.settleState ?? r.state });
    }
    return { requestId: r.id, partnerId: r.partnerId!, orgUnitId: r.orgUnitId, channelTypeId: r.channelTypeId!, costTypeId: r.costTypeId!, activityStart: r.activityStart, activityEnd: r.activityEnd, due: r.claimDue };
  }
  if (i.partnerId === undefined || i.costTypeId === undefined || !i.activityStart || !i.activityEnd) {
    throw new ApiError('validation', 'A claim without a request names its partner, cost type and activity dates', undefined, [
      ...(i.partnerId === undefined ? [{ path: 'partnerId', reason: 'v.required' }] : []),
      ...(i.costTypeId === undefined ? [{ path: 'costTypeId', reason: 'v.required' }] : []),
      ...(!i.activityStart ? [{ path: 'activityStart', reason: 'v.required' }] : []),
      ...(!i.activityEnd ? [{ path: 'activityEnd', reason: 'v.required' }] : []),
    ]);
  }
  const refs = resolveRefs(ctx, { partnerId: i.partnerId, orgUnitId: i.orgUnitId, channelTypeId: i.channelTypeId, costTypeId: i.costTypeId });
  if (refs.cost.requiresPreapproval) {
    throw new ApiError('preapproval_required', 'This cost type needs an approved request before it can be claimed (apply before you spend)', { costTypeId: i.costTypeId });
  }
  if (i.activityEnd < i.activityStart) throw new ApiError('validation', 'The activity ends before it starts', undefined, [{ path: 'activityEnd', reason: 'v.end_before_start' }]);
  return { requestId: null, ...refs, activityStart: i.activityStart, activityEnd: i.activityEnd, due: addDays(i.activityEnd, refs.cost.claimDueDays) };
}

function writeLines(ctx: OrgCtx, claimId: number, lines: Fields['lines']): number {
  const issues = invoiceIssues(lines);
  if (issues.length) throw new ApiError('validation', 'Some invoice lines are not valid', { lines: issues.length }, issues);
  const db = ctx.db.$client;
  stmt(db, 'DELETE FROM claim_lines WHERE claim_id = ?').run(claimId);
  const ins = stmt(db, 'INSERT INTO claim_lines (claim_id, line_no, invoice_type, invoice_code, invoice_number, invoice_date, amount, tax, description) VALUES (?,?,?,?,?,?,?,?,?)');
  let total = 0;
  lines.forEach((l, n) => {
    ins.run(claimId, n + 1, l.invoiceType, l.invoiceCode, l.invoiceNumber, l.invoiceDate, l.amount, l.tax, l.description);
    total += l.amount;
  });
  return total;
}

/** The one write path of a claim and its lines (API and demo data alike). */
export function createClaim(ctx: OrgCtx, i: Fields): number {
  return inTx(ctx, () => {
    const db = ctx.db.$client;
    const d = derive(ctx, i);
    const now = ctx.now().toISOString();
    const number = nextNumber(db, 'HX', Number(d.activityEnd.slice(0, 4)));
    const id = Number(
      stmt(
        db,
        `INSERT INTO claims (number, request_id, partner_id, org_unit_id, channel_type_id, cost_type_id, title, description, activity_start, activity_end, due,
           created_by, owner_user_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      ).run(number, d.requestId, d.partnerId, d.orgUnitId, d.channelTypeId, d.costTypeId, i.title, i.description, d.activityStart, d.activityEnd, d.due, ctx.user.id, ctx.user.id, now, now)
        .lastInsertRowid,
    );
    const total = writeLines(ctx, id, i.lines);
    stmt(db, 'UPDATE claims SET amount = ? WHERE id = ?').run(total, id);
    appendHistory(ctx, { type: 'claim', id }, 'create', null, 'draft');
    return id;
  });
}

export function updateClaim(ctx: OrgCtx, i: Fields & { id: number; version: number }): void {
  inTx(ctx, () => {
    const db = ctx.db.$client;
    const f = claimFacts(db, i.id);
    requireAuthor(ctx, f);
    requireEditable(f);
    const d = derive(ctx, i);
    const res = stmt(
      db,
      `UPDATE claims SET request_id = ?, partner_id = ?, org_unit_id = ?, channel_type_id = ?, cost_type_id = ?, title = ?, description = ?, activity_start = ?,
         activity_end = ?, due = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
    ).run(d.requestId, d.partnerId, d.orgUnitId, d.channelTypeId, d.costTypeId, i.title, i.description, d.activityStart, d.activityEnd, d.due, ctx.now().toISOString(), i.id, i.version);
    if (res.changes !== 1) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
    stmt(db, 'UPDATE claims SET amount = ? WHERE id = ?').run(writeLines(ctx, i.id, i.lines), i.id);
  });
}

/** Remaining on the request and the most this claim may take (remaining + tolerance of the request's amount). */
function requestRoom(ctx: AuthedCtx, f: ClaimFacts): { remaining: number; max: number } {
  const r = requestFacts(ctx.db.$client, f.requestId!);
  const rules = costTypeRules(ctx.db.$client, r.costTypeId!);
  const inFlight = stmt(ctx.db.$client, `SELECT coalesce(sum(amount), 0) FROM claims WHERE request_id = ? AND approval_state = 'submitted' AND id <> ?`, true).get(r.id, f.id) as number;
  const remaining = r.amount - r.claimedAmount - inFlight;
  return { remaining, max: remaining + applyBasisPoints(r.amount, rules.claimToleranceBp) };
}

function checkRoom(ctx: AuthedCtx, f: ClaimFacts): void {
  if (f.requestId === null) return;
  const r = requestFacts(ctx.db.$client, f.requestId);
  if (r.state !== 'approved' || (r.settleState !== 'open' && r.settleState !== 'partly_claimed')) {
    throw new ApiError('request_not_open', 'Only an approved, open request can be claimed', { state: r.settleState ?? r.state });
  }
  const { remaining, max } = requestRoom(ctx, f);
  if (f.amount > max) {
    throw new ApiError('claim_exceeds_request', `The claim exceeds what remains on its request (${remaining} fen) beyond the tolerance (at most ${max} fen)`, { remaining, max, amount: f.amount });
  }
}

function claimMonths(ctx: AuthedCtx, f: ClaimFacts, amount: number, fromRequest: boolean): DocMonth[] {
  const db = ctx.db.$client;
  const key = { orgUnitId: f.orgUnitId, channelTypeId: f.channelTypeId!, costTypeId: f.costTypeId!, partnerId: f.partnerId };
  // the extra of a request's claim lands in the activity's last month; a stand-alone claim spreads like a request
  const months = fromRequest ? docMonths(db, key, f.activityEnd, f.activityEnd, amount) : docMonths(db, key, f.activityStart, f.activityEnd, amount);
  requireLines(db, months, key, ctx.user.locale);
  return months;
}

export const claimAdapter: DocAdapter = {
  table: 'claims',
  facts: claimFacts,
  beforeSubmit(ctx, facts, input) {
    const db = ctx.db.$client;
    const f = claimFacts(db, facts.id);
    requireAuthor(ctx, f);
    checkRoom(ctx, f);
    const raw = stmt(db, `${claimSelect(ctx.user.locale)} WHERE c.id = ?`).get(f.id) as RawClaim;
    const flags = flagsOf(db, raw, today(ctx));
    if (flags.missingProof) {
      throw new ApiError('proof_required', 'Attach a proof (photo, invoice or PDF): the amount is above the cost type’s receipt threshold', { threshold: raw.threshold, amount: f.amount });
    }
    const reason = (input.duplicateReason ?? '').trim();
    if ((flags.duplicateInvoice || flags.duplicateFile) && !reason) {
      throw new ApiError('duplicate_needs_reason', 'An invoice or file of this claim is already on another claim; say why it is claimed again', { invoice: flags.duplicateInvoice ? 1 : 0, file: flags.duplicateFile ? 1 : 0 });
    }
    if (f.requestId === null) claimMonths(ctx, f, f.amount, false);
    stmt(db, 'UPDATE claims SET duplicate_reason = ? WHERE id = ?').run(reason, f.id);
  },
  onApproved(ctx, facts, o) {
    const db = ctx.db.$client;
    const f = claimFacts(db, facts.id);
    checkRoom(ctx, f);
    if (f.requestId === null) {
      const months = claimMonths(ctx, f, f.amount, false);
      const { warned } = checkControl(db, months, o.confirmWarn);
      commitMonths(ctx, months, claimHolder(f));
      stmt(db, `UPDATE claims SET pay_state = 'unpaid', line_id = ? WHERE id = ?`).run(months[0]!.cell!.line!.id, f.id);
      return { warned: warned.length > 0 };
    }
    const r = requestFacts(db, f.requestId);
    const extra = Math.max(0, f.amount - (r.amount - r.claimedAmount));
    let warned = false;
    if (extra > 0) {
      const months = claimMonths(ctx, f, extra, true);
      warned = checkControl(db, months, o.confirmWarn).warned.length > 0;
      commitMonths(ctx, months, requestHolder(r), claimHolder(f));
    }
    const claimed = r.claimedAmount + f.amount;
    const settle = claimed >= r.amount ? 'closed' : 'partly_claimed';
    stmt(db, `UPDATE cost_requests SET claimed_amount = ?, settle_state = ?, version = version + 1 WHERE id = ?`).run(claimed, settle, r.id);
    stmt(db, `UPDATE claims SET pay_state = 'unpaid', line_id = ? WHERE id = ?`).run(r.lineId, f.id);
    if (settle === 'closed') {
      releaseBeyond(ctx, requestHolder(r), stillPayable(ctx, r.id), claimHolder(f), 'fully claimed');
      appendHistory(ctx, { type: 'cost_request', id: r.id }, 'close', 'approved', 'approved', `${f.number}`);
    }
    return { warned };
  },
  impact(ctx, facts, memo) {
    const f = claimFacts(ctx.db.$client, facts.id);
    const key = { orgUnitId: f.orgUnitId, channelTypeId: f.channelTypeId!, costTypeId: f.costTypeId!, partnerId: f.partnerId };
    if (f.requestId === null) return impactOf(ctx.db.$client, key, f.activityStart, f.activityEnd, f.amount, ctx.user.locale, memo as Map<string, BudgetPreview> | undefined);
    // a request's claim takes only what exceeds the request's remaining amount, in the activity's last month
    const r = requestFacts(ctx.db.$client, f.requestId);
    const extra = Math.max(0, f.amount - (r.amount - r.claimedAmount));
    return impactOf(ctx.db.$client, key, f.activityEnd, f.activityEnd, extra, ctx.user.locale, memo as Map<string, BudgetPreview> | undefined);
  },
};

export function getClaim(ctx: OrgCtx, id: number): Claim {
  const f = claimFacts(ctx.db.$client, id);
  requireRead(ctx, f);
  return readClaim(ctx.db.$client, id, ctx.user.locale, today(ctx), ctx.user);
}

export function submitClaim(ctx: OrgCtx, i: { id: number; version: number; duplicateReason: string }): Claim {
  inTx(ctx, () => submit(ctx, claimFacts(ctx.db.$client, i.id), i.version, { duplicateReason: i.duplicateReason }));
  return getClaim(ctx, i.id);
}

export function cancelClaim(ctx: OrgCtx, i: { id: number; version: number; comment: string }): Claim {
  inTx(ctx, () => {
    const f = claimFacts(ctx.db.$client, i.id);
    requireAuthor(ctx, f);
    if (f.version !== i.version) throw new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
    requireEditable(f);
    stmt(ctx.db.$client, `UPDATE claims SET approval_state = 'cancelled', version = version + 1, updated_at = ? WHERE id = ?`).run(ctx.now().toISOString(), f.id);
    appendHistory(ctx, { type: 'claim', id: f.id }, 'cancel', f.state, 'cancelled', i.comment);
  });
  return getClaim(ctx, i.id);
}

export { attachmentsOf };
