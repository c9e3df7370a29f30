import { z } from 'zod';
import { method } from '../define';
import { id, period } from './common';
import type { BudgetVersion } from './budgetTypes';

/**
 * Results data (SPEC §6, issue 10.1) and the next budget proposal (issue 10.6).
 *
 * Sales results are per partner × month: revenue (fen), gross margin (fen; null = not known, never 0
 * as a stand-in), new subscribers. They belong to the partner's org unit: every read is limited to
 * the caller's scope by it. Who writes: finance and administrators (the company's figures come from
 * the sales/finance systems; channel staff and approvers read their scope). Edits carry the row's
 * `version` (optimistic concurrency: a stale version refuses the whole save with `stale`).
 *
 * The proposal is for finance (it becomes a draft budget version, which only finance writes).
 */
const fen = z.number().int('v.integer_fen').min(0, 'v.non_negative').max(Number.MAX_SAFE_INTEGER);
const signedFen = z.number().int('v.integer_fen').min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const fiscalYear = z.number().int().min(2000, 'v.range').max(2100, 'v.range');
const RESULT_SORT = ['partner', 'orgUnit', 'period', 'revenue', 'grossMargin', 'newSubscribers'] as const;

/** One result as the API takes it (grid save, import, demo: the one write path's input). */
export const resultInput = z.object({
  partnerId: id,
  period,
  revenue: fen,
  /** null: not known */
  grossMargin: signedFen.nullable(),
  newSubscribers: z.number().int('v.integer').min(0, 'v.non_negative').max(100_000_000, 'v.range'),
});
export type ResultInput = z.infer<typeof resultInput>;

export const resultsQuery = z.object({
  from: period.optional(),
  to: period.optional(),
  /** this org unit and everything below it */
  orgUnitId: id.optional(),
  /** partner code or name contains */
  partner: z.string().trim().max(100).default(''),
  sort: z.array(z.object({ colId: z.enum(RESULT_SORT), sort: z.enum(['asc', 'desc']) })).max(3).default([]),
  limit: z.number().int().min(1).max(5000).default(200),
  offset: z.number().int().min(0).default(0),
});

export interface ResultRow {
  partnerId: number;
  partnerCode: string;
  partnerName: string;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitZh: string;
  orgUnitEn: string;
  period: string;
  revenue: number;
  grossMargin: number | null;
  newSubscribers: number;
  updatedAt: string;
  version: number;
}

export interface ResultTotals {
  rows: number;
  revenue: number;
  /** over the rows whose margin is known */
  grossMargin: number;
  marginKnownRows: number;
  newSubscribers: number;
}

export interface ResultsPage {
  rows: ResultRow[];
  totals: ResultTotals;
}

export interface SaveResultsOutcome {
  created: number;
  updated: number;
  unchanged: number;
  rows: ResultRow[];
}

/** The proposal's parameters. */
export const proposalParams = z.object({
  /** the year whose actuals and results are the base; the proposal is for sourceYear + 1 */
  sourceYear: fiscalYear,
  growthBp: z.number().int().min(-9_000, 'v.range').max(100_000, 'v.range').default(0),
  boundBp: z.number().int().min(0, 'v.range').max(10_000, 'v.range').default(2_000),
  /** the total to reach exactly; default Σ actual × (1 + growth) */
  total: fen.optional(),
});

export interface ProposalLineRow {
  /** the source year's line */
  lineId: number;
  orgUnitId: number;
  orgUnitCode: string;
  orgUnitZh: string;
  orgUnitEn: string;
  channelTypeId: number;
  channelTypeZh: string;
  channelTypeEn: string;
  costTypeId: number;
  costTypeZh: string;
  costTypeEn: string;
  partnerId: number | null;
  /** "code name" */
  partner: string | null;
  /** this year's budget: the version in force, whole year */
  thisYear: number;
  /** last year's actual (the ledger's actual entries of the line, whole year) */
  actual: number;
  /** margin attributed to the line (see README) and ROI in basis points; null = not measurable */
  margin: number | null;
  roiBp: number | null;
  lo: number;
  hi: number;
  proposed: number;
}

export interface Proposal {
  sourceYear: number;
  targetYear: number;
  growthBp: number;
  boundBp: number;
  total: number;
  defaultTotal: number;
  relaxed: boolean;
  lines: ProposalLineRow[];
  /** where "save as draft" writes: a new plan (v1), or the target year's open draft */
  target: { planId: number | null; draft: { id: number; number: number; version: number } | null };
}

export const resultsApi = {
  'results.list': method<ResultsPage>()(resultsQuery, { scope: 'org' }),
  /** upsert of edited cells; `version` = the row's version as read (null: a new row) */
  'results.save': method<SaveResultsOutcome>()(
    z.object({ rows: z.array(resultInput.extend({ version: z.number().int().min(0).nullable() })).min(1).max(5000, 'v.too_many_rows') }),
    { roles: ['finance', 'admin'], scope: 'org' },
  ),
  /** the proposal for sourceYear + 1 over the caller's scope */
  'results.proposal': method<Proposal>()(proposalParams, { roles: ['finance'], scope: 'org' }),
  /**
   * Saves the proposal (as shown and edited: annual fen per source line) as a draft of the next
   * year's plan: a new plan with version 1 when there is none, else the plan's open draft (its
   * `version` as shown in the proposal's target). Months are spread by this year's months.
   */
  'results.saveProposal': method<BudgetVersion>()(
    z.object({
      sourceYear: fiscalYear,
      lines: z.array(z.object({ lineId: id, amount: fen })).min(1).max(50_000, 'v.too_many_rows'),
      draft: z.object({ id, version: z.number().int().min(0) }).nullable().default(null),
    }),
    { roles: ['finance'], scope: 'org' },
  ),
} as const;
