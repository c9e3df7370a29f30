/** Shell, navigation, sign-in, first start, common actions. */
export const zh = {
  app: { name: '渠道费用台', tagline: '渠道费用预算 · 审批 · 核销 · 效益分析' },
  nav: {
    home: '工作台', budgets: '预算', requests: '费用申请', claims: '费用核销', approvals: '审批', analysis: '分析',
    master: '主数据', settings: '设置', orgUnits: '组织', channelTypes: '渠道类型', costTypes: '费用类型',
    partners: '渠道合作伙伴', users: '用户', imports: 'Excel 导入', budgetVsActual: '预算执行',
  },
  role: { channel_staff: '渠道经理', approver: '审批人', finance: '财务', admin: '管理员' },
  action: {
    signIn: '登录', signOut: '退出登录', save: '保存', cancel: '取消', add: '新增', edit: '编辑', deactivate: '停用',
    activate: '启用', reload: '刷新', export: '导出 Excel', import: '导入 Excel', search: '快速搜索', confirm: '确定',
    close: '关闭', undo: '撤销', columns: '列', showInactive: '显示已停用', handover: '交接', back: '返回', next: '下一步',
  },
  common: {
    loading: '加载中…', empty: '暂无数据', noMatch: '没有符合条件的记录', total: '合计', rows: '{{count}} 行', rows_one: '{{count}} 行',
    yes: '是', no: '否', active: '启用', inactive: '已停用', saved: '已保存', all: '全部', scope: '范围', scopeLabel: '范围：', noEnglishName: '还没有英文名称，管理员可在“组织”中填写', language: '语言',
    user: '用户', version: '版本', unexpected: '发生意外错误，请重试或联系管理员。', shortcut: '快捷键：{{keys}}',
  },
  grid: {
    search: '快速搜索', searchHint: '快速搜索（Ctrl+F）', rows: '{{count}} 行', rows_one: '{{count}} 行', lines: '{{count}} 行', lines_one: '{{count}} 行', columns: '列', columnsTitle: '显示哪些列',
    resetColumns: '恢复默认列', saved: '已保存：{{field}}', fieldError: '{{field}}：{{message}}', readOnly: '只读',
    pasted: '已粘贴 {{count}} 个单元格', pasteFailed: '{{count}} 个单元格未能粘贴，见标红的单元格', pasteSkipped: '{{count}} 个单元格不可编辑，已跳过',
    filterSearch: '搜索…', filterClear: '清除', filterSelected: '已选 {{count}} 项', filterNone: '未筛选', dismiss: '关闭',
    loadFailed: '数据加载失败：{{message}}', selectRow: '请先选中一行',
  },
  signIn: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', demoHint: '演示账号（密码均为 demo1234）：',
  },
  setup: {
    title: '欢迎使用渠道费用台', intro: '这是一个新的数据目录。请选择如何开始：',
    demo: '演示公司', demoDesc: '一家有 3 个分公司、12 个县区、40 个营业部/网格和约 300 个渠道合作伙伴的示例公司，可立即体验。',
    empty: '空白公司', emptyDesc: '从零开始：填写公司名称并创建第一个管理员。',
    companyName: '公司名称', adminUsername: '管理员用户名', adminDisplayName: '管理员姓名', adminPassword: '管理员密码（至少 8 位）',
    create: '创建', creating: '正在创建…',
  },
};

export const en: typeof zh = {
  app: { name: 'Channel Cost Desk', tagline: 'Channel cost budgets · approvals · claims · analysis' },
  nav: {
    home: 'Home', budgets: 'Budgets', requests: 'Requests', claims: 'Claims', approvals: 'Approvals', analysis: 'Analysis',
    master: 'Master data', settings: 'Settings', orgUnits: 'Org units', channelTypes: 'Channel types', costTypes: 'Cost types',
    partners: 'Partners', users: 'Users', imports: 'Excel import', budgetVsActual: 'Budget vs actual',
  },
  role: { channel_staff: 'Channel staff', approver: 'Approver', finance: 'Finance', admin: 'Administrator' },
  action: {
    signIn: 'Sign in', signOut: 'Sign out', save: 'Save', cancel: 'Cancel', add: 'Add', edit: 'Edit', deactivate: 'Deactivate',
    activate: 'Activate', reload: 'Reload', export: 'Export to Excel', import: 'Import from Excel', search: 'Quick search', confirm: 'OK',
    close: 'Close', undo: 'Undo', columns: 'Columns', showInactive: 'Show inactive', handover: 'Handover', back: 'Back', next: 'Next',
  },
  common: {
    loading: 'Loading...', empty: 'Nothing here yet', noMatch: 'No records match', total: 'Total', rows: '{{count}} rows', rows_one: '{{count}} row',
    yes: 'Yes', no: 'No', active: 'Active', inactive: 'Inactive', saved: 'Saved', all: 'All', scope: 'Scope', scopeLabel: 'Scope: ', noEnglishName: 'No English name yet; an administrator can add one under Org units', language: 'Language',
    user: 'User', version: 'Version', unexpected: 'Something went wrong. Try again or contact your administrator.', shortcut: 'Shortcut: {{keys}}',
  },
  grid: {
    search: 'Quick search', searchHint: 'Quick search (Ctrl+F)', rows: '{{count}} rows', rows_one: '{{count}} row', lines: '{{count}} lines', lines_one: '{{count}} line', columns: 'Columns', columnsTitle: 'Columns to show',
    resetColumns: 'Reset columns', saved: 'Saved: {{field}}', fieldError: '{{field}}: {{message}}', readOnly: 'Read-only',
    pasted: 'Pasted {{count}} cells', pasteFailed: '{{count}} cells could not be pasted; see the cells marked red', pasteSkipped: '{{count}} cells are not editable and were skipped',
    filterSearch: 'Search...', filterClear: 'Clear', filterSelected: '{{count}} selected', filterNone: 'No filter', dismiss: 'Dismiss',
    loadFailed: 'Could not load the data: {{message}}', selectRow: 'Select a row first',
  },
  signIn: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', demoHint: 'Demo users (password demo1234):',
  },
  setup: {
    title: 'Welcome to Channel Cost Desk', intro: 'This is a new data folder. How would you like to start?',
    demo: 'Demo company', demoDesc: 'A sample company with 3 branches, 12 counties, 40 township offices or grids and about 300 partners, ready to explore.',
    empty: 'Empty company', emptyDesc: 'Start from scratch: name your company and create the first administrator.',
    companyName: 'Company name', adminUsername: 'Administrator username', adminDisplayName: 'Administrator name', adminPassword: 'Administrator password (at least 8 characters)',
    create: 'Create', creating: 'Creating...',
  },
};
