import type { MethodName } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/define';
import type { World } from './world';
import { uploadCsv, type CsvRow } from './world';
import { DOCUMENT_PROBES } from './documentProbes';
import { ANALYSIS_PROBES } from './analysisProbes';
import { RESULT_PROBES } from './resultProbes';

/**
 * The scope walk's table: for every method of the contract, calls aimed at the other branch's
 * data (see world.ts), or why a method has nothing to prove. Typed as a record over every
 * MethodName, and checked at run time too, so a new method cannot be forgotten.
 */
export interface Probe {
  as: Role;
  /** what the call aims at */
  aim: string;
  input: (w: World) => unknown;
  /** tables a successful call may write: records of no org unit (said in `aim`) */
  mayWrite?: readonly string[];
  /** a further check of a successful answer */
  then?: (answer: never, w: World) => void;
  /** a produced file holds the caller's own input, not data read (error reports) */
  ownFile?: true;
}

export type Entry = { probes: Probe[]; why?: undefined } | { why: string; probes?: Probe[] };

const DOC_TABLES = ['budget_plans', 'budget_versions', 'document_history'] as const;
const wh = (w: World) => w.ids.org('KM-WH');
const cell = (w: World) => ({ lineId: w.km.lines[0], period: '2026-06' });
const keyCell = (w: World) => ({ orgUnitId: wh(w), channelTypeId: w.ids.channel('TERMINAL'), costTypeId: w.ids.cost('PROMO'), partnerId: null, period: '2026-06' });
/** a transfer from a QJ line to a KM line, made by company finance inside the probe (and rolled back with it) */
async function mixedTransfer(w: World, submit: boolean) {
  const t = await w.finance('budgetTransfers.create', { from: { lineId: w.qj.line, period: '2026-06' }, to: cell(w), amount: 1, reason: 'walk' });
  const s = submit ? await w.finance('budgetTransfers.submit', { id: t.id, version: t.version }) : t;
  return { id: s.id, version: s.version };
}
const inKm = (w: World, col: string) => ({ [col]: { filterType: 'set', values: [...w.other.units] } });
const kmRow = (w: World) => ({ orgUnitId: wh(w), channelTypeId: w.ids.channel('TERMINAL'), costTypeId: w.ids.cost('PROMO'), partnerId: null, amounts: Array(12).fill(7) });
const allRejected = (a: { counts: { total: number; rejected: number } }) => {
  if (a.counts.total === 0 || a.counts.rejected !== a.counts.total) throw new Error(`rows accepted: ${JSON.stringify(a.counts)}`);
};
const nothingWritten = (a: { counts: { create: number; update: number } }) => {
  if (a.counts.create + a.counts.update !== 0) throw new Error(`written: ${JSON.stringify(a.counts)}`);
};

/** The rows each kind's import aims at the other branch, with the role that may import the kind. */
const IMPORTS: { kind: string; as: Role; rows: (w: World) => CsvRow[]; target?: (w: World) => Record<string, number> }[] = [
  {
    kind: 'partners',
    as: 'channel_staff',
    rows: (w) => [
      { code: w.km.partner.code, name: 'renamed by QJ', channelType: 'TERMINAL', orgUnit: 'KM-WH', starRating: 2 },
      { code: 'PWALK01', name: 'new in KM', channelType: 'TERMINAL', orgUnit: 'KM-WH', starRating: 3 },
      { code: 'PWALK02', name: 'QJ partner owned by KM', channelType: 'TERMINAL', orgUnit: 'QJ-QL', owner: 'zhangwei', starRating: 3 },
    ],
  },
  {
    kind: 'orgUnits',
    as: 'admin',
    rows: () => [
      { code: 'KM-NEW', nameZh: '新区', nameEn: 'New', kind: 'county', parent: 'KM' },
      { code: 'KM-WH', nameZh: '五华区', nameEn: 'Renamed', kind: 'county', parent: 'KM' },
    ],
  },
  {
    kind: 'users',
    as: 'admin',
    rows: () => [
      { username: 'lina', displayName: 'renamed', role: 'approver', orgUnits: 'KM' },
      { username: 'kmwalk', displayName: 'new in KM', role: 'channel_staff', orgUnits: 'KM-WH' },
      { username: 'qjwalk', displayName: 'QJ and KM', role: 'channel_staff', orgUnits: 'QJ,KM-WH' },
      { username: 'straddler', displayName: 'renamed', role: 'channel_staff', orgUnits: 'QJ' },
    ],
  },
  {
    kind: 'budgetLines',
    as: 'finance',
    rows: () => [{ orgUnit: 'KM-WH', channelType: 'TERMINAL', costType: 'PROMO', m1: 5 }],
    target: (w) => ({ versionId: w.km.draft.id }),
  },
  {
    kind: 'results',
    as: 'finance',
    rows: (w) => [{ partner: w.km.partner.code, period: '2026-03', revenue: 100, newSubscribers: 1 }],
  },
];

let jobs = 0;
/** a fresh dry run of the caller's own, aimed at the other branch */
async function ownDryRun(w: World, imp: (typeof IMPORTS)[number]) {
  const jobId = `walk-job-${++jobs}`;
  const caller = w.as[imp.as];
  const fileId = await uploadCsv(w, caller, imp.kind, imp.rows(w));
  await caller('excel.dryRun', { jobId, fileId, kind: imp.kind, target: imp.target?.(w) });
  return jobId;
}

const perKind = (aim: string, make: (imp: (typeof IMPORTS)[number]) => Omit<Probe, 'as' | 'aim'>): Probe[] =>
  IMPORTS.map((imp) => ({ as: imp.as, aim: `${imp.kind}: ${aim}`, ...make(imp) }));

const PUBLIC = 'public: runs without a session and reads or writes no org data';

export const TABLE: Record<MethodName, Entry> = {
  'system.health': { why: PUBLIC },
  'setup.status': { why: PUBLIC },
  'setup.initDemo': { why: `${PUBLIC}; refused once a company exists` },
  'setup.initEmpty': { why: `${PUBLIC}; refused once a company exists` },
  'auth.signIn': { why: PUBLIC },
  'auth.signOut': { why: "self: ends the caller's own session" },
  'auth.me': { why: "self: the caller's own session", probes: [{ as: 'approver', aim: 'own session only', input: () => ({}) }] },
  'auth.setLocale': { why: "self: the caller's own preference" },
  'auth.changePassword': { why: "self: the caller's own password" },

  'orgUnits.list': { probes: [{ as: 'approver', aim: 'the org tree', input: () => ({ includeInactive: true }) }] },
  'orgUnits.create': { probes: [{ as: 'admin', aim: 'a county under KM', input: (w) => ({ code: 'KM-NEW', nameZh: '新区', nameEn: 'New', kind: 'county', parentId: w.ids.org('KM') }) }] },
  'orgUnits.update': { probes: [{ as: 'admin', aim: 'rename KM-WH', input: (w) => ({ id: w.km.unit.id, version: w.km.unit.version, patch: { nameEn: 'Renamed' } }) }] },
  'orgUnits.setActive': { probes: [{ as: 'admin', aim: 'deactivate a KM grid', input: (w) => ({ id: w.ids.org('KM-WH-01'), version: 0, active: false }) }] },

  'channelTypes.list': { why: 'company: a catalogue of no org unit' },
  'channelTypes.create': { why: 'company: a catalogue of no org unit' },
  'channelTypes.update': { why: 'company: a catalogue of no org unit' },
  'channelTypes.setActive': { why: 'company: a catalogue of no org unit' },
  'costTypes.list': { why: 'company: a catalogue of no org unit' },
  'costTypes.create': { why: 'company: a catalogue of no org unit' },
  'costTypes.update': { why: 'company: a catalogue of no org unit' },
  'costTypes.setActive': { why: 'company: a catalogue of no org unit' },

  'partners.list': {
    probes: [
      { as: 'channel_staff', aim: 'all partners', input: () => ({ includeInactive: true, limit: 5000 }) },
      { as: 'approver', aim: 'filtered to KM units', input: (w) => ({ filter: inKm(w, 'orgUnitId') }) },
    ],
  },
  'partners.get': { probes: [{ as: 'approver', aim: 'a KM partner', input: (w) => ({ id: w.km.partner.id }) }] },
  'partners.create': {
    probes: [
      { as: 'channel_staff', aim: 'a partner in KM-WH', input: (w) => ({ code: 'PWALK01', name: 'x', channelTypeId: w.ids.channel('TERMINAL'), orgUnitId: wh(w), starRating: 3 }) },
      {
        as: 'channel_staff',
        aim: 'a QJ partner owned by a KM user',
        input: (w) => ({ code: 'PWALK02', name: 'x', channelTypeId: w.ids.channel('TERMINAL'), orgUnitId: w.ids.org('QJ-QL'), ownerUserId: w.km.user.id, starRating: 3 }),
      },
    ],
  },
  'partners.update': {
    probes: [
      { as: 'channel_staff', aim: 'rename a KM partner', input: (w) => ({ id: w.km.partner.id, version: w.km.partner.version, patch: { name: 'x' } }) },
      { as: 'channel_staff', aim: 'move a QJ partner to KM-WH', input: (w) => ({ id: w.qj.partner.id, version: w.qj.partner.version, patch: { orgUnitId: wh(w) } }) },
      { as: 'admin', aim: 'give a QJ partner a KM owner', input: (w) => ({ id: w.qj.partner.id, version: w.qj.partner.version, patch: { ownerUserId: w.km.user.id } }) },
    ],
  },
  'partners.setActive': { probes: [{ as: 'admin', aim: 'deactivate a KM partner', input: (w) => ({ id: w.km.partner.id, version: w.km.partner.version, active: false }) }] },
  'partners.handover': {
    probes: [
      { as: 'approver', aim: 'QJ partners to a KM user', input: (w) => ({ fromUserId: w.qj.owner, toUserId: w.km.user.id }) },
      { as: 'admin', aim: "a KM user's partners", input: (w) => ({ fromUserId: w.km.user.id, toUserId: w.qj.owner }) },
    ],
  },
  'partners.handovers': { probes: [{ as: 'admin', aim: 'handovers between KM users', input: () => ({}) }] },

  'users.list': { probes: [{ as: 'admin', aim: 'all users', input: () => ({ includeInactive: true }) }] },
  'users.create': { probes: [{ as: 'admin', aim: 'a user in KM-WH', input: (w) => ({ username: 'kmwalk', displayName: 'x', role: 'channel_staff', orgUnitIds: [wh(w)], password: 'walk-pass-2' }) }] },
  'users.update': {
    probes: [
      { as: 'admin', aim: 'rename a KM user', input: (w) => ({ id: w.km.user.id, version: w.km.user.version, patch: { displayName: 'x' } }) },
      { as: 'admin', aim: "drop a QJ+KM user's KM assignment", input: (w) => ({ id: w.straddler.id, version: w.straddler.version, patch: { orgUnitIds: [w.qj.unit] } }) },
      { as: 'admin', aim: 'rename a QJ+KM user', input: (w) => ({ id: w.straddler.id, version: w.straddler.version, patch: { displayName: 'x' } }) },
    ],
  },
  'users.setActive': {
    probes: [
      { as: 'admin', aim: 'deactivate a KM user', input: (w) => ({ id: w.km.user.id, version: w.km.user.version, active: false }) },
      { as: 'admin', aim: 'deactivate a QJ+KM user', input: (w) => ({ id: w.straddler.id, version: w.straddler.version, active: false }) },
    ],
  },
  'users.resetPassword': {
    probes: [
      { as: 'admin', aim: "a KM user's password", input: (w) => ({ id: w.km.user.id, password: 'walk-pass-3' }) },
      { as: 'admin', aim: "a QJ+KM user's password (then sign in as them and see KM)", input: (w) => ({ id: w.straddler.id, password: 'walk-pass-3' }) },
    ],
  },

  'budgetPlans.list': { probes: [{ as: 'approver', aim: 'plans and version totals', input: () => ({}) }] },
  'budgetPlans.create': {
    probes: [{ as: 'finance', aim: 'a plan is company-wide and starts empty: writes no org data', input: () => ({ fiscalYear: 2030, name: 'walk' }), mayWrite: DOC_TABLES }],
  },
  'budgetVersions.get': {
    probes: [
      {
        as: 'finance',
        aim: 'a KM-only draft: totals over the caller scope',
        input: (w) => ({ id: w.km.draft.id }),
        then: (a: { lineCount: number; totalFen: number }) => {
          if (a.lineCount !== 0 || a.totalFen !== 0) throw new Error(`KM lines counted: ${a.lineCount} / ${a.totalFen}`);
        },
      },
    ],
  },
  'budgetVersions.lines': {
    probes: [
      { as: 'approver', aim: 'lines of the 2026 version in force', input: (w) => ({ versionId: w.km.v2026[1], limit: 5000 }) },
      { as: 'finance', aim: 'filtered to KM units', input: (w) => ({ versionId: w.km.v2026[1], filter: inKm(w, 'orgUnitId') }) },
    ],
  },
  'budgetVersions.saveLines': {
    probes: [
      { as: 'finance', aim: 'a KM row into the draft', input: (w) => ({ versionId: w.km.draft.id, version: w.km.draft.version, rows: [kmRow(w)] }) },
      { as: 'finance', aim: 'remove a KM line', input: (w) => ({ versionId: w.km.draft.id, version: w.km.draft.version, rows: [], removeLineIds: [w.km.draft.line] }) },
    ],
  },
  'budgetVersions.revise': { probes: [{ as: 'finance', aim: 'a draft copying the KM lines of 2026', input: (w) => ({ planId: w.km.plan2026 }) }] },
  'budgetVersions.submit': { probes: [{ as: 'finance', aim: 'a KM-only draft', input: (w) => ({ id: w.km.draft.id, version: w.km.draft.version, comment: '' }) }] },
  'budgetVersions.approve': { probes: [{ as: 'finance', aim: 'a submitted KM-only version', input: (w) => ({ ...w.km.submitted, comment: '' }) }] },
  'budgetVersions.reject': { probes: [{ as: 'finance', aim: 'a submitted KM-only version', input: (w) => ({ ...w.km.submitted, comment: 'no' }) }] },
  'budgetVersions.return': { probes: [{ as: 'finance', aim: 'a submitted KM-only version', input: (w) => ({ ...w.km.submitted, comment: 'no' }) }] },
  'budgetVersions.cancel': { probes: [{ as: 'finance', aim: 'a KM-only draft', input: (w) => ({ id: w.km.draft.id, version: w.km.draft.version, comment: '' }) }] },
  'budgetVersions.compare': { probes: [{ as: 'approver', aim: '2026 v1 against v2', input: (w) => ({ a: w.km.v2026[0], b: w.km.v2026[1], limit: 5000 }) }] },

  'budgetTransfers.list': { probes: [{ as: 'finance', aim: 'transfers of 2026', input: () => ({ fiscalYear: 2026 }) }] },
  'budgetTransfers.get': { probes: [{ as: 'approver', aim: 'a KM transfer', input: (w) => ({ id: w.km.transfers.draft.id }) }] },
  'budgetTransfers.create': {
    probes: [{ as: 'finance', aim: 'between KM lines', input: (w) => ({ from: cell(w), to: { lineId: w.km.lines[1], period: '2026-06' }, amount: 1, reason: 'walk' }) }],
  },
  'budgetTransfers.update': {
    probes: [
      { as: 'finance', aim: 'a KM draft', input: (w) => ({ ...w.km.transfers.draft, amount: 200 }) },
      { as: 'finance', aim: 'a QJ → KM draft', input: async (w) => ({ ...(await mixedTransfer(w, false)), amount: 2 }) },
    ],
  },
  'budgetTransfers.submit': {
    probes: [
      { as: 'finance', aim: 'a KM draft', input: (w) => ({ ...w.km.transfers.draft, comment: '' }) },
      { as: 'finance', aim: 'a QJ → KM draft', input: async (w) => ({ ...(await mixedTransfer(w, false)), comment: '' }) },
    ],
  },
  'budgetTransfers.approve': {
    probes: [
      { as: 'finance', aim: 'a submitted KM transfer', input: (w) => ({ ...w.km.transfers.submitted, comment: '' }) },
      { as: 'finance', aim: 'a QJ → KM submitted transfer', input: async (w) => ({ ...(await mixedTransfer(w, true)), comment: '' }) },
    ],
  },
  'budgetTransfers.reject': {
    probes: [
      { as: 'finance', aim: 'a submitted KM transfer', input: (w) => ({ ...w.km.transfers.submitted, comment: 'no' }) },
      { as: 'finance', aim: 'a QJ → KM submitted transfer', input: async (w) => ({ ...(await mixedTransfer(w, true)), comment: 'no' }) },
    ],
  },
  'budgetTransfers.return': {
    probes: [
      { as: 'finance', aim: 'a submitted KM transfer', input: (w) => ({ ...w.km.transfers.submitted, comment: 'no' }) },
      { as: 'finance', aim: 'a QJ → KM submitted transfer', input: async (w) => ({ ...(await mixedTransfer(w, true)), comment: 'no' }) },
    ],
  },
  'budgetTransfers.cancel': {
    probes: [
      { as: 'finance', aim: 'a KM draft', input: (w) => ({ ...w.km.transfers.draft, comment: '' }) },
      { as: 'finance', aim: 'a QJ → KM draft', input: async (w) => ({ ...(await mixedTransfer(w, false)), comment: '' }) },
    ],
  },

  'budgets.history': {
    probes: [
      { as: 'approver', aim: 'of a KM transfer', input: (w) => ({ documentType: 'budget_transfer', documentId: w.km.transfers.draft.id }) },
      { as: 'approver', aim: 'of a KM-only version (versions are company documents; their history names no unit)', input: (w) => ({ documentType: 'budget_version', documentId: w.km.draft.id }) },
    ],
  },
  'budgetPeriods.list': { why: 'company: periods are closed for the whole company' },
  'budgetPeriods.confirmReopen': { why: 'company: periods are closed for the whole company' },
  'budgetPeriods.close': { why: 'company: periods are closed for the whole company' },
  'budgetPeriods.reopen': { why: 'company: periods are closed for the whole company' },

  'budgets.checkAvailability': {
    probes: [
      { as: 'channel_staff', aim: 'a KM line', input: (w) => ({ cell: cell(w), amount: 1 }) },
      { as: 'channel_staff', aim: 'a KM key', input: (w) => ({ cell: keyCell(w), amount: 1 }) },
    ],
  },
  'budgets.commit': {
    probes: [
      { as: 'finance', aim: 'on a KM line', input: (w) => ({ cell: cell(w), amount: 1, source: { type: 'walk_request', id: 1 } }) },
      { as: 'finance', aim: 'on a KM key', input: (w) => ({ cell: keyCell(w), amount: 1, source: { type: 'walk_request', id: 1 } }) },
    ],
  },
  'budgets.release': { probes: [{ as: 'finance', aim: 'on a KM line', input: (w) => ({ cell: cell(w), amount: 1, against: { type: 'demo_request', id: 1 } }) }] },
  'budgets.recordActual': { probes: [{ as: 'finance', aim: 'on a KM line', input: (w) => ({ cell: cell(w), amount: 1, source: { type: 'walk_claim', id: 1 } }) }] },
  'budgets.vsActual': {
    probes: [
      { as: 'approver', aim: 'by branch and unit', input: () => ({ fiscalYear: 2026, dimensions: ['branch', 'county', 'orgUnit'] }) },
      { as: 'approver', aim: 'the KM subtree', input: (w) => ({ fiscalYear: 2026, dimensions: ['orgUnit'], filter: { subtreeOf: w.ids.org('KM'), branch: [w.ids.org('KM')] } }) },
    ],
  },
  'budgets.entries': {
    probes: [
      { as: 'approver', aim: 'the whole year', input: () => ({ fiscalYear: 2026, limit: 1000 }) },
      { as: 'finance', aim: 'the KM branch row', input: (w) => ({ fiscalYear: 2026, keys: { branch: w.ids.org('KM') } }) },
    ],
  },

  'partners.handoverSheet': { probes: [{ as: 'approver', aim: 'a handover inside KM', input: (w) => ({ id: w.km.docs.handover }) }] },
  'partners.acknowledgeHandover': { probes: [{ as: 'approver', aim: 'a handover inside KM', input: (w) => ({ id: w.km.docs.handover }) }] },
  'auth.eventsTicket': { why: "self: a ticket for the caller's own event stream" },
  'backups.list': { why: 'company: the backups of the one database file (administrators)' },
  'backups.create': { why: 'company: a backup of the one database file (administrators)' },
  'backups.restore': { why: 'company: restores the one database file (administrators)' },
  ...DOCUMENT_PROBES,
  ...ANALYSIS_PROBES,
  ...RESULT_PROBES,

  'files.put': { why: "self: stores the caller's own bytes" },
  'files.saveAs': { why: 'self: files belong to their user', probes: [{ as: 'approver', aim: "lina's export", input: (w) => ({ fileId: w.km.linaFile }) }] },
  'excel.kinds': { why: 'self: the kinds and what the caller role may do; no records' },
  'excel.template': {
    probes: perKind('aimed at the other branch', (imp) => ({ input: (w: World) => ({ kind: imp.kind, target: imp.target?.(w) }) })),
  },
  'excel.inspect': {
    probes: [
      ...perKind('rows aimed at KM', (imp) => ({ input: async (w: World) => ({ fileId: await uploadCsv(w, w.as[imp.as], imp.kind, imp.rows(w)), kind: imp.kind, target: imp.target?.(w) }) })),
      {
        as: 'admin',
        aim: "zhangwei's file again (earlier imports of the same file)",
        input: async (w) => ({ fileId: await uploadCsv(w, w.as.admin, 'partners', [{ code: 'PZW0001', name: 'Zhang import', channelType: 'TERMINAL', orgUnit: 'KM-WH', starRating: 3 }]), kind: 'partners' }),
      },
    ],
  },
  'excel.dryRun': {
    probes: perKind('rows aimed at KM', (imp) => ({
      input: async (w: World) => ({ jobId: `walk-dry-${imp.kind}`, fileId: await uploadCsv(w, w.as[imp.as], imp.kind, imp.rows(w)), kind: imp.kind, target: imp.target?.(w) }),
      then: allRejected as Probe['then'],
    })),
  },
  'excel.issues': { why: "self: the caller's own dry runs", probes: [{ as: 'channel_staff', aim: "zhangwei's dry run", input: (w) => ({ jobId: w.km.zhangJob }) }] },
  'excel.changes': {
    probes: [
      { as: 'channel_staff', aim: "zhangwei's dry run", input: (w) => ({ jobId: w.km.zhangJob }) },
      ...perKind('own dry run', (imp) => ({ input: async (w: World) => ({ jobId: await ownDryRun(w, imp) }) })),
    ],
  },
  'excel.commit': {
    probes: [
      { as: 'channel_staff', aim: "zhangwei's dry run", input: (w) => ({ jobId: w.km.zhangJob }) },
      ...perKind('own dry run, skipping rejected rows', (imp) => ({ input: async (w: World) => ({ jobId: await ownDryRun(w, imp), mode: 'skip_rejected' }), then: nothingWritten as Probe['then'] })),
    ],
  },
  'excel.cancel': { why: "self: the caller's own jobs (a job id is keyed by its user)" },
  'excel.errorReport': {
    probes: [
      { as: 'channel_staff', aim: "zhangwei's dry run", input: (w) => ({ jobId: w.km.zhangJob }) },
      { as: 'channel_staff', aim: 'own dry run: lists the cells of the caller’s own file', input: async (w) => ({ jobId: await ownDryRun(w, IMPORTS[0]!) }), ownFile: true },
    ],
  },
  'excel.export': {
    probes: [
      { as: 'channel_staff', aim: 'partners', input: () => ({ kind: 'partners', includeInactive: true }) },
      { as: 'approver', aim: 'partners filtered to KM', input: (w) => ({ kind: 'partners', query: { filter: inKm(w, 'orgUnitId') } }) },
      { as: 'admin', aim: 'users, KM ones by id', input: (w) => ({ kind: 'users', includeInactive: true, rowIds: [w.km.user.id, w.straddler.id] }) },
      { as: 'approver', aim: 'org units, KM ones by id', input: (w) => ({ kind: 'orgUnits', rowIds: [...w.other.units] }) },
      { as: 'finance', aim: 'budget lines of 2026, KM ones by id', input: (w) => ({ kind: 'budgetLines', target: { versionId: w.km.v2026[1] }, rowIds: [...w.km.lines] }) },
      { as: 'approver', aim: 'budget lines of 2026', input: (w) => ({ kind: 'budgetLines', target: { versionId: w.km.v2026[1] } }) },
    ],
  },
  'excel.exportGrid': { why: 'self: writes exactly the rows the caller sends' },
  'excel.imports': {
    probes: [
      { as: 'admin', aim: 'the import log', input: () => ({ limit: 500 }) },
      { as: 'channel_staff', aim: 'the import log', input: () => ({ limit: 500 }) },
    ],
  },
};
