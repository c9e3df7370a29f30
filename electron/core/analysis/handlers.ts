import type { Handlers } from '../context';
import { budgetVsActual, scatter, topBottom, trend } from './charts';
import { exportAnalysis } from './export';
import { metricsTable } from './metrics';
import { postEvaluationSummary, postEvaluations } from './postEval';
import { partnerScoresPage, rankingOf, yellowCards } from './scores';
import { currentPeriod, setWeights, weightsFor } from './weights';

type M =
  | 'analysis.metrics' | 'analysis.trend' | 'analysis.scatter' | 'analysis.budgetVsActual' | 'analysis.topBottom'
  | 'analysis.postEvaluations' | 'analysis.postEvaluationSummary' | 'analysis.scores' | 'analysis.ranking' | 'analysis.yellowCards'
  | 'analysis.weights.get' | 'analysis.weights.set' | 'analysis.export';

/** The handlers of cost-benefit analysis and partner evaluation (SPEC §6; formulas: README.md "Analysis: formulas"). */
export const analysisHandlers: Handlers<M> = {
  'analysis.metrics': (i, ctx) => metricsTable(ctx, i),
  'analysis.trend': (i, ctx) => trend(ctx, i.filter),
  'analysis.scatter': (i, ctx) => scatter(ctx, i),
  'analysis.budgetVsActual': (i, ctx) => budgetVsActual(ctx, i.filter),
  'analysis.topBottom': (i, ctx) => topBottom(ctx, i),
  'analysis.postEvaluations': (i, ctx) => postEvaluations(ctx, i),
  'analysis.postEvaluationSummary': (i, ctx) => postEvaluationSummary(ctx, i),
  'analysis.scores': (i, ctx) => partnerScoresPage(ctx, i),
  'analysis.ranking': (i, ctx) => rankingOf(ctx, i),
  'analysis.yellowCards': (i, ctx) => yellowCards(ctx, i),
  'analysis.weights.get': (i, ctx) => weightsFor(ctx.db.$client, i.period ?? currentPeriod(ctx)),
  'analysis.weights.set': (i, ctx) => setWeights(ctx, i),
  'analysis.export': (i, ctx) => exportAnalysis(ctx, i),
};
