/**
 * The analysis pages' own texts (charts, filter bar, page layout). Metric names, formulas,
 * verdicts and the score's parts are the analysis area's (shared/i18n/analysis.ts).
 */
export const zh = {
  analysisUi: {
    metric: {
      key: '对象', bucket: '期间', none: '（未指定）', committed: '已占用', actual: '实际费用', revenue: '收入', grossMargin: '毛利',
      baselineMargin: '基准毛利', ratioBp: '费用率', roiBp: 'ROI', executionBp: '预算执行率', allocated: '预算',
      settlementLagDays: '核销滞后（天）', cycleDays: '审批周期（天）',
    },
    formula: {
      grossMargin: '毛利 = 销售数据中合作伙伴当月毛利之和；任一月份毛利未知则为“—”', allocated: '预算 = 同一范围已分配的预算（分配 ± 调拨）',
    },
    period: { month: '{{y}}年{{m}}月', quarter: '{{y}}年第{{q}}季度', year: '{{y}}年', ytd: '{{y}}年至今' },
    nav: { dashboard: '费用效益分析', postEval: '事后评估', partnerEval: '渠道评价' },
    filter: {
      period: '期间', from: '从', to: '至', year: '年份', monthOf: '月份', grain: '粒度', dimension: '维度', baseline: '基准', filters: '筛选',
      preset: '快捷期间', presetThisYear: '本年', presetLastYear: '上年', presetLast12: '近 12 个月', presetYtd: '本年至今',
      allUnits: '全部组织', allChannelTypes: '全部渠道类型', allCostTypes: '全部费用类型', partner: '合作伙伴', allPartners: '全部合作伙伴',
      clearPartner: '清除合作伙伴', reset: '重置筛选', badRange: '“从”不能晚于“至”', partnerSearch: '合作伙伴编码或名称…',
      grains: { month: '月', quarter: '季度', year: '年', ytd: '本年至今' },
      dims: { partner: '合作伙伴', orgUnit: '组织', manager: '渠道经理', channelType: '渠道类型', costType: '费用类型' },
      baselines: { lastYear: '上年同期', pre3: '活动前 3 个月' },
      baselineHint: '增量 = 本期 − 基准。上年同期：上一年的相同月份；活动前 3 个月：此前 3 个月的月均值 × 本期月数。',
      slice: '{{from}} 至 {{to}}', baselineIs: '基准：{{b}}',
    },
    chart: {
      savePng: '保存图片', savePngHint: '将图表（含标题和筛选条件）保存为 PNG', empty: '所选范围内没有数据',
      month: '月份', amount: '金额（元）', cost: '费用（元）', ratio: '费用率', spend: '实际费用（元）', revenue: '收入（元）',
      committed: '已占用', actual: '实际费用', revenueSeries: '收入', ratioSeries: '费用率', allocated: '预算', execution: '执行率',
      trend: '月度趋势：费用、收入与费用率', scatter: '合作伙伴费用与收入', bva: '预算与实际', top: '前 {{n}} 名', bottom: '后 {{n}} 名',
      topBottom: '排名：{{measure}}', quadrantNote: '虚线为全部 {{total}} 个合作伙伴的中位数（费用 {{actual}}，收入 {{revenue}}）；图中显示费用最高的 {{shown}} 个。右下：费用高、收入低。',
      quadrantNoteAll: '虚线为全部 {{total}} 个合作伙伴的中位数（费用 {{actual}}，收入 {{revenue}}）。右下：费用高、收入低。',
      quadrants: { stars: '低费用高收入', invest: '高费用高收入', watch: '低费用低收入', costly: '高费用低收入' },
      tooltipPartner: '{{code}} {{name}}', noRevenue: '尚无收入数据：只显示费用', noFigures: '所选范围内没有“{{measure}}”数据',
      measure: '排名依据', measures: { revenue: '收入', actual: '实际费用', ratio: '费用率', roi: 'ROI', score: '评分' },
    },
    dashboard: {
      title: '费用效益分析', metrics: '指标明细', exportAll: '导出 Excel', exportHint: '将当前筛选下的全部数字（明细、趋势、散点、预算执行、排名）导出为一个 Excel 文件',
      exported: '已导出', onlyFigures: '只显示有数字的行', exportView: '导出：{{view}}', rows: '{{count}} 行', more: '共 {{total}} 行，表格显示前 {{shown}} 行；导出包含全部',
    },
    post: {
      title: '事后评估', byManager: '按渠道经理', byOrgUnit: '按组织', list: '已关闭的申请', group: '汇总方式',
      count: '申请数', effective: '有效', notEffective: '无效', notMeasurable: '无法衡量', rule: '判定规则',
      number: '申请单号', requestTitle: '事项', partner: '合作伙伴', orgUnit: '组织', manager: '渠道经理', costType: '费用类型',
      activity: '活动期间', plannedCost: '计划费用', actualCost: '实际费用', expectedUplift: '预期增量', actualUplift: '实际增量',
      activityRevenue: '活动期收入', baselineRevenue: '基准收入', roi: 'ROI', verdict: '结论', reason: '原因', all: '全部结论', empty: '该范围内没有已关闭的申请（按活动结束日期）',
    },
    partner: {
      title: '渠道评价', month: '月份', weights: '评分权重', editWeights: '修改权重', weightsAdminOnly: '只有管理员可以修改权重',
      weightsSum: '合计必须为 100（当前 {{sum}}）', effectiveFrom: '自 {{period}} 起生效', setBy: '{{by}} 于 {{at}} 设定', saveWeights: '保存权重',
      weightsSaved: '权重已保存，自 {{period}} 起生效', scores: '合作伙伴评分', rankings: '排名', history: '黄牌记录',
      ranking: { partnerInChannelType: '渠道类型内', partnerInOrgUnit: '组织内', orgUnit: '组织', manager: '渠道经理' },
      yellow: '黄牌', yellowHint: '该排名中最后三名', rank: '名次', of: '{{rank}} / {{of}}', score: '评分', group: '范围', subject: '对象',
      partners: '合作伙伴数', currentStar: '当前星级', suggestedStar: '建议星级', components: '分项得分',
      revenueScore: '收入得分', costRatioScore: '费用率得分', timelinessScore: '核销及时得分', flagsScore: '合规得分',
      revenueShort: '收入', costRatioShort: '费用率', timelinessShort: '核销及时', flagsShort: '合规', claims: '核销单（及时/提交）', flags: '标记（重复发票/驳回）', noScores: '该月没有可评分的合作伙伴', period: '月份',
      yellowOnly: '只看黄牌', defaultWeights: '默认权重（管理员尚未修改）', starUp: '建议升星', starDown: '建议降星', historyEmpty: '没有黄牌记录',
    },
  },
};

export const en: typeof zh = {
  analysisUi: {
    metric: {
      key: 'Who', bucket: 'Period', none: '(not set)', committed: 'Committed', actual: 'Actual cost', revenue: 'Revenue', grossMargin: 'Gross margin',
      baselineMargin: 'Baseline margin', ratioBp: 'Cost ratio', roiBp: 'ROI', executionBp: 'Budget execution', allocated: 'Budget',
      settlementLagDays: 'Settlement lag (days)', cycleDays: 'Approval cycle (days)',
    },
    formula: {
      grossMargin: 'Gross margin = the partners’ margin in the results data; “—” when any month’s margin is not known', allocated: 'Budget = allocated to the same slice (allocations ± transfers)',
    },
    period: { month: '{{mon}} {{y}}', quarter: 'Q{{q}} {{y}}', year: '{{y}}', ytd: '{{y}} YTD' },
    nav: { dashboard: 'Cost-benefit analysis', postEval: 'Post-evaluation', partnerEval: 'Partner evaluation' },
    filter: {
      period: 'Period', from: 'From', to: 'To', year: 'year', monthOf: 'month', grain: 'Grain', dimension: 'Dimension', baseline: 'Baseline', filters: 'Filters',
      preset: 'Quick period', presetThisYear: 'This year', presetLastYear: 'Last year', presetLast12: 'Last 12 months', presetYtd: 'Year to date',
      allUnits: 'All org units', allChannelTypes: 'All channel types', allCostTypes: 'All cost types', partner: 'Partner', allPartners: 'All partners',
      clearPartner: 'Clear partner', reset: 'Reset filters', badRange: '“From” must not be after “To”', partnerSearch: 'Partner code or name…',
      grains: { month: 'Month', quarter: 'Quarter', year: 'Year', ytd: 'Year to date' },
      dims: { partner: 'Partner', orgUnit: 'Org unit', manager: 'Manager', channelType: 'Channel type', costType: 'Cost type' },
      baselines: { lastYear: 'Same months last year', pre3: '3 months before' },
      baselineHint: 'Incremental = this period − baseline. Same months last year: the same months one year earlier; 3 months before: the monthly average of the 3 months before × the months of the period.',
      slice: '{{from}} to {{to}}', baselineIs: 'Baseline: {{b}}',
    },
    chart: {
      savePng: 'Save as PNG', savePngHint: 'Save the chart (with its title and filters) as a PNG image', empty: 'No data in the selected range',
      month: 'Month', amount: 'Amount (¥)', cost: 'Cost (¥)', ratio: 'Cost ratio', spend: 'Actual cost (¥)', revenue: 'Revenue (¥)',
      committed: 'Committed', actual: 'Actual cost', revenueSeries: 'Revenue', ratioSeries: 'Cost ratio', allocated: 'Budget', execution: 'Execution',
      trend: 'Monthly trend: cost, revenue and cost ratio', scatter: 'Cost and revenue per partner', bva: 'Budget vs actual', top: 'Top {{n}}', bottom: 'Bottom {{n}}',
      topBottom: 'Ranking: {{measure}}', quadrantNote: 'Dashed lines: medians over all {{total}} partners (cost {{actual}}, revenue {{revenue}}); the {{shown}} with the highest cost are drawn. Bottom right: high cost, low revenue.',
      quadrantNoteAll: 'Dashed lines: medians over all {{total}} partners (cost {{actual}}, revenue {{revenue}}). Bottom right: high cost, low revenue.',
      quadrants: { stars: 'Low cost, high revenue', invest: 'High cost, high revenue', watch: 'Low cost, low revenue', costly: 'High cost, low revenue' },
      tooltipPartner: '{{code}} {{name}}', noRevenue: 'No revenue data yet: costs only', noFigures: 'No “{{measure}}” figures in the selected range',
      measure: 'Rank by', measures: { revenue: 'Revenue', actual: 'Actual cost', ratio: 'Cost ratio', roi: 'ROI', score: 'Score' },
    },
    dashboard: {
      title: 'Cost-benefit analysis', metrics: 'Metrics', exportAll: 'Export to Excel', exportHint: 'Export every figure of the current filters (metrics, trend, scatter, budget vs actual, rankings) to one Excel file',
      exported: 'Exported', onlyFigures: 'Only rows with figures', exportView: 'Export: {{view}}', rows: '{{count}} rows', more: '{{total}} rows in all; the grid shows the first {{shown}}, the export has all of them',
    },
    post: {
      title: 'Post-evaluation', byManager: 'By manager', byOrgUnit: 'By org unit', list: 'Closed requests', group: 'Summarise by',
      count: 'Requests', effective: 'Effective', notEffective: 'Not effective', notMeasurable: 'Not measurable', rule: 'Verdict rule',
      number: 'Request no.', requestTitle: 'Subject', partner: 'Partner', orgUnit: 'Org unit', manager: 'Manager', costType: 'Cost type',
      activity: 'Activity', plannedCost: 'Planned cost', actualCost: 'Actual cost', expectedUplift: 'Expected uplift', actualUplift: 'Actual uplift',
      activityRevenue: 'Activity revenue', baselineRevenue: 'Baseline revenue', roi: 'ROI', verdict: 'Verdict', reason: 'Reason', all: 'All verdicts', empty: 'No closed requests in this range (by activity end)',
    },
    partner: {
      title: 'Partner evaluation', month: 'Month', weights: 'Score weights', editWeights: 'Edit weights', weightsAdminOnly: 'Only an administrator can change the weights',
      weightsSum: 'The weights must add up to 100 (now {{sum}})', effectiveFrom: 'in force from {{period}}', setBy: 'set by {{by}} on {{at}}', saveWeights: 'Save weights',
      weightsSaved: 'Weights saved, in force from {{period}}', scores: 'Partner scores', rankings: 'Rankings', history: 'Yellow cards',
      ranking: { partnerInChannelType: 'Within channel type', partnerInOrgUnit: 'Within org unit', orgUnit: 'Org units', manager: 'Managers' },
      yellow: 'Yellow card', yellowHint: 'Among the bottom three of this ranking', rank: 'Rank', of: '{{rank}} / {{of}}', score: 'Score', group: 'Within', subject: 'Name',
      partners: 'Partners', currentStar: 'Stars now', suggestedStar: 'Suggested stars', components: 'Components',
      revenueScore: 'Revenue score', costRatioScore: 'Cost ratio score', timelinessScore: 'Timeliness score', flagsScore: 'Compliance score',
      revenueShort: 'Revenue', costRatioShort: 'Cost ratio', timelinessShort: 'Timeliness', flagsShort: 'Compliance', claims: 'Claims (on time / submitted)', flags: 'Flags (duplicate invoices / rejected)', noScores: 'No partner can be scored for this month', period: 'Month',
      yellowOnly: 'Yellow cards only', defaultWeights: 'Default weights (not changed by an administrator yet)', starUp: 'Suggest more stars', starDown: 'Suggest fewer stars', historyEmpty: 'No yellow cards',
    },
  },
};
