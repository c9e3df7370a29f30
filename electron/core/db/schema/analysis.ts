import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { partners, users } from './master';

/**
 * Results data for cost-benefit analysis (SPEC §6): sales actuals per partner × month, imported
 * through the Excel engine (kind `results`) or edited in the grid. Money is integer fen.
 * Gross margin is NULL where the partner's margin is not known (never 0 as a stand-in: a
 * "not known" margin makes ROI "not measurable", a 0 margin makes it −100 %).
 */
export const salesResults = sqliteTable(
  'sales_results',
  {
    partnerId: integer('partner_id').notNull().references(() => partners.id),
    /** 'YYYY-MM' */
    period: text('period').notNull(),
    revenue: integer('revenue').notNull().default(0),
    grossMargin: integer('gross_margin'),
    newSubscribers: integer('new_subscribers').notNull().default(0),
    updatedBy: integer('updated_by').notNull().references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    /** optimistic concurrency for grid edits */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.period] }),
    index('sales_results_period_ix').on(t.period, t.partnerId),
    // analysis: every sum of results (per month, per partner over a range) read from an index alone
    index('sales_results_period_cover_ix').on(t.period, t.partnerId, t.revenue, t.grossMargin),
    index('sales_results_partner_cover_ix').on(t.partnerId, t.period, t.revenue, t.grossMargin),
    check('sales_results_period_ck', sql`${t.period} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`),
    check('sales_results_revenue_ck', sql`typeof(${t.revenue}) = 'integer'`),
    check('sales_results_margin_ck', sql`${t.grossMargin} is null or typeof(${t.grossMargin}) = 'integer'`),
    check('sales_results_subs_ck', sql`typeof(${t.newSubscribers}) = 'integer' and ${t.newSubscribers} >= 0`),
  ],
);

/**
 * The weights of the monthly partner score (issue 10 point 4), set by an administrator. Appended,
 * never changed: the weights of month M are the newest row with effective_from ≤ M (ties: the
 * higher id), so a past month's score and yellow cards keep the weights they were computed with.
 * No row: the default 40 / 30 / 20 / 10 (electron/core/analysis/weights.ts).
 */
export const scoreWeights = sqliteTable(
  'score_weights',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'YYYY-MM' */
    effectiveFrom: text('effective_from').notNull(),
    revenue: integer('revenue').notNull(),
    costRatio: integer('cost_ratio').notNull(),
    timeliness: integer('timeliness').notNull(),
    flags: integer('flags').notNull(),
    setBy: integer('set_by').notNull().references(() => users.id),
    setAt: text('set_at').notNull(),
  },
  (t) => [
    index('score_weights_from_ix').on(t.effectiveFrom, t.id),
    check('score_weights_sum_ck', sql`${t.revenue} + ${t.costRatio} + ${t.timeliness} + ${t.flags} = 100`),
    check('score_weights_min_ck', sql`${t.revenue} >= 0 and ${t.costRatio} >= 0 and ${t.timeliness} >= 0 and ${t.flags} >= 0`),
  ],
);
