import type { z } from 'zod';
import {
  metricsInput, postEvaluationsInput, rankingInput, scatterInput, scoresInput, topBottomInput, trendInput, yellowCardsInput, type exportInput,
} from '../../../shared/api/areas/analysis';
import type { DimKey, ExportView } from '../../../shared/api/areas/analysisTypes';
import type { GridCellType } from '../../../shared/api/areas/excel';
import { ApiError } from '../../../shared/api/errors';
import type { OrgCtx } from '../context';
import { exportGrid } from '../excel/export/grid';
import { budgetVsActual, scatter, topBottom, trend } from './charts';
import { metricsTable } from './metrics';
import { postEvaluations } from './postEval';
import { partnerScoresPage, rankingOf, yellowCards } from './scores';

/**
 * The figures of an analysis view as xlsx (issue 10 points 4–5): the view is computed again from
 * the same input the screen used, in the caller's scope, and written through the Excel engine's
 * grid export (money as ¥, ratios in bp as percentages). Column headers in both languages.
 */
type Loc = 'zh-CN' | 'en';
type Cell = string | number | null;
type Col = [zh: string, en: string, type: GridCellType];
const T = {
  metrics: ['分析指标', 'Analysis metrics'], trend: ['月度趋势', 'Monthly trend'], scatter: ['费用与收入', 'Spend vs revenue'], budgetVsActual: ['预算与实际', 'Budget vs actual'],
  topBottom: ['排行', 'Top and bottom'], postEvaluations: ['事后评估', 'Post-evaluations'], scores: ['合作伙伴评分', 'Partner scores'], rankings: ['排名', 'Ranking'], yellowCards: ['黄牌', 'Yellow cards'],
} satisfies Record<ExportView, [string, string]>;
const dim = (k: DimKey) => (k.code ? `${k.code} ${k.name}` : k.name);

const C = {
  key: ['对象', 'Member', 'text'], bucket: ['期间', 'Period', 'text'], committed: ['已承诺', 'Committed', 'money'], actual: ['实际', 'Actual', 'money'],
  revenue: ['收入', 'Revenue', 'money'], margin: ['毛利', 'Gross margin', 'money'], baseMargin: ['基准毛利', 'Baseline margin', 'money'], ratio: ['费用率', 'Cost ratio', 'bp'],
  roi: ['ROI', 'ROI', 'bp'], allocated: ['预算', 'Budget', 'money'], execution: ['执行率', 'Execution', 'bp'], lag: ['核销滞后(天)', 'Settlement lag (days)', 'number'],
  cycle: ['审批周期(天)', 'Cycle time (days)', 'number'], partner: ['合作伙伴', 'Partner', 'text'], orgUnit: ['组织', 'Org unit', 'text'], channelType: ['渠道类型', 'Channel type', 'text'],
  manager: ['客户经理', 'Manager', 'text'], score: ['评分', 'Score', 'number'], rank: ['名次', 'Rank', 'number'], of: ['共', 'Of', 'number'], yellow: ['黄牌', 'Yellow card', 'text'],
  group: ['分组', 'Group', 'text'], ranking: ['排名', 'Ranking', 'text'], star: ['当前星级', 'Current star', 'number'], suggested: ['建议星级', 'Suggested star', 'number'],
  number: ['申请单号', 'Request', 'text'], planned: ['计划费用', 'Planned cost', 'money'], expected: ['预期增量', 'Expected uplift', 'money'], uplift: ['实际增量', 'Actual uplift', 'money'],
  verdict: ['结论', 'Verdict', 'text'], value: ['值', 'Value', 'number'], list: ['榜单', 'List', 'text'], sRev: ['收入得分', 'Revenue score', 'number'],
  sRat: ['费用率得分', 'Cost ratio score', 'number'], sTime: ['及时得分', 'Timeliness score', 'number'], sFlag: ['标记得分', 'Flags score', 'number'],
} satisfies Record<string, Col>;
type K = keyof typeof C;
const VERDICT = { effective: ['有效', 'effective'], not_effective: ['无效', 'not effective'], not_measurable: ['无法衡量', 'not measurable'] } as const;
const RANK = { partnerInChannelType: ['渠道类型内合作伙伴', 'Partners in channel type'], partnerInOrgUnit: ['组织内合作伙伴', 'Partners in org unit'], orgUnit: ['组织', 'Org units'], manager: ['客户经理', 'Managers'] } as const;

function parse<S extends z.ZodType>(schema: S, v: unknown): z.output<S> {
  const r = schema.safeParse(v);
  if (!r.success) throw new ApiError('validation', 'The export input does not fit its view', { path: r.error.issues[0]?.path.join('.') ?? '', reason: r.error.issues[0]?.message ?? '' });
  return r.data;
}

function table(ctx: OrgCtx, view: ExportView, input: unknown, L: 0 | 1): { cols: K[]; rows: Cell[][] } {
  const yes = L ? 'yes' : '是';
  switch (view) {
    case 'metrics': {
      const t = metricsTable(ctx, { ...parse(metricsInput, input), offset: 0, limit: 1_000_000 });
      return {
        cols: ['key', 'bucket', 'committed', 'actual', 'revenue', 'margin', 'baseMargin', 'ratio', 'roi', 'allocated', 'execution', 'lag', 'cycle'],
        rows: [...t.rows, ...t.totals].map((r) => [dim(r.key), r.bucket, r.committed, r.actual, r.revenue, r.grossMargin, r.baselineMargin, r.ratioBp, r.roiBp, r.allocated, r.executionBp, r.settlementLagDays, r.cycleDays]),
      };
    }
    case 'trend':
      return { cols: ['bucket', 'committed', 'actual', 'revenue', 'ratio'], rows: trend(ctx, parse(trendInput, input).filter).map((p) => [p.period, p.committed, p.actual, p.revenue, p.ratioBp]) };
    case 'budgetVsActual':
      return { cols: ['bucket', 'allocated', 'committed', 'actual', 'execution'], rows: budgetVsActual(ctx, parse(trendInput, input).filter).map((p) => [p.period, p.allocated, p.committed, p.actual, p.executionBp]) };
    case 'scatter':
      return { cols: ['partner', 'actual', 'committed', 'revenue', 'ratio'], rows: scatter(ctx, parse(scatterInput, input)).points.map((p) => [`${p.code} ${p.name}`, p.actual, p.committed, p.revenue, p.ratioBp]) };
    case 'topBottom': {
      const t = topBottom(ctx, parse(topBottomInput, input));
      const rows = (list: string, xs: typeof t.top) => xs.map((r) => [list, dim(r.key), r.value, r.revenue, r.actual]);
      return { cols: ['list', 'key', 'value', 'revenue', 'actual'], rows: [...rows(L ? 'top' : '前列', t.top), ...rows(L ? 'bottom' : '末位', t.bottom)] };
    }
    case 'postEvaluations': {
      const p = postEvaluations(ctx, { ...parse(postEvaluationsInput, input), offset: 0, limit: 1_000_000 });
      return {
        cols: ['number', 'partner', 'orgUnit', 'manager', 'planned', 'actual', 'expected', 'uplift', 'roi', 'verdict'],
        rows: p.rows.map((r) => [r.number, dim(r.partner), dim(r.orgUnit), dim(r.manager), r.plannedCost, r.actualCost, r.expectedUplift, r.actualUplift, r.roiBp, VERDICT[r.verdict][L]]),
      };
    }
    case 'scores': {
      const p = partnerScoresPage(ctx, { ...parse(scoresInput, input), offset: 0, limit: 1_000_000 });
      return {
        cols: ['partner', 'orgUnit', 'channelType', 'manager', 'revenue', 'actual', 'ratio', 'sRev', 'sRat', 'sTime', 'sFlag', 'score', 'rank', 'of', 'yellow', 'star', 'suggested'],
        rows: p.rows.map((r) => [
          dim(r.partner), dim(r.orgUnit), dim(r.channelType), dim(r.manager), r.revenue, r.actual, r.ratioBp, r.revenueScore, r.costRatioScore, r.timelinessScore, r.flagsScore, r.score,
          r.rankInChannelType, r.ofInChannelType, r.yellowInChannelType || r.yellowInOrgUnit ? yes : '', r.currentStar, r.suggestedStar,
        ]),
      };
    }
    case 'rankings': {
      const r = rankingOf(ctx, parse(rankingInput, input));
      return { cols: ['group', 'key', 'score', 'rank', 'of', 'yellow'], rows: r.rows.map((x) => [x.group ? dim(x.group) : '', dim(x.subject), x.score, x.rank, x.of, x.yellowCard ? yes : '']) };
    }
    case 'yellowCards':
      return {
        cols: ['bucket', 'ranking', 'group', 'key', 'score', 'rank', 'of'],
        rows: yellowCards(ctx, parse(yellowCardsInput, input)).map((c) => [c.period, RANK[c.kind][L], c.group ? dim(c.group) : '', dim(c.subject), c.score, c.rank, c.of]),
      };
  }
}

export function exportAnalysis(ctx: OrgCtx, i: z.output<typeof exportInput>) {
  const loc: Loc = i.locale ?? ctx.user.locale;
  const L = loc === 'en' ? 1 : 0;
  const t = table(ctx, i.view, i.input, L);
  const columns = t.cols.map((k) => ({ header: C[k][L], type: C[k][2] as GridCellType }));
  return exportGrid(ctx, { jobId: i.jobId, title: T[i.view][L], columns, rows: t.rows });
}
