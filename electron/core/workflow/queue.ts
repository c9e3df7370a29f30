import type Database from 'better-sqlite3';
import type { ApprovableType, QueueFlags, QueueItem } from '../../../shared/api/areas/workflowTypes';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import type { ClaimFacts } from '../documents/claimRows';
import type { DocFacts } from './types';
import { requestFacts } from '../documents/requestRows';
import { invoiceDuplicates } from '../documents/claimRows';
import { nameExpr } from '../documents/requestRows';
import { adapterOf } from './adapters';

/**
 * The approver's queue: every waiting task of mine and of the people I stand in for today, minus
 * documents I requested myself (I could not decide them). The task rows carry the document's
 * number, requester, unit, partner and amount, so the page is one indexed read; per row on the
 * page the budget impact and flags are computed (sorting by impact computes them for all).
 */
export const principalsSql = `SELECT from_user_id FROM delegations WHERE to_user_id = @me AND active = 1 AND start_date <= @today AND end_date >= @today
  AND (doc_types = '[]' OR EXISTS (SELECT 1 FROM json_each(doc_types) WHERE value = t.doc_type))`;

export const waitingWhere = `t.state = 'waiting' AND t.requester_id <> @me AND (t.assignee_id = @me OR t.assignee_id IN (${principalsSql}))`;

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
}

function flagsOf(db: Database.Database, r: Raw, today: string, overBudget: boolean, facts: DocFacts): QueueFlags & { title: string; version: number } {
  const flags = { postHoc: false, overBudget, duplicateInvoice: false, overRequest: false, overdue: false };
  if (r.docType === 'budget_version' || r.docType === 'budget_transfer') return { ...flags, title: facts.title, version: facts.version };
  if (r.docType === 'cost_request') {
    const f = facts;
    const postHoc = stmt(db, 'SELECT post_hoc FROM cost_requests WHERE id = ?', true).get(r.docId) as number;
    return { ...flags, postHoc: !!postHoc, title: f.title, version: f.version };
  }
  const f = facts as ClaimFacts;
  const lines = stmt(db, 'SELECT invoice_code AS c, invoice_number AS n FROM claim_lines WHERE claim_id = ?').all(r.docId) as { c: string; n: string }[];
  const req = f.requestId !== null ? requestFacts(db, f.requestId) : null;
  return {
    ...flags,
    title: f.title,
    version: f.version,
    postHoc: req ? !!(stmt(db, 'SELECT post_hoc FROM cost_requests WHERE id = ?', true).get(req.id) as number) : false,
    duplicateInvoice: lines.some((l) => invoiceDuplicates(db, r.docId, l.c, l.n).length > 0),
    overRequest: req !== null && f.amount > req.amount - req.claimedAmount,
    overdue: f.due < today,
  };
}

export function queue(ctx: OrgCtx, i: { sort: 'age' | 'amount' | 'impact'; dir: 'asc' | 'desc'; docTypes: ApprovableType[]; offset: number; limit: number }): { rows: QueueItem[]; total: number } {
  const db = ctx.db.$client;
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const me = ctx.user.id;
  const types = i.docTypes.length ? `AND t.doc_type IN (SELECT value FROM json_each(@types))` : '';
  const params = { me, today, types: JSON.stringify(i.docTypes) };
  const total = stmt(db, `SELECT count(*) FROM approval_tasks t WHERE ${waitingWhere} ${types}`, true).get(params) as number;
  // age: oldest first means created earliest; the grid's "desc" on age is the oldest first
  const order = i.sort === 'amount' ? `t.amount ${i.dir === 'asc' ? 'ASC' : 'DESC'}, t.id` : `t.created_at ${i.dir === 'desc' ? 'ASC' : 'DESC'}, t.id`;
  const select = `SELECT t.id AS taskId, t.doc_type AS docType, t.doc_id AS docId, t.doc_number AS number, t.requester_id AS requesterId,
      ru.display_name AS requesterName, t.org_unit_id AS orgUnitId, ${nameExpr('o', ctx.user.locale)} AS orgUnitName, t.partner_id AS partnerId,
      p.name AS partnerName, t.amount, t.step_name AS stepName, t.assignee_id AS assigneeId, au.display_name AS assigneeName, t.created_at AS createdAt, t.due_at AS dueAt
    FROM approval_tasks t JOIN users ru ON ru.id = t.requester_id JOIN org_units o ON o.id = t.org_unit_id LEFT JOIN partners p ON p.id = t.partner_id
    JOIN users au ON au.id = t.assignee_id
    WHERE ${waitingWhere} ${types}`;
  const all = i.sort === 'impact';
  const raw = (all ? stmt(db, select).all(params) : stmt(db, `${select} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: i.limit, offset: i.offset })) as Raw[];
  const memo = new Map<string, unknown>();
  let rows = raw.map((r) => toItem(ctx, r, now, today, memo));
  if (all) {
    const key = (q: QueueItem) => q.impact?.usedBpAfter ?? -1;
    rows.sort((a, b) => (i.dir === 'asc' ? key(a) - key(b) : key(b) - key(a)) || a.taskId - b.taskId);
    rows = rows.slice(i.offset, i.offset + i.limit);
  }
  return { rows, total };
}

function toItem(ctx: OrgCtx, r: Raw, now: Date, today: string, memo: Map<string, unknown>): QueueItem {
  const db = ctx.db.$client;
  const adapter = adapterOf(r.docType);
  const facts = adapter.facts(db, r.docId);
  const impact = adapter.impact?.(ctx, facts, memo) ?? null;
  const overBudget = impact !== null && impact.availableAfter < 0;
  const { title, version, ...flags } = flagsOf(db, r, today, overBudget, facts);
  const created = Date.parse(r.createdAt);
  const due = Date.parse(r.dueAt);
  const t = now.getTime();
  const sla = t > due ? 'late' : t > due - (due - created) / 4 ? 'due' : 'ok';
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
    sla,
    impact,
    flags,
  };
}
