import type { World } from './world';
import type { Entry } from './probes';

/**
 * The scope walk's probes of results data and the next budget proposal (issue 10.1, 10.6): aimed
 * at a Kunming partner's results and Kunming's budget lines.
 */
const kmResult = (w: World) => ({ partnerId: w.km.partner.id, period: '2026-03', revenue: 100, grossMargin: null, newSubscribers: 1 });

export const RESULT_PROBES = {
  'results.list': {
    probes: [
      { as: 'approver', aim: 'every result in scope', input: () => ({ limit: 5000 }) },
      { as: 'channel_staff', aim: 'filtered to the KM branch', input: (w) => ({ orgUnitId: w.ids.org('KM'), limit: 5000 }) },
    ],
  },
  'results.save': {
    probes: [
      { as: 'finance', aim: "a KM partner's month (new row)", input: (w) => ({ rows: [{ ...kmResult(w), version: null }] }) },
      { as: 'admin', aim: "a KM partner's month (existing row)", input: (w) => ({ rows: [{ ...kmResult(w), version: 0 }] }) },
    ],
  },
  'results.proposal': { probes: [{ as: 'finance', aim: 'the lines of 2026 (only the QJ ones count)', input: () => ({ sourceYear: 2026, growthBp: 500, boundBp: 2000 }) }] },
  'results.saveProposal': {
    probes: [{ as: 'finance', aim: 'a KM line of 2026 into 2027', input: (w) => ({ sourceYear: 2026, lines: [{ lineId: w.km.lines[0], amount: 100 }], draft: { id: w.km.draft.id, version: w.km.draft.version } }) }],
  },
} satisfies Partial<Record<string, Entry>>;
