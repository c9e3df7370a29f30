import type { BudgetVersion } from '../../../shared/api/areas/budgets';
import { ApiError } from '../../../shared/api/errors';
import { spreadByWeights, spreadEven, type ControlMode } from '../../../shared/domain/budget';
import type { Handlers, OrgCtx } from '../context';
import { createPlan, getVersionRow, inForceVersionId, reviseVersion, toVersion } from '../budgets/plans';
import { saveVersionLines } from '../budgets/saveLines';
import { dbOf, inTx, stmt } from '../budgets/sql';
import { buildProposal, planIdOf, planLines, proposalTarget, versionMonths } from './proposal';

/**
 * Saving a proposal as a draft of the next year's plan, through the budgets' own write path:
 * `createPlan` (no plan yet: version 1 is the draft), `reviseVersion` (a plan without an open
 * version: a new draft copying the version in force) or the plan's open draft as it is — then one
 * `saveVersionLines` with a row per proposed line (same org unit × channel type × cost type ×
 * partner as this year's line, its control rule carried over). Each annual amount is spread over
 * the months like this year's budget of the line (spreadByWeights: largest remainder, earliest
 * month first), evenly when the line had none. Lines of the draft not in the proposal stay as
 * they are. One transaction: the plan, the draft and the lines are all there or none is.
 */
function saveProposal(ctx: OrgCtx, i: { sourceYear: number; lines: { lineId: number; amount: number }[]; draft: { id: number; version: number } | null }): BudgetVersion {
  const db = dbOf(ctx);
  const sourcePlan = planIdOf(ctx, i.sourceYear);
  if (sourcePlan === null) throw new ApiError('no_budget_plan', `There is no budget plan for ${i.sourceYear}`, { fiscalYear: i.sourceYear });
  const lines = new Map(planLines(ctx, sourcePlan).map((l) => [l.lineId, l]));
  const missing = i.lines.findIndex((l) => !lines.has(l.lineId));
  if (missing >= 0) {
    // a line of the plan outside the caller's scope, or no line of the plan at all
    const inPlan = stmt(db, 'SELECT 1 FROM budget_lines WHERE id = ? AND plan_id = ?', true).get(i.lines[missing]!.lineId, sourcePlan) !== undefined;
    throw new ApiError('validation', 'Not a line of the source plan in your scope', undefined, [{ path: `lines.${missing}.lineId`, reason: inPlan ? 'v.out_of_scope' : 'v.invalid' }]);
  }
  const months = versionMonths(ctx, inForceVersionId(db, sourcePlan));
  const target = i.sourceYear + 1;

  const versionId = inTx(ctx, () => {
    const t = proposalTarget(ctx, target);
    let vid: number;
    if (t.planId === null) {
      const plan = createPlan(ctx, target, `${target}年度渠道费用预算`);
      vid = plan.versions[0]!.id;
    } else if (t.draft) {
      if (!i.draft || i.draft.id !== t.draft.id || i.draft.version !== t.draft.version) {
        throw new ApiError('stale', 'The next year\'s draft changed since the proposal was made', { id: t.draft.id });
      }
      vid = t.draft.id;
    } else vid = reviseVersion(ctx, t.planId, '预算建议').id;
    const rows = i.lines.map((p) => {
      const l = lines.get(p.lineId)!;
      const src = months.get(p.lineId);
      const weights = src?.amounts ?? [];
      const amounts = weights.some((w) => w > 0) ? spreadByWeights(p.amount, weights) : spreadEven(p.amount);
      return {
        orgUnitId: l.orgUnitId,
        channelTypeId: l.channelTypeId,
        costTypeId: l.costTypeId,
        partnerId: l.partnerId,
        amounts,
        ...(src ? { controlMode: src.controlMode as ControlMode | null, toleranceBp: src.toleranceBp } : {}),
      };
    });
    const v = getVersionRow(db, vid);
    saveVersionLines(ctx, { versionId: vid, version: v.version, rows, removeLineIds: [] });
    return vid;
  });
  return toVersion(ctx, getVersionRow(db, versionId));
}

export const proposalHandlers = {
  'results.proposal': (p, ctx) => buildProposal(ctx, p),
  'results.saveProposal': (i, ctx) => saveProposal(ctx, i),
} satisfies Handlers<'results.proposal' | 'results.saveProposal'>;
