import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { channelTypes, costTypes, orgUnits, partners, users } from './master';

/**
 * Budgets: plans per fiscal year, versions with twelve month amounts per line, transfers, closed
 * periods, the append-only budget ledger and the append-only document history.
 * Money is integer fen; periods are 'YYYY-MM'; timestamps ISO-8601 UTC.
 * Triggers (append-only ledger and history, closed periods, frozen versions) are in
 * ../triggers.sql, written into a custom migration by ../gen-migrations.ts.
 */
const APPROVAL_STATE_SQL = `'draft','submitted','approved','rejected','returned','cancelled'`;
const approvalState = text('approval_state', { enum: ['draft', 'submitted', 'approved', 'rejected', 'returned', 'cancelled'] })
  .notNull()
  .default('draft');
const control = text('control_mode', { enum: ['block', 'warn', 'none'] });
/** who submitted and who decided: the interim rule (another finance user decides) and later routes read them */
const approvalColumns = {
  approvalState,
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  submittedBy: integer('submitted_by').references(() => users.id),
  submittedAt: text('submitted_at'),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedAt: text('decided_at'),
  /** optimistic concurrency: every change names the version it saw */
  version: integer('version').notNull().default(0),
};

export const budgetPlans = sqliteTable(
  'budget_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fiscalYear: integer('fiscal_year').notNull(),
    name: text('name').notNull(),
    createdBy: integer('created_by').notNull().references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('budget_plans_year_uq').on(t.fiscalYear), check('budget_plans_year_ck', sql`${t.fiscalYear} between 2000 and 2100`)],
);

export const budgetVersions = sqliteTable(
  'budget_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => budgetPlans.id),
    /** 1, 2, 3 … within the plan */
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    basedOnVersionId: integer('based_on_version_id'),
    /** the one approved version whose amounts the ledger's allocations add up to */
    inForce: integer('in_force', { mode: 'boolean' }).notNull().default(false),
    ...approvalColumns,
  },
  (t) => [
    uniqueIndex('budget_versions_number_uq').on(t.planId, t.number),
    // only one approved version in force, and only one unfinished version, per plan
    uniqueIndex('budget_versions_in_force_uq').on(t.planId).where(sql`in_force = 1`),
    uniqueIndex('budget_versions_open_uq').on(t.planId).where(sql`approval_state in ('draft','submitted','returned')`),
    check('budget_versions_state_ck', sql.raw(`approval_state in (${APPROVAL_STATE_SQL})`)),
    check('budget_versions_in_force_ck', sql`${t.inForce} = 0 or ${t.approvalState} = 'approved'`),
  ],
);

/**
 * A line of a plan: org unit × channel type × cost type (× partner). Its identity outlives the
 * versions (the ledger posts to line × month). Branch and county are denormalised from the org
 * tree (units never change parent) so roll-ups group without walking paths.
 */
export const budgetLines = sqliteTable(
  'budget_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => budgetPlans.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
    channelTypeId: integer('channel_type_id').notNull().references(() => channelTypes.id),
    costTypeId: integer('cost_type_id').notNull().references(() => costTypes.id),
    partnerId: integer('partner_id').references(() => partners.id),
    /** partner id or 0: NULLs are distinct in a unique index, so the key uses this */
    partnerKey: integer('partner_key').generatedAlwaysAs(sql`coalesce(partner_id, 0)`, { mode: 'virtual' }),
    branchId: integer('branch_id'),
    countyId: integer('county_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('budget_lines_key_uq').on(t.planId, t.orgUnitId, t.channelTypeId, t.costTypeId, t.partnerKey),
    index('budget_lines_plan_org_ix').on(t.planId, t.orgUnitId),
  ],
);

const month = (n: number) => integer(`m${String(n).padStart(2, '0')}`).notNull().default(0);
const MONTH_CK = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)
  .map((c) => `typeof(${c}) = 'integer' and ${c} >= 0`)
  .join(' and ');

/** A version's amounts for one line: twelve months (fen) and the line's control rule (null = the cost type's default). */
export const budgetVersionLines = sqliteTable(
  'budget_version_lines',
  {
    versionId: integer('version_id').notNull().references(() => budgetVersions.id),
    lineId: integer('line_id').notNull().references(() => budgetLines.id),
    m01: month(1), m02: month(2), m03: month(3), m04: month(4), m05: month(5), m06: month(6),
    m07: month(7), m08: month(8), m09: month(9), m10: month(10), m11: month(11), m12: month(12),
    controlMode: control,
    toleranceBp: integer('tolerance_bp'),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.lineId] }),
    index('budget_version_lines_line_ix').on(t.lineId),
    check('budget_version_lines_fen_ck', sql.raw(MONTH_CK)),
    check('budget_version_lines_control_ck', sql`${t.controlMode} is null or ${t.controlMode} in ('block','warn','none')`),
    check('budget_version_lines_tolerance_ck', sql`${t.toleranceBp} is null or ${t.toleranceBp} between 0 and 10000`),
  ],
);

/** Closed periods: the ledger refuses entries in them (trigger). No row = open. */
export const budgetPeriods = sqliteTable('budget_periods', {
  period: text('period').primaryKey(),
  closed: integer('closed', { mode: 'boolean' }).notNull(),
  changedBy: integer('changed_by').notNull().references(() => users.id),
  changedAt: text('changed_at').notNull(),
  note: text('note').notNull().default(''),
  /** a pending request to reopen the closed period: who asked, when, why (another finance user confirms) */
  reopenRequestedBy: integer('reopen_requested_by').references(() => users.id),
  reopenRequestedAt: text('reopen_requested_at'),
  reopenNote: text('reopen_note'),
});

/** A transfer (调拨) of budget from one cell to another of the same plan. */
export const budgetTransfers = sqliteTable(
  'budget_transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id').notNull().references(() => budgetPlans.id),
    fromLineId: integer('from_line_id').notNull().references(() => budgetLines.id),
    fromPeriod: text('from_period').notNull(),
    toLineId: integer('to_line_id').notNull().references(() => budgetLines.id),
    toPeriod: text('to_period').notNull(),
    amount: integer('amount').notNull(),
    reason: text('reason').notNull(),
    ...approvalColumns,
  },
  (t) => [
    index('budget_transfers_plan_ix').on(t.planId, t.id),
    check('budget_transfers_amount_ck', sql`typeof(${t.amount}) = 'integer' and ${t.amount} > 0`),
    check('budget_transfers_state_ck', sql.raw(`approval_state in (${APPROVAL_STATE_SQL})`)),
  ],
);

/**
 * The budget ledger: every movement of budget money, appended and never changed (triggers
 * refuse UPDATE and DELETE). `amount` is the signed effect on the entry's bucket:
 *   allocated = Σ allocation (±, a version's change) + Σ transfer_in (+) + Σ transfer_out (−)
 *   committed = Σ commitment (+) + Σ release (−)
 *   actual    = Σ actual (±; negative only as a counter-entry)
 * so every balance is one SUM and available = allocated − committed − actual by construction.
 * `source` is the document that caused the entry; `against` the commitment document a
 * commitment, release or actual belongs to (a request), so what is still committed per request
 * is a sum too. `period` is the budget month of the cell the entry moves.
 */
export const LEDGER_KIND_SQL = `'allocation','transfer_out','transfer_in','commitment','release','actual'`;
export const budgetLedger = sqliteTable(
  'budget_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    lineId: integer('line_id').notNull().references(() => budgetLines.id),
    period: text('period').notNull(),
    kind: text('kind', { enum: ['allocation', 'transfer_out', 'transfer_in', 'commitment', 'release', 'actual'] }).notNull(),
    amount: integer('amount').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: integer('source_id').notNull(),
    sourceRef: text('source_ref').notNull().default(''),
    againstType: text('against_type'),
    againstId: integer('against_id'),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    // covering index: every balance of a cell (or a plan's cells) is read from the index alone
    index('budget_ledger_cell_ix').on(t.lineId, t.period, t.kind, t.amount),
    index('budget_ledger_source_ix').on(t.sourceType, t.sourceId),
    index('budget_ledger_against_ix').on(t.againstType, t.againstId),
    // analysis: spend per holder document and month, read from the index alone (electron/core/analysis)
    index('budget_ledger_analysis_ix').on(t.againstType, t.period, t.againstId, t.kind, t.amount),
    check('budget_ledger_kind_ck', sql.raw(`kind in (${LEDGER_KIND_SQL})`)),
    check(
      'budget_ledger_amount_ck',
      sql.raw(`typeof(amount) = 'integer' and amount <> 0 and (
        (kind in ('transfer_in','commitment') and amount > 0) or (kind in ('transfer_out','release') and amount < 0)
        or kind in ('allocation','actual'))`),
    ),
    check('budget_ledger_period_ck', sql`${t.period} glob '[0-9][0-9][0-9][0-9]-[01][0-9]'`),
  ],
);

/**
 * Append-only, hash-chained history of every document's state changes and comments
 * (document type + id, so any approvable document — and a future approval route — writes here).
 * hash = sha256(prev_hash + the row's fields); the chain runs over the whole table in id order.
 */
export const documentHistory = sqliteTable(
  'document_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentType: text('document_type').notNull(),
    documentId: integer('document_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    userId: integer('user_id').notNull().references(() => users.id),
    at: text('at').notNull(),
    comment: text('comment').notNull().default(''),
    /** a stand-in's action: user_id acted for this user ("B for A") */
    onBehalfOf: integer('on_behalf_of').references(() => users.id),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('document_history_doc_ix').on(t.documentType, t.documentId, t.id)],
);
