import type { HomeSummary } from '../../../shared/api/areas/workflowTypes';
import { stmt } from '../budgets/sql';
import type { OrgCtx } from '../context';
import { addDays } from '../documents/dates';
import { nameExpr } from '../documents/requestRows';
import { waitingFilter } from './queue';

/** The start page (工作台): what needs each person now. */
export function homeSummary(ctx: OrgCtx): HomeSummary {
  const db = ctx.db.$client;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const today = nowIso.slice(0, 10);
  const me = ctx.user.id;
  const waiting = waitingFilter(db, me, today);
  const p = waiting.params;
  const w = stmt(db, `SELECT count(*) AS count, min(t.created_at) AS oldestAt, sum(CASE WHEN t.due_at < @now THEN 1 ELSE 0 END) AS late FROM approval_tasks t WHERE ${waiting.where}`).get({ ...p, now: nowIso }) as {
    count: number; oldestAt: string | null; late: number | null;
  };
  const mine = stmt(
    db,
    `SELECT (SELECT count(*) FROM cost_requests WHERE (created_by = @me OR owner_user_id = @me) AND (approval_state = 'submitted' OR (approval_state = 'approved' AND settle_state IN ('open','partly_claimed')))) AS requests,
       (SELECT count(*) FROM claims WHERE (created_by = @me OR owner_user_id = @me) AND (approval_state = 'submitted' OR (approval_state = 'approved' AND pay_state <> 'paid'))) AS claims,
       (SELECT count(*) FROM cost_requests WHERE owner_user_id = @me AND approval_state = 'returned') + (SELECT count(*) FROM claims WHERE owner_user_id = @me AND approval_state = 'returned') AS returned,
       (SELECT count(*) FROM cost_requests WHERE owner_user_id = @me AND approval_state = 'approved' AND settle_state IN ('open','partly_claimed') AND claimed_amount < amount AND claim_due BETWEEN @today AND @soon) AS dueSoon,
       (SELECT count(*) FROM cost_requests WHERE owner_user_id = @me AND approval_state = 'approved' AND settle_state IN ('open','partly_claimed') AND claimed_amount < amount AND claim_due < @today) AS overdue`,
  ).get({ me, today, soon: addDays(today, 7) }) as { requests: number; claims: number; returned: number; dueSoon: number; overdue: number };
  const period = today.slice(0, 7);
  const scope = ctx.scope.sql('l.org_unit_id');
  const near = stmt(
    db,
    `SELECT l.id AS lineId, ${nameExpr('o', ctx.user.locale)} || ' · ' || ${nameExpr('ct', ctx.user.locale)} AS label, e.period,
       sum(CASE WHEN e.kind IN ('allocation','transfer_in','transfer_out') THEN e.amount ELSE 0 END) AS allocated,
       sum(CASE WHEN e.kind IN ('commitment','release','actual') THEN e.amount ELSE 0 END) AS used
     FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id JOIN org_units o ON o.id = l.org_unit_id JOIN cost_types ct ON ct.id = l.cost_type_id
     WHERE e.period = ? ${scope.where.map((x) => `AND ${x}`).join(' ')}
     GROUP BY l.id HAVING allocated > 0 AND used * 10 >= allocated * 9 ORDER BY used * 1.0 / allocated DESC LIMIT 10`,
  ).all(period, ...scope.params) as { lineId: number; label: string; period: string; allocated: number; used: number }[];
  const imports = stmt(
    db,
    `SELECT id, kind, file_name AS fileName, at, created, updated FROM excel_imports WHERE user_id = ? OR ? = 'admin' ORDER BY at DESC LIMIT 5`,
  ).all(me, ctx.user.role) as HomeSummary['recentImports'];
  const reminders = stmt(
    db,
    `SELECT t.doc_type AS docType, t.doc_id AS docId, t.doc_number AS number, t.due_at AS dueAt FROM approval_tasks t WHERE ${waiting.where} AND t.due_at < @now ORDER BY t.due_at LIMIT 20`,
  ).all({ ...p, now: nowIso }) as { docType: HomeSummary['reminders'][number]['docType']; docId: number; number: string; dueAt: string }[];
  return {
    waiting: { count: w.count, oldestAt: w.oldestAt, late: w.late ?? 0 },
    myOpen: { requests: mine.requests, claims: mine.claims, returned: mine.returned },
    claimsDueSoon: mine.dueSoon,
    claimsOverdue: mine.overdue,
    linesNearLimit: near.map((n) => ({ lineId: n.lineId, label: n.label, period: n.period, usedBp: Math.round((n.used * 10_000) / n.allocated), available: n.allocated - n.used })),
    recentImports: imports,
    reminders: reminders.map((r) => ({ docType: r.docType, docId: r.docId, number: r.number, lateHours: Math.floor((now.getTime() - Date.parse(r.dueAt)) / 3_600_000) })),
  };
}
