import type { CompareResult, CompareRow } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import type { OrgCtx, Handlers } from '../context';
import { getVersionRow } from './plans';
import { dbOf, MONTH_COLS } from './sql';

/**
 * Two versions of a plan side by side: per line the twelve amounts of each, b − a, the months
 * that differ, whether the control rule changed, and a status (added / removed / changed / same).
 * Paged by line id; totals per month over every line in the caller's scope.
 */
const cols = (alias: string) => MONTH_COLS.map((c) => `${alias}.${c} AS ${alias}_${c}`).join(', ');
const CHANGED = [
  '(a.line_id IS NULL) <> (b.line_id IS NULL)',
  ...MONTH_COLS.map((c) => `coalesce(a.${c}, 0) <> coalesce(b.${c}, 0)`),
  'a.control_mode IS NOT b.control_mode',
  'a.tolerance_bp IS NOT b.tolerance_bp',
].join(' OR ');

export function compareVersions(ctx: OrgCtx, i: { a: number; b: number; onlyChanged: boolean; limit: number; cursor?: string }): CompareResult {
  const db = dbOf(ctx);
  const va = getVersionRow(db, i.a);
  const vb = getVersionRow(db, i.b);
  if (va.planId !== vb.planId) throw new ApiError('validation', 'Compare versions of the same plan', undefined, [{ path: 'b', reason: 'v.same_plan' }]);
  const after = i.cursor === undefined ? 0 : Number(i.cursor);
  if (!Number.isSafeInteger(after)) throw new ApiError('validation', 'Invalid cursor');
  const scope = ctx.scope.sql('l.org_unit_id');
  const from = `FROM (SELECT line_id FROM budget_version_lines WHERE version_id = @a UNION SELECT line_id FROM budget_version_lines WHERE version_id = @b) ids
    JOIN budget_lines l ON l.id = ids.line_id
    LEFT JOIN budget_version_lines a ON a.version_id = @a AND a.line_id = l.id
    LEFT JOIN budget_version_lines b ON b.version_id = @b AND b.line_id = l.id`;
  const where = [...scope.where.map((w) => w.replace('?', '@scope')), ...(i.onlyChanged ? [`(${CHANGED})`] : [])];
  const params = { a: i.a, b: i.b, scope: scope.params[0], after, limit: i.limit };
  const whereSql = (extra: string[]) => ([...where, ...extra].length ? `WHERE ${[...where, ...extra].join(' AND ')}` : '');
  const raw = db
    .prepare(
      `SELECT l.id AS lineId, l.org_unit_id AS orgUnitId, l.channel_type_id AS channelTypeId, l.cost_type_id AS costTypeId, l.partner_id AS partnerId,
        a.line_id AS inA, b.line_id AS inB, ${cols('a')}, ${cols('b')}, (a.control_mode IS NOT b.control_mode OR a.tolerance_bp IS NOT b.tolerance_bp) AS ctl
       ${from} ${whereSql(['l.id > @after'])} ORDER BY l.id LIMIT @limit`,
    )
    .all(params) as Record<string, number | null>[];
  const total = db.prepare(`SELECT count(*) ${from} ${whereSql([])}`).pluck().get(params) as number;
  const rows: CompareRow[] = raw.map((r) => {
    const a = r.inA === null ? null : MONTH_COLS.map((c) => r[`a_${c}`] as number);
    const b = r.inB === null ? null : MONTH_COLS.map((c) => r[`b_${c}`] as number);
    const diff = MONTH_COLS.map((_, m) => (b?.[m] ?? 0) - (a?.[m] ?? 0));
    const changedMonths = diff.flatMap((d, m) => (d !== 0 ? [m + 1] : []));
    const controlChanged = !!r.ctl && a !== null && b !== null;
    const status = a === null ? 'added' : b === null ? 'removed' : changedMonths.length || controlChanged ? 'changed' : 'same';
    return {
      lineId: r.lineId!, orgUnitId: r.orgUnitId!, channelTypeId: r.channelTypeId!, costTypeId: r.costTypeId!, partnerId: r.partnerId ?? null,
      a, b, diff, changedMonths, controlChanged, status,
    };
  });
  const sums = (version: number) => {
    const s = db
      .prepare(`SELECT ${MONTH_COLS.map((c) => `coalesce(sum(vl.${c}), 0) AS ${c}`).join(', ')} FROM budget_version_lines vl JOIN budget_lines l ON l.id = vl.line_id
        WHERE ${['vl.version_id = @v', ...scope.where.map((w) => w.replace('?', '@scope'))].join(' AND ')}`)
      .get({ v: version, scope: scope.params[0] }) as Record<string, number>;
    return MONTH_COLS.map((c) => s[c]!);
  };
  const ta = sums(i.a);
  const tb = sums(i.b);
  return {
    rows,
    total,
    nextCursor: raw.length === i.limit ? String(raw.at(-1)!.lineId) : null,
    totals: { a: ta, b: tb, diff: tb.map((x, m) => x - ta[m]!) },
  };
}

export const compareHandlers: Handlers<'budgetVersions.compare'> = {
  'budgetVersions.compare': (i, ctx) => compareVersions(ctx, i),
};
