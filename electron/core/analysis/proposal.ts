import type { z } from 'zod';
import type { Proposal, ProposalLineRow, proposalParams } from '../../../shared/api/areas/results';
import { ApiError } from '../../../shared/api/errors';
import { EDITABLE_STATES, OPEN_STATES } from '../../../shared/domain/approval';
import { periodOf } from '../../../shared/domain/budget';
import { grownTotal, proposeBudget } from '../../../shared/domain/proposal';
import type { OrgCtx } from '../context';
import { inForceVersionId } from '../budgets/plans';
import { amountsOf, dbOf, MONTH_COLS, stmt } from '../budgets/sql';

/**
 * The next budget proposal's data (issue 10.6): per line of the source year's plan (in the caller's
 * scope) this year's budget (version in force), the year's actual from the ledger, and ROI from the
 * partners' results; shared/domain/proposal.ts turns them into whole-fen amounts.
 *
 * ROI of a line = (margin − cost) ÷ cost over the source year, per *pool* of lines that serve the
 * same partners:
 * - a line with a partner: that partner; cost = the actual of every line naming the partner;
 * - a line without one: the partners of its channel type in its org unit and below; cost = the
 *   actual of every line of that org unit and channel type (with or without partner).
 * margin = Σ gross margin of the pool's partners over the year's months. Not measurable (neutral,
 * score 0) when the pool's cost is 0, when no partner of the pool has a known margin, or when a
 * partner of the pool has revenue in a month whose margin is not known (a partial margin would
 * understate the ROI). The line's margin shown is the pool's margin × the line's share of the
 * pool's cost. A partner's margin counts in its partner pool and in its unit's pool.
 */
type Params = z.output<typeof proposalParams>;

interface LineRec extends Omit<ProposalLineRow, 'thisYear' | 'actual' | 'margin' | 'roiBp' | 'lo' | 'hi' | 'proposed'> {
  path: string;
}

export function planIdOf(ctx: OrgCtx, fiscalYear: number): number | null {
  return (stmt(dbOf(ctx), 'SELECT id FROM budget_plans WHERE fiscal_year = ?', true).get(fiscalYear) as number | undefined) ?? null;
}

/** The lines of a plan in the caller's scope, with their labels, by id. */
export function planLines(ctx: OrgCtx, planId: number): LineRec[] {
  const s = ctx.scope.sql('l.org_unit_id');
  return stmt(
    dbOf(ctx),
    `SELECT l.id AS lineId, l.org_unit_id AS orgUnitId, o.code AS orgUnitCode, o.name_zh AS orgUnitZh, o.name_en AS orgUnitEn, o.path,
       l.channel_type_id AS channelTypeId, ct.name_zh AS channelTypeZh, ct.name_en AS channelTypeEn,
       l.cost_type_id AS costTypeId, cs.name_zh AS costTypeZh, cs.name_en AS costTypeEn,
       l.partner_id AS partnerId, CASE WHEN p.id IS NULL THEN NULL ELSE p.code || ' ' || p.name END AS partner
     FROM budget_lines l JOIN org_units o ON o.id = l.org_unit_id JOIN channel_types ct ON ct.id = l.channel_type_id
     JOIN cost_types cs ON cs.id = l.cost_type_id LEFT JOIN partners p ON p.id = l.partner_id
     WHERE l.plan_id = ? ${s.where.map((w) => `AND ${w}`).join(' ')} ORDER BY l.id`,
  ).all(planId, ...s.params) as LineRec[];
}

/** month amounts of a version by line */
export function versionMonths(ctx: OrgCtx, versionId: number | null): Map<number, { amounts: number[]; controlMode: string | null; toleranceBp: number | null }> {
  if (versionId === null) return new Map();
  const rows = stmt(dbOf(ctx), `SELECT line_id AS lineId, ${MONTH_COLS.join(', ')}, control_mode AS controlMode, tolerance_bp AS toleranceBp FROM budget_version_lines WHERE version_id = ?`).all(
    versionId,
  ) as (Record<string, number> & { lineId: number; controlMode: string | null; toleranceBp: number | null })[];
  return new Map(rows.map((r) => [r.lineId, { amounts: amountsOf(r), controlMode: r.controlMode, toleranceBp: r.toleranceBp }]));
}

/** The target year's plan and its open draft, if any (where a proposal is saved). */
export function proposalTarget(ctx: OrgCtx, targetYear: number): Proposal['target'] {
  const planId = planIdOf(ctx, targetYear);
  if (planId === null) return { planId: null, draft: null };
  const open = stmt(dbOf(ctx), 'SELECT id, number, version, approval_state AS state FROM budget_versions WHERE plan_id = ? AND approval_state IN (\'draft\',\'submitted\',\'returned\')').get(planId) as
    | { id: number; number: number; version: number; state: (typeof OPEN_STATES)[number] }
    | undefined;
  if (open && !EDITABLE_STATES.includes(open.state)) {
    throw new ApiError('open_version_exists', 'The next year\'s plan has a submitted version; decide it first', { versionId: open.id });
  }
  return { planId, draft: open ? { id: open.id, number: open.number, version: open.version } : null };
}

export function buildProposal(ctx: OrgCtx, p: Params): Proposal {
  const db = dbOf(ctx);
  const planId = planIdOf(ctx, p.sourceYear);
  if (planId === null) throw new ApiError('no_budget_plan', `There is no budget plan for ${p.sourceYear}`, { fiscalYear: p.sourceYear });
  const lines = planLines(ctx, planId);
  const inForce = versionMonths(ctx, inForceVersionId(db, planId));
  const actual = new Map(
    (stmt(db, "SELECT e.line_id AS lineId, sum(e.amount) AS a FROM budget_ledger e JOIN budget_lines l ON l.id = e.line_id WHERE l.plan_id = ? AND e.kind = 'actual' GROUP BY e.line_id").all(planId) as {
      lineId: number;
      a: number;
    }[]).map((r) => [r.lineId, r.a]),
  );
  // partners' margins over the year: known sum, and whether any month with revenue lacks it
  const margins = stmt(
    db,
    `SELECT r.partner_id AS id, p.channel_type_id AS channelTypeId, o.path, sum(r.gross_margin) AS margin, count(r.gross_margin) AS known,
       sum(r.gross_margin IS NULL AND r.revenue > 0) AS unknown
     FROM sales_results r JOIN partners p ON p.id = r.partner_id JOIN org_units o ON o.id = p.org_unit_id
     WHERE r.period BETWEEN ? AND ? GROUP BY r.partner_id`,
  ).all(periodOf(p.sourceYear, 1), periodOf(p.sourceYear, 12)) as { id: number; channelTypeId: number; path: string; margin: number | null; known: number; unknown: number }[];
  const byPartner = new Map(margins.map((m) => [m.id, m]));

  const costOf = (l: LineRec) => actual.get(l.lineId) ?? 0;
  const poolKey = (l: LineRec) => (l.partnerId !== null ? `p${l.partnerId}` : `u${l.orgUnitId}|${l.channelTypeId}`);
  const poolCost = new Map<string, number>();
  for (const l of lines) {
    const c = costOf(l);
    if (l.partnerId !== null) poolCost.set(`p${l.partnerId}`, (poolCost.get(`p${l.partnerId}`) ?? 0) + c);
    const u = `u${l.orgUnitId}|${l.channelTypeId}`;
    poolCost.set(u, (poolCost.get(u) ?? 0) + c);
  }
  const poolMargin = new Map<string, number | null>();
  const marginOfPool = (l: LineRec): number | null => {
    const key = poolKey(l);
    if (poolMargin.has(key)) return poolMargin.get(key)!;
    const members = l.partnerId !== null ? [byPartner.get(l.partnerId)].filter((m) => !!m) : margins.filter((m) => m.channelTypeId === l.channelTypeId && m.path.startsWith(l.path));
    const known = members.some((m) => m!.known > 0) && !members.some((m) => m!.unknown > 0);
    const v = known ? members.reduce((a, m) => a + (m!.margin ?? 0), 0) : null;
    poolMargin.set(key, v);
    return v;
  };

  const rows = lines.map((l) => {
    const cost = costOf(l);
    const pc = poolCost.get(poolKey(l)) ?? 0;
    const pm = marginOfPool(l);
    const roi = pm === null || pc === 0 ? null : (pm - pc) / pc;
    const margin = pm === null || pc === 0 ? null : Math.round((pm * cost) / pc);
    const thisYear = (inForce.get(l.lineId)?.amounts ?? []).reduce((a, b) => a + b, 0);
    return { l, cost, roi, margin, thisYear };
  });
  const bases = rows.map((r) => r.cost);
  const defaultTotal = grownTotal(bases, p.growthBp);
  const total = p.total ?? defaultTotal;
  if (bases.every((b) => b === 0) && total > 0) throw new ApiError('proposal_no_actuals', `No line of ${p.sourceYear} has actual spend`, { fiscalYear: p.sourceYear });
  const res = proposeBudget(
    rows.map((r) => ({ base: r.cost, roi: r.roi })),
    { growthBp: p.growthBp, boundBp: p.boundBp, total },
  );
  return {
    sourceYear: p.sourceYear,
    targetYear: p.sourceYear + 1,
    growthBp: p.growthBp,
    boundBp: p.boundBp,
    total,
    defaultTotal,
    relaxed: res.relaxed,
    lines: rows.map((r, i) => {
      const { path, ...label } = r.l;
      void path;
      return {
        ...label,
        thisYear: r.thisYear,
        actual: r.cost,
        margin: r.margin,
        roiBp: r.roi === null ? null : Math.round(r.roi * 10_000),
        lo: res.lo[i]!,
        hi: res.hi[i]!,
        proposed: res.amounts[i]!,
      };
    }),
    target: proposalTarget(ctx, p.sourceYear + 1),
  };
}
