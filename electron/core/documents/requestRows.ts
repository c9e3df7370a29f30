import type Database from 'better-sqlite3';
import type { CostRequest, CostRequestRow, PromiseRow, RequestStatus } from '../../../shared/api/areas/documentTypes';
import type { ApprovalState } from '../../../shared/domain/approval';
import { stmt } from '../budgets/sql';
import { notFound } from '../master/common';
import type { DocFacts } from '../workflow/types';
import { attachmentsOf } from './attachments';
import { daysBetween } from './dates';

/** Reading cost requests: one SELECT with the names the grids and pages show (names travel with ids). */
export const nameExpr = (alias: string, locale: string) => (locale === 'en' ? `CASE WHEN ${alias}.name_en <> '' THEN ${alias}.name_en ELSE ${alias}.name_zh END` : `${alias}.name_zh`);

export const requestSelect = (locale: string) => `SELECT r.id, r.number, r.partner_id AS partnerId, p.code AS partnerCode, p.name AS partnerName,
  r.org_unit_id AS orgUnitId, ${nameExpr('o', locale)} AS orgUnitName, r.channel_type_id AS channelTypeId, r.cost_type_id AS costTypeId,
  ${nameExpr('ct', locale)} AS costTypeName, r.title, r.description, r.activity_start AS activityStart, r.activity_end AS activityEnd, r.amount,
  r.approval_state AS approvalState, r.line_id AS lineId, r.created_by AS createdBy, cu.display_name AS createdByName,
  r.owner_user_id AS ownerUserId, ou.display_name AS ownerName, r.created_at AS createdAt, r.submitted_at AS submittedAt,
  r.decided_at AS decidedAt, r.version, r.settle_state AS settleState, r.expected_revenue AS expectedRevenue,
  r.expected_subscribers AS expectedSubscribers, r.post_hoc AS postHoc, r.claim_due AS claimDue, r.claimed_amount AS claimedAmount
  FROM cost_requests r JOIN partners p ON p.id = r.partner_id JOIN org_units o ON o.id = r.org_unit_id
  JOIN cost_types ct ON ct.id = r.cost_type_id JOIN users cu ON cu.id = r.created_by JOIN users ou ON ou.id = r.owner_user_id`;

type Raw = Omit<CostRequestRow, 'postHoc' | 'status' | 'remaining' | 'overdue' | 'overdueDays'> & { postHoc: number; description: string };

export function statusOf(state: ApprovalState, settle: CostRequest['settleState']): RequestStatus {
  return state === 'approved' ? (settle ?? 'open') : state;
}

export function toRequestRow(r: Raw, today: string): CostRequestRow & { description: string } {
  const open = r.approvalState === 'approved' && (r.settleState === 'open' || r.settleState === 'partly_claimed');
  const remaining = open ? Math.max(0, r.amount - r.claimedAmount) : 0;
  const overdue = open && remaining > 0 && r.claimDue < today;
  return {
    ...r,
    postHoc: !!r.postHoc,
    status: statusOf(r.approvalState, r.settleState),
    remaining,
    overdue,
    overdueDays: overdue ? daysBetween(r.claimDue, today) : 0,
  };
}

export function readRequest(db: Database.Database, id: number, locale: string, today: string): CostRequest {
  const r = stmt(db, `${requestSelect(locale)} WHERE r.id = ?`).get(id) as Raw | undefined;
  if (!r) throw notFound('costRequest', id);
  const promises = (
    stmt(db, `SELECT m.id, m.partner_id AS partnerId, m.request_id AS requestId, m.owner_user_id AS ownerUserId, u.display_name AS ownerName, m.text, m.amount,
      m.created_at AS createdAt, m.active FROM promises m JOIN users u ON u.id = m.owner_user_id WHERE m.request_id = ? ORDER BY m.id`).all(id) as (Omit<PromiseRow, 'active'> & { active: number })[]
  ).map((m) => ({ ...m, active: !!m.active }));
  return { ...toRequestRow(r, today), promises, attachments: attachmentsOf(db, 'cost_request', id) };
}

export interface RequestFacts extends DocFacts {
  activityStart: string;
  activityEnd: string;
  settleState: CostRequest['settleState'];
  claimedAmount: number;
  claimDue: string;
  lineId: number | null;
}

export function requestFacts(db: Database.Database, id: number): RequestFacts {
  const r = stmt(
    db,
    `SELECT id, number, title, approval_state AS state, version, created_by AS createdBy, owner_user_id AS ownerUserId, submitted_by AS submittedBy,
       org_unit_id AS orgUnitId, partner_id AS partnerId, amount, cost_type_id AS costTypeId, channel_type_id AS channelTypeId,
       activity_start AS activityStart, activity_end AS activityEnd, settle_state AS settleState, claimed_amount AS claimedAmount, claim_due AS claimDue, line_id AS lineId
     FROM cost_requests WHERE id = ?`,
  ).get(id) as Omit<RequestFacts, 'type'> | undefined;
  if (!r) throw notFound('costRequest', id);
  return { ...r, type: 'cost_request' };
}
