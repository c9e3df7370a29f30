import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import type { DocFacts } from '../workflow/types';

/**
 * Who may read a document: everyone whose scope covers its org unit, and everyone on its route
 * (an approver's task, a decision, or standing in for someone who has one) — SPEC §7: people on a
 * document's route see it. Who may change it: its author or owner, within scope.
 */
export function onRoute(db: Database.Database, type: string, id: number, userId: number, today: string): boolean {
  return (
    (stmt(
      db,
      `SELECT count(*) FROM approval_tasks t WHERE t.doc_type = ? AND t.doc_id = ? AND (t.assignee_id = ? OR t.decided_by = ? OR t.assignee_id IN (
         SELECT from_user_id FROM delegations WHERE to_user_id = ? AND active = 1 AND start_date <= ? AND end_date >= ?))`,
      true,
    ).get(type, id, userId, userId, userId, today, today) as number) > 0
  );
}

export function requireRead(ctx: OrgCtx, f: Pick<DocFacts, 'type' | 'id' | 'orgUnitId'>): void {
  if (ctx.scope.has(f.orgUnitId)) return;
  if (onRoute(ctx.db.$client, f.type, f.id, ctx.user.id, ctx.now().toISOString().slice(0, 10))) return;
  ctx.scope.require(f.orgUnitId);
}

export function requireAuthor(ctx: OrgCtx, f: Pick<DocFacts, 'id' | 'orgUnitId' | 'createdBy' | 'ownerUserId'>): void {
  ctx.scope.require(f.orgUnitId);
  if (ctx.user.id !== f.createdBy && ctx.user.id !== f.ownerUserId) {
    throw new ApiError('not_owner', 'Only the author or the current owner may change this document', { id: f.id });
  }
}

/** A document's editable states: draft and returned. */
export function requireEditable(f: Pick<DocFacts, 'id' | 'state'>): void {
  if (f.state !== 'draft' && f.state !== 'returned') {
    throw new ApiError('not_editable', `A ${f.state} document cannot be edited`, { state: f.state, id: f.id });
  }
}
