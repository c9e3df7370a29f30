import type { Handlers } from '../context';
import { inTx } from '../budgets/sql';
import { addAttachment, attachmentContent, attachmentRow, removeAttachment } from './attachments';
import { claimFacts } from './claimRows';
import { cancelClaim, createClaim, getClaim, submitClaim, updateClaim } from './claims';
import { todayOf } from './dates';
import { previewOf } from './line';
import { listClaims, listRequests } from './lists';
import { exportPaymentList, listPayments, payClaim } from './payments';
import { requestFacts } from './requestRows';
import { cancelRequest, closeRequest, createRequest, expireDue, getRequest, submitRequest, updateRequest } from './requests';
import { resolveRefs } from './refs';
import { timeliness } from './timeliness';
import { systemUser } from '../workflow/startup';
import type { DocFacts } from '../workflow/types';
import type Database from 'better-sqlite3';

type M =
  | 'costRequests.list' | 'costRequests.get' | 'costRequests.create' | 'costRequests.update' | 'costRequests.budgetPreview' | 'costRequests.submit'
  | 'costRequests.cancel' | 'costRequests.close' | 'costRequests.expireDue'
  | 'claims.list' | 'claims.get' | 'claims.create' | 'claims.update' | 'claims.submit' | 'claims.cancel'
  | 'attachments.add' | 'attachments.remove' | 'attachments.content'
  | 'payments.create' | 'payments.list' | 'payments.exportList' | 'documents.timeliness';

const factsOf = (db: Database.Database, type: 'cost_request' | 'claim', id: number): DocFacts => (type === 'claim' ? claimFacts(db, id) : requestFacts(db, id));

/** The handlers of requests, claims, attachments and payments (SPEC §3). */
export const documentHandlers: Handlers<M> = {
  'costRequests.list': (i, ctx) => listRequests(ctx, i),
  'costRequests.get': (i, ctx) => getRequest(ctx, i.id),
  'costRequests.create': (i, ctx) => getRequest(ctx, createRequest(ctx, i)),
  'costRequests.update': (i, ctx) => {
    updateRequest(ctx, i);
    return getRequest(ctx, i.id);
  },
  'costRequests.budgetPreview': (i, ctx) => {
    const refs = resolveRefs(ctx, i);
    return previewOf(ctx.db.$client, { orgUnitId: refs.orgUnitId, channelTypeId: refs.channelTypeId, costTypeId: refs.costTypeId, partnerId: refs.partnerId }, i.activityStart, i.activityEnd, i.amount, ctx.user.locale);
  },
  'costRequests.submit': (i, ctx) => submitRequest(ctx, i),
  'costRequests.cancel': (i, ctx) => {
    cancelRequest(ctx, i);
    return getRequest(ctx, i.id);
  },
  'costRequests.close': (i, ctx) => {
    closeRequest(ctx, i);
    return getRequest(ctx, i.id);
  },
  // expiry is the system's act, whoever asks for it to run now (recorded as the system user)
  'costRequests.expireDue': (_i, ctx) => ({ expired: expireDue({ ...ctx, user: systemUser(ctx) }, ctx.scope.has) }),

  'claims.list': (i, ctx) => listClaims(ctx, i),
  'claims.get': (i, ctx) => getClaim(ctx, i.id),
  'claims.create': (i, ctx) => getClaim(ctx, createClaim(ctx, i)),
  'claims.update': (i, ctx) => {
    updateClaim(ctx, i);
    return getClaim(ctx, i.id);
  },
  'claims.submit': (i, ctx) => submitClaim(ctx, i),
  'claims.cancel': (i, ctx) => cancelClaim(ctx, i),

  'attachments.add': (i, ctx) => addAttachment(ctx, factsOf(ctx.db.$client, i.docType, i.docId), i.fileId, i.level),
  'attachments.remove': (i, ctx) => {
    const a = attachmentRow(ctx.db.$client, i.id);
    inTx(ctx, () => removeAttachment(ctx, factsOf(ctx.db.$client, a.docType as 'claim', a.docId), i.id));
    return { removed: true as const };
  },
  'attachments.content': (i, ctx) => {
    const a = attachmentRow(ctx.db.$client, i.id);
    return attachmentContent(ctx, factsOf(ctx.db.$client, a.docType as 'claim', a.docId), a);
  },

  'payments.create': (i, ctx) => payClaim(ctx, i),
  'payments.list': (i, ctx) => listPayments(ctx, i.claimId),
  'payments.exportList': (i, ctx) => exportPaymentList(ctx, i.claimIds, i.locale ?? ctx.user.locale),
  'documents.timeliness': (i, ctx) => timeliness(ctx, i.by, i.from, i.to),
};

export { todayOf };
