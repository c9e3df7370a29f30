/** Master data: org units, channel types, cost types, partners, users. */
export const zh = {
  master: {
    orgKind: { company: '公司', branch: '分公司', county: '县区', township: '乡镇营业部', grid: '网格' },
    partnerStatus: { prospect: '洽谈中', cooperating: '合作中', suspended: '暂停', terminated: '已终止' },
    control: { block: '禁止超支', warn: '超支预警', none: '不控制' },
    yesNo: { yes: '是', no: '否' },
    localeName: { 'zh-CN': '中文', en: 'English' },
    noOwner: '（未分配）',
    readOnlyHint: '您的角色只能查看此数据',
    confirmDeactivate: '停用“{{name}}”？停用后它不再出现在列表和选择中，已有数据保持不变，可随时重新启用。',
    confirmActivate: '重新启用“{{name}}”？',
    deactivated: '已停用“{{name}}”', activated: '已启用“{{name}}”', created: '已新增“{{name}}”',
    partner: { add: '新增合作伙伴', addTitle: '新增渠道合作伙伴' },
    handover: {
      open: '交接', title: '渠道合作伙伴交接', from: '移交人（原渠道经理）', to: '接收人', note: '备注', pick: '请选择…',
      willMove: '将把 {{count}} 个渠道合作伙伴从 {{from}} 移交给 {{to}}。', nothing: '{{from}} 在您的范围内没有渠道合作伙伴。',
      submit: '确认交接', done: '已将 {{count}} 个渠道合作伙伴从 {{from}} 移交给 {{to}}', history: '交接记录',
      at: '时间', by: '操作人', count: '数量', empty: '暂无交接记录',
    },
    orgUnit: { addChild: '新增下级组织', addTitle: '在“{{parent}}”下新增组织', selectParent: '请先选中上级组织' },
    channelType: { add: '新增渠道类型' },
    costType: { add: '新增费用类型' },
    user: {
      add: '新增用户', password: '初始密码（至少 8 位）', resetPassword: '重置密码', resetTitle: '重置“{{name}}”的密码',
      newPassword: '新密码（至少 8 位）', resetDone: '已重置“{{name}}”的密码，其登录会话已失效', assign: '分配组织',
      assignTitle: '“{{name}}”负责的组织', assigned: '已更新“{{name}}”负责的组织',
    },
    col: {
      id: 'ID', code: '编码', name: '名称', nameZh: '中文名称', nameEn: '英文名称', kind: '类型', parent: '上级', manager: '负责人',
      channelType: '渠道类型', orgUnit: '所属组织', owner: '渠道经理', starRating: '星级', contractStart: '合同开始', contractEnd: '合同结束',
      status: '状态', contactName: '联系人', contactPhone: '联系电话', bankName: '开户行', bankAccount: '银行账号', active: '启用',
      requiresPreapproval: '需事前申请', receiptThreshold: '票据门槛', defaultControl: '默认控制', defaultTolerance: '默认容差(%)',
      username: '用户名', displayName: '姓名', role: '角色', locale: '语言', orgUnits: '负责组织', updatedAt: '更新时间',
    },
  },
};

export const en: typeof zh = {
  master: {
    orgKind: { company: 'Company', branch: 'Branch', county: 'County', township: 'Township office', grid: 'Grid' },
    partnerStatus: { prospect: 'Prospect', cooperating: 'Cooperating', suspended: 'Suspended', terminated: 'Terminated' },
    control: { block: 'Block', warn: 'Warn', none: 'None' },
    yesNo: { yes: 'Yes', no: 'No' },
    localeName: { 'zh-CN': '中文', en: 'English' },
    noOwner: '(unassigned)',
    readOnlyHint: 'Your role can view this data only',
    confirmDeactivate: 'Deactivate “{{name}}”? It no longer appears in lists and pickers; existing data stays as it is, and you can activate it again at any time.',
    confirmActivate: 'Activate “{{name}}” again?',
    deactivated: 'Deactivated “{{name}}”', activated: 'Activated “{{name}}”', created: 'Added “{{name}}”',
    partner: { add: 'Add partner', addTitle: 'Add a channel partner' },
    handover: {
      open: 'Handover', title: 'Partner handover', from: 'From (current manager)', to: 'To', note: 'Note', pick: 'Choose…',
      willMove: '{{count}} partners will move from {{from}} to {{to}}.', nothing: '{{from}} owns no partners in your scope.',
      submit: 'Hand over', done: 'Moved {{count}} partners from {{from}} to {{to}}', history: 'Handover history',
      at: 'When', by: 'By', count: 'Partners', empty: 'No handovers yet',
    },
    orgUnit: { addChild: 'Add child unit', addTitle: 'New unit under “{{parent}}”', selectParent: 'Select the parent unit first' },
    channelType: { add: 'Add channel type' },
    costType: { add: 'Add cost type' },
    user: {
      add: 'Add user', password: 'Initial password (at least 8 characters)', resetPassword: 'Reset password', resetTitle: 'Reset the password of “{{name}}”',
      newPassword: 'New password (at least 8 characters)', resetDone: 'Password of “{{name}}” reset; their sessions were ended', assign: 'Assign org units',
      assignTitle: 'Org units of “{{name}}”', assigned: 'Updated the org units of “{{name}}”',
    },
    col: {
      id: 'ID', code: 'Code', name: 'Name', nameZh: 'Name (Chinese)', nameEn: 'Name (English)', kind: 'Kind', parent: 'Parent', manager: 'Manager',
      channelType: 'Channel type', orgUnit: 'Org unit', owner: 'Channel manager', starRating: 'Stars', contractStart: 'Contract start', contractEnd: 'Contract end',
      status: 'Status', contactName: 'Contact', contactPhone: 'Phone', bankName: 'Bank', bankAccount: 'Bank account', active: 'Active',
      requiresPreapproval: 'Pre-approval', receiptThreshold: 'Receipt threshold', defaultControl: 'Default control', defaultTolerance: 'Default tolerance (%)',
      username: 'Username', displayName: 'Name', role: 'Role', locale: 'Language', orgUnits: 'Org units', updatedAt: 'Updated',
    },
  },
};
