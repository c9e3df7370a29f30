/**
 * The analysis formulas (issue 10 point 2), as the UI's tooltips show them — the same texts as
 * README.md "Analysis: formulas". Keys: `analysisFormulas.<metric>`; verdict reasons:
 * `analysisFormulas.verdictReason.<reason>`.
 */
export const zh = {
  v: { weights_sum: '四项权重之和必须为 100' },
  analysisFormulas: {
    month: '费用按活动月份计入：申请的承诺按活动在各月的天数拆分（与预算台账相同）；付款按最早的承诺月份依次冲销并记为实际。收入按销售数据的月份计入。',
    committed: '已承诺 = 预算台账中已批准申请/核销单仍占用的金额（承诺 − 释放），按活动月份',
    actual: '实际 = 预算台账中已付款的金额（实际），按活动月份',
    revenue: '收入 = 销售数据中合作伙伴当月收入之和；费用类型维度不分摊收入',
    ratio: '费用率 = 实际费用 ÷ 收入（收入为 0 时不计算）',
    roi: 'ROI = (增量毛利 − 实际费用) ÷ 实际费用；增量毛利 = 本期毛利 − 基准期毛利（基准：去年同月，或此前 3 个月的月均 × 本期月数）；任一毛利未知或基准期无数据时为“无法衡量”',
    baselineLastYear: '基准：去年同期的相同月份',
    baselinePre3: '基准：活动（或本期）开始前 3 个月的月均值 × 本期月数',
    execution: '预算执行率 = 实际 ÷ 已分配预算（分配 ± 调拨），按预算行的组织、渠道类型、费用类型、合作伙伴；客户经理维度不适用',
    settlementLag: '核销滞后 = 核销单提交日 − 活动结束日（天），按提交月份计入，取平均',
    cycleTime: '审批周期 = 最终决定（批准/驳回）时间 − 最后一次提交时间（天），按决定月份计入，申请与核销单取平均',
    score: '合作伙伴评分 = Σ 权重 × 分项得分 ÷ 100（分项 0–100）：收入 = 同渠道类型内收入的百分位（并列者取其名次的平均）；费用率 = 同渠道类型内费用率由高到低的百分位（有费用无收入最差）；核销及时 = 当月提交的核销单按期提交的比例（无提交 = 100）；标记 = 100 − 25 × (重复发票提交数 + 被驳回核销单数)，最低 0',
    ranking: '排名：评分从高到低，同分按收入从高到低，再按编号；组织与客户经理按其合作伙伴评分的平均值排名',
    yellowCard: '黄牌：每个排名（成员多于 3 个时）的最后三名；按每月的数据和当月生效的权重计算',
    star: '建议星级：评分 ≥ 80 为 5 星，≥ 60 为 4 星，≥ 40 为 3 星，≥ 20 为 2 星，其余 1 星',
    verdict: '结论：活动月份或基准月份缺少销售数据 = 无法衡量；增量收入 ≥ 目标（预期收入的 80%，无预期收入时为实际费用）且（毛利已知时）ROI ≥ 0 = 有效；否则 = 无效',
    verdictReason: {
      no_results: '活动或基准月份缺少销售数据',
      target_met: '增量收入达到目标',
      below_target: '增量收入未达到目标',
      negative_roi: '增量毛利低于费用（ROI < 0）',
    },
  },
};

export const en: typeof zh = {
  v: { weights_sum: 'The four weights must add up to 100' },
  analysisFormulas: {
    month: "Cost falls in the activity's months: a request's commitment is split by the activity's days in each month (as in the budget ledger); payments consume the earliest committed months first and become actual there. Revenue falls in the month of the results data.",
    committed: 'Committed = what approved requests and claims still hold in the budget ledger (commitments − releases), by activity month',
    actual: 'Actual = what was paid (the ledger’s actual), by activity month',
    revenue: 'Revenue = the partners’ revenue in the results data; not split by cost type',
    ratio: 'Cost ratio = actual cost ÷ revenue (none when revenue is 0)',
    roi: 'ROI = (incremental margin − actual cost) ÷ actual cost; incremental margin = margin of the period − baseline margin (same months last year, or the mean month of the 3 months before × the period’s months); not measurable when any margin is unknown or the baseline has no data',
    baselineLastYear: 'Baseline: the same months one year earlier',
    baselinePre3: 'Baseline: the mean month of the 3 months before the activity (or period) × the period’s months',
    execution: 'Budget execution = actual ÷ allocated budget (allocations ± transfers), by the budget line’s org unit, channel type, cost type, partner; not for managers',
    settlementLag: 'Settlement lag = claim submitted − activity end (days), in the month of submission, averaged',
    cycleTime: 'Approval cycle time = final decision (approved/rejected) − last submission (days), in the month of decision, averaged over requests and claims',
    score: 'Partner score = Σ weight × component ÷ 100 (components 0–100): revenue = percentile of revenue within the channel type (ties share the mean of their positions); cost ratio = percentile of the ratio from worst to best within the channel type (cost without revenue is worst); timeliness = share of the month’s submitted claims submitted by their due date (none = 100); flags = 100 − 25 × (claims submitted despite duplicate invoices + rejected claims), at least 0',
    ranking: 'Ranking: score high to low, ties by revenue high to low, then by code; org units and managers by the mean score of their partners',
    yellowCard: 'Yellow card: the bottom three of each ranking (of more than 3 members), computed per month from that month’s data and the weights in force then',
    star: 'Suggested star: score ≥ 80 five stars, ≥ 60 four, ≥ 40 three, ≥ 20 two, else one',
    verdict: 'Verdict: results missing in an activity or baseline month = not measurable; incremental revenue ≥ target (80 % of the expected revenue, or the actual cost when none was expected) and (when the margin is known) ROI ≥ 0 = effective; otherwise not effective',
    verdictReason: {
      no_results: 'Results missing in an activity or baseline month',
      target_met: 'Incremental revenue met the target',
      below_target: 'Incremental revenue below the target',
      negative_roi: 'Incremental margin below the cost (ROI < 0)',
    },
  },
};
