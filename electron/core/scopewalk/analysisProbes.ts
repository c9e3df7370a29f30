import type { World } from './world';
import type { Entry, Probe } from './probes';

/**
 * The scope walk's probes of the analysis area (issue 10): every read filtered to, or aimed at,
 * the other branch (KM) must answer nothing of it. Analysis answers name partners and org units
 * as { id, code, name } members (not the walk's id keys), so `then` walks the answer too: no
 * partner of a KM unit, no KM org unit.
 */
const partnerUnit = (w: World, id: number) => w.core.env.db.$client.prepare('SELECT org_unit_id FROM partners WHERE id = ?').pluck().get(id) as number | undefined;

export function noKmMembers(answer: unknown, w: World): void {
  const bad: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    for (const [k, x] of Object.entries(o)) {
      const id = typeof x === 'number' ? x : x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'number' ? (x as { id: number }).id : null;
      if (id !== null && (k === 'partner' || k === 'partnerId') && w.other.units.has(partnerUnit(w, id) ?? -1)) bad.push(`${path}.${k}: partner ${id}`);
      if (id !== null && k === 'orgUnit' && w.other.units.has(id)) bad.push(`${path}.${k}: org unit ${id}`);
      visit(x, `${path}.${k}`);
    }
  };
  visit(answer, '');
  if (bad.length) throw new Error(`KM members in the answer: ${bad.slice(0, 5).join('; ')}`);
}

const range = { from: '2025-01', to: '2026-12' };
const kmUnit = (w: World) => w.ids.org('KM');
const kmPartner = (w: World) => [w.km.partner.id];
const then = noKmMembers as Probe['then'];
/** three probes per read: the whole range, filtered to KM's subtree, filtered to a KM partner */
const reads = (make: (w: World, filter: Record<string, unknown>) => unknown): Probe[] => [
  { as: 'approver', aim: 'everything in scope', input: (w) => make(w, { ...range }), then },
  { as: 'finance', aim: "KM's subtree", input: (w) => make(w, { ...range, orgUnitId: kmUnit(w) }), then },
  { as: 'channel_staff', aim: 'a KM partner', input: (w) => make(w, { ...range, partnerIds: kmPartner(w) }), then },
];
const monthly = (make: (w: World, f: Record<string, unknown>) => unknown): Probe[] => [
  { as: 'approver', aim: 'June 2026 in scope', input: (w) => make(w, { period: '2026-06' }), then },
  { as: 'finance', aim: "June 2026 of KM's subtree", input: (w) => make(w, { period: '2026-06', orgUnitId: kmUnit(w) }), then },
  { as: 'channel_staff', aim: 'June 2026 of a KM partner', input: (w) => make(w, { period: '2026-06', partnerIds: kmPartner(w) }), then },
];

export const ANALYSIS_PROBES = {
  'analysis.metrics': {
    probes: (['partner', 'orgUnit', 'manager', 'channelType', 'costType'] as const).flatMap((dimension) => reads((_w, filter) => ({ filter, dimension, grain: 'quarter' }))),
  },
  'analysis.trend': { probes: reads((_w, filter) => ({ filter })) },
  'analysis.scatter': { probes: reads((_w, filter) => ({ filter })) },
  'analysis.budgetVsActual': { probes: reads((_w, filter) => ({ filter })) },
  'analysis.topBottom': { probes: reads((_w, filter) => ({ filter, dimension: 'partner', measure: 'actual' })) },
  'analysis.postEvaluations': { probes: reads((_w, filter) => ({ filter })) },
  'analysis.postEvaluationSummary': { probes: reads((_w, filter) => ({ filter, by: 'orgUnit' })) },
  'analysis.scores': { probes: monthly((_w, f) => f) },
  'analysis.ranking': { probes: (['partnerInChannelType', 'partnerInOrgUnit', 'orgUnit'] as const).flatMap((kind) => monthly((_w, f) => ({ ...f, kind }))) },
  'analysis.yellowCards': {
    probes: [
      { as: 'approver', aim: 'cards of 2026 in scope', input: () => ({ from: '2026-01', to: '2026-06' }), then },
      { as: 'finance', aim: "cards of KM's subtree", input: (w) => ({ from: '2026-01', to: '2026-06', orgUnitId: kmUnit(w) }), then },
      { as: 'channel_staff', aim: "a KM partner's history", input: (w) => ({ from: '2026-01', to: '2026-06', kinds: ['partnerInOrgUnit'], subjectId: w.km.partner.id }), then },
    ],
  },
  'analysis.weights.get': { why: 'company: the score weights are one company setting' },
  'analysis.weights.set': { why: 'company: the score weights are one company setting (administrators)' },
  'analysis.export': {
    probes: [
      { as: 'finance', aim: "metrics of KM's subtree", input: (w) => ({ view: 'metrics', input: { filter: { ...range, orgUnitId: kmUnit(w) }, dimension: 'partner' } }) },
      { as: 'approver', aim: 'scores of a KM partner', input: (w) => ({ view: 'scores', input: { period: '2026-06', partnerIds: kmPartner(w) } }) },
    ],
  },
} satisfies Record<string, Entry>;
