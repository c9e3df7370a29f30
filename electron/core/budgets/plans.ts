import type Database from 'better-sqlite3';
import type { BudgetPlan, BudgetVersion } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { OPEN_STATES } from '../../../shared/domain/approval';
import { isoNow, type OrgCtx, type Handlers } from '../context';
import { notFound } from '../master/common';
import { appendHistory } from './history';
import { dbOf, inTx, MONTH_COLS, stmt } from './sql';

/** Plans (one per fiscal year) and their versions; a revision starts a new draft from the version in force. */
export interface VersionRow {
  id: number;
  planId: number;
  fiscalYear: number;
  number: number;
  note: string;
  basedOnVersionId: number | null;
  approvalState: BudgetVersion['state'];
  inForce: number;
  createdBy: number;
  createdAt: string;
  submittedBy: number | null;
  submittedAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  createdByName: string;
  submittedByName: string | null;
  decidedByName: string | null;
  version: number;
}

const VERSION_SELECT = `SELECT v.id, v.plan_id AS planId, p.fiscal_year AS fiscalYear, v.number, v.note, v.based_on_version_id AS basedOnVersionId,
  v.approval_state AS approvalState, v.in_force AS inForce, v.created_by AS createdBy, v.created_at AS createdAt,
  v.submitted_by AS submittedBy, v.submitted_at AS submittedAt, v.decided_by AS decidedBy, v.decided_at AS decidedAt, v.version,
  (SELECT display_name FROM users WHERE id = v.created_by) AS createdByName,
  (SELECT display_name FROM users WHERE id = v.submitted_by) AS submittedByName, (SELECT display_name FROM users WHERE id = v.decided_by) AS decidedByName
  FROM budget_versions v JOIN budget_plans p ON p.id = v.plan_id`;

export function getVersionRow(db: Database.Database, id: number): VersionRow {
  const r = stmt(db, `${VERSION_SELECT} WHERE v.id = ?`).get(id) as VersionRow | undefined;
  if (!r) throw notFound('budgetVersion', id);
  return r;
}

export function inForceVersionId(db: Database.Database, planId: number): number | null {
  return (stmt(db, 'SELECT id FROM budget_versions WHERE plan_id = ? AND in_force = 1', true).get(planId) as number | undefined) ?? null;
}

/** The version as the API shows it, with line count and total over the caller's scope. */
const VERSION_TOTALS = `SELECT count(*) AS n, coalesce(sum(${MONTH_COLS.map((c) => `vl.${c}`).join(' + ')}), 0) AS total
  FROM budget_version_lines vl JOIN budget_lines l ON l.id = vl.line_id WHERE vl.version_id = ?`;

export function toVersion(ctx: OrgCtx, r: VersionRow): BudgetVersion {
  const scope = ctx.scope.sql('l.org_unit_id');
  const sql = scope.where.length ? `${VERSION_TOTALS} AND ${scope.where[0]}` : VERSION_TOTALS;
  const agg = stmt(dbOf(ctx), sql).get(r.id, ...scope.params) as { n: number; total: number };
  const { approvalState, inForce, ...rest } = r;
  return { ...rest, state: approvalState, inForce: !!inForce, lineCount: agg.n, totalFen: agg.total };
}

export function listPlans(ctx: OrgCtx): BudgetPlan[] {
  const db = dbOf(ctx);
  const plans = stmt(db, 'SELECT id, fiscal_year AS fiscalYear, name FROM budget_plans ORDER BY fiscal_year DESC').all() as { id: number; fiscalYear: number; name: string }[];
  const versions = (stmt(db, `${VERSION_SELECT} ORDER BY v.plan_id, v.number`).all() as VersionRow[]).map((v) => toVersion(ctx, v));
  return plans.map((p) => {
    const vs = versions.filter((v) => v.planId === p.id);
    return {
      ...p,
      inForceVersionId: vs.find((v) => v.inForce)?.id ?? null,
      openVersionId: vs.find((v) => OPEN_STATES.includes(v.state))?.id ?? null,
      versions: vs,
    };
  });
}

function insertVersion(ctx: OrgCtx, planId: number, basedOn: number | null, note: string): number {
  const db = dbOf(ctx);
  const open = stmt(db, "SELECT id FROM budget_versions WHERE plan_id = ? AND approval_state IN ('draft','submitted','returned')", true).get(planId);
  if (open !== undefined) {
    throw new ApiError('open_version_exists', 'This plan already has a version in progress; finish or cancel it first', { versionId: open as number });
  }
  const number = (stmt(db, 'SELECT coalesce(max(number), 0) + 1 FROM budget_versions WHERE plan_id = ?', true).get(planId) as number);
  const now = isoNow(ctx);
  const id = Number(
    stmt(
      db,
      `INSERT INTO budget_versions (plan_id, number, note, based_on_version_id, approval_state, created_by, created_at, updated_at)
       VALUES (?,?,?,?,'draft',?,?,?)`,
    ).run(planId, number, note, basedOn, ctx.user.id, now, now).lastInsertRowid,
  );
  appendHistory(ctx, { type: 'budget_version', id }, 'create', null, 'draft', note);
  return id;
}

export function createPlan(ctx: OrgCtx, fiscalYear: number, name: string): BudgetPlan {
  inTx(ctx, () => {
    const db = dbOf(ctx);
    if (stmt(db, 'SELECT 1 FROM budget_plans WHERE fiscal_year = ?', true).get(fiscalYear)) {
      throw new ApiError('duplicate', `There is already a plan for ${fiscalYear}`, { fiscalYear }, [{ path: 'fiscalYear', reason: 'v.duplicate_plan' }]);
    }
    const planId = Number(
      stmt(db, 'INSERT INTO budget_plans (fiscal_year, name, created_by, created_at) VALUES (?,?,?,?)').run(fiscalYear, name, ctx.user.id, isoNow(ctx)).lastInsertRowid,
    );
    insertVersion(ctx, planId, null, '');
  });
  return listPlans(ctx).find((p) => p.fiscalYear === fiscalYear)!;
}

/**
 * Acting on a version — submitting, deciding, cancelling it, or copying it into a revision — acts
 * on every line of it: budget documents move whole, so the caller's scope must cover the org unit
 * of each line (out_of_scope for the first that lies outside). Reading is not limited this way:
 * plans and versions are company documents whose figures are shown over the caller's scope.
 */
export function requireVersionInScope(ctx: OrgCtx, versionId: number): void {
  if (ctx.scope.all) return;
  const outside = stmt(
    dbOf(ctx),
    `SELECT l.org_unit_id FROM budget_version_lines vl JOIN budget_lines l ON l.id = vl.line_id
     WHERE vl.version_id = ? AND l.org_unit_id NOT IN (SELECT value FROM json_each(?)) LIMIT 1`,
    true,
  ).get(versionId, ctx.scope.json()) as number | undefined;
  if (outside !== undefined) ctx.scope.require(outside);
}

/** A new draft copying every line of the version in force (an empty draft if none is in force). */
export function reviseVersion(ctx: OrgCtx, planId: number, note: string): BudgetVersion {
  const id = inTx(ctx, () => {
    const db = dbOf(ctx);
    if (!stmt(db, 'SELECT 1 FROM budget_plans WHERE id = ?', true).get(planId)) throw notFound('budgetPlan', planId);
    const base = inForceVersionId(db, planId);
    if (base !== null) requireVersionInScope(ctx, base);
    const id = insertVersion(ctx, planId, base, note);
    if (base !== null) {
      const cols = [...MONTH_COLS, 'control_mode', 'tolerance_bp'].join(', ');
      stmt(db, `INSERT INTO budget_version_lines (version_id, line_id, ${cols}) SELECT ?, line_id, ${cols} FROM budget_version_lines WHERE version_id = ?`).run(id, base);
    }
    return id;
  });
  return toVersion(ctx, getVersionRow(dbOf(ctx), id));
}

export const planHandlers: Handlers<'budgetPlans.list' | 'budgetPlans.create' | 'budgetVersions.get' | 'budgetVersions.revise'> = {
  'budgetPlans.list': (_i, ctx) => listPlans(ctx),
  'budgetPlans.create': (i, ctx) => createPlan(ctx, i.fiscalYear, i.name),
  'budgetVersions.get': (i, ctx) => toVersion(ctx, getVersionRow(dbOf(ctx), i.id)),
  'budgetVersions.revise': (i, ctx) => reviseVersion(ctx, i.planId, i.note),
};
