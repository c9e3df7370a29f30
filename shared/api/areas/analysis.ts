import { z } from 'zod';
import { method } from '../define';
import {
  ANALYSIS_DIMENSIONS, ANALYSIS_GRAINS, BASELINES, EXPORT_VIEWS, METRIC_COLUMNS, RANKINGS, TOP_MEASURES, VERDICTS,
  type BudgetVsActualPoint, type MetricsTable, type PartnerScorePage, type PostEvaluationPage, type PostEvaluationSummaryRow, type Ranking,
  type ScatterData, type ScoreWeights, type TopBottom, type TrendPoint, type YellowCard,
} from './analysisTypes';
import { id, locale, period } from './common';
import type { FileRef } from './excel';

/**
 * Cost-benefit analysis and partner evaluation (SPEC §6, issue 10 points 2–4).
 * Every figure is read in SQL from the documents, the budget ledger and the results data
 * (sales_results); nothing is stored but the score weights. Reads are for every role and see only
 * the partners of the caller's org-unit scope (a partner's org unit decides); rankings and yellow
 * cards are computed over the whole company (a card is a fact, not a view) and then shown only for
 * the caller's partners, org units and managers. The formulas: README.md "Analysis: formulas".
 */
export * from './analysisTypes';

const idList = z.array(id).max(10_000);

/** The slice: a period range and optional filters (orgUnitId = that unit's subtree; a partner's org unit decides). */
export const analysisFilter = z
  .object({
    from: period,
    to: period,
    orgUnitId: id.optional(),
    channelTypeIds: idList.optional(),
    costTypeIds: idList.optional(),
    partnerIds: idList.optional(),
  })
  .refine((f) => f.from <= f.to, { message: 'v.range', path: ['to'] })
  .refine((f) => Number(f.to.slice(0, 4)) * 12 + Number(f.to.slice(5, 7)) - (Number(f.from.slice(0, 4)) * 12 + Number(f.from.slice(5, 7))) < 120, {
    message: 'v.range',
    path: ['from'],
  });
export type AnalysisFilter = z.output<typeof analysisFilter>;

const baseline = z.enum(BASELINES).default('lastYear');
const paging = { limit: z.number().int().min(1).max(5000).default(500), offset: z.number().int().min(0).default(0) };

export const metricsInput = z.object({
  filter: analysisFilter,
  dimension: z.enum(ANALYSIS_DIMENSIONS),
  grain: z.enum(ANALYSIS_GRAINS).default('month'),
  baseline,
  sort: z.object({ col: z.enum(METRIC_COLUMNS), dir: z.enum(['asc', 'desc']) }).default({ col: 'key', dir: 'asc' }),
  ...paging,
});
export const trendInput = z.object({ filter: analysisFilter });
export const scatterInput = z.object({ filter: analysisFilter, limit: z.number().int().min(1).max(100_000).default(20_000) });
export const topBottomInput = z.object({
  filter: analysisFilter,
  dimension: z.enum(ANALYSIS_DIMENSIONS).default('partner'),
  measure: z.enum(TOP_MEASURES).default('revenue'),
  baseline,
  n: z.number().int().min(1).max(100).default(10),
});
export const postEvaluationsInput = z.object({
  /** requests whose activity ended in the range */
  filter: analysisFilter,
  baseline,
  verdict: z.enum(VERDICTS).optional(),
  managerId: id.optional(),
  ...paging,
});
export const postEvaluationSummaryInput = z.object({ filter: analysisFilter, baseline, by: z.enum(['manager', 'orgUnit']) });
const scoreFilter = z.object({
  period,
  orgUnitId: id.optional(),
  channelTypeIds: idList.optional(),
  partnerIds: idList.optional(),
});
export const scoresInput = scoreFilter.extend({
  /** only the partners with a yellow card this month */
  yellowOnly: z.boolean().default(false),
  sort: z.enum(['score', 'rankInChannelType', 'rankInOrgUnit', 'partner']).default('score'),
  ...paging,
});
export const rankingInput = scoreFilter.extend({ kind: z.enum(RANKINGS) });
const monthIndex = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
/** each month of the range is ranked in full, so the history is bounded (the page shows 12 months) */
export const YELLOW_CARD_MAX_MONTHS = 24;
export const yellowCardsInput = z
  .object({
    from: period,
    to: period,
    orgUnitId: id.optional(),
    kinds: z.array(z.enum(RANKINGS)).max(4).optional(),
    /** one subject's history: a partner, org unit or manager (user) id, with `kinds` saying which */
    subjectId: id.optional(),
  })
  .refine((f) => f.from <= f.to, { message: 'v.range', path: ['to'] })
  .refine((f) => monthIndex(f.to) - monthIndex(f.from) < YELLOW_CARD_MAX_MONTHS, { message: 'v.range', path: ['from'] });
export const weightsInput = z
  .object({
    revenue: z.number().int().min(0, 'v.range').max(100, 'v.range'),
    costRatio: z.number().int().min(0, 'v.range').max(100, 'v.range'),
    timeliness: z.number().int().min(0, 'v.range').max(100, 'v.range'),
    flags: z.number().int().min(0, 'v.range').max(100, 'v.range'),
    /** default: the current month */
    effectiveFrom: period.optional(),
  })
  .refine((w) => w.revenue + w.costRatio + w.timeliness + w.flags === 100, { message: 'v.weights_sum', path: ['revenue'] });

/** what an export writes: the view and the same input the screen used (checked against that view's schema) */
export const exportInput = z.object({
  view: z.enum(EXPORT_VIEWS),
  input: z.record(z.string(), z.unknown()),
  locale: locale.optional(),
  jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'v.invalid').optional(),
});

export const analysisApi = {
  /** spend, revenue, ratio, ROI, budget execution, settlement lag, cycle time per dimension member × period bucket */
  'analysis.metrics': method<MetricsTable>()(metricsInput, { scope: 'org' }),
  /** per month of the range: committed, actual, revenue, cost ratio */
  'analysis.trend': method<TrendPoint[]>()(trendInput, { scope: 'org' }),
  /** spend vs revenue per partner over the range, with the quadrant lines */
  'analysis.scatter': method<ScatterData>()(scatterInput, { scope: 'org' }),
  /** per month: allocated budget, committed, actual, execution (the ledger's cells of the caller's org units) */
  'analysis.budgetVsActual': method<BudgetVsActualPoint[]>()(trendInput, { scope: 'org' }),
  /** the n best and n worst members by a measure (ratio: lowest is best) */
  'analysis.topBottom': method<TopBottom>()(topBottomInput, { scope: 'org' }),
  /** post-evaluations of closed requests (activity ended in the range) */
  'analysis.postEvaluations': method<PostEvaluationPage>()(postEvaluationsInput, { scope: 'org' }),
  /** post-evaluations counted per manager or org unit */
  'analysis.postEvaluationSummary': method<PostEvaluationSummaryRow[]>()(postEvaluationSummaryInput, { scope: 'org' }),
  /** partner scores of a month with components, ranks, yellow cards and suggested star */
  'analysis.scores': method<PartnerScorePage>()(scoresInput, { scope: 'org' }),
  /** one ranking of a month (partners within channel type / org unit, org units, managers), bottom three flagged */
  'analysis.ranking': method<Ranking>()(rankingInput, { scope: 'org' }),
  /** yellow cards (bottom three of each ranking) of the months in the range, newest first */
  'analysis.yellowCards': method<YellowCard[]>()(yellowCardsInput, { scope: 'org' }),
  /** the score weights in force for a month (default: the current month) */
  'analysis.weights.get': method<ScoreWeights>()(z.object({ period: period.optional() }).default({}), { scope: 'company' }),
  /** administrators only: new weights from a month on (earlier months keep theirs) */
  'analysis.weights.set': method<ScoreWeights>()(weightsInput, { scope: 'company', roles: ['admin'] }),
  /** the figures of an analysis view as xlsx (through the Excel engine's grid export) */
  'analysis.export': method<FileRef & { rows: number }>()(exportInput, { scope: 'org' }),
} as const;
