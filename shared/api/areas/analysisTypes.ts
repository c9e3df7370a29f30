/**
 * Output types of the analysis area (SPEC §6, issue 10). Money is integer fen; every ratio is an
 * integer in basis points (1 % = 100 bp, rounded half away from zero, shared/domain/money.ts
 * `divRound`) or null where it is not defined (division by zero, margin not known, no baseline).
 * Durations are days (a number with one decimal) or null where nothing was measured.
 * The formulas are written in README.md "Analysis: formulas" and, for the UI's tooltips, in
 * shared/i18n/analysisFormulas.ts (`analysisFormulas.*`).
 */

export const ANALYSIS_DIMENSIONS = ['partner', 'orgUnit', 'manager', 'channelType', 'costType'] as const;
export type AnalysisDimension = (typeof ANALYSIS_DIMENSIONS)[number];
/** month 'YYYY-MM'; quarter 'YYYY-Qn'; year 'YYYY'; ytd: one bucket 'YYYY-YTD' (January of `to`'s year → `to`) */
export const ANALYSIS_GRAINS = ['month', 'quarter', 'year', 'ytd'] as const;
export type AnalysisGrain = (typeof ANALYSIS_GRAINS)[number];
/** lastYear: the same months one year earlier; pre3: the 3 months before (the bucket, or the request's activity), scaled to the bucket's months */
export const BASELINES = ['lastYear', 'pre3'] as const;
export type Baseline = (typeof BASELINES)[number];
export const VERDICTS = ['effective', 'not_effective', 'not_measurable'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const RANKINGS = ['partnerInChannelType', 'partnerInOrgUnit', 'orgUnit', 'manager'] as const;
export type RankingKind = (typeof RANKINGS)[number];
/** the measures top/bottom lists can rank by */
export const TOP_MEASURES = ['revenue', 'actual', 'ratio', 'roi', 'score'] as const;
export type TopMeasure = (typeof TOP_MEASURES)[number];
/** the sortable columns of the metrics table */
export const METRIC_COLUMNS = [
  'key', 'bucket', 'committed', 'actual', 'revenue', 'grossMargin', 'ratioBp', 'roiBp', 'executionBp', 'settlementLagDays', 'cycleDays',
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];
/** the views `analysis.export` writes as xlsx */
export const EXPORT_VIEWS = ['metrics', 'trend', 'scatter', 'budgetVsActual', 'topBottom', 'postEvaluations', 'scores', 'rankings', 'yellowCards'] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];

/** a dimension member: id (null = the "none" member, e.g. partners without a manager) and its name in the caller's language */
export interface DimKey {
  id: number | null;
  code: string;
  name: string;
}

export interface MetricsRow {
  key: DimKey;
  /** the period bucket label (see ANALYSIS_GRAINS) */
  bucket: string;
  /** still committed (held by approved requests and claims, not yet paid): the ledger's committed bucket */
  committed: number;
  /** paid (the ledger's actual bucket) */
  actual: number;
  /** null for the cost-type dimension (revenue is not booked per cost type) */
  revenue: number | null;
  /** null when any result row of the slice has no margin, or for cost types */
  grossMargin: number | null;
  /** the baseline's margin scaled to the bucket; null when not known */
  baselineMargin: number | null;
  /** actual ÷ revenue */
  ratioBp: number | null;
  /** (grossMargin − baselineMargin − actual) ÷ actual */
  roiBp: number | null;
  /** actual ÷ allocated budget of the same slice (ledger cells); null for the manager dimension or no allocation */
  executionBp: number | null;
  allocated: number | null;
  /** mean days activity end → claim submitted, claims submitted in the bucket */
  settlementLagDays: number | null;
  /** mean days submitted → final decision (approved/rejected), requests and claims decided in the bucket */
  cycleDays: number | null;
}

export interface MetricsTable {
  rows: MetricsRow[];
  /** rows before paging */
  total: number;
  /** one row per bucket over the whole filtered slice (key = { id: null, code: '', name: 'Σ' }) */
  totals: MetricsRow[];
  buckets: string[];
}

export interface TrendPoint {
  period: string;
  committed: number;
  actual: number;
  revenue: number;
  ratioBp: number | null;
}

export interface ScatterPoint {
  partnerId: number;
  code: string;
  name: string;
  channelTypeId: number;
  orgUnitId: number;
  actual: number;
  committed: number;
  revenue: number;
  ratioBp: number | null;
}
export interface ScatterData {
  points: ScatterPoint[];
  /** partners with cost or revenue in the range (points are the first `limit` by actual desc, revenue desc, id) */
  total: number;
  /** the quadrant lines: medians over all `total` partners (lower median) */
  medianActual: number;
  medianRevenue: number;
}

export interface BudgetVsActualPoint {
  period: string;
  allocated: number;
  committed: number;
  actual: number;
  executionBp: number | null;
}

export interface TopBottomRow {
  key: DimKey;
  value: number | null;
  revenue: number;
  actual: number;
}
export interface TopBottom {
  top: TopBottomRow[];
  bottom: TopBottomRow[];
}

export interface PostEvaluation {
  requestId: number;
  number: string;
  title: string;
  partner: DimKey;
  orgUnit: DimKey;
  manager: DimKey;
  costType: DimKey;
  activityStart: string;
  activityEnd: string;
  /** the request's amount */
  plannedCost: number;
  /** what approved claims took of it (claimed amount) */
  actualCost: number;
  /** the request's expected revenue (the uplift it promised) */
  expectedUplift: number;
  /** revenue over the activity months − the baseline revenue; null when not measurable */
  actualUplift: number | null;
  activityRevenue: number | null;
  baselineRevenue: number | null;
  /** (incremental margin − actual cost) ÷ actual cost; null when the margin is not known */
  roiBp: number | null;
  verdict: Verdict;
  /** why: 'no_results' | 'target_met' | 'below_target' | 'negative_roi' (i18n analysisFormulas.verdictReason.*) */
  reason: string;
}
export interface PostEvaluationPage {
  rows: PostEvaluation[];
  total: number;
}
export interface PostEvaluationSummaryRow {
  key: DimKey;
  count: number;
  effective: number;
  notEffective: number;
  notMeasurable: number;
  plannedCost: number;
  actualCost: number;
  expectedUplift: number;
  actualUplift: number;
}

/** the weights of the partner score: non-negative integers summing to 100 */
export interface ScoreWeights {
  revenue: number;
  costRatio: number;
  timeliness: number;
  flags: number;
  /** the first month they apply to ('YYYY-MM'); earlier months keep the weights then in force */
  effectiveFrom: string;
  setBy: string | null;
  setAt: string | null;
}

export interface PartnerScore {
  partner: DimKey;
  orgUnit: DimKey;
  channelType: DimKey;
  manager: DimKey;
  period: string;
  revenue: number;
  actual: number;
  ratioBp: number | null;
  claimsSubmitted: number;
  claimsOnTime: number;
  duplicateFlags: number;
  rejectedFlags: number;
  /** component scores 0–100 (two decimals) */
  revenueScore: number;
  costRatioScore: number;
  timelinessScore: number;
  flagsScore: number;
  /** Σ weight × component ÷ 100 (two decimals) */
  score: number;
  rankInChannelType: number;
  ofInChannelType: number;
  rankInOrgUnit: number;
  ofInOrgUnit: number;
  yellowInChannelType: boolean;
  yellowInOrgUnit: boolean;
  currentStar: number;
  suggestedStar: number;
}
export interface PartnerScorePage {
  weights: ScoreWeights;
  rows: PartnerScore[];
  total: number;
}

export interface RankingRow {
  kind: RankingKind;
  /** the group the rank is within (channel type or org unit); null for the org-unit and manager rankings */
  group: DimKey | null;
  subject: DimKey;
  score: number;
  /** partners behind an org unit's or a manager's score (1 for a partner) */
  partners: number;
  rank: number;
  of: number;
  yellowCard: boolean;
}
export interface Ranking {
  period: string;
  kind: RankingKind;
  weights: ScoreWeights;
  rows: RankingRow[];
}

export interface YellowCard {
  period: string;
  kind: RankingKind;
  group: DimKey | null;
  subject: DimKey;
  score: number;
  rank: number;
  of: number;
}
