import type Database from 'better-sqlite3';
import type { ActResult, ApprovableType, RouteRow } from '../../../shared/api/areas/workflowTypes';
import { ApiError } from '../../../shared/api/errors';
import { canTransition, TRANSITIONS, type ApprovalState, type HistoryAction } from '../../../shared/domain/approval';
import { appendHistory } from '../budgets/history';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { adapterOf } from './adapters';
import { resolveStep } from './approvers';
import { getRoute, matchRoute } from './routes';
import type { DocFacts } from './types';

/**
 * The approval engine: one for every approvable document (rules in ./README.md). Every function
 * here runs inside the caller's IMMEDIATE transaction and checks, in this order: the document's
 * version the user saw (optimistic concurrency — of two people acting at once exactly one
 * succeeds, the other gets `conflict` with the current state, also across processes, because the
 * version is read again inside the write lock), the allowed transition, who may act, then writes.
 */
export function conflict(f: DocFacts): ApiError {
  return new ApiError('conflict', 'This document was changed by someone else meanwhile; it has been reloaded', { state: f.state, version: f.version, id: f.id });
}

export interface RunRow {
  id: number;
  routeId: number;
  stepIndex: number;
  state: string;
}

export interface TaskRow {
  id: number;
  runId: number;
  stepIndex: number;
  mode: 'any' | 'all';
  assigneeId: number;
  state: string;
  decidedBy: number | null;
}

export const runningRun = (db: Database.Database, type: string, id: number) =>
  stmt(db, `SELECT id, route_id AS routeId, step_index AS stepIndex, state FROM approval_runs WHERE doc_type = ? AND doc_id = ? AND state = 'running'`).get(type, id) as RunRow | undefined;

const tasksOf = (db: Database.Database, runId: number) =>
  stmt(db, `SELECT id, run_id AS runId, step_index AS stepIndex, mode, assignee_id AS assigneeId, state, decided_by AS decidedBy FROM approval_tasks WHERE run_id = ? ORDER BY id`).all(runId) as TaskRow[];

/** Moves the document's approval state, guarded by the version and state it was read with. */
export function setState(ctx: OrgCtx, f: DocFacts, to: ApprovalState, who: 'submit' | 'decide' | 'none'): number {
  const table = adapterOf(f.type).table;
  const now = ctx.now().toISOString();
  const set = who === 'submit' ? ', submitted_by = @user, submitted_at = @now' : who === 'decide' ? ', decided_by = @user, decided_at = @now' : '';
  const res = stmt(ctx.db.$client, `UPDATE ${table} SET approval_state = @to, version = version + 1, updated_at = @now${set} WHERE id = @id AND version = @seen AND approval_state = @from`).run({
    to, now, user: ctx.user.id, id: f.id, seen: f.version, from: f.state,
  });
  if (res.changes !== 1) throw conflict(adapterOf(f.type).facts(ctx.db.$client, f.id));
  return f.version + 1;
}

/** Bumps the version only (a step decided, a task forwarded): the next actor must have seen it. */
function touch(ctx: OrgCtx, f: DocFacts): number {
  const table = adapterOf(f.type).table;
  const res = stmt(ctx.db.$client, `UPDATE ${table} SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?`).run(ctx.now().toISOString(), f.id, f.version);
  if (res.changes !== 1) throw conflict(adapterOf(f.type).facts(ctx.db.$client, f.id));
  return f.version + 1;
}

const history = (ctx: OrgCtx, f: DocFacts, action: HistoryAction, from: ApprovalState | null, to: ApprovalState | null, comment = '', onBehalfOf: number | null = null) =>
  appendHistory(ctx, { type: f.type, id: f.id }, action, from, to, comment, onBehalfOf);

/** Who must never decide this run: the requester, the current owner (after a handover), the submitter, and everyone who decided a step already. */
export function excludedFor(db: Database.Database, f: DocFacts, runId: number | null): Set<number> {
  const out = new Set<number>([f.createdBy, f.ownerUserId]);
  if (f.submittedBy !== null) out.add(f.submittedBy);
  if (runId !== null) for (const t of tasksOf(db, runId)) if (t.decidedBy !== null && t.state === 'approved') out.add(t.decidedBy);
  return out;
}

function activateStep(ctx: OrgCtx, f: DocFacts, route: RouteRow, runId: number, index: number): void {
  const db = ctx.db.$client;
  const step = route.steps[index]!;
  const r = resolveStep(db, step, f.orgUnitId, excludedFor(db, f, runId));
  if (r.unresolved) {
    throw new ApiError('no_approver', `Nobody can approve the step “${step.name}” of this document: an administrator must fix the route or the org tree`, { step: step.name });
  }
  const now = ctx.now();
  const due = new Date(now.getTime() + step.slaHours * 3_600_000).toISOString();
  const ins = stmt(
    db,
    `INSERT INTO approval_tasks (run_id, doc_type, doc_id, step_index, step_name, mode, assignee_id, via, created_at, due_at, doc_number, requester_id, org_unit_id, partner_id, amount)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  for (const u of r.users) ins.run(runId, f.type, f.id, index, step.name, step.mode, u, r.escalated ? 'escalated' : 'route', now.toISOString(), due, f.number, f.createdBy, f.orgUnitId, f.partnerId, f.amount);
  stmt(db, 'UPDATE approval_runs SET step_index = ? WHERE id = ?').run(index, runId);
  if (r.escalated) history(ctx, f, 'escalate', null, null, `${step.name}`);
}

/** Submission: the first matching route starts a run at its first step. */
export function submit(ctx: OrgCtx, f: DocFacts, seen: number, input: { duplicateReason?: string } = {}): ActResult {
  const db = ctx.db.$client;
  // who first (scope, then author), so nothing about a document outside the caller's reach is told
  const adapter = adapterOf(f.type);
  if (adapter.requireWrite) adapter.requireWrite(ctx, f);
  else ctx.scope.require(f.orgUnitId);
  if (ctx.user.id !== f.createdBy && ctx.user.id !== f.ownerUserId) throw new ApiError('forbidden', 'Only the author or owner submits a document', { id: f.id });
  if (f.version !== seen) throw conflict(f);
  if (!canTransition(f.state, 'submit')) throw invalidState(f.state, 'submit');
  adapterOf(f.type).beforeSubmit?.(ctx, f, input);
  const fresh = adapterOf(f.type).facts(db, f.id);
  const route = matchRoute(db, fresh);
  const version = setState(ctx, fresh, 'submitted', 'submit');
  const submitted = { ...fresh, state: 'submitted' as const, version, submittedBy: ctx.user.id };
  const runId = Number(
    stmt(db, `INSERT INTO approval_runs (doc_type, doc_id, route_id, started_by, started_at) VALUES (?,?,?,?,?)`).run(f.type, f.id, route.id, ctx.user.id, ctx.now().toISOString()).lastInsertRowid,
  );
  history(ctx, submitted, 'submit', fresh.state, 'submitted', `${route.name} v${route.routeVersion}`);
  activateStep(ctx, submitted, route, runId, 0);
  return { docType: f.type, docId: f.id, state: 'submitted', version, stepIndex: 0 };
}

function invalidState(state: ApprovalState, action: string): ApiError {
  return new ApiError('invalid_state', `Cannot ${action} a document that is ${state}`, { state, action });
}

/** The task the caller acts on: their own waiting task, else one of a person they stand in for today. */
export function myTask(ctx: OrgCtx, f: DocFacts, runId: number): { task: TaskRow; forUser: number | null } | null {
  const db = ctx.db.$client;
  const waiting = tasksOf(db, runId).filter((t) => t.state === 'waiting');
  const own = waiting.find((t) => t.assigneeId === ctx.user.id);
  if (own) return { task: own, forUser: null };
  const today = ctx.now().toISOString().slice(0, 10);
  const principals = stmt(
    db,
    `SELECT from_user_id FROM delegations WHERE to_user_id = ? AND active = 1 AND start_date <= ? AND end_date >= ?
       AND (doc_types = '[]' OR EXISTS (SELECT 1 FROM json_each(doc_types) WHERE value = ?))`,
    true,
  ).all(ctx.user.id, today, today, f.type) as number[];
  const stand = waiting.find((t) => principals.includes(t.assigneeId));
  return stand ? { task: stand, forUser: stand.assigneeId } : null;
}

/**
 * Separation of duties, whoever acts and for whom: a requester (or submitter) never decides their
 * own document, one person decides at most one step of a run, and a stand-in is held to the same
 * rules as the person they stand in for and to their own. Administrators have no bypass.
 */
function assertMayDecide(ctx: OrgCtx, f: DocFacts, runId: number, forUser: number | null, stepIndex: number): void {
  const me = ctx.user.id;
  const parties = [f.createdBy, f.ownerUserId, f.submittedBy];
  if (parties.includes(me) || (forUser !== null && parties.includes(forUser))) {
    throw new ApiError('self_approval', 'A requester never approves their own document', { id: f.id });
  }
  const decided = tasksOf(ctx.db.$client, runId).filter((t) => t.state === 'approved' && t.stepIndex !== stepIndex);
  if (decided.some((t) => t.decidedBy === me || (forUser !== null && t.decidedBy === forUser))) {
    throw new ApiError('already_decided', 'You decided another step of this document; someone else must decide this one', { id: f.id });
  }
}

export interface ActInput {
  version: number;
  action: 'approve' | 'reject' | 'return' | 'comment' | 'forward';
  comment: string;
  toUserId?: number;
  confirmWarn: boolean;
}

export function act(ctx: OrgCtx, f: DocFacts, i: ActInput): ActResult {
  const db = ctx.db.$client;
  if (i.action !== 'comment') adapterOf(f.type).requireWrite?.(ctx, f);
  if (f.version !== i.version) throw conflict(f);
  if (i.action === 'comment') {
    if (!i.comment.trim()) throw reasonRequired();
    history(ctx, f, 'comment', null, null, i.comment);
    return { docType: f.type, docId: f.id, state: f.state, version: f.version, stepIndex: null };
  }
  if (f.state !== 'submitted') throw invalidState(f.state, i.action);
  const run = runningRun(db, f.type, f.id);
  if (!run) throw invalidState(f.state, i.action);
  const mine = myTask(ctx, f, run.id);
  if (!mine) throw new ApiError('not_your_turn', 'This document is not waiting for you', { id: f.id });
  const { task, forUser } = mine;
  if (i.action !== 'forward') assertMayDecide(ctx, f, run.id, forUser, task.stepIndex);
  if ((i.action === 'reject' || i.action === 'return' || i.action === 'forward') && !i.comment.trim()) throw reasonRequired();
  const now = ctx.now().toISOString();
  const decide = (state: string) =>
    stmt(db, `UPDATE approval_tasks SET state = ?, decided_by = ?, on_behalf_of = ?, decided_at = ?, comment = ? WHERE id = ? AND state = 'waiting'`).run(state, ctx.user.id, forUser, now, i.comment, task.id);
  const closeOthers = (state: string) => stmt(db, `UPDATE approval_tasks SET state = ? WHERE run_id = ? AND state = 'waiting'`).run(state, run.id);
  const route = getRoute(db, run.routeId);

  if (i.action === 'forward') {
    const targets = forwardTargets(ctx, f, run.id);
    if (i.toUserId === undefined || !targets.includes(i.toUserId)) {
      throw new ApiError('validation', 'Choose an eligible approver to forward to', undefined, [{ path: 'toUserId', reason: 'v.not_eligible' }]);
    }
    decide('forwarded');
    const step = route.steps[task.stepIndex]!;
    stmt(
      db,
      `INSERT INTO approval_tasks (run_id, doc_type, doc_id, step_index, step_name, mode, assignee_id, via, created_at, due_at, doc_number, requester_id, org_unit_id, partner_id, amount)
       VALUES (?,?,?,?,?,?,?,'forwarded',?,?,?,?,?,?,?)`,
    ).run(run.id, f.type, f.id, task.stepIndex, step.name, task.mode, i.toUserId, now, new Date(ctx.now().getTime() + step.slaHours * 3_600_000).toISOString(), f.number, f.createdBy, f.orgUnitId, f.partnerId, f.amount);
    const version = touch(ctx, f);
    history(ctx, f, 'forward', null, null, `→ #${i.toUserId}: ${i.comment}`, forUser);
    return { docType: f.type, docId: f.id, state: f.state, version, stepIndex: task.stepIndex };
  }

  if (i.action === 'reject' || i.action === 'return') {
    const to = TRANSITIONS[i.action].to;
    decide(i.action === 'reject' ? 'rejected' : 'returned');
    closeOthers('skipped');
    stmt(db, `UPDATE approval_runs SET state = ?, ended_at = ? WHERE id = ?`).run(i.action === 'reject' ? 'rejected' : 'returned', now, run.id);
    const version = setState(ctx, f, to, 'decide');
    history(ctx, f, i.action, f.state, to, i.comment, forUser);
    return { docType: f.type, docId: f.id, state: to, version, stepIndex: null };
  }

  // approve
  decide('approved');
  const stepTasks = tasksOf(db, run.id).filter((t) => t.stepIndex === task.stepIndex);
  const stepDone = task.mode === 'any' || stepTasks.every((t) => t.state !== 'waiting');
  if (task.mode === 'any') closeOthers('skipped');
  const last = task.stepIndex === route.steps.length - 1;
  if (!stepDone || !last) {
    const version = touch(ctx, f);
    history(ctx, f, 'step_approve', null, null, `${route.steps[task.stepIndex]!.name}${i.comment ? `: ${i.comment}` : ''}`, forUser);
    if (stepDone) activateStep(ctx, { ...f, version }, route, run.id, task.stepIndex + 1);
    return { docType: f.type, docId: f.id, state: f.state, version, stepIndex: stepDone ? task.stepIndex + 1 : task.stepIndex };
  }
  // the state first (the document's own columns of an approved document may then be set), then its effects;
  // a refusal of the effects (a block rule, an unconfirmed warn) rolls both back
  stmt(db, `UPDATE approval_runs SET state = 'approved', ended_at = ? WHERE id = ?`).run(now, run.id);
  const version = setState(ctx, f, 'approved', 'decide');
  const { warned } = adapterOf(f.type).onApproved(ctx, { ...f, state: 'approved', version }, { confirmWarn: i.confirmWarn });
  if (warned) history(ctx, f, 'confirm_warn', null, null, 'budget warn limit passed, confirmed by the approver', forUser);
  history(ctx, f, 'approve', 'submitted', 'approved', i.comment, forUser);
  return { docType: f.type, docId: f.id, state: 'approved', version, stepIndex: null };
}

/** 撤回: the submitter takes the document back before anyone decided a step; it is a draft again. */
export function withdraw(ctx: OrgCtx, f: DocFacts, seen: number, comment: string): ActResult {
  const db = ctx.db.$client;
  adapterOf(f.type).requireWrite?.(ctx, f);
  if (f.version !== seen) throw conflict(f);
  if (f.state !== 'submitted') throw invalidState(f.state, 'withdraw');
  if (ctx.user.id !== f.submittedBy && ctx.user.id !== f.createdBy) throw new ApiError('forbidden', 'Only the submitter withdraws a document', { id: f.id });
  const run = runningRun(db, f.type, f.id);
  if (run && tasksOf(db, run.id).some((t) => t.state === 'approved')) {
    throw new ApiError('already_decided', 'A step was already decided; the document can no longer be withdrawn', { id: f.id });
  }
  if (run) {
    stmt(db, `UPDATE approval_tasks SET state = 'withdrawn' WHERE run_id = ? AND state = 'waiting'`).run(run.id);
    stmt(db, `UPDATE approval_runs SET state = 'withdrawn', ended_at = ? WHERE id = ?`).run(ctx.now().toISOString(), run.id);
  }
  const version = setState(ctx, f, 'draft', 'none');
  history(ctx, f, 'withdraw', 'submitted', 'draft', comment);
  return { docType: f.type, docId: f.id, state: 'draft', version, stepIndex: null };
}

/**
 * People a waiting task may be forwarded to: active approvers, finance users or managers who see
 * the document's unit, who are not excluded by the separation rules and have no task in this run yet.
 */
export function forwardTargets(ctx: OrgCtx, f: DocFacts, runId: number): number[] {
  const db = ctx.db.$client;
  const excluded = excludedFor(db, f, runId);
  for (const t of tasksOf(db, runId)) if (t.state === 'waiting') excluded.add(t.assigneeId);
  excluded.add(ctx.user.id);
  const path = stmt(db, 'SELECT path FROM org_units WHERE id = ?', true).get(f.orgUnitId) as string;
  const above = path.split('/').filter(Boolean).map(Number);
  const ids = stmt(
    db,
    `SELECT DISTINCT u.id FROM users u JOIN user_org_units a ON a.user_id = u.id
     WHERE u.active = 1 AND u.role IN ('approver','finance') AND a.org_unit_id IN (SELECT value FROM json_each(?)) ORDER BY u.id`,
    true,
  ).all(JSON.stringify(above)) as number[];
  return ids.filter((id) => !excluded.has(id));
}

const reasonRequired = () => new ApiError('validation', 'A reason is required', undefined, [{ path: 'comment', reason: 'v.required' }]);

export type { ApprovableType };
