import type { BudgetLineRow } from '../../../shared/api/areas/budgets';
import type { Page } from '../../../shared/api/areas/common';
import type { OrgCtx, Handlers } from '../context';
import { buildPageQuery, encodeCursor, type ColumnSpec, type ParsedPageQuery } from '../master/paging';
import { EDITABLE_STATES } from '../../../shared/domain/approval';
import { floorsOfLines } from './floors';
import { getVersionRow, inForceVersionId } from './plans';
import { amountsOf, dbOf, MONTH_COLS } from './sql';

/**
 * A version's lines as rows of the budget grid: keys with codes, twelve amounts, the row total,
 * the line's control rule and the effective one. Paged like every large grid (keyset cursor;
 * a 20,000-line plan shows its first page at once), filtered to the caller's scope.
 */
const TOTAL = MONTH_COLS.map((c) => `vl.${c}`).join(' + ');
const COLUMNS: Record<string, ColumnSpec> = {
  orgUnitId: { expr: 'l.org_unit_id', kind: 'number' },
  orgUnitCode: { expr: 'o.code', kind: 'text' },
  channelTypeId: { expr: 'l.channel_type_id', kind: 'number' },
  channelTypeCode: { expr: 'ch.code', kind: 'text' },
  costTypeId: { expr: 'l.cost_type_id', kind: 'number' },
  costTypeCode: { expr: 'ct.code', kind: 'text' },
  partnerId: { expr: 'coalesce(l.partner_id, 0)', kind: 'number' },
  partnerCode: { expr: "coalesce(p.code, '')", kind: 'text' },
  partnerName: { expr: "coalesce(p.name, '')", kind: 'text' },
  total: { expr: `(${TOTAL})`, kind: 'number' },
  controlMode: { expr: "coalesce(vl.control_mode, '')", kind: 'text' },
  effectiveControl: { expr: 'coalesce(vl.control_mode, ct.default_control)', kind: 'text' },
  ...Object.fromEntries(MONTH_COLS.map((c) => [c, { expr: `vl.${c}`, kind: 'number' } as ColumnSpec])),
};
const QUICK = ['o.code', 'o.name_zh', 'o.name_en', 'ch.code', 'ch.name_zh', 'ct.code', 'ct.name_zh', "coalesce(p.code, '')", "coalesce(p.name, '')"];
const DEFAULT_SORT = ['orgUnitCode', 'channelTypeCode', 'costTypeCode', 'partnerCode'].map((colId) => ({ colId, sort: 'asc' as const }));
const FROM = `FROM budget_version_lines vl
  JOIN budget_lines l ON l.id = vl.line_id
  JOIN org_units o ON o.id = l.org_unit_id
  JOIN channel_types ch ON ch.id = l.channel_type_id
  JOIN cost_types ct ON ct.id = l.cost_type_id
  LEFT JOIN partners p ON p.id = l.partner_id`;
const SELECT = `SELECT l.id AS lineId, l.org_unit_id AS orgUnitId, o.code AS orgUnitCode, l.channel_type_id AS channelTypeId, ch.code AS channelTypeCode,
  l.cost_type_id AS costTypeId, ct.code AS costTypeCode, l.partner_id AS partnerId, p.code AS partnerCode, p.name AS partnerName,
  ${MONTH_COLS.map((c) => `vl.${c}`).join(', ')}, vl.control_mode AS controlMode, vl.tolerance_bp AS toleranceBp,
  coalesce(vl.control_mode, ct.default_control) AS effectiveControl, coalesce(vl.tolerance_bp, ct.default_tolerance_bp) AS effectiveToleranceBp`;

/** `floors`: add each line's floors and used amounts (the grid of an editable draft; exports leave them out). */
export function versionLines(ctx: OrgCtx, q: ParsedPageQuery & { versionId: number }, opts: { floors?: boolean } = {}): Page<BudgetLineRow> {
  const v = getVersionRow(dbOf(ctx), q.versionId); // not found → error
  const scope = ctx.scope.sql('l.org_unit_id');
  const base = { where: ['vl.version_id = ?', ...scope.where], params: [q.versionId, ...scope.params] };
  const query = { ...q, sort: q.sort.length ? q.sort : DEFAULT_SORT };
  const built = buildPageQuery(query, COLUMNS, 'l.id', QUICK, base, DEFAULT_SORT[0]!);
  const db = dbOf(ctx);
  const keys = built.keyExprs.map((e, i) => `${e} AS k${i}`).join(', ');
  const raw = db
    .prepare(`${SELECT}, ${keys} ${FROM} ${built.where} ${built.orderBy} LIMIT ? OFFSET ?`)
    .all(...built.params, q.limit, q.cursor ? 0 : q.offset) as Record<string, unknown>[];
  const totalBase = buildPageQuery({ ...query, cursor: undefined }, COLUMNS, 'l.id', QUICK, base, DEFAULT_SORT[0]!);
  const total = db.prepare(`SELECT count(*) ${FROM} ${totalBase.where}`).pluck().get(...totalBase.params) as number;
  const withFloors = opts.floors && EDITABLE_STATES.includes(v.approvalState);
  const floors = withFloors ? floorsOfLines(db, v.fiscalYear, inForceVersionId(db, v.planId), raw.map((r) => r.lineId as number)) : null;
  const rows = raw.map((r) => {
    const amounts = amountsOf(r);
    const f = floors?.get(r.lineId as number);
    return {
      lineId: r.lineId, orgUnitId: r.orgUnitId, orgUnitCode: r.orgUnitCode, channelTypeId: r.channelTypeId, channelTypeCode: r.channelTypeCode,
      costTypeId: r.costTypeId, costTypeCode: r.costTypeCode, partnerId: r.partnerId, partnerCode: r.partnerCode, partnerName: r.partnerName,
      amounts, total: amounts.reduce((a, b) => a + b, 0), controlMode: r.controlMode, toleranceBp: r.toleranceBp,
      effectiveControl: r.effectiveControl, effectiveToleranceBp: r.effectiveToleranceBp, floors: f?.floors ?? null, used: f?.used ?? null,
    } as BudgetLineRow;
  });
  const last = raw.at(-1);
  const nextCursor = raw.length === q.limit && last ? encodeCursor(built.keyExprs.map((_, i) => last[`k${i}`])) : null;
  return { rows, total, nextCursor };
}

export const versionLineHandlers: Handlers<'budgetVersions.lines'> = {
  'budgetVersions.lines': (i, ctx) => versionLines(ctx, i, { floors: true }),
};
