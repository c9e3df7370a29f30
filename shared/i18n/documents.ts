/** Cost requests (费用申请), claims (费用核销) and payment: lists, the document pages, budget box, attachments. */
export const zh = {
  docs: {
    nav: { requests: '费用申请', claims: '费用核销', payable: '待付款核销单' },
    type: { cost_request: '费用申请', claim: '费用核销', budget_transfer: '预算调拨', budget_version: '预算版本' },
    status: {
      draft: '草稿', submitted: '审批中', rejected: '已驳回', returned: '已退回', cancelled: '已作废', approved: '已批准',
      open: '已批准', partly_claimed: '部分核销', closed: '已关闭', expired: '已过期', unpaid: '待付款', partly_paid: '部分付款', paid: '已付款',
    },
    field: {
      number: '单号', title: '活动名称', partner: '合作伙伴', orgUnit: '组织', channelType: '渠道类型', costType: '费用类型',
      activityStart: '活动开始', activityEnd: '活动结束', amount: '申请金额（元）', amountShort: '金额', claimAmount: '核销金额',
      expectedRevenue: '预计增收（元）', expectedSubscribers: '预计新增用户', description: '说明', owner: '经办人', createdBy: '创建人',
      createdAt: '创建时间', submittedAt: '提交时间', claimDue: '核销截止', claimed: '已核销', remaining: '未核销', status: '状态',
      request: '关联申请', due: '核销截止', approvedAmount: '核准金额', paidAmount: '已付款', flags: '标记', overdueDays: '逾期天数',
      promises: '对合作伙伴的承诺', promise: '承诺', duplicateReason: '重复说明', postHoc: '事后补申请', promiseText: '承诺内容', promiseAmount: '承诺金额（元）', payee: '收款方', bank: '开户行', account: '账号',
    },
    list: {
      mine: '我的', scope: '我范围内全部', overdue: '只看逾期', payable: '只看待付款', newRequest: '新建申请', newClaim: '新建核销',
      open: '打开', openHint: '双击或按 Enter 打开', totals: '合计（{{count}} 张）', totalsShown: '合计', truncated: '仅导出前 {{count}} 行',
      emptyRequests: '还没有费用申请。渠道经理可点击“新建申请”。', emptyClaims: '还没有费用核销单。', payList: '导出付款清单',
      payListHint: '勾选已批准的核销单（Space 选择），导出给资金部门', pay: '付款…', selected: '已选 {{count}} 张',
    },
    flag: {
      postHoc: '事后补申请', overdue: '逾期', overBudget: '超预算', duplicateInvoice: '重复发票', duplicateFile: '重复附件',
      overRequest: '超出申请', missingProof: '缺少凭证',
    },
    budget: {
      title: '预算占用预览', line: '预算行：{{unit}}（{{control}}，容差 {{tolerance}}）', partnerLine: '合作伙伴专项预算行',
      allocated: '预算', committed: '已占用', actual: '已发生', available: '可用余额', after: '本单后可用', period: '月份', amount: '本单',
      result: { ok: '预算充足', warn: '超出预算（预警）：审批时须确认', block: '超出预算（刚性控制）：将无法批准' },
      control: { block: '刚性控制', warn: '预警', none: '不控制' },
      missing: '没有可用的预算行：{{unit}} × {{channel}} × {{cost}}（{{periods}}）。请联系财务先编制预算，否则不能提交。',
      fill: '选择合作伙伴、费用类型、活动日期并填写金额后显示预算余额。', loading: '正在计算预算余额…', used: '已用 {{pct}}',
    },
    act: {
      save: '保存草稿', saveShortcut: 'Ctrl+S', submit: '提交审批', cancel: '作废', close: '关闭申请', withdraw: '撤回', history: '审批记录',
      claim: '核销此申请', edit: '编辑', back: '返回列表', reasonCancel: '作废原因', commentClose: '关闭说明（可选）', commentWithdraw: '撤回说明（可选）',
      confirmSubmit: '提交 {{number}} 审批？提交后在审批人第一次处理前可以撤回。', confirmClose: '关闭 {{number}}？关闭后不能再核销，未用的预算占用将释放。',
      done: {
        save: '已保存 {{number}}', create: '已新建 {{number}}（草稿）', submit: '已提交 {{number}}', cancel: '已作废 {{number}}', close: '已关闭 {{number}}',
        withdraw: '已撤回 {{number}}，现为草稿', pay: '已登记付款 {{number}}', exportList: '付款清单已导出（{{count}} 张）',
      },
      unsaved: '有未保存的修改', leaveText: '此单据有未保存的修改，离开将丢失这些修改。', leave: '放弃修改并离开',
    },
    request: {
      new: '新建费用申请', title: '费用申请 {{number}}', partnerSearch: '输入编码或名称搜索合作伙伴', noPartner: '没有找到合作伙伴',
      postHocHint: '活动开始日期早于今天：提交后将标记为“事后补申请”。', addPromise: '添加承诺', removePromise: '删除',
      noPromises: '没有记录承诺', readOnly: '只有草稿或退回的申请可以修改', overdue: '已逾期 {{days}} 天未核销',
    },
    claim: {
      new: '新建费用核销', title: '费用核销 {{number}}', fromRequest: '核销申请', standalone: '（无事前申请）',
      standaloneHint: '只有无需事前申请的费用类型可以不关联申请。', pickRequest: '选择已批准的申请', remainingOf: '该申请尚未核销 {{amount}}',
      lines: '发票明细', addLine: '新增发票行', removeLine: '删除行', pasteHint: '可从 Excel 复制发票明细后，选中单元格按 Ctrl+V 粘贴（发票类型、代码、号码、日期、含税金额、税额、说明）',
      invoiceType: '发票类型', invoiceCode: '发票代码', invoiceNumber: '发票号码', invoiceDate: '开票日期', lineAmount: '含税金额', tax: '税额', lineDescription: '说明',
      duplicateOf: '与 {{numbers}} 重复', linesTotal: '发票合计（{{count}} 行）', linesInvalid: '{{count}} 个单元格有误，请更正后保存', linesInvalid_one: '{{count}} 个单元格有误，请更正后保存',
      duplicateReason: '重复说明', duplicateReasonAsk: '此核销单包含重复的发票或附件，请说明原因后提交。', noLines: '请至少录入一行发票',
      pasted: '已粘贴 {{count}} 行', saveFirst: '请先保存草稿再上传附件',
    },
    invoice: { e_invoice: '数电票', vat_special: '增值税专用发票', vat_general: '普通发票', receipt: '收据', none: '无票' },
    att: {
      title: '附件与凭证', upload: '上传附件', uploading: '正在上传 {{name}}…', hint: '支持 JPEG、PNG、PDF，单个不超过 10 MB', empty: '没有附件',
      remove: '删除', preview: '预览', duplicate: '与 {{docs}} 的附件相同', level: { internal: '内部', confidential: '秘密' }, confidential: '按秘密级别保存',
      uploaded: '已上传 {{name}}', size: '大小', by: '上传人', at: '时间', close: '关闭预览', loading: '正在加载预览…',
    },
    pay: {
      title: '付款：{{number}}', claimed: '核销金额', approved: '核准金额（元）', approvedReason: '核减原因（核准金额低于核销金额时必填）',
      amount: '本次付款（元）', paidBefore: '已付款', method: '付款方式', reference: '付款流水号', paidOn: '付款日期', remaining: '尚未支付',
      methods: { bank_transfer: '银行转账', offset: '冲抵往来款', cash: '现金', other: '其他' }, payee: '收款方', fixed: '核准金额已在首次付款时确定：{{amount}}',
      list: '付款记录', noPayments: '还没有付款记录', tooMuch: '付款金额不能超过尚未支付的 {{amount}}', reasonNeeded: '核准金额低于核销金额时须填写原因',
    },
    history: {
      title: '审批记录', at: '时间', action: '操作', state: '状态', by: '操作人', comment: '意见', empty: '暂无记录',
    },
    progress: {
      title: '审批流程', none: '提交后显示审批流程', step: '第 {{n}} 步：{{name}}', modeAny: '任一人审批', modeAll: '全部审批', forUser: '（代 {{name}}）',
      due: '期限 {{at}}', via: { route: '', escalated: '上报', forwarded: '转交' },
      task: { waiting: '待审批', approved: '已批准', rejected: '已驳回', returned: '已退回', skipped: '已跳过', forwarded: '已转交', withdrawn: '已撤回' },
    },
  },
  errors: {
    no_budget_line: '没有预算行：{{orgUnit}} × {{channelType}} × {{costType}}（{{periods}}）。请联系财务先编制预算，或改选费用类型或期间。',
    claim_exceeds_request: '核销金额 {{amount}} 超出该申请尚未核销的 {{remaining}}（含容差最多 {{max}}），请减少金额或另行申请。',
    duplicate_needs_reason: '此核销单的发票或附件已在其他核销单上出现，请填写重复说明后再提交。',
    proof_required: '金额 {{amount}} 超过该费用类型的凭证门槛 {{threshold}}，请上传发票或照片等凭证。',
    preapproval_required: '该费用类型须先有已批准的费用申请。',
    request_not_open: '该申请不是已批准且未关闭的状态，不能核销。',
    file_type_refused: '只能上传 JPEG、PNG 或 PDF 文件（按文件内容检查）。', file_too_large: '文件超过 10 MB。',
    claims_in_flight: '该申请有核销单正在审批中，请先处理完毕。', not_editable: '单据当前状态不能修改。', payment_exceeds: '付款金额 {{amount}} 超过尚未支付的 {{left}}。',
    not_owner: '只有单据的创建人或当前经办人可以修改。', has_claims: '该申请已有核销单，不能作废；请使用“关闭申请”。',
  },
};

export const en: typeof zh = {
  docs: {
    nav: { requests: 'Cost requests', claims: 'Claims', payable: 'Claims to pay' },
    type: { cost_request: 'Cost request', claim: 'Claim', budget_transfer: 'Budget transfer', budget_version: 'Budget version' },
    status: {
      draft: 'Draft', submitted: 'In approval', rejected: 'Rejected', returned: 'Returned', cancelled: 'Cancelled', approved: 'Approved',
      open: 'Approved', partly_claimed: 'Partly claimed', closed: 'Closed', expired: 'Expired', unpaid: 'To pay', partly_paid: 'Partly paid', paid: 'Paid',
    },
    field: {
      number: 'Number', title: 'Activity', partner: 'Partner', orgUnit: 'Org unit', channelType: 'Channel type', costType: 'Cost type',
      activityStart: 'Activity start', activityEnd: 'Activity end', amount: 'Amount (¥)', amountShort: 'Amount', claimAmount: 'Claimed',
      expectedRevenue: 'Expected sales uplift (¥)', expectedSubscribers: 'Expected new subscribers', description: 'Description', owner: 'Owner', createdBy: 'Created by',
      createdAt: 'Created', submittedAt: 'Submitted', claimDue: 'Claim due', claimed: 'Claimed', remaining: 'Unclaimed', status: 'Status',
      request: 'Request', due: 'Due', approvedAmount: 'Approved', paidAmount: 'Paid', flags: 'Flags', overdueDays: 'Days overdue',
      promises: 'Promises to the partner', promise: 'Promise', duplicateReason: 'Reason for the duplicate', postHoc: 'Post-hoc', promiseText: 'Promise', promiseAmount: 'Amount (¥)', payee: 'Payee', bank: 'Bank', account: 'Account',
    },
    list: {
      mine: 'Mine', scope: 'All in my scope', overdue: 'Overdue only', payable: 'To pay only', newRequest: 'New request', newClaim: 'New claim',
      open: 'Open', openHint: 'Double-click or press Enter to open', totals: 'Total ({{count}})', totalsShown: 'Total', truncated: 'Only the first {{count}} rows are exported',
      emptyRequests: 'No cost requests yet. Channel staff start one with “New request”.', emptyClaims: 'No claims yet.', payList: 'Export payment list',
      payListHint: 'Tick approved claims (Space selects) and export them for treasury', pay: 'Pay…', selected: '{{count}} selected',
    },
    flag: {
      postHoc: 'Post-hoc', overdue: 'Overdue', overBudget: 'Over budget', duplicateInvoice: 'Duplicate invoice', duplicateFile: 'Duplicate file',
      overRequest: 'Over request', missingProof: 'Proof missing',
    },
    budget: {
      title: 'Budget check', line: 'Budget line: {{unit}} ({{control}}, tolerance {{tolerance}})', partnerLine: 'Partner’s own budget line',
      allocated: 'Budget', committed: 'Committed', actual: 'Actual', available: 'Available', after: 'Available after', period: 'Month', amount: 'This document',
      result: { ok: 'Within budget', warn: 'Over budget (warn): the approver must confirm', block: 'Over budget (block): it cannot be approved' },
      control: { block: 'block', warn: 'warn', none: 'no control' },
      missing: 'No budget line: {{unit}} × {{channel}} × {{cost}} ({{periods}}). Ask finance to budget it first; until then it cannot be submitted.',
      fill: 'Choose partner, cost type and activity dates and enter the amount to see the line’s balance.', loading: 'Checking the budget…', used: '{{pct}} used',
    },
    act: {
      save: 'Save draft', saveShortcut: 'Ctrl+S', submit: 'Submit', cancel: 'Cancel document', close: 'Close request', withdraw: 'Withdraw', history: 'History',
      claim: 'Claim this request', edit: 'Edit', back: 'Back to list', reasonCancel: 'Reason for cancelling', commentClose: 'Note (optional)', commentWithdraw: 'Note (optional)',
      confirmSubmit: 'Submit {{number}} for approval? You can withdraw it until the first decision.', confirmClose: 'Close {{number}}? No more claims can be made; unused commitment is released.',
      done: {
        save: 'Saved {{number}}', create: 'Created {{number}} (draft)', submit: 'Submitted {{number}}', cancel: 'Cancelled {{number}}', close: 'Closed {{number}}',
        withdraw: 'Withdrew {{number}}; it is a draft again', pay: 'Payment recorded for {{number}}', exportList: 'Payment list exported ({{count}} claims)',
      },
      unsaved: 'Unsaved changes', leaveText: 'This document has unsaved changes; leaving loses them.', leave: 'Discard and leave',
    },
    request: {
      new: 'New cost request', title: 'Cost request {{number}}', partnerSearch: 'Type a code or name to find a partner', noPartner: 'No partner found',
      postHocHint: 'The activity starts before today: the request will be flagged “post-hoc”.', addPromise: 'Add promise', removePromise: 'Remove',
      noPromises: 'No promises recorded', readOnly: 'Only draft or returned requests can be edited', overdue: 'Overdue for {{days}} days, not fully claimed',
    },
    claim: {
      new: 'New claim', title: 'Claim {{number}}', fromRequest: 'Settles request', standalone: '(no pre-approval)',
      standaloneHint: 'Only cost types that need no pre-approval may be claimed without a request.', pickRequest: 'Choose an approved request', remainingOf: '{{amount}} of this request is unclaimed',
      lines: 'Invoice lines', addLine: 'Add invoice line', removeLine: 'Remove line', pasteHint: 'Copy invoice lines in Excel, select a cell and press Ctrl+V (type, code, number, date, amount incl. tax, tax, description)',
      invoiceType: 'Invoice type', invoiceCode: 'Invoice code', invoiceNumber: 'Invoice number', invoiceDate: 'Invoice date', lineAmount: 'Amount incl. tax', tax: 'Tax', lineDescription: 'Description',
      duplicateOf: 'Duplicate of {{numbers}}', linesTotal: 'Invoice total ({{count}} lines)', linesInvalid: '{{count}} invalid cells; correct them before saving', linesInvalid_one: '{{count}} invalid cell; correct it before saving',
      duplicateReason: 'Reason for the duplicate', duplicateReasonAsk: 'This claim contains a duplicate invoice or file. Say why before submitting.', noLines: 'Enter at least one invoice line',
      pasted: 'Pasted {{count}} lines', saveFirst: 'Save the draft before uploading attachments',
    },
    invoice: { e_invoice: 'Digital e-invoice', vat_special: 'VAT special invoice', vat_general: 'General invoice', receipt: 'Receipt', none: 'No invoice' },
    att: {
      title: 'Attachments and proof', upload: 'Upload', uploading: 'Uploading {{name}}…', hint: 'JPEG, PNG or PDF, up to 10 MB each', empty: 'No attachments',
      remove: 'Remove', preview: 'Preview', duplicate: 'Same file as on {{docs}}', level: { internal: 'Internal', confidential: 'Confidential' }, confidential: 'Keep as confidential',
      uploaded: 'Uploaded {{name}}', size: 'Size', by: 'By', at: 'At', close: 'Close preview', loading: 'Loading preview…',
    },
    pay: {
      title: 'Pay {{number}}', claimed: 'Claimed', approved: 'Approved amount (¥)', approvedReason: 'Reason for the reduction (required when approved is lower)',
      amount: 'This payment (¥)', paidBefore: 'Paid so far', method: 'Method', reference: 'Payment reference', paidOn: 'Paid on', remaining: 'Still to pay',
      methods: { bank_transfer: 'Bank transfer', offset: 'Offset against balance', cash: 'Cash', other: 'Other' }, payee: 'Payee', fixed: 'Approved amount fixed by the first payment: {{amount}}',
      list: 'Payments', noPayments: 'No payments yet', tooMuch: 'A payment cannot exceed the {{amount}} still to pay', reasonNeeded: 'Give a reason when the approved amount is lower',
    },
    history: {
      title: 'History', at: 'At', action: 'Action', state: 'State', by: 'By', comment: 'Comment', empty: 'Nothing recorded yet',
    },
    progress: {
      title: 'Approval route', none: 'The route shows once the document is submitted', step: 'Step {{n}}: {{name}}', modeAny: 'any one', modeAll: 'all of', forUser: ' (for {{name}})',
      due: 'due {{at}}', via: { route: '', escalated: 'escalated', forwarded: 'forwarded' },
      task: { waiting: 'Waiting', approved: 'Approved', rejected: 'Rejected', returned: 'Returned', skipped: 'Skipped', forwarded: 'Forwarded', withdrawn: 'Withdrawn' },
    },
  },
  errors: {
    no_budget_line: 'No budget line covers {{orgUnit}} × {{channelType}} × {{costType}} in {{periods}}: ask finance to plan one, or choose another cost type or period.',
    claim_exceeds_request: 'The claim ({{amount}}) exceeds what remains unclaimed on its request ({{remaining}}; at most {{max}} with the tolerance): lower it or apply again.',
    duplicate_needs_reason: 'An invoice or file of this claim is already on another claim; say why it is claimed again.',
    proof_required: 'The amount ({{amount}}) is above the cost type’s receipt threshold ({{threshold}}); attach an invoice or photo as proof.',
    preapproval_required: 'This cost type needs an approved cost request first.',
    request_not_open: 'The request is not approved and open, so it cannot be claimed.',
    file_type_refused: 'Only JPEG, PNG and PDF files can be attached (checked by their content).', file_too_large: 'The file is larger than 10 MB.',
    claims_in_flight: 'A claim of this request is waiting for approval; decide it first.', not_editable: 'The document cannot be edited in its current state.', payment_exceeds: 'The payment ({{amount}}) exceeds what is still to pay ({{left}}).',
    not_owner: 'Only the author or the current owner may change this document.', has_claims: 'The request has claims and cannot be cancelled; close it instead.',
  },
};
