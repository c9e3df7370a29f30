import type Database from 'better-sqlite3';
import type { ApprovableType, QueueItem } from '../../../shared/api/areas/workflowTypes';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { nameExpr } from '../documents/requestRows';
import { adapterOf } from './adapters';
import { lineImpact, type ImpactMemo } from './impact';

/**
 * The approver's queue: every waiting task of mine and of the people I stand in for today, minus
 * documents I requested myself (I could not decide them). The task rows carry the document's
 * number, requester, unit, partner and amount (copied at activation); one page query joins the
 * document's own title, version and flag columns, so a page is one indexed read plus, per distinct
 * budget line and month on the page, one balance read (sorting by impact computes all rows).
 */

/**
 * The waiting tasks of `me` and of those I stand in for today, as SQL over tasks `t` with named
 * parameters. The stand-ins are read first (a handful), so that the common case — nobody — is the
 * plain `assignee_id = @me` the queue index serves in order.
 */
export function waitingFilter(db: Database.Database, me: number, today: string): { where: string; params: Record<string, unknown> } {
  const principals = stmt(db, `SELECT from_user_id AS id, doc_types AS types FROM delegations WHERE to_user_id = ? AND active = 1 AND start_date <= ? AND end_date >= ? ORDER BY id`).all(
    me, today, today,
  ) as { id: number; types: string }[];
  const params: Record<string, unknown> = { me };
  const terms = ['t.assignee_id = @me'];
  principals.forEach((p, k) => {
    params[`p${k}`] = p.id;
    if (p.types === '[]') terms.push(`t.assignee_id = @p${k}`);
    else {
      params[`p${k}t`] = p.types;
      terms.push(`(t.assignee_id = @p${k} AND t.doc_type IN (SELECT value FROM json_each(@p${k}t)))`);
    }
  });
  return { where: `t.state = 'waiting' AND t.requester_id <> @me AND (${terms.join(' OR ')})`, params };
}

interface Raw {
  taskId: number;
  docType: ApprovableType;
  docId: number;
  number: string;
  requesterId: number;
  requesterName: string;
  orgUnitId: number;
  orgUnitName: string;
  partnerId: number | null;
  partnerName: string | null;
  amount: number;
  stepName: string;
  assigneeId: number;
  assigneeName: string;
  createdAt: string;
  dueAt: string;
  // the request's or claim's own columns (null for budget documents)
  title: string | null;
  version: number | null;
  docUnit: number | null;
  channelTypeId: number | null;
  costTypeId: number | null;
  docPartnerId: number | null;
  docAmount: number | null;
  activityStart: string | null;
  activityEnd: string | null;
  requestAmount: number | null;
  requestClaimed: number | null;
  postHoc: number;
  overRequest: number | null;
  overdue: number | null;
  duplicateInvoice: number | null;
}

const pageSelect = (locale: string, where: string) => `SELECT t.id AS taskId, t.doc_type AS docType, t.doc_id AS docId, t.doc_number AS number, t.requester_id AS requesterId,
    ru.display_name AS requesterName, t.org_unit_id AS orgUnitId, ${nameExpr('o', locale)} AS orgUnitName, t.partner_id AS partnerId,
    p.name AS partnerName, t.amount, t.step_name AS stepName, t.assignee_id AS assigneeId, au.display_name AS assigneeName, t.created_at AS createdAt, t.due_at AS dueAt,
    coalesce(c.title, q.title) AS title, coalesce(c.version, q.version) AS version, coalesce(c.org_unit_id, q.org_unit_id) AS docUnit,
    coalesce(c.channel_type_id, q.channel_type_id) AS channelTypeId, coalesce(c.cost_type_id, q.cost_type_id) AS costTypeId,
    coalesce(c.partner_id, q.partner_id) AS docPartnerId, coalesce(c.amount, q.amount) AS docAmount,
    coalesce(c.activity_start, q.activity_start) AS activityStart, coalesce(c.activity_end, q.activity_end) AS activityEnd,
    r.amount AS requestAmount, r.claimed_amount AS requestClaimed, coalesce(r.post_hoc, q.post_hoc, 0) AS postHoc,
    (c.request_id IS NOT NULL AND c.amount > r.amount - r.claimed_amount) AS overRequest, (c.due IS NOT NULL AND c.due < @today) AS overdue,
    (c.id IS NOT NULL AND EXISTS (SELECT 1 FROM claim_lines l JOIN claim_lines d ON d.invoice_code = l.invoice_code AND d.invoice_number = l.invoice_number AND d.claim_id <> l.claim_id
       JOIN claims dc ON dc.id = d.claim_id AND dc.approval_state NOT IN ('cancelled','rejected')
       WHERE l.claim_id = c.id AND l.invoice_number <> '')) AS duplicateInvoice
  FROM approval_tasks t JOIN users ru ON ru.id = t.requester_id JOIN org_units o ON o.id = t.org_unit_id LEFT JOIN partners p ON p.id = t.partner_id
    JOIN users au ON au.id = t.assignee_id
    LEFT JOIN claims c ON t.doc_type = 'claim' AND c.id = t.doc_id LEFT JOIN cost_requests q ON t.doc_type = 'cost_request' AND q.id = t.doc_id
    LEFT JOIN cost_requests r ON r.id = c.request_id
  WHERE ${where}`;

export function queue(ctx: OrgCtx, i: { sort: 'age' | 'amount' | 'impact'; dir: 'asc' | 'desc'; docTypes: ApprovableType[]; offset: number; limit: number }): { rows: QueueItem[]; total: number } {
  const db = ctx.db.$client;
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const w = waitingFilter(db, ctx.user.id, today);
  const types = i.docTypes.length ? ` AND t.doc_type IN (SELECT value FROM json_each(@types))` : '';
  const params = { ...w.params, ...(i.docTypes.length ? { types: JSON.stringify(i.docTypes) } : {}) };
  const total = stmt(db, `SELECT count(*) FROM approval_tasks t WHERE ${w.where}${types}`, true).get(params) as number;
  // age: oldest first means created earliest; the grid's "desc" on age is the oldest first
  const order = i.sort === 'amount' ? `t.amount ${i.dir === 'asc' ? 'ASC' : 'DESC'}, t.id` : `t.created_at ${i.dir === 'desc' ? 'ASC' : 'DESC'}, t.id`;
  const select = pageSelect(ctx.user.locale, w.where + types);
  const all = i.sort === 'impact';
  const raw = (all ? stmt(db, select).all({ ...params, today }) : stmt(db, `${select} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, today, limit: i.limit, offset: i.offset })) as Raw[];
  const memo: ImpactMemo = { lines: new Map(), cells: new Map() };
  let rows = raw.map((r) => toItem(ctx, r, now, memo));
  if (all) {
    const key = (q: QueueItem) => q.impact?.usedBpAfter ?? -1;
    rows.sort((a, b) => (i.dir === 'asc' ? key(a) - key(b) : key(b) - key(a)) || a.taskId - b.taskId);
    rows = rows.slice(i.offset, i.offset + i.limit);
  }
  return { rows, total };
}

function toItem(ctx: OrgCtx, r: Raw, now: Date, memo: ImpactMemo): QueueItem {
  const db = ctx.db.$client;
  let title: string;
  let version: number;
  let impact: QueueItem['impact'];
  if (r.docType === 'cost_request' || r.docType === 'claim') {
    title = r.title!;
    version = r.version!;
    const key = { orgUnitId: r.docUnit!, channelTypeId: r.channelTypeId!, costTypeId: r.costTypeId!, partnerId: r.docPartnerId };
    // a request's claim takes only what exceeds the request's remaining amount, in the activity's last month (claims.ts claimAdapter.impact)
    const fromRequest = r.requestAmount !== null;
    const amount = fromRequest ? Math.max(0, r.docAmount! - (r.requestAmount! - r.requestClaimed!)) : r.docAmount!;
    impact = lineImpact(db, key, fromRequest ? r.activityEnd! : r.activityStart!, r.activityEnd!, amount, memo);
  } else {
    const adapter = adapterOf(r.docType);
    const f = adapter.facts(db, r.docId);
    title = f.title;
    version = f.version;
    impact = adapter.impact?.(ctx, f) ?? null;
  }
  const created = Date.parse(r.createdAt);
  const due = Date.parse(r.dueAt);
  const t = now.getTime();
  return {
    taskId: r.taskId,
    docType: r.docType,
    docId: r.docId,
    docVersion: version,
    number: r.number,
    title,
    requester: { id: r.requesterId, name: r.requesterName },
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    partnerId: r.partnerId,
    partnerName: r.partnerName,
    amount: r.amount,
    stepName: r.stepName,
    forUser: r.assigneeId === ctx.user.id ? null : { id: r.assigneeId, name: r.assigneeName },
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    ageHours: Math.floor((t - created) / 3_600_000),
    sla: t > due ? 'late' : t > due - (due - created) / 4 ? 'due' : 'ok',
    impact,
    flags: { postHoc: !!r.postHoc, overBudget: impact !== null && impact.availableAfter < 0, duplicateInvoice: !!r.duplicateInvoice, overRequest: !!r.overRequest, overdue: !!r.overdue },
  };
}
