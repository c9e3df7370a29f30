import type { ActResult } from '../../../shared/api/areas/workflowTypes';
import { listHistory, verifyHistory } from '../budgets/history';
import { inTx } from '../budgets/sql';
import type { Handlers, OrgCtx } from '../context';
import { toApiError } from '../errors';
import { adapterOf, requireReadOf } from './adapters';
import { createDelegation, endDelegation, listDelegations } from './delegations';
import { detail } from './detail';
import { act, forwardTargets, runningRun, withdraw, type ActInput } from './engine';
import { homeSummary } from './home';
import { progressOf, simulate, userName } from './progress';
import { queue } from './queue';
import { routeHandlers } from './routes';

type M =
  | 'approvals.queue' | 'approvals.detail' | 'approvals.act' | 'approvals.bulkApprove' | 'approvals.withdraw' | 'approvals.simulate'
  | 'approvals.progress' | 'approvals.forwardTargets' | 'documents.history' | 'delegations.list' | 'delegations.create' | 'delegations.end'
  | 'history.verify' | 'home.summary';

type DocType = Parameters<typeof adapterOf>[0];

/** Each action reads the document inside its own IMMEDIATE transaction, so the version check sees the latest commit. */
function actOn(ctx: OrgCtx, type: DocType, id: number, i: ActInput): ActResult {
  return inTx(ctx, () => {
    const f = adapterOf(type).facts(ctx.db.$client, id);
    requireReadOf(ctx, f);
    return act(ctx, f, i);
  });
}

export const workflowHandlers: Handlers<M | 'routes.list' | 'routes.save' | 'routes.setActive'> = {
  ...routeHandlers,
  'approvals.queue': (i, ctx) => queue(ctx, i),
  'approvals.detail': (i, ctx) => detail(ctx, i.docType, i.docId),
  'approvals.act': (i, ctx) => actOn(ctx, i.docType, i.docId, i),
  /**
   * One write transaction for the whole call, a savepoint per item: an item that fails (conflict,
   * block, a rule) rolls back alone and is reported; the others are approved — and the call costs
   * one commit (one fsync) instead of one per item.
   */
  'approvals.bulkApprove': (i, ctx) =>
    inTx(ctx, () => ({
      results: i.items.map((it) => {
        try {
          return { ...actOn(ctx, it.docType, it.docId, { version: it.version, action: 'approve', comment: i.comment, confirmWarn: i.confirmWarn }), ok: true };
        } catch (e) {
          const { error } = toApiError(e);
          if (error.code === 'internal') throw e;
          return { docType: it.docType, docId: it.docId, state: 'submitted' as const, version: it.version, stepIndex: null, ok: false, error: { code: error.code, message: error.message, params: error.params } };
        }
      }),
    })),
  'approvals.withdraw': (i, ctx) =>
    inTx(ctx, () => {
      const f = adapterOf(i.docType).facts(ctx.db.$client, i.docId);
      requireReadOf(ctx, f);
      return withdraw(ctx, f, i.version, i.comment);
    }),
  'approvals.simulate': (i, ctx) => {
    const f = adapterOf(i.docType).facts(ctx.db.$client, i.docId);
    requireReadOf(ctx, f);
    return simulate(ctx.db.$client, f);
  },
  'approvals.progress': (i, ctx) => {
    const f = adapterOf(i.docType).facts(ctx.db.$client, i.docId);
    requireReadOf(ctx, f);
    return progressOf(ctx.db.$client, i.docType, i.docId);
  },
  'approvals.forwardTargets': (i, ctx) => {
    const f = adapterOf(i.docType).facts(ctx.db.$client, i.docId);
    requireReadOf(ctx, f);
    const run = runningRun(ctx.db.$client, f.type, f.id);
    return run ? forwardTargets(ctx, f, run.id).map((u) => userName(ctx.db.$client, u)!) : [];
  },
  'documents.history': (i, ctx) => {
    const f = adapterOf(i.docType).facts(ctx.db.$client, i.docId);
    requireReadOf(ctx, f);
    return listHistory(ctx.db.$client, i.docType, i.docId);
  },
  'delegations.list': (_i, ctx) => listDelegations(ctx),
  'delegations.create': (i, ctx) => createDelegation(ctx, i),
  'delegations.end': (i, ctx) => endDelegation(ctx, i.id),
  'history.verify': (_i, ctx) => {
    const firstBroken = verifyHistory(ctx.db.$client);
    const rows = ctx.db.$client.prepare('SELECT count(*) FROM document_history').pluck().get() as number;
    return { ok: firstBroken === null, rows, firstBroken };
  },
  'home.summary': (_i, ctx) => homeSummary(ctx),
};
