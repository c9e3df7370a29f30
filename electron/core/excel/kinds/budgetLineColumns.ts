import { CONTROL_MODES } from '../../../../shared/api/areas/master';
import * as budgetsI18n from '../../../../shared/i18n/budgets';
import { MONTH_COLS } from '../../budgets/sql';
import { choicesOf, masterLabels } from './common';
import type { Bilingual, ColumnDef } from './types';

/**
 * The budget-lines kind's columns (kinds/budgetLines.ts): the entry grid's columns as sheet
 * columns — ID, the line key (org unit, channel type, cost type, partner), twelve months of money,
 * the export-only year total, control mode and tolerance — with headers in both languages, the
 * month spellings accepted on import, and the mapping of saveLines' issue fields back to them.
 */
export const h = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });
const g = { zh: budgetsI18n.zh.budgets.grid, en: budgetsI18n.en.budgets.grid };
const gh = (k: 'orgUnit' | 'channelType' | 'costType' | 'partner' | 'year' | 'control' | 'tolerance'): Bilingual => ({ 'zh-CN': g.zh[k], en: g.en[k] });

export const MONTH_KEYS = MONTH_COLS.map((_, m) => `m${m + 1}`);
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ZH_MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

const CONTROL_CHOICES = choicesOf(CONTROL_MODES, masterLabels.zh.control, masterLabels.en.control);

export const budgetLineColumns: ColumnDef[] = [
  {
    key: 'id',
    type: 'id',
    header: h('ID', 'ID'),
    aliases: ['行ID', 'Line ID'],
    help: h(
      '预算行编号。导出的表格带有此列，导入时按它找到同一预算行；新增的预算行请留空（按组织、渠道类型、费用类型和合作伙伴识别）。',
      'The line number. Exports carry it so an import updates the same line; leave it empty for new lines (they are matched by org unit, channel type, cost type and partner).',
    ),
    width: 10,
  },
  {
    key: 'orgUnit',
    type: 'ref',
    header: gh('orgUnit'),
    aliases: ['组织编码', 'Org unit code', '所属组织'],
    required: true,
    list: 'orgUnits',
    width: 22,
    help: h('组织编码（如 KM-WH，或“编码 名称”）；须在您的权限范围内且为启用状态。', 'Org unit code (e.g. KM-WH, or "code name"); active and within your scope.'),
  },
  {
    key: 'channelType',
    type: 'ref',
    header: gh('channelType'),
    aliases: ['渠道类型编码', 'Channel type code'],
    required: true,
    list: 'channelTypes',
    width: 18,
    help: h('渠道类型编码，如 TERMINAL。', 'Channel type code, e.g. TERMINAL.'),
  },
  {
    key: 'costType',
    type: 'ref',
    header: gh('costType'),
    aliases: ['费用类型编码', 'Cost type code'],
    required: true,
    list: 'costTypes',
    width: 18,
    help: h('费用类型编码，如 PROMO。', 'Cost type code, e.g. PROMO.'),
  },
  {
    key: 'partner',
    type: 'ref',
    header: gh('partner'),
    aliases: ['合作伙伴编码', '渠道商', 'Partner code'],
    width: 24,
    help: h(
      '可选：合作伙伴编码（或“编码 名称”）；须属于该组织或其下级，渠道类型一致。留空 = 不指定合作伙伴。',
      'Optional partner code (or "code name"), of this org unit or below and of the same channel type. Empty = no partner.',
    ),
  },
  ...MONTH_KEYS.map(
    (key, m): ColumnDef => ({
      key,
      type: 'money',
      header: { 'zh-CN': g.zh.months[m]!, en: g.en.months[m]! },
      aliases: [FULL_MONTHS[m]!, ZH_MONTHS[m]!, `M${String(m + 1).padStart(2, '0')}`],
      width: 14,
      help: h(
        '金额（元），最多两位小数，如 ¥12,000.00 或 12000；不能为负数。留空 = 保持原值（新增行为 0）；填 0 清零。',
        'Amount in yuan with at most two decimals, e.g. ¥12,000.00 or 12000; not negative. Empty keeps the current amount (0 for a new line); 0 clears it.',
      ),
    }),
  ),
  {
    key: 'year',
    type: 'money',
    header: gh('year'),
    aliases: ['全年', 'Year'],
    importable: false,
    width: 16,
    help: h('12 个月之和，仅供查看，导入时忽略。', 'The sum of the twelve months; for reading only, ignored on import.'),
  },
  {
    key: 'controlMode',
    type: 'enum',
    header: gh('control'),
    aliases: ['控制', 'Control mode'],
    list: 'choices',
    choices: CONTROL_CHOICES,
    width: 12,
    help: h(
      '禁止超支、超支预警或不控制。留空 = 按费用类型的默认规则（与预算表中灰色显示的一致）；没有此列则保持不变。',
      'Block, Warn or None. Empty = the cost type\'s default rule (shown grey in the grid); without this column the rule stays as it is.',
    ),
  },
  {
    key: 'tolerance',
    type: 'bp',
    header: gh('tolerance'),
    aliases: ['容差(%)', 'Tolerance (%)'],
    width: 10,
    help: h(
      '百分比，最多两位小数，如 5 或 2.5（0 到 100）。留空 = 按费用类型的默认容差；没有此列则保持不变。',
      'A percentage with at most two decimals, e.g. 5 or 2.5 (0 to 100). Empty = the cost type\'s default; without this column it stays as it is.',
    ),
  },
];

/** saveLines' field of a row → the sheet column */
export function columnOfField(field: string): string {
  const [head, m] = field.split('.');
  switch (head) {
    case 'orgUnitId':
      return 'orgUnit';
    case 'channelTypeId':
      return 'channelType';
    case 'costTypeId':
      return 'costType';
    case 'partnerId':
      return 'partner';
    case 'amounts':
      return m === undefined ? 'm1' : `m${Number(m) + 1}`;
    case 'toleranceBp':
      return 'tolerance';
    default:
      return head ?? '';
  }
}
