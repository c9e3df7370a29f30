import type { z } from 'zod';
import type { budgetsApi, SaveLinesResult } from '../../../shared/api/areas/budgets';
import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import { EDITABLE_STATES } from '../../../shared/domain/approval';
import { periodOf, revisionProblem, type ControlMode } from '../../../shared/domain/budget';
import { isoNow, type OrgCtx, type Handlers } from '../context';
import { validationError } from '../errors';
import { stale } from './documents';
import { balancesOfLines, cellKey, closedPeriods } from './ledger';
import { ensureLine, keyString, orgNodes, type LineKey } from './lines';
import { getVersionRow, inForceVersionId } from './plans';
import { amountsOf, dbOf, inTx, jsonIds, MONTH_COLS, stmt } from './sql';

/**
 * Bulk save of budget grid rows into a draft (or returned) version: one transaction, all or
 * nothing. Every cell is validated first and every problem reported as a FieldIssue
 * `rows.<i>.<field>` (field = a key column, `amounts.<month-1>` or `toleranceBp`; removals
 * `removeLineIds.<k>`); only when there is none is anything written. A month may not change
 * in a closed period, no cell may be planned below what is already committed and spent on it
 * (its allocation after approval = current allocation + the change against the version in force),
 * and a cell whose rule will be `block` must stay within its tolerance (shared `revisionProblem`).
 * The Excel import of budget lines calls `saveVersionLines` too.
 */
type SaveInput = z.output<(typeof budgetsApi)['budgetVersions.saveLines']['input']>;
interface VRow { amounts: number[]; controlMode: string | null; toleranceBp: number | null }

function versionRows(ctx: OrgCtx, versionId: number | null): Map<number, VRow> {
  if (versionId === null) return new Map();
  const rows = stmt(dbOf(ctx), `SELECT line_id AS lineId, ${MONTH_COLS.join(', ')}, control_mode AS controlMode, tolerance_bp AS toleranceBp FROM budget_version_lines WHERE version_id = ?`)
    .all(versionId) as (Record<string, number> & { lineId: number; controlMode: string | null; toleranceBp: number | null })[];
  return new Map(rows.map((r) => [r.lineId, { amounts: amountsOf(r), controlMode: r.controlMode, toleranceBp: r.toleranceBp }]));
}

export function saveVersionLines(ctx: OrgCtx, input: SaveInput): SaveLinesResult {
  return inTx(ctx, () => {
    const db = dbOf(ctx);
    const v = getVersionRow(db, input.versionId);
    if (!EDITABLE_STATES.includes(v.approvalState)) {
      throw new ApiError('version_locked', 'Only a draft or returned version can be edited', { state: v.approvalState });
    }
    if (v.version !== input.version) throw stale(v.id);
    const org = orgNodes(db);
    const scope = ctx.scope;
    const channels = new Map((stmt(db, 'SELECT id, active FROM channel_types').all() as { id: number; active: number }[]).map((r) => [r.id, !!r.active]));
    const costs = new Map(
      (stmt(db, 'SELECT id, active, default_control AS control, default_tolerance_bp AS tol FROM cost_types').all() as { id: number; active: number; control: ControlMode; tol: number }[])
        .map((r) => [r.id, r]),
    );
    const partnerIds = [...new Set(input.rows.map((r) => r.partnerId).filter((p): p is number => p !== null))];
    const partners = new Map(
      (stmt(db, 'SELECT id, org_unit_id AS orgUnitId, channel_type_id AS channelTypeId, active FROM partners WHERE id IN (SELECT value FROM json_each(?))').all(jsonIds(partnerIds)) as {
        id: number; orgUnitId: number; channelTypeId: number; active: number;
      }[]).map((p) => [p.id, p]),
    );
    const lineIdByKey = new Map(
      (stmt(db, 'SELECT id, org_unit_id AS orgUnitId, channel_type_id AS channelTypeId, cost_type_id AS costTypeId, partner_id AS partnerId FROM budget_lines WHERE plan_id = ?').all(v.planId) as (LineKey & { id: number })[])
        .map((l) => [keyString(l), l.id]),
    );
    const current = versionRows(ctx, v.id);
    const inForce = versionRows(ctx, inForceVersionId(db, v.planId));
    const closed = new Set(closedPeriods(db, MONTH_COLS.map((_, m) => periodOf(v.fiscalYear, m + 1))));
    const touched = [...input.rows.map((r) => lineIdByKey.get(keyString(r))), ...input.removeLineIds].filter((x): x is number => x !== undefined);
    const balances = balancesOfLines(db, touched);

    const issues: FieldIssue[] = [];
    const issue = (path: string, reason: string, params: Record<string, string | number> = {}) => issues.push({ path, reason, params });
    /** the checks of one line's new amounts (and rule) against the version in force and the ledger */
    const checkCells = (lineId: number | undefined, amounts: number[], rule: { control: ControlMode; toleranceBp: number }, at: (m: number) => string) => {
      const before = lineId === undefined ? undefined : inForce.get(lineId);
      amounts.forEach((amt, m) => {
        const change = amt - (before?.amounts[m] ?? 0);
        const period = periodOf(v.fiscalYear, m + 1);
        if (change !== 0 && closed.has(period)) return issue(at(m), 'v.period_closed', { period });
        const b = lineId === undefined ? undefined : balances.get(cellKey(lineId, period));
        const problem = b ? revisionProblem(b, change, rule.control, rule.toleranceBp) : null;
        if (problem) issue(at(m), `v.${problem.rule}`, { used: problem.used, allocated: b!.allocated, limit: problem.limit });
      });
    };
    const ruleOf = (costTypeId: number, controlMode: string | null, toleranceBp: number | null) => {
      const ct = costs.get(costTypeId);
      return { control: (controlMode ?? ct?.control ?? 'none') as ControlMode, toleranceBp: toleranceBp ?? ct?.tol ?? 0 };
    };

    const seen = new Map<string, number>();
    const merged = input.rows.map((r, i) => {
      const p = `rows.${i}`;
      const unit = org.get(r.orgUnitId);
      if (!unit || !unit.active) issue(`${p}.orgUnitId`, 'v.inactive_ref');
      else if (!scope.has(r.orgUnitId)) issue(`${p}.orgUnitId`, 'v.out_of_scope');
      if (!channels.get(r.channelTypeId)) issue(`${p}.channelTypeId`, 'v.inactive_ref');
      if (!costs.get(r.costTypeId)?.active) issue(`${p}.costTypeId`, 'v.inactive_ref');
      if (r.partnerId !== null) {
        const partner = partners.get(r.partnerId);
        if (!partner || !partner.active) issue(`${p}.partnerId`, 'v.inactive_ref');
        else if (partner.channelTypeId !== r.channelTypeId || !unit || !(org.get(partner.orgUnitId)?.path ?? '').startsWith(unit.path)) {
          issue(`${p}.partnerId`, 'v.partner_mismatch');
        }
      }
      const key = keyString(r);
      const dup = seen.get(key);
      if (dup !== undefined) issue(`${p}.orgUnitId`, 'v.duplicate_line', { row: dup });
      seen.set(key, i);
      const lineId = lineIdByKey.get(key);
      const was = lineId === undefined ? undefined : current.get(lineId);
      const amounts = r.amounts.map((a, m) => a ?? was?.amounts[m] ?? 0);
      const controlMode = r.controlMode === undefined ? (was?.controlMode ?? null) : r.controlMode;
      const toleranceBp = r.toleranceBp === undefined ? (was?.toleranceBp ?? null) : r.toleranceBp;
      checkCells(lineId, amounts, ruleOf(r.costTypeId, controlMode, toleranceBp), (m) => `${p}.amounts.${m}`);
      return { key: r, amounts, controlMode, toleranceBp, created: lineId === undefined || !was };
    });
    const keptIds = new Set(input.rows.map((r) => lineIdByKey.get(keyString(r))));
    input.removeLineIds.forEach((lineId, k) => {
      if (!current.has(lineId)) return issue(`removeLineIds.${k}`, 'v.not_in_version');
      if (keptIds.has(lineId)) return issue(`removeLineIds.${k}`, 'v.duplicate_line');
      const line = stmt(db, 'SELECT org_unit_id AS org, cost_type_id AS cost FROM budget_lines WHERE id = ?').get(lineId) as { org: number; cost: number };
      if (!scope.has(line.org)) return issue(`removeLineIds.${k}`, 'v.out_of_scope');
      // a line not in the version in force falls back to its cost type's rule
      checkCells(lineId, MONTH_COLS.map(() => 0), ruleOf(line.cost, null, null), () => `removeLineIds.${k}`);
    });
    if (issues.length) throw validationError(issues);

    const upsert = stmt(
      db,
      `INSERT INTO budget_version_lines (version_id, line_id, ${MONTH_COLS.join(', ')}, control_mode, tolerance_bp)
       VALUES (${Array.from({ length: 16 }, () => '?').join(',')})
       ON CONFLICT (version_id, line_id) DO UPDATE SET ${[...MONTH_COLS, 'control_mode', 'tolerance_bp'].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    const lineIds = merged.map((m) => {
      const line = ensureLine(ctx, v.planId, m.key, org);
      upsert.run(v.id, line.id, ...m.amounts, m.controlMode, m.toleranceBp);
      return line.id;
    });
    const del = stmt(db, 'DELETE FROM budget_version_lines WHERE version_id = ? AND line_id = ?');
    for (const lineId of input.removeLineIds) del.run(v.id, lineId);
    const res = stmt(db, 'UPDATE budget_versions SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(isoNow(ctx), v.id, v.version);
    if (res.changes !== 1) throw stale(v.id);
    return { version: v.version + 1, saved: merged.length, created: merged.filter((m) => m.created).length, removed: input.removeLineIds.length, lineIds };
  });
}

export const saveLinesHandlers: Handlers<'budgetVersions.saveLines'> = {
  'budgetVersions.saveLines': (i, ctx) => saveVersionLines(ctx, i),
};
