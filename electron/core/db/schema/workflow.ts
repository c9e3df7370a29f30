import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgUnits, partners, users } from './master';

/**
 * Approval routes (审批流), the runs of documents through them, the approvers' tasks (the queue)
 * and delegations (代理审批). See electron/core/workflow/README.md for the rules.
 *
 * Routes are versioned by appending: an edit inserts a new row with the same `route_key` and
 * version + 1 and deactivates the old one; a run keeps the id of the row it started under, so a
 * document keeps the route version it was submitted under. Conditions and steps are JSON (parsed
 * and validated by zod in the core), so a route version is one immutable row.
 */
export const approvalRoutes = sqliteTable(
  'approval_routes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    routeKey: integer('route_key').notNull(),
    routeVersion: integer('route_version').notNull(),
    docType: text('doc_type').notNull(),
    name: text('name').notNull(),
    /** lower first; the first active route whose conditions match applies */
    priority: integer('priority').notNull(),
    conditions: text('conditions').notNull(),
    steps: text('steps').notNull(),
    /** the current version of its key (older versions stay for the runs that use them) */
    current: integer('current', { mode: 'boolean' }).notNull().default(true),
    /** switched off by an administrator (a current version may be inactive) */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('approval_routes_version_uq').on(t.routeKey, t.routeVersion),
    uniqueIndex('approval_routes_current_uq').on(t.routeKey).where(sql`current = 1`),
    index('approval_routes_type_ix').on(t.docType, t.priority),
  ],
);

/** One pass of a document through its route (a resubmission after a return starts a new run). */
export const approvalRuns = sqliteTable(
  'approval_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    routeId: integer('route_id').notNull().references(() => approvalRoutes.id),
    /** index of the step waiting now */
    stepIndex: integer('step_index').notNull().default(0),
    state: text('state', { enum: ['running', 'approved', 'rejected', 'returned', 'withdrawn'] }).notNull().default('running'),
    startedBy: integer('started_by').notNull().references(() => users.id),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [
    index('approval_runs_doc_ix').on(t.docType, t.docId),
    uniqueIndex('approval_runs_running_uq').on(t.docType, t.docId).where(sql`state = 'running'`),
    /** a route's count of runs (routes list, every submit's route match) */
    index('approval_runs_route_ix').on(t.routeId),
  ],
);

/**
 * An approver's task: one person at one step of one run. The queue is the waiting tasks of a
 * person (and of those they stand in for). The document's queue columns (number, requester, org
 * unit, partner, amount) are copied here at submission so a queue page is one indexed read.
 */
export const approvalTasks = sqliteTable(
  'approval_tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id').notNull().references(() => approvalRuns.id),
    docType: text('doc_type').notNull(),
    docId: integer('doc_id').notNull(),
    stepIndex: integer('step_index').notNull(),
    stepName: text('step_name').notNull(),
    mode: text('mode', { enum: ['any', 'all'] }).notNull(),
    assigneeId: integer('assignee_id').notNull().references(() => users.id),
    state: text('state', { enum: ['waiting', 'approved', 'rejected', 'returned', 'skipped', 'forwarded', 'withdrawn'] }).notNull().default('waiting'),
    /** how the assignee came to the task: the route, an escalation to a higher level, or a forward */
    via: text('via', { enum: ['route', 'escalated', 'forwarded'] }).notNull().default('route'),
    decidedBy: integer('decided_by').references(() => users.id),
    /** a stand-in's decision: decided_by for on_behalf_of ("B for A") */
    onBehalfOf: integer('on_behalf_of').references(() => users.id),
    decidedAt: text('decided_at'),
    comment: text('comment').notNull().default(''),
    createdAt: text('created_at').notNull(),
    dueAt: text('due_at').notNull(),
    docNumber: text('doc_number').notNull(),
    requesterId: integer('requester_id').notNull().references(() => users.id),
    orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
    partnerId: integer('partner_id').references(() => partners.id),
    amount: integer('amount').notNull(),
  },
  (t) => [
    index('approval_tasks_queue_ix').on(t.assigneeId, t.state, t.createdAt, t.id),
    index('approval_tasks_doc_ix').on(t.docType, t.docId, t.runId),
    /** a run's tasks (every action of the engine reads them) */
    index('approval_tasks_run_ix').on(t.runId),
    check('approval_tasks_amount_ck', sql`typeof(${t.amount}) = 'integer'`),
  ],
);

/** A stand-in (代理审批): `to` decides for `from` between the dates (inclusive), for all or some document types. */
export const delegations = sqliteTable(
  'delegations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fromUserId: integer('from_user_id').notNull().references(() => users.id),
    toUserId: integer('to_user_id').notNull().references(() => users.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** JSON array of document types; '[]' = all */
    docTypes: text('doc_types').notNull().default('[]'),
    note: text('note').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('delegations_to_ix').on(t.toUserId, t.active),
    check('delegations_dates_ck', sql`${t.startDate} <= ${t.endDate}`),
    check('delegations_self_ck', sql`${t.fromUserId} <> ${t.toUserId}`),
  ],
);
