/** Word lists for the deterministic demo company (modelled on the seeds: a telecom operator's channels). */
export const COMPANY = { code: 'YL', zh: '云岭通信有限公司', en: 'Yunling Telecom Co., Ltd.' };

export const BRANCHES: { code: string; zh: string; en: string; counties: { code: string; zh: string; en: string }[] }[] = [
  {
    code: 'KM', zh: '昆明分公司', en: 'Kunming Branch',
    counties: [
      { code: 'KM-WH', zh: '五华区', en: 'Wuhua District' },
      { code: 'KM-PL', zh: '盘龙区', en: 'Panlong District' },
      { code: 'KM-GD', zh: '官渡区', en: 'Guandu District' },
      { code: 'KM-CG', zh: '呈贡区', en: 'Chenggong District' },
    ],
  },
  {
    code: 'QJ', zh: '曲靖分公司', en: 'Qujing Branch',
    counties: [
      { code: 'QJ-QL', zh: '麒麟区', en: 'Qilin District' },
      { code: 'QJ-ZY', zh: '沾益区', en: 'Zhanyi District' },
      { code: 'QJ-XW', zh: '宣威市', en: 'Xuanwei City' },
      { code: 'QJ-LL', zh: '陆良县', en: 'Luliang County' },
    ],
  },
  {
    code: 'DL', zh: '大理分公司', en: 'Dali Branch',
    counties: [
      { code: 'DL-DL', zh: '大理市', en: 'Dali City' },
      { code: 'DL-XY', zh: '祥云县', en: 'Xiangyun County' },
      { code: 'DL-BC', zh: '宾川县', en: 'Binchuan County' },
      { code: 'DL-HQ', zh: '鹤庆县', en: 'Heqing County' },
    ],
  },
];

/** Township offices (乡镇营业部) and grids (网格) under each county: 40 in all. */
export const TOWNSHIP_WORDS = ['城东', '城西', '城南', '城北', '新区', '河口', '龙泉', '金马', '太平', '永安'];
export const TOWNSHIP_EN = ['East', 'West', 'South', 'North', 'New Area', 'Hekou', 'Longquan', 'Jinma', 'Taiping', "Yong'an"];

export const CHANNEL_TYPES = [
  { code: 'TERMINAL', zh: '终端渠道', en: 'Retail terminal' },
  { code: 'BUSINESS', zh: '业务渠道', en: 'Business channel' },
  { code: 'VILLAGE', zh: '村级渠道', en: 'Village channel' },
  { code: 'ECOM', zh: '电商', en: 'E-commerce' },
  { code: 'DEALER', zh: '经销商', en: 'Distributor' },
  { code: 'AGENT', zh: '代理商', en: 'Agent' },
];

/** code, zh, en, requires pre-approval, receipt threshold (fen), default control, tolerance (bp) */
export const COST_TYPES: [string, string, string, boolean, number, 'block' | 'warn' | 'none', number][] = [
  ['PROMO', '促销费', 'Promotion', true, 50_000, 'block', 500],
  ['ADV', '广告宣传费', 'Advertising', true, 100_000, 'block', 0],
  ['DISPLAY', '陈列/铺市费', 'Display & placement', true, 50_000, 'warn', 1000],
  ['REBATE', '返利', 'Rebate', true, 0, 'block', 0],
  ['COMMISSION', '渠道酬金', 'Channel commission', false, 0, 'warn', 300],
  ['INCENTIVE', '激励', 'Incentive', true, 20_000, 'warn', 500],
  ['TRAINING', '培训费', 'Training', true, 100_000, 'block', 0],
  ['EVENT', '活动费', 'Events', true, 50_000, 'block', 500],
  ['RENT', '房租补贴', 'Rent subsidy', true, 0, 'block', 0],
  ['MATERIAL', '物料费', 'Materials', false, 20_000, 'warn', 1000],
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'.split('');
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志飞鹏宇浩然晨曦婷雪梅'.split('');

export const SHOP_WORDS = ['恒通', '鑫源', '万达', '顺发', '华联', '聚信', '宏远', '佳和', '金桥', '天成', '兴旺', '永盛', '海纳', '嘉禾', '瑞丰', '新世纪', '联创', '博远', '众诚', '同心'];
export const SHOP_KINDS = ['通讯器材店', '手机卖场', '通信服务部', '数码广场', '便民服务点', '电子商行', '营业厅', '商贸有限公司', '科技有限公司', '代办点'];
export const BANKS = ['中国工商银行', '中国农业银行', '中国建设银行', '中国银行', '云南农村信用社', '邮政储蓄银行'];

export const DEMO_USERS = [
  { username: 'admin', zh: '系统管理员', role: 'admin' as const, scope: 'company' },
  { username: 'zhangwei', zh: '张伟', role: 'channel_staff' as const, scope: 'KM-WH' },
  { username: 'lina', zh: '李娜', role: 'approver' as const, scope: 'KM' },
  /** the manager of 五华区 (Wuhua): the first approver of zhangwei's requests and claims */
  { username: 'zhouqiang', zh: '周强', role: 'approver' as const, scope: 'KM-WH' },
  { username: 'chenjie', zh: '陈杰', role: 'approver' as const, scope: 'company' },
  /** the approvers (and managers) of the other two branches */
  { username: 'sunli', zh: '孙丽', role: 'approver' as const, scope: 'QJ' },
  { username: 'heyun', zh: '何云', role: 'approver' as const, scope: 'DL' },
  { username: 'wangfang', zh: '王芳', role: 'finance' as const, scope: 'company' },
  /** a second finance user: budget versions and transfers are approved by another finance user than the submitter */
  { username: 'zhaomin', zh: '赵敏', role: 'finance' as const, scope: 'company' },
];
export const DEMO_PASSWORD = 'demo1234';
