import type { ApprovableType, DelegationRow } from '../../../shared/api/areas/workflowTypes';
import { ApiError } from '../../../shared/api/errors';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { notFound } from '../master/common';

/**
 * Stand-ins (代理审批): a person names someone to decide for them for a date range, for all or some
 * document types; items then show in the stand-in's queue "for A" and decisions are recorded
 * "B for A". The separation rules hold for both (workflow/engine.ts). Administrators may set one
 * up for anyone in their scope (an absence nobody planned for).
 */
const SELECT = `SELECT d.id, d.from_user_id AS fromId, f.display_name AS fromName, d.to_user_id AS toId, t.display_name AS toName, d.start_date AS startDate,
  d.end_date AS endDate, d.doc_types AS docTypes, d.note, d.active, d.created_at AS createdAt
  FROM delegations d JOIN users f ON f.id = d.from_user_id JOIN users t ON t.id = d.to_user_id`;

type Raw = Omit<DelegationRow, 'from' | 'to' | 'docTypes' | 'active'> & { fromId: number; fromName: string; toId: number; toName: string; docTypes: string; active: number };
const toRow = (r: Raw): DelegationRow => ({
  id: r.id, from: { id: r.fromId, name: r.fromName }, to: { id: r.toId, name: r.toName }, startDate: r.startDate, endDate: r.endDate,
  docTypes: JSON.parse(r.docTypes) as ApprovableType[], note: r.note, active: !!r.active, createdAt: r.createdAt,
});

const userUnits = (ctx: OrgCtx, userId: number) => stmt(ctx.db.$client, 'SELECT org_unit_id FROM user_org_units WHERE user_id = ?', true).all(userId) as number[];

export function listDelegations(ctx: OrgCtx): DelegationRow[] {
  const rows = stmt(ctx.db.$client, `${SELECT} WHERE d.from_user_id = ? OR d.to_user_id = ? OR ? = 'admin' ORDER BY d.id DESC`).all(ctx.user.id, ctx.user.id, ctx.user.role) as Raw[];
  return rows.map(toRow).filter((d) => ctx.user.role !== 'admin' || d.from.id === ctx.user.id || d.to.id === ctx.user.id || userUnits(ctx, d.from.id).some((u) => ctx.scope.has(u)));
}

export function createDelegation(ctx: OrgCtx, i: { fromUserId?: number; toUserId: number; startDate: string; endDate: string; docTypes: ApprovableType[]; note: string }): DelegationRow {
  const from = i.fromUserId ?? ctx.user.id;
  if (from !== ctx.user.id) {
    if (ctx.user.role !== 'admin') throw new ApiError('forbidden', 'You name stand-ins for yourself only', { fromUserId: from });
    ctx.scope.requireAll(userUnits(ctx, from));
  }
  if (from === i.toUserId) throw new ApiError('validation', 'A person cannot stand in for themselves', undefined, [{ path: 'toUserId', reason: 'v.same_user' }]);
  const to = stmt(ctx.db.$client, 'SELECT active, role FROM users WHERE id = ?').get(i.toUserId) as { active: number; role: string } | undefined;
  if (!to || !to.active || to.role === 'channel_staff') {
    throw new ApiError('validation', 'The stand-in must be an active approver, finance user or administrator', undefined, [{ path: 'toUserId', reason: 'v.not_eligible' }]);
  }
  const id = Number(
    stmt(ctx.db.$client, 'INSERT INTO delegations (from_user_id, to_user_id, start_date, end_date, doc_types, note, created_at) VALUES (?,?,?,?,?,?,?)').run(
      from, i.toUserId, i.startDate, i.endDate, JSON.stringify(i.docTypes), i.note, ctx.now().toISOString(),
    ).lastInsertRowid,
  );
  return toRow(stmt(ctx.db.$client, `${SELECT} WHERE d.id = ?`).get(id) as Raw);
}

export function endDelegation(ctx: OrgCtx, id: number): DelegationRow {
  const r = stmt(ctx.db.$client, `${SELECT} WHERE d.id = ?`).get(id) as Raw | undefined;
  if (!r) throw notFound('delegation', id);
  if (r.fromId !== ctx.user.id && r.toId !== ctx.user.id) {
    if (ctx.user.role !== 'admin') throw new ApiError('forbidden', 'Only the people named or an administrator end a delegation', { id });
    ctx.scope.requireAll(userUnits(ctx, r.fromId));
  }
  stmt(ctx.db.$client, 'UPDATE delegations SET active = 0 WHERE id = ?').run(id);
  return toRow(stmt(ctx.db.$client, `${SELECT} WHERE d.id = ?`).get(id) as Raw);
}
