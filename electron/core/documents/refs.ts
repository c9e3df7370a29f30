import type Database from 'better-sqlite3';
import { ApiError } from '../../../shared/api/errors';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';

/** The partner, org unit, channel type and cost type of a document, checked: active, in scope. */
export interface DocRefs {
  partnerId: number;
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  cost: { requiresPreapproval: boolean; receiptThresholdFen: number; claimDueDays: number; expireAfterDays: number; claimToleranceBp: number };
}

const bad = (path: string, reason = 'v.inactive_ref') => new ApiError('validation', 'A referenced record is unknown or inactive', undefined, [{ path, reason }]);

export function costTypeRules(db: Database.Database, costTypeId: number): DocRefs['cost'] & { active: boolean } {
  const c = stmt(
    db,
    `SELECT requires_preapproval AS requiresPreapproval, receipt_threshold_fen AS receiptThresholdFen, claim_due_days AS claimDueDays,
       expire_after_days AS expireAfterDays, claim_tolerance_bp AS claimToleranceBp, active FROM cost_types WHERE id = ?`,
  ).get(costTypeId) as (Omit<DocRefs['cost'], 'requiresPreapproval'> & { active: number; requiresPreapproval: number }) | undefined;
  if (!c) throw bad('costTypeId');
  return { ...c, requiresPreapproval: !!c.requiresPreapproval, active: !!c.active };
}

export function resolveRefs(ctx: OrgCtx, i: { partnerId: number; orgUnitId?: number; channelTypeId?: number; costTypeId: number }): DocRefs {
  const db = ctx.db.$client;
  const p = stmt(db, 'SELECT org_unit_id AS orgUnitId, channel_type_id AS channelTypeId, active, status FROM partners WHERE id = ?').get(i.partnerId) as
    | { orgUnitId: number; channelTypeId: number; active: number; status: string }
    | undefined;
  if (!p || !p.active || p.status === 'terminated') throw bad('partnerId');
  ctx.scope.require(p.orgUnitId);
  const orgUnitId = i.orgUnitId ?? p.orgUnitId;
  ctx.scope.require(orgUnitId);
  if (!(stmt(db, 'SELECT active FROM org_units WHERE id = ?', true).get(orgUnitId) as number | undefined)) throw bad('orgUnitId');
  const channelTypeId = i.channelTypeId ?? p.channelTypeId;
  if (!(stmt(db, 'SELECT active FROM channel_types WHERE id = ?', true).get(channelTypeId) as number | undefined)) throw bad('channelTypeId');
  const cost = costTypeRules(db, i.costTypeId);
  if (!cost.active) throw bad('costTypeId');
  return { partnerId: i.partnerId, orgUnitId, channelTypeId, costTypeId: i.costTypeId, cost };
}
