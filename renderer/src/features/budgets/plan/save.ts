import type { FieldIssue } from '@shared/api/errors';
import type { ControlMode } from '@shared/domain/budget';
import { EDIT_COLS, isDirty, KEY_COLS, MONTH_COLS, type CellIssue, type EditCol, type PlanRow } from './sheet';

/**
 * "Save" of the entry grid: every pending change in one `budgetVersions.saveLines` call, which the
 * core applies all or nothing. Saved rows send only their changed months (null = keep) and their
 * rule only when it changed; new rows send everything; removed saved rows are listed by line id.
 * Before anything is sent, cells that are marked invalid and new rows without their keys stop the
 * save. The core's per-cell refusals (`rows.<i>.<field>`) are put back on the cells they name.
 */
export interface SaveRow {
  orgUnitId: number;
  channelTypeId: number;
  costTypeId: number;
  partnerId: number | null;
  amounts: (number | null)[];
  controlMode?: ControlMode | null;
  toleranceBp?: number | null;
}

export interface SavePlan {
  rows: SaveRow[];
  removeLineIds: number[];
  /** grid row id of each sent row, in order */
  sentRowIds: number[];
  /** grid row id of each removed line, in order */
  removedRowIds: number[];
  /** cells that stop the save before anything is sent, keyed by row id */
  blocked: Map<number, Partial<Record<EditCol, CellIssue>>>;
}

export function buildSave(rows: readonly PlanRow[]): SavePlan {
  const plan: SavePlan = { rows: [], removeLineIds: [], sentRowIds: [], removedRowIds: [], blocked: new Map() };
  for (const r of rows) {
    if (r.removed) {
      if (r.lineId !== null && r.base) {
        plan.removeLineIds.push(r.lineId);
        plan.removedRowIds.push(r.id);
      }
      continue;
    }
    const isNew = !r.base;
    if (!isNew && !EDIT_COLS.some((c) => isDirty(r, c))) continue;
    const stop: Partial<Record<EditCol, CellIssue>> = { ...r.bad };
    for (const k of KEY_COLS) if (k !== 'partnerId' && r[k] === null && !stop[k]) stop[k] = { reason: 'v.required' };
    if (Object.keys(stop).length) {
      plan.blocked.set(r.id, stop);
      continue;
    }
    const changed = (c: EditCol) => isNew || isDirty(r, c);
    plan.rows.push({
      orgUnitId: r.orgUnitId!,
      channelTypeId: r.channelTypeId!,
      costTypeId: r.costTypeId!,
      partnerId: r.partnerId,
      amounts: r.amounts.map((a, m) => (changed(MONTH_COLS[m]!) ? a : null)),
      ...(changed('controlMode') ? { controlMode: r.controlMode } : {}),
      ...(changed('toleranceBp') ? { toleranceBp: r.toleranceBp } : {}),
    });
    plan.sentRowIds.push(r.id);
  }
  return plan;
}

/** The core's issues by grid row and column; issues that name no cell are returned apart. */
export function placeIssues(details: readonly FieldIssue[], plan: Pick<SavePlan, 'sentRowIds' | 'removedRowIds'>) {
  const cells = new Map<number, Partial<Record<EditCol, CellIssue>>>();
  const other: FieldIssue[] = [];
  const put = (rowId: number | undefined, col: EditCol, d: FieldIssue) => {
    if (rowId === undefined) return other.push(d);
    cells.set(rowId, { ...cells.get(rowId), [col]: { reason: d.reason, ...(d.params ? { params: d.params } : {}) } });
  };
  for (const d of details) {
    const p = d.path.split('.');
    if (p[0] === 'rows') {
      const rowId = plan.sentRowIds[Number(p[1])];
      const col = p[2] === 'amounts' ? MONTH_COLS[Number(p[3])] : (p[2] as EditCol | undefined);
      if (col && (EDIT_COLS as readonly string[]).includes(col)) put(rowId, col, d);
      else other.push(d);
    } else if (p[0] === 'removeLineIds') put(plan.removedRowIds[Number(p[1])], 'orgUnitId', d);
    else other.push(d);
  }
  return { cells, other };
}

/** Puts refusals on the rows (replacing earlier ones) without touching their values. */
export function withRefusals(rows: readonly PlanRow[], cells: Map<number, Partial<Record<EditCol, CellIssue>>>): PlanRow[] {
  return rows.map((r) => {
    const refused = cells.get(r.id);
    if (refused) return { ...r, refused };
    return Object.keys(r.refused).length ? { ...r, refused: {} } : r;
  });
}

/** After a successful save: what was sent is now the saved state; removed rows leave the grid. */
export function markSaved(rows: readonly PlanRow[], plan: Pick<SavePlan, 'sentRowIds'>, lineIds: readonly number[]): PlanRow[] {
  const lineOf = new Map(plan.sentRowIds.map((id, i) => [id, lineIds[i]!]));
  return rows
    .filter((r) => !r.removed)
    .map((r) => {
      const lineId = lineOf.get(r.id);
      if (lineId === undefined) return Object.keys(r.refused).length ? { ...r, refused: {} } : r;
      const { orgUnitId, channelTypeId, costTypeId, partnerId, amounts, controlMode, toleranceBp } = r;
      return { ...r, lineId, refused: {}, base: { orgUnitId, channelTypeId, costTypeId, partnerId, amounts, controlMode, toleranceBp } };
    });
}
