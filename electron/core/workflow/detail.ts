import type { ApprovableType, DocumentDetail } from '../../../shared/api/areas/workflowTypes';
import { ratioBp } from '../../../shared/domain/budget';
import { listHistory } from '../budgets/history';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { budgetDetail } from '../budgets/approval';
import { getClaim } from '../documents/claims';
import { previewOf } from '../documents/line';
import { getRequest } from '../documents/requests';
import { adapterOf, requireReadOf } from './adapters';
import { myTask, runningRun } from './engine';
import { progressOf } from './progress';

/**
 * Everything an approver needs beside the queue: the document and its lines, attachments, the
 * budget line before → after, the partner's last 12 months, the route's progress, the history,
 * and what the caller may do now.
 */
export function detail(ctx: OrgCtx, type: ApprovableType, id: number): DocumentDetail {
  const db = ctx.db.$client;
  const f = adapterOf(type).facts(db, id);
  requireReadOf(ctx, f);
  const today = ctx.now().toISOString().slice(0, 10);
  const run = runningRun(db, type, id);
  const mine = run ? myTask(ctx, f, run.id) : null;
  const decider = mine !== null && ctx.user.id !== f.createdBy && ctx.user.id !== f.submittedBy;
  const since = new Date(ctx.now().getTime() - 365 * 86_400_000).toISOString();
  const py = f.partnerId === null ? null : stmt(
    db,
    `SELECT (SELECT count(*) FROM cost_requests WHERE partner_id = @p AND created_at >= @since AND approval_state <> 'draft') AS requests,
       (SELECT count(*) FROM claims WHERE partner_id = @p AND created_at >= @since AND approval_state <> 'draft') AS claims,
       (SELECT count(*) FROM claims WHERE partner_id = @p AND created_at >= @since AND approval_state = 'rejected') AS rejected,
       (SELECT coalesce(sum(y.amount), 0) FROM payments y JOIN claims c ON c.id = y.claim_id WHERE c.partner_id = @p AND y.created_at >= @since) AS spend`,
  ).get({ p: f.partnerId, since }) as { requests: number; claims: number; rejected: number; spend: number };
  const partnerYear = py && { requests: py.requests, claims: py.claims, rejectedClaims: py.rejected, rejectionRateBp: ratioBp(py.rejected, py.claims), spend: py.spend };
  const common = {
    docType: type,
    docId: id,
    number: f.number,
    title: f.title,
    state: f.state,
    version: f.version,
    amount: f.amount,
    progress: progressOf(db, type, id),
    history: listHistory(db, type, id),
    partnerYear,
    can: {
      approve: decider,
      reject: decider,
      return: decider,
      forward: mine !== null,
      withdraw: f.state === 'submitted' && (ctx.user.id === f.submittedBy || ctx.user.id === f.createdBy),
      comment: true,
    },
    myTask: mine ? { id: mine.task.id, forUser: mine.forUser === null ? null : { id: mine.forUser, name: (stmt(db, 'SELECT display_name FROM users WHERE id = ?', true).get(mine.forUser) as string) } } : null,
  };
  if (type === 'budget_version' || type === 'budget_transfer') return { ...common, ...budgetDetail(ctx, f) };
  if (type === 'cost_request') {
    const r = getRequest(ctx, id);
    const key = { orgUnitId: r.orgUnitId, channelTypeId: r.channelTypeId, costTypeId: r.costTypeId, partnerId: r.partnerId };
    const budget = previewOf(db, key, r.activityStart, r.activityEnd, r.approvalState === 'approved' ? 0 : r.amount, ctx.user.locale);
    return {
      ...common,
      status: r.status,
      requester: { id: r.createdBy, name: r.createdByName },
      orgUnitName: r.orgUnitName,
      partnerName: r.partnerName,
      fields: [
        { key: 'costType', value: r.costTypeName, kind: 'text' },
        { key: 'activityStart', value: r.activityStart, kind: 'date' },
        { key: 'activityEnd', value: r.activityEnd, kind: 'date' },
        { key: 'expectedRevenue', value: r.expectedRevenue, kind: 'money' },
        { key: 'expectedSubscribers', value: r.expectedSubscribers, kind: 'number' },
        { key: 'claimDue', value: r.claimDue, kind: 'date' },
        { key: 'description', value: r.description, kind: 'text' },
        ...r.promises.map((p) => ({ key: 'promise', value: `${p.text} (${(p.amount / 100).toFixed(2)})`, kind: 'text' as const })),
      ],
      lines: [],
      attachments: [],
      budget,
      flags: { postHoc: r.postHoc, overBudget: budget.result !== 'ok', duplicateInvoice: false, overRequest: false, overdue: r.overdue },
    };
  }
  const c = getClaim(ctx, id);
  const impact = adapterOf('claim').impact?.(ctx, f) ?? null;
  const key = { orgUnitId: c.orgUnitId, channelTypeId: c.channelTypeId, costTypeId: c.costTypeId, partnerId: c.partnerId };
  const budget = c.lineId !== null || impact ? previewOf(db, key, c.activityEnd, c.activityEnd, impact ? impact.availableBefore - impact.availableAfter : 0, ctx.user.locale) : null;
  return {
    ...common,
    status: c.status,
    requester: { id: c.createdBy, name: c.createdByName },
    orgUnitName: c.orgUnitName,
    partnerName: c.partnerName,
    fields: [
      { key: 'request', value: c.requestNumber, kind: 'text' },
      { key: 'costType', value: c.costTypeName, kind: 'text' },
      { key: 'activityStart', value: c.activityStart, kind: 'date' },
      { key: 'activityEnd', value: c.activityEnd, kind: 'date' },
      { key: 'due', value: c.due, kind: 'date' },
      { key: 'duplicateReason', value: c.duplicateReason || null, kind: 'text' },
      { key: 'description', value: c.description, kind: 'text' },
    ],
    lines: c.lines,
    attachments: c.attachments,
    budget,
    flags: { ...c.flags, overBudget: !!impact && impact.availableAfter < 0, overdue: c.flags.overdue && c.due < today },
  };
}
