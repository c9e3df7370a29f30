/**
 * Results data (经营结果) and the next budget proposal (下年预算建议), zh-CN and English.
 */
export const zh = {
  results: {
    nav: { results: '经营结果', proposal: '下年预算建议' },
    title: '经营结果',
    who: '经营结果由财务和管理员维护（编辑或导入）；您可以查看权限范围内的数据。',
    col: {
      partner: '合作伙伴', orgUnit: '组织', period: '月份', revenue: '收入', grossMargin: '毛利', newSubscribers: '新增用户', updatedAt: '更新时间',
    },
    marginTip: '毛利留空 = 未知（不是 0）。未知毛利的月份不参与投入产出比计算。',
    filter: { from: '从', to: '至', orgUnit: '组织', allUnits: '全部组织', partner: '合作伙伴（编码或名称）' },
    totals: '合计', totalsOf: '合计（{{rows}} 行）', totalsOf_one: '合计（{{rows}} 行）', marginKnown: '毛利已知 {{rows}} 行', marginKnown_one: '毛利已知 {{rows}} 行',
    capped: '仅显示前 {{shown}} 行（共 {{rows}} 行）；请缩小筛选范围。合计为全部 {{rows}} 行。',
    import: '导入', export: '导出', importTitle: '导入经营结果', empty: '没有符合条件的经营结果。',
    imported: '已导入：新增 {{created}} 行，更新 {{updated}} 行。',
    proposal: {
      title: '下年预算建议', open: '下年预算建议…', sourceYear: '依据年度', growth: '增长率 %', bound: '每行上下限 ±%', total: '建议总额（元）',
      recompute: '重新计算', save: '保存为 {{year}} 年预算草稿', saved: '已保存为 {{year}} 年预算第 {{number}} 版草稿。',
      targetNew: '将新建 {{year}} 年预算方案（第 1 版草稿）。', targetDraft: '将写入 {{year}} 年预算的第 {{number}} 版草稿（覆盖这些预算行）。',
      relaxed: '设定的总额超出了各行上下限所能达到的范围：已按上下限等比缩放，部分行超出 ±{{bound}}%。',
      diff: '当前合计与设定总额相差 {{diff}}。', sum: '建议合计 {{sum}}（设定 {{total}}）',
      col: { line: '预算行', thisYear: '本年预算', actual: '本年实际', margin: '毛利（分摊）', roi: '投入产出比', proposed: '建议', lo: '下限', hi: '上限', change: '较本年预算' },
      roiTip: '投入产出比 = （毛利 − 费用）÷ 费用，按本年。费用 = 预算台账的实际发生；毛利 = 该行所覆盖合作伙伴的毛利（有合作伙伴的行：该合作伙伴；否则为该组织及下级、该渠道类型的合作伙伴），与覆盖同一批合作伙伴的各行按费用分摊。毛利未知（如代理商未报毛利）或没有费用的行为“中性”，不增不减。',
      ruleTip: '建议 = 本年实际 ×（1 + 增长率），按投入产出比排名在 ±上下限内调整（最好 +，最差 −，中性 0），再等比缩放使总额恰好等于设定值；分以最大余数法分配，余数相同时靠前的行优先。各月按本年预算的月度比例分摊。',
      neutral: '中性', none: '本年没有预算行。', forFinance: '下年预算建议仅供财务使用。',
    },
  },
  v: { stale: '该行已被他人修改' },
  errors: {
    proposal_no_actuals: '{{fiscalYear}} 年没有任何实际发生，无法生成建议。',
  },
};

export const en: typeof zh = {
  results: {
    nav: { results: 'Results', proposal: 'Next budget' },
    title: 'Results',
    who: 'Results are maintained (edited or imported) by finance and administrators; you can read the figures of your scope.',
    col: {
      partner: 'Partner', orgUnit: 'Org unit', period: 'Month', revenue: 'Revenue', grossMargin: 'Gross margin', newSubscribers: 'New subscribers', updatedAt: 'Updated',
    },
    marginTip: 'An empty margin means not known (not 0). Months without a known margin do not count in ROI.',
    filter: { from: 'From', to: 'To', orgUnit: 'Org unit', allUnits: 'All org units', partner: 'Partner (code or name)' },
    totals: 'Total', totalsOf: 'Total ({{rows}} rows)', totalsOf_one: 'Total ({{rows}} row)', marginKnown: 'margin known on {{rows}} rows', marginKnown_one: 'margin known on {{rows}} row',
    capped: 'Showing the first {{shown}} of {{rows}} rows; narrow the filters. Totals are over all {{rows}} rows.',
    import: 'Import', export: 'Export', importTitle: 'Import results', empty: 'No results match the filters.',
    imported: 'Imported: {{created}} rows added, {{updated}} updated.',
    proposal: {
      title: 'Next budget proposal', open: 'Next budget…', sourceYear: 'Based on year', growth: 'Growth %', bound: 'Per-line bound ±%', total: 'Total (¥)',
      recompute: 'Recompute', save: 'Save as draft of {{year}}', saved: 'Saved as draft version {{number}} of the {{year}} budget.',
      targetNew: 'Creates the {{year}} budget plan (draft version 1).', targetDraft: 'Writes into draft version {{number}} of the {{year}} budget (these lines are overwritten).',
      relaxed: 'The total is out of reach of the per-line bounds: the bounds were scaled, so some lines are beyond ±{{bound}}%.',
      diff: 'The lines differ from the total set by {{diff}}.', sum: 'Proposal {{sum}} (set: {{total}})',
      col: { line: 'Budget line', thisYear: 'Budget', actual: 'Actual', margin: 'Margin (share)', roi: 'ROI', proposed: 'Proposal', lo: 'Lower bound', hi: 'Upper bound', change: 'vs this year' },
      roiTip: "ROI = (margin − cost) ÷ cost over this year. Cost = the ledger's actual; margin = the gross margin of the partners the line serves (a line with a partner: that partner; otherwise the partners of its channel type in its org unit and below), shared by cost among the lines serving the same partners. Lines whose margin is not known (agents report none) or without cost are neutral: neither more nor less.",
      ruleTip: "Proposal = this year's actual × (1 + growth), moved within ± the bound by the line's ROI rank (best +, worst −, neutral 0), then scaled so the total is exactly the one set; left-over fen go by largest remainder, earlier line first on ties. Months follow this year's budget of the line.",
      neutral: 'neutral', none: 'No budget lines this year.', forFinance: 'The next budget proposal is for finance.',
    },
  },
  v: { stale: 'Someone else changed this row' },
  errors: {
    proposal_no_actuals: '{{fiscalYear}} has no actual spend to base a proposal on.',
  },
};
