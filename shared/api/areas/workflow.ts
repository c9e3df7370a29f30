import { z } from 'zod';
import { ROLES, method } from '../define';
import type { HistoryEntry } from './budgetTypes';
import { fen, id, isoDate } from './common';
import {
  APPROVABLE_TYPES, ORG_LEVELS, type DelegationRow, type HomeSummary, type QueueItem, type RouteRow, type RunProgress,
  type SimulatedStep, type DocumentDetail, type ActResult, type UserRef,
} from './workflowTypes';

/**
 * Approval routes, the approver's queue, delegation, history (SPEC §4) — one engine for every
 * approvable document: cost requests, claims, budget transfers and budget versions.
 */
export * from './workflowTypes';

const version = z.number().int().min(0);
const docType = z.enum(APPROVABLE_TYPES);
const docRef = z.object({ docType, docId: id });
const comment = z.string().trim().max(500, 'v.too_long').default('');

export const routeConditions = z
  .object({
    minAmount: fen.nullable().default(null),
    maxAmount: fen.nullable().default(null),
    costTypeIds: z.array(id).max(200).default([]),
    channelTypeIds: z.array(id).max(200).default([]),
    /** the document's org unit lies in this unit's subtree */
    orgUnitId: id.nullable().default(null),
  })
  .refine((c) => c.minAmount === null || c.maxAmount === null || c.minAmount <= c.maxAmount, { message: 'v.range', path: ['maxAmount'] });

export const routeStep = z.discriminatedUnion('kind', [
  /** people of a role assigned at the document's org unit, or at a level above it (e.g. the branch that contains its county) */
  z.object({ kind: z.literal('role'), name: z.string().trim().min(1).max(60), role: z.enum(ROLES), level: z.enum(ORG_LEVELS).default('own'), mode: z.enum(['any', 'all']).default('any'), slaHours: z.number().int().min(1).max(24 * 60).default(48) }),
  z.object({ kind: z.literal('user'), name: z.string().trim().min(1).max(60), userId: id, mode: z.enum(['any', 'all']).default('any'), slaHours: z.number().int().min(1).max(24 * 60).default(48) }),
  /** the manager of the document's org unit (or of the nearest unit above it that has one) */
  z.object({ kind: z.literal('manager'), name: z.string().trim().min(1).max(60), mode: z.enum(['any', 'all']).default('any'), slaHours: z.number().int().min(1).max(24 * 60).default(48) }),
]);

export const routeInput = z.object({
  docType,
  name: z.string().trim().min(1, 'v.required').max(100, 'v.too_long'),
  priority: z.number().int().min(0).max(10_000),
  conditions: routeConditions.default({ minAmount: null, maxAmount: null, costTypeIds: [], channelTypeIds: [], orgUnitId: null }),
  steps: z.array(routeStep).min(1, 'v.required').max(10),
});

const ADMIN = ['admin'] as const;

export const workflowApi = {
  /** everything waiting for me and for those I stand in for */
  'approvals.queue': method<{ rows: QueueItem[]; total: number }>()(
    z.object({
      sort: z.enum(['age', 'amount', 'impact']).default('age'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      docTypes: z.array(docType).max(4).default([]),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    { scope: 'org' },
  ),
  /** the document, its lines, attachments, budget before/after, the partner's last 12 months, route progress and history */
  'approvals.detail': method<DocumentDetail>()(docRef, { scope: 'org' }),
  /**
   * approve / reject (reason) / return (reason) / comment / forward (to an eligible approver, reason).
   * `confirmWarn` confirms approving past a warn-controlled budget line (recorded in the history).
   */
  'approvals.act': method<ActResult>()(
    docRef.extend({ version, action: z.enum(['approve', 'reject', 'return', 'comment', 'forward']), comment, toUserId: id.optional(), confirmWarn: z.boolean().default(false) }),
    { scope: 'org' },
  ),
  /** approves each item in its own transaction; a result per item */
  'approvals.bulkApprove': method<{ results: (ActResult & { ok: boolean; error?: { code: string; message: string; params?: Record<string, unknown> } })[] }>()(
    z.object({ items: z.array(docRef.extend({ version })).min(1).max(1000), comment, confirmWarn: z.boolean().default(false) }),
    { scope: 'org' },
  ),
  /** the submitter takes the document back before the first decision (撤回); it becomes a draft again */
  'approvals.withdraw': method<ActResult>()(docRef.extend({ version, comment }), { scope: 'org' }),
  /** who would approve each step, for a draft (or any) document */
  'approvals.simulate': method<{ routeId: number; routeName: string; routeVersion: number; steps: SimulatedStep[] }>()(docRef, { scope: 'org' }),
  /** the route's steps with their tasks (who, state, when, for whom) */
  'approvals.progress': method<RunProgress | null>()(docRef, { scope: 'org' }),
  /** people a waiting task may be forwarded to */
  'approvals.forwardTargets': method<UserRef[]>()(docRef, { scope: 'org' }),
  'documents.history': method<HistoryEntry[]>()(docRef, { scope: 'org' }),

  'routes.list': method<RouteRow[]>()(z.object({ docType: docType.optional(), includeOld: z.boolean().default(false) }), { scope: 'company' }),
  /** a new route, or a new version of route `id` */
  'routes.save': method<RouteRow>()(routeInput.extend({ id: id.optional() }), { scope: 'org', roles: ADMIN }),
  'routes.setActive': method<RouteRow>()(z.object({ id, active: z.boolean() }), { scope: 'company', roles: ADMIN }),

  'delegations.list': method<DelegationRow[]>()(z.object({}).default({}), { scope: 'org' }),
  /** I name a stand-in (administrators may name one for anyone in their scope) */
  'delegations.create': method<DelegationRow>()(
    z
      .object({ fromUserId: id.optional(), toUserId: id, startDate: isoDate, endDate: isoDate, docTypes: z.array(docType).max(4).default([]), note: comment })
      .refine((d) => d.startDate <= d.endDate, { message: 'v.range', path: ['endDate'] }),
    { scope: 'org' },
  ),
  'delegations.end': method<DelegationRow>()(z.object({ id }), { scope: 'org' }),

  /** walks the hash chain of the document history; names the first broken row */
  'history.verify': method<{ ok: boolean; rows: number; firstBroken: number | null }>()(z.object({}).default({}), { scope: 'company', roles: ADMIN }),
  /** the start page (工作台): what needs me */
  'home.summary': method<HomeSummary>()(z.object({}).default({}), { scope: 'org' }),
} as const;
