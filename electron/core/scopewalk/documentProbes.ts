import type { World } from './world';
import type { Entry } from './probes';

/**
 * The scope walk's probes of cost requests, claims, payments (issue 8) and the approval engine
 * (issue 9): aimed at zhangwei's documents in Wuhua (KM), see world.ts `kmDocuments`.
 */
const inKm = (w: World, col: string) => ({ [col]: { filterType: 'set', values: [...w.other.units] } });

export const DOCUMENT_PROBES = {
  // requests, claims, payments (issue 8) — zhangwei's documents in Wuhua (KM)
  'costRequests.list': { probes: [{ as: 'approver', aim: 'all in scope, and filtered to KM units', input: (w) => ({ filter: inKm(w, 'orgUnitId'), limit: 500 }) }] },
  'costRequests.get': { probes: [{ as: 'approver', aim: 'a KM request', input: (w) => ({ id: w.km.docs.waiting.id }) }] },
  'costRequests.create': { probes: [{ as: 'channel_staff', aim: 'for a KM partner', input: (w) => ({ partnerId: w.km.partner.id, costTypeId: w.ids.cost('PROMO'), title: 'walk', activityStart: '2026-06-01', activityEnd: '2026-06-02', amount: 100 }) }] },
  'costRequests.update': {
    probes: [{ as: 'channel_staff', aim: 'a KM request', input: (w) => ({ ...w.km.docs.waiting, partnerId: w.qj.partner.id, costTypeId: w.ids.cost('PROMO'), title: 'walk', activityStart: '2026-06-01', activityEnd: '2026-06-02', amount: 100 }) }],
  },
  'costRequests.budgetPreview': { probes: [{ as: 'channel_staff', aim: 'the line of a KM partner', input: (w) => ({ partnerId: w.km.partner.id, costTypeId: w.ids.cost('PROMO'), activityStart: '2026-06-01', activityEnd: '2026-06-02', amount: 1 }) }] },
  'costRequests.submit': { probes: [{ as: 'channel_staff', aim: 'a KM request', input: (w) => w.km.docs.waiting }] },
  'costRequests.cancel': { probes: [{ as: 'finance', aim: 'an approved KM request', input: (w) => ({ ...w.km.docs.approved, comment: 'walk' }) }] },
  'costRequests.close': { probes: [{ as: 'finance', aim: 'an approved KM request', input: (w) => ({ ...w.km.docs.approved, comment: 'walk' }) }] },
  'costRequests.expireDue': { probes: [{ as: 'finance', aim: 'expiry run by a QJ finance user (nothing of KM expires)', input: () => ({}), mayWrite: ['users'] }] },
  'claims.list': { probes: [{ as: 'finance', aim: 'payable claims, filtered to KM units', input: (w) => ({ payable: true, filter: inKm(w, 'orgUnitId'), limit: 500 }) }] },
  'claims.get': { probes: [{ as: 'approver', aim: 'a KM claim', input: (w) => ({ id: w.km.docs.claim.id }) }] },
  'claims.create': { probes: [{ as: 'channel_staff', aim: 'on a KM request', input: (w) => ({ requestId: w.km.docs.approved.id, title: 'walk', lines: [{ invoiceType: 'receipt', amount: 100 }] }) }] },
  'claims.update': { probes: [{ as: 'channel_staff', aim: 'a KM draft claim', input: (w) => ({ ...w.km.docs.draftClaim, requestId: w.km.docs.approved.id, title: 'walk', lines: [{ invoiceType: 'receipt', amount: 100 }] }) }] },
  'claims.submit': { probes: [{ as: 'channel_staff', aim: 'a KM draft claim', input: (w) => w.km.docs.draftClaim }] },
  'claims.cancel': { probes: [{ as: 'channel_staff', aim: 'a KM draft claim', input: (w) => ({ ...w.km.docs.draftClaim, comment: 'walk' }) }] },
  'attachments.add': {
    probes: [
      {
        as: 'channel_staff',
        aim: 'to a KM claim',
        input: async (w) => {
          const f = await w.as.channel_staff('files.put', { name: 'x.pdf', dataBase64: Buffer.from('%PDF-1.4\n').toString('base64') });
          return { docType: 'claim', docId: w.km.docs.draftClaim.id, fileId: f.fileId };
        },
      },
    ],
  },
  'attachments.remove': { probes: [{ as: 'channel_staff', aim: "a KM claim's proof", input: (w) => ({ id: w.km.docs.attachment }) }] },
  'attachments.content': { probes: [{ as: 'approver', aim: "a KM claim's proof", input: (w) => ({ id: w.km.docs.attachment }) }] },
  'payments.create': { probes: [{ as: 'finance', aim: 'an approved KM claim', input: (w) => ({ claimId: w.km.docs.claim.id, version: w.km.docs.claim.version, amount: 1, method: 'bank_transfer', paidOn: '2026-06-30' }) }] },
  'payments.list': { probes: [{ as: 'finance', aim: 'of a KM claim', input: (w) => ({ claimId: w.km.docs.claim.id }) }] },
  'payments.exportList': { probes: [{ as: 'finance', aim: 'a KM claim', input: (w) => ({ claimIds: [w.km.docs.claim.id] }) }] },
  'documents.timeliness': { probes: [{ as: 'approver', aim: 'by org unit and by person', input: () => ({ by: 'org_unit', from: '2026-01-01', to: '2026-12-31' }) }] },

  // the approval engine (issue 9)
  'approvals.queue': { probes: [{ as: 'approver', aim: 'my queue (KM items are not mine)', input: () => ({}) }] },
  'approvals.detail': { probes: [{ as: 'approver', aim: 'a KM request', input: (w) => ({ docType: 'cost_request', docId: w.km.docs.waiting.id }) }] },
  'approvals.act': {
    probes: (['approve', 'reject', 'comment'] as const).map((action) => ({
      as: 'approver' as const,
      aim: `${action} a KM request`,
      input: (w: World) => ({ docType: 'cost_request', docId: w.km.docs.waiting.id, version: w.km.docs.waiting.version, action, comment: 'walk' }),
    })),
  },
  'approvals.bulkApprove': {
    probes: [
      {
        as: 'approver',
        aim: 'KM requests (a refusal per item, nothing approved)',
        input: (w) => ({ items: [{ docType: 'cost_request', docId: w.km.docs.waiting.id, version: w.km.docs.waiting.version }] }),
        then: (a: { results: { ok: boolean; error?: { code: string } }[] }) => {
          if (a.results.some((r) => r.ok || r.error?.code !== 'out_of_scope')) throw new Error(`bulk: ${JSON.stringify(a.results)}`);
        },
      },
    ],
  },
  'approvals.withdraw': { probes: [{ as: 'channel_staff', aim: 'a KM request', input: (w) => ({ docType: 'cost_request', docId: w.km.docs.waiting.id, version: w.km.docs.waiting.version }) }] },
  'approvals.simulate': { probes: [{ as: 'approver', aim: 'a KM request', input: (w) => ({ docType: 'cost_request', docId: w.km.docs.waiting.id }) }] },
  'approvals.progress': { probes: [{ as: 'approver', aim: 'a KM request', input: (w) => ({ docType: 'cost_request', docId: w.km.docs.waiting.id }) }] },
  'approvals.forwardTargets': { probes: [{ as: 'approver', aim: 'a KM request', input: (w) => ({ docType: 'cost_request', docId: w.km.docs.waiting.id }) }] },
  'documents.history': { probes: [{ as: 'approver', aim: 'of a KM claim', input: (w) => ({ docType: 'claim', docId: w.km.docs.claim.id }) }] },
  'routes.list': { why: 'company: the routes are the company’s; their conditions name units by id only' },
  'routes.save': {
    probes: [{ as: 'admin', aim: 'a route conditioned on the KM subtree', input: (w) => ({ docType: 'cost_request', name: 'walk', priority: 1, conditions: { orgUnitId: w.ids.org('KM') }, steps: [{ kind: 'manager', name: 'm' }] }) }],
  },
  'routes.setActive': { why: 'company: switching a company route on or off (administrators)' },
  'delegations.list': { probes: [{ as: 'admin', aim: "KM people's stand-ins", input: () => ({}) }] },
  'delegations.create': { probes: [{ as: 'admin', aim: 'a stand-in for a KM approver', input: (w) => ({ fromUserId: w.km.docs.zhouqiang, toUserId: w.km.user.id, startDate: '2026-01-01', endDate: '2026-01-02' }) }] },
  'delegations.end': { probes: [{ as: 'admin', aim: "a KM approver's stand-in", input: (w) => ({ id: w.km.docs.delegation }) }] },
  'history.verify': { why: 'company: walks the hash chain, answers only row ids' },
  'home.summary': { probes: [{ as: 'finance', aim: 'the start page (KM lines near their limit are not mine)', input: () => ({}) }] },
} satisfies Record<string, Entry>;
