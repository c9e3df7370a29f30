import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { cellRef } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { yearOf, type ControlMode } from '../../../shared/domain/budget';
import { isoNow, type CoreEnv } from '../context';
import { notFound } from '../master/common';
import { dbOf, stmt } from './sql';

/** Lines (org unit × channel type × cost type × partner of a plan), their keys and control rules. */
export interface LineKey {
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  partnerId: number | null;
}
export interface LineRow extends LineKey {
  id: number;
  planId: number;
}
export interface OrgNode {
  id: number;
  kind: string;
  path: string;
  parentId: number | null;
  active: boolean;
}

export const keyString = (k: LineKey) => `${k.orgUnitId}|${k.channelTypeId}|${k.costTypeId}|${k.partnerId ?? 0}`;

export function orgNodes(db: Database.Database): Map<number, OrgNode> {
  const rows = stmt(db, 'SELECT id, kind, path, parent_id AS parentId, active FROM org_units').all() as (Omit<OrgNode, 'active'> & { active: number })[];
  return new Map(rows.map((r) => [r.id, { ...r, active: !!r.active }]));
}

/** The branch and county a unit belongs to (itself or its ancestors of that kind), denormalised onto lines. */
export function branchAndCounty(org: Map<number, OrgNode>, unitId: number): { branchId: number | null; countyId: number | null } {
  const ids = (org.get(unitId)?.path ?? '').split('/').filter(Boolean).map(Number);
  let branchId: number | null = null;
  let countyId: number | null = null;
  for (const id of ids) {
    const k = org.get(id)?.kind;
    if (k === 'branch') branchId = id;
    if (k === 'county') countyId = id;
  }
  return { branchId, countyId };
}

export function planIdOfYear(db: Database.Database, fiscalYear: number): number | null {
  return (stmt(db, 'SELECT id FROM budget_plans WHERE fiscal_year = ?', true).get(fiscalYear) as number | undefined) ?? null;
}

export function requirePlanOfYear(db: Database.Database, fiscalYear: number): number {
  const id = planIdOfYear(db, fiscalYear);
  if (id === null) throw new ApiError('no_budget_plan', `There is no budget plan for ${fiscalYear}`, { fiscalYear });
  return id;
}

const LINE_SELECT = `SELECT id, plan_id AS planId, org_unit_id AS orgUnitId, channel_type_id AS channelTypeId,
  cost_type_id AS costTypeId, partner_id AS partnerId FROM budget_lines`;

export function getLine(db: Database.Database, id: number): LineRow {
  const r = stmt(db, `${LINE_SELECT} WHERE id = ?`).get(id) as LineRow | undefined;
  if (!r) throw notFound('budgetLine', id);
  return r;
}

export function findLine(db: Database.Database, planId: number, k: LineKey): LineRow | null {
  return (
    (stmt(db, `${LINE_SELECT} WHERE plan_id = ? AND org_unit_id = ? AND channel_type_id = ? AND cost_type_id = ? AND partner_key = ?`).get(
      planId, k.orgUnitId, k.channelTypeId, k.costTypeId, k.partnerId ?? 0,
    ) as LineRow | undefined) ?? null
  );
}

/** The line with this key, created if the plan does not have it yet. */
export function ensureLine(env: CoreEnv, planId: number, k: LineKey, org?: Map<number, OrgNode>): LineRow {
  const found = findLine(dbOf(env), planId, k);
  if (found) return found;
  const { branchId, countyId } = branchAndCounty(org ?? orgNodes(dbOf(env)), k.orgUnitId);
  const id = Number(
    stmt(
      dbOf(env),
      `INSERT INTO budget_lines (plan_id, org_unit_id, channel_type_id, cost_type_id, partner_id, branch_id, county_id, created_at)
       VALUES (?,?,?,?,?,?,?,?)`,
    ).run(planId, k.orgUnitId, k.channelTypeId, k.costTypeId, k.partnerId, branchId, countyId, isoNow(env)).lastInsertRowid,
  );
  return { id, planId, ...k };
}

export type CellRef = z.output<typeof cellRef>;

export interface ResolvedCell {
  planId: number;
  period: string;
  /** the line the cell is on; null when the plan has no line for the key (nothing allocated) */
  line: LineRow | null;
  /** the key that was asked for (for a line id: that line's key) */
  key: LineKey;
}

/**
 * Finds the cell a reference means. A line id is taken as is (its plan must be the period's year).
 * A key resolves to the nearest line of the period's plan: the exact key; then the key without
 * partner; then the same channel and cost type on each ancestor unit, nearest first — so a
 * request of a township office draws on its county's budget when the plan is kept per county.
 */
export function resolveCell(db: Database.Database, ref: CellRef): ResolvedCell {
  const year = yearOf(ref.period);
  if ('lineId' in ref) {
    const line = getLine(db, ref.lineId);
    const planYear = stmt(db, 'SELECT fiscal_year FROM budget_plans WHERE id = ?', true).get(line.planId) as number;
    if (planYear !== year) {
      throw new ApiError('validation', 'The period is outside the line’s fiscal year', { period: ref.period, fiscalYear: planYear }, [
        { path: 'period', reason: 'v.period_year', params: { fiscalYear: planYear } },
      ]);
    }
    return { planId: line.planId, period: ref.period, line, key: line };
  }
  const planId = requirePlanOfYear(db, year);
  const key: LineKey = { orgUnitId: ref.orgUnitId, channelTypeId: ref.channelTypeId, costTypeId: ref.costTypeId, partnerId: ref.partnerId };
  const unit = stmt(db, 'SELECT path FROM org_units WHERE id = ?').get(key.orgUnitId) as { path: string } | undefined;
  if (!unit) throw notFound('orgUnit', key.orgUnitId);
  const candidates: LineKey[] = [key];
  if (key.partnerId !== null) candidates.push({ ...key, partnerId: null });
  const ancestors = unit.path.split('/').filter(Boolean).map(Number).reverse().slice(1);
  for (const a of ancestors) candidates.push({ ...key, orgUnitId: a, partnerId: null });
  for (const c of candidates) {
    const line = findLine(db, planId, c);
    if (line) return { planId, period: ref.period, line, key };
  }
  return { planId, period: ref.period, line: null, key };
}

/**
 * A line's control rule: its own in the version in force, else its cost type's default; the
 * tolerance likewise (the line's own, else the cost type's).
 */
export function controlOf(db: Database.Database, planId: number, lineId: number | null, costTypeId: number): { control: ControlMode; toleranceBp: number } {
  const r = stmt(
    db,
    `SELECT coalesce(vl.control_mode, ct.default_control) AS control, coalesce(vl.tolerance_bp, ct.default_tolerance_bp) AS toleranceBp
     FROM cost_types ct
     LEFT JOIN budget_versions v ON v.plan_id = ? AND v.in_force = 1
     LEFT JOIN budget_version_lines vl ON vl.version_id = v.id AND vl.line_id = ?
     WHERE ct.id = ?`,
  ).get(planId, lineId, costTypeId) as { control: ControlMode; toleranceBp: number } | undefined;
  if (!r) throw notFound('costType', costTypeId);
  return r;
}
