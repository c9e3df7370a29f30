import type { Handlers } from '../context';

type M =
  | 'analysis.metrics' | 'analysis.trend' | 'analysis.scatter' | 'analysis.budgetVsActual' | 'analysis.topBottom'
  | 'analysis.postEvaluations' | 'analysis.postEvaluationSummary' | 'analysis.scores' | 'analysis.ranking' | 'analysis.yellowCards'
  | 'analysis.weights.get' | 'analysis.weights.set' | 'analysis.export';

const W = { revenue: 40, costRatio: 30, timeliness: 20, flags: 10, effectiveFrom: '2000-01', setBy: null, setAt: null };

/** The handlers of cost-benefit analysis and partner evaluation (SPEC §6). */
export const analysisHandlers: Handlers<M> = {
  'analysis.metrics': () => ({ rows: [], total: 0, totals: [], buckets: [] }),
  'analysis.trend': () => [],
  'analysis.scatter': () => ({ points: [], total: 0, medianActual: 0, medianRevenue: 0 }),
  'analysis.budgetVsActual': () => [],
  'analysis.topBottom': () => ({ top: [], bottom: [] }),
  'analysis.postEvaluations': () => ({ rows: [], total: 0 }),
  'analysis.postEvaluationSummary': () => [],
  'analysis.scores': () => ({ weights: W, rows: [], total: 0 }),
  'analysis.ranking': (i) => ({ period: i.period, kind: i.kind, weights: W, rows: [] }),
  'analysis.yellowCards': () => [],
  'analysis.weights.get': () => W,
  'analysis.weights.set': () => W,
  'analysis.export': () => ({ fileId: '', name: '', size: 0, rows: 0 }) as never,
};
