import type { TimelinessRow } from '../../../shared/api/areas/documentTypes';
import { ratioBp } from '../../../shared/domain/budget';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { nameExpr } from './requestRows';

/**
 * 核销及时率 (settlement timeliness), the written rule: the claims due in a period are the approved
 * requests (not cancelled) whose claim due date falls in it; one is settled on time when its first
 * claim was submitted on or before that date. Rate = on time ÷ due. By the request's owner, org
 * unit, or the month of the due date.
 */
export function timeliness(ctx: OrgCtx, by: 'person' | 'org_unit' | 'month', from: string, to: string): TimelinessRow[] {
  const key = by === 'person' ? 'r.owner_user_id' : by === 'org_unit' ? 'r.org_unit_id' : 'substr(r.claim_due, 1, 7)';
  const label = by === 'person' ? 'u.display_name' : by === 'org_unit' ? nameExpr('o', ctx.user.locale) : key;
  const scope = ctx.scope.sql('r.org_unit_id');
  const rows = stmt(
    ctx.db.$client,
    `SELECT ${key} AS key, ${label} AS label, count(*) AS due,
       sum(CASE WHEN (SELECT min(substr(c.submitted_at, 1, 10)) FROM claims c WHERE c.request_id = r.id AND c.submitted_at IS NOT NULL) <= r.claim_due THEN 1 ELSE 0 END) AS onTime
     FROM cost_requests r JOIN users u ON u.id = r.owner_user_id JOIN org_units o ON o.id = r.org_unit_id
     WHERE r.approval_state = 'approved' AND r.settle_state <> 'cancelled' AND r.claim_due BETWEEN ? AND ? ${scope.where.map((w) => `AND ${w}`).join(' ')}
     GROUP BY ${key} ORDER BY ${key}`,
  ).all(from, to, ...scope.params) as { key: string | number; label: string; due: number; onTime: number }[];
  return rows.map((r) => ({ key: String(r.key), label: String(r.label), due: r.due, onTime: r.onTime, rateBp: ratioBp(r.onTime, r.due) }));
}
