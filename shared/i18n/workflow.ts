/** Approvals (审批): the queue, the detail pane, home (工作台), approval routes, delegation. */
export const zh = {
  wf: {
    nav: { home: '工作台', queue: '待我审批', routes: '审批流设置', delegations: '代理审批' },
    queue: {
      title: '待我审批', number: '单号', type: '类型', requester: '申请人', orgUnit: '组织', partner: '合作伙伴', amount: '金额',
      impact: '预算影响', impactText: '{{before}} → {{after}}', used: '使用率', age: '等待', step: '当前步骤', flags: '标记', forUser: '代 {{name}}',
      sla: { ok: '正常', due: '将到期', late: '已超时' }, ageHours: '{{h}} 小时', ageDays: '{{d}} 天 {{h}} 小时',
      sort: '排序', sortBy: { age: '按等待时间', amount: '按金额', impact: '按预算影响' }, types: '单据类型', allTypes: '全部类型',
      empty: '没有待您审批的单据。', selected: '已选 {{count}} 张', keys: 'J/K 或 ↑/↓ 移动 · Enter 打开 · A 批准 · R 驳回 · T 退回 · Space 选择 · Shift+A 批准所选',
      approve: '批准', reject: '驳回', return: '退回修改', comment: '意见', forward: '转交', bulkApprove: '批准所选（{{count}}）', openDoc: '打开单据',
      reason: '原因', reasonRequired: '驳回或退回须填写原因', commentOptional: '意见（可选）', forwardTo: '转交给', send: '确定',
      confirmWarnTitle: '确认超预算批准', confirmWarn: '{{number}} 将使预算行超出预算（预警控制）：可用 {{available}}，本单后 {{after}}。确认后批准，并记入审批记录。',
      confirmWarnBulk: '所选单据中有 {{count}} 张超出预警控制的预算。确认后一并批准，并记入审批记录。', confirm: '确认批准',
      conflict: '{{number}} 已被他人处理或修改，已重新加载最新状态。', done: { approve: '已批准 {{number}}', reject: '已驳回 {{number}}', return: '已退回 {{number}}', comment: '已记录意见', forward: '已转交 {{number}}' },
      bulkTitle: '批量批准结果', bulkConflict: '打开后已被他人修改（如撤回、重新提交），未批准；请查看最新内容后再处理。', bulkOk: '成功', bulkFailed: '失败', bulkSummary: '{{ok}} 张已批准，{{failed}} 张未批准', result: '结果',
      detailEmpty: '选择左侧一张单据查看详情', detail: '单据详情',
    },
    detail: {
      fields: '单据信息', lines: '发票明细', attachments: '附件', budget: '预算', partnerYear: '合作伙伴近 12 个月', history: '审批记录', progress: '审批流程',
      requests: '申请 {{count}} 张', claims: '核销 {{count}} 张', rejection: '驳回率 {{rate}}', spend: '费用 {{amount}}', state: '状态', requester: '申请人',
      can: '您可以：', nothing: '您不能处理这张单据。', forOther: '您代 {{name}} 审批',
    },
    home: {
      title: '工作台', waiting: '待我审批', waitingCount: '{{count}} 张', oldest: '最早 {{at}}', late: '{{count}} 张已超时', myOpen: '我的在办单据',
      requests: '申请 {{count}} 张', claims: '核销 {{count}} 张', returned: '{{count}} 张被退回待修改', dueSoon: '7 天内到期的核销', overdue: '已逾期未核销',
      nearLimit: '使用率 ≥ 90% 的预算', noneNear: '没有接近上限的预算', imports: '最近导入', noImports: '没有导入记录', reminders: '超时提醒',
      noReminders: '没有超时的单据', lateBy: '超时 {{h}} 小时', open: '查看', importRow: '新增 {{created}} · 更新 {{updated}}', period: '期间', usedPct: '使用率', line: '预算行',
      availableLeft: '可用 {{amount}}', nothing: '没有需要您处理的事项',
      remindLate_one: '{{count}} 张待我审批的单据已超时 →', remindLate_other: '{{count}} 张待我审批的单据已超时 →',
      remindOverdue_one: '{{count}} 张我的申请已逾期未核销 →', remindOverdue_other: '{{count}} 张我的申请已逾期未核销 →',
    },
    routes: {
      title: '审批流设置', docType: '单据类型', name: '名称', priority: '优先级', conditions: '条件', steps: '步骤', version: '版本', runs: '已使用',
      active: '启用', current: '当前版本', edit: '编辑（保存为新版本）', add: '新建审批流', save: '保存为新版本', saved: '已保存 {{name}} v{{version}}',
      deactivate: '停用', activate: '启用', includeOld: '显示历史版本', minAmount: '最低金额（元）', maxAmount: '最高金额（元）', costTypes: '费用类型', channelTypes: '渠道类型',
      orgUnit: '组织范围（含下级）', any: '不限', addStep: '新增步骤', removeStep: '删除', up: '上移', down: '下移', stepName: '步骤名称', kind: '审批人',
      kinds: { role: '角色', user: '指定用户', manager: '组织负责人' }, role: '角色', level: '层级', levels: { own: '本组织', county: '所在县区', branch: '所在分公司', company: '公司' },
      user: '用户', mode: '方式', modes: { any: '任一人', all: '全部' }, sla: '时限（小时）', simulate: '模拟', simulateFor: '输入单号模拟（如 SQ-2026-000001）',
      simulateTitle: '模拟：{{route}} v{{version}}', escalated: '上报', unresolved: '无人可审批', noneFound: '未找到该单号', amountRange: '{{min}} – {{max}}',
      condNone: '全部单据', editTitle: '编辑审批流：{{name}}', addTitle: '新建审批流',
    },
    deleg: {
      title: '代理审批', mine: '我的代理安排', add: '指定代理人', from: '被代理人', to: '代理人', start: '开始日期', until: '结束日期', types: '单据类型',
      allTypes: '全部类型', note: '备注', active: '有效', ended: '已结束', end: '结束代理', endConfirm: '结束对 {{name}} 的代理？', created: '已指定 {{name}} 为代理人',
      endedOk: '已结束代理', empty: '没有代理安排', state: '状态',
    },
    history: {
      actions: {
        create: '创建', submit: '提交', approve: '批准', step_approve: '本步批准', reject: '驳回', return: '退回', cancel: '作废', withdraw: '撤回', comment: '意见',
        forward: '转交', escalate: '上报', confirm_warn: '确认超预算', close: '关闭', expire: '过期', pay: '付款', handover: '交接',
      },
    },
  },
  errors: {
    already_decided: '您已审批过此单据的一个步骤，同一人不能审批两次。',
    self_approval: '您提交了此单据，不能自己审批：须由另一位审批人审批（预算单据须由另一位财务人员审批）。',
    not_your_turn: '这张单据当前不在您的待办中。', no_approver: '没有人可以审批步骤“{{step}}”：请管理员调整审批流或组织架构。',
    budget_warn_confirm: '超出预算（预警控制）：可用 {{available}}，上限 {{limit}}，本单 {{amount}}。请确认后再批准。',
    no_route: '没有适用于该单据的审批流。',
  },
};

export const en: typeof zh = {
  wf: {
    nav: { home: 'Home', queue: 'My approvals', routes: 'Approval routes', delegations: 'Stand-ins' },
    queue: {
      title: 'My approvals', number: 'Number', type: 'Type', requester: 'Requester', orgUnit: 'Org unit', partner: 'Partner', amount: 'Amount',
      impact: 'Budget impact', impactText: '{{before}} → {{after}}', used: 'Used', age: 'Waiting', step: 'Step', flags: 'Flags', forUser: 'for {{name}}',
      sla: { ok: 'On time', due: 'Due soon', late: 'Late' }, ageHours: '{{h}} h', ageDays: '{{d}} d {{h}} h',
      sort: 'Sort', sortBy: { age: 'By age', amount: 'By amount', impact: 'By budget impact' }, types: 'Document types', allTypes: 'All types',
      empty: 'Nothing is waiting for you.', selected: 'Selected: {{count}}', keys: 'J/K or ↑/↓ move · Enter opens · A approve · R reject · T return · Space select · Shift+A approve selected',
      approve: 'Approve', reject: 'Reject', return: 'Return', comment: 'Comment', forward: 'Forward', bulkApprove: 'Approve selected ({{count}})', openDoc: 'Open document',
      reason: 'Reason', reasonRequired: 'A reject or return needs a reason', commentOptional: 'Comment (optional)', forwardTo: 'Forward to', send: 'OK',
      confirmWarnTitle: 'Approve over budget?', confirmWarn: '{{number}} takes its budget line over budget (warn control): available {{available}}, after {{after}}. Confirming approves it and records the confirmation.',
      confirmWarnBulk: '{{count}} of the selected documents go over a warn-controlled budget. Confirming approves them all and records it.', confirm: 'Confirm and approve',
      conflict: '{{number}} was changed or decided by someone else; its current state has been loaded.', done: { approve: 'Approved {{number}}', reject: 'Rejected {{number}}', return: 'Returned {{number}}', comment: 'Comment recorded', forward: 'Forwarded {{number}}' },
      bulkTitle: 'Bulk approval results', bulkConflict: 'Changed by someone else since you opened it (withdrawn, resubmitted …); not approved. Look at its current state and decide again.', bulkOk: 'Approved', bulkFailed: 'Failed', bulkSummary: '{{ok}} approved, {{failed}} not approved', result: 'Result',
      detailEmpty: 'Select a document on the left to see it here', detail: 'Document',
    },
    detail: {
      fields: 'Document', lines: 'Invoice lines', attachments: 'Attachments', budget: 'Budget', partnerYear: 'Partner, last 12 months', history: 'History', progress: 'Approval route',
      requests: 'requests: {{count}}', claims: 'claims: {{count}}', rejection: 'rejection rate {{rate}}', spend: 'spend {{amount}}', state: 'State', requester: 'Requester',
      can: 'You can:', nothing: 'You cannot act on this document.', forOther: 'You decide for {{name}}',
    },
    home: {
      title: 'Home', waiting: 'Waiting for me', waitingCount: 'Documents: {{count}}', oldest: 'oldest {{at}}', late: 'past their deadline: {{count}}', myOpen: 'My documents in progress',
      requests: 'Requests: {{count}}', claims: 'Claims: {{count}}', returned: 'Returned for revision: {{count}}', dueSoon: 'Claims due within 7 days', overdue: 'Overdue, not claimed',
      nearLimit: 'Budgets ≥ 90 % used', noneNear: 'No budget is close to its limit', imports: 'Recent imports', noImports: 'No imports yet', reminders: 'Reminders: past deadline',
      noReminders: 'Nothing is past its deadline', lateBy: '{{h}} h late', open: 'Open', importRow: '{{created}} created · {{updated}} updated', period: 'Period', usedPct: 'Used', line: 'Budget line',
      availableLeft: '{{amount}} available', nothing: 'Nothing needs you right now',
      remindLate_one: '1 document waiting for you is past its deadline →', remindLate_other: '{{count}} documents waiting for you are past their deadline →',
      remindOverdue_one: '1 request of yours is overdue for its claim →', remindOverdue_other: '{{count}} requests of yours are overdue for their claim →',
    },
    routes: {
      title: 'Approval routes', docType: 'Document type', name: 'Name', priority: 'Priority', conditions: 'Conditions', steps: 'Steps', version: 'Version', runs: 'Used by',
      active: 'Active', current: 'Current', edit: 'Edit (saves a new version)', add: 'New route', save: 'Save as new version', saved: 'Saved {{name}} v{{version}}',
      deactivate: 'Deactivate', activate: 'Activate', includeOld: 'Show old versions', minAmount: 'Minimum amount (¥)', maxAmount: 'Maximum amount (¥)', costTypes: 'Cost types', channelTypes: 'Channel types',
      orgUnit: 'Org unit (with units below)', any: 'Any', addStep: 'Add step', removeStep: 'Remove', up: 'Up', down: 'Down', stepName: 'Step name', kind: 'Approver',
      kinds: { role: 'Role', user: 'Named user', manager: 'Unit manager' }, role: 'Role', level: 'Level', levels: { own: 'Own unit', county: 'Its county', branch: 'Its branch', company: 'Company' },
      user: 'User', mode: 'Mode', modes: { any: 'Any one', all: 'All' }, sla: 'Deadline (hours)', simulate: 'Simulate', simulateFor: 'Document number to simulate (e.g. SQ-2026-000001)',
      simulateTitle: 'Simulation: {{route}} v{{version}}', escalated: 'escalated', unresolved: 'nobody can approve', noneFound: 'No document with that number', amountRange: '{{min}} – {{max}}',
      condNone: 'Every document', editTitle: 'Edit route: {{name}}', addTitle: 'New approval route',
    },
    deleg: {
      title: 'Stand-ins', mine: 'My stand-in arrangements', add: 'Name a stand-in', from: 'For', to: 'Stand-in', start: 'From', until: 'Until', types: 'Document types',
      allTypes: 'All types', note: 'Note', active: 'Active', ended: 'Ended', end: 'End', endConfirm: 'End the stand-in arrangement with {{name}}?', created: '{{name}} now stands in',
      endedOk: 'Stand-in arrangement ended', empty: 'No stand-in arrangements', state: 'State',
    },
    history: {
      actions: {
        create: 'Created', submit: 'Submitted', approve: 'Approved', step_approve: 'Step approved', reject: 'Rejected', return: 'Returned', cancel: 'Cancelled', withdraw: 'Withdrawn', comment: 'Comment',
        forward: 'Forwarded', escalate: 'Escalated', confirm_warn: 'Over budget confirmed', close: 'Closed', expire: 'Expired', pay: 'Paid', handover: 'Handed over',
      },
    },
  },
  errors: {
    already_decided: 'You already decided a step of this document; nobody decides twice.',
    self_approval: 'You submitted this document and cannot approve it yourself: another approver must decide it (budget documents: another finance user).',
    not_your_turn: 'This document is not waiting for you.', no_approver: 'Nobody can approve the step “{{step}}”; an administrator must fix the route or the org tree.',
    budget_warn_confirm: 'Over budget (warn control): available {{available}}, limit {{limit}}, this document {{amount}}. Confirm before approving.',
    no_route: 'No approval route applies to this document.',
  },
};
