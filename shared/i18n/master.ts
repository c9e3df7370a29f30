/** Master data: org units, channel types, cost types, partners, users. */
export const zh = {
  master: {
    orgKind: { company: '公司', branch: '分公司', county: '县区', township: '乡镇营业部', grid: '网格' },
    partnerStatus: { prospect: '洽谈中', cooperating: '合作中', suspended: '暂停', terminated: '已终止' },
    control: { block: '禁止超支', warn: '超支预警', none: '不控制' },
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
    col: {
      id: 'ID', code: 'Code', name: 'Name', nameZh: 'Name (Chinese)', nameEn: 'Name (English)', kind: 'Kind', parent: 'Parent', manager: 'Manager',
      channelType: 'Channel type', orgUnit: 'Org unit', owner: 'Channel manager', starRating: 'Stars', contractStart: 'Contract start', contractEnd: 'Contract end',
      status: 'Status', contactName: 'Contact', contactPhone: 'Phone', bankName: 'Bank', bankAccount: 'Bank account', active: 'Active',
      requiresPreapproval: 'Pre-approval', receiptThreshold: 'Receipt threshold', defaultControl: 'Default control', defaultTolerance: 'Default tolerance (%)',
      username: 'Username', displayName: 'Name', role: 'Role', locale: 'Language', orgUnits: 'Org units', updatedAt: 'Updated',
    },
  },
};
