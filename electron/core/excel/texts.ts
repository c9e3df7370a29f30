import type { Locale } from '../../../shared/api/areas/common';
import { messages } from '../../../shared/i18n';

/**
 * Texts written into Excel files (sheet names, the instructions sheet, the error report). Reasons
 * ('v.*', 'x.*') are translated from the UI's catalogues when they hold the key; the English and
 * Chinese defaults below stand in for 'x.*' keys the catalogues do not have yet.
 */
export const T = {
  instructions: { 'zh-CN': '填写说明', en: 'Instructions' },
  lists: { 'zh-CN': '下拉列表', en: 'Lists' },
  column: { 'zh-CN': '列', en: 'Column' },
  required: { 'zh-CN': '必填', en: 'Required' },
  description: { 'zh-CN': '说明', en: 'Description' },
  example: { 'zh-CN': '示例', en: 'Example' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  exampleRow: { 'zh-CN': '示例行（请在第一个工作表中填写数据，不要填在这里）', en: 'Example row (fill in your data on the first sheet, not here)' },
  general: {
    'zh-CN': '第一行为列名（中文或英文均可识别）。日期可写 2024-03-01、2024/3/1 或 2024年3月1日；金额可带 ¥ 和千位分隔符。编码、电话和账号请以文本格式输入。',
    en: 'The first row holds the column names (Chinese or English). Dates: 2024-03-01, 2024/3/1 or 2024年3月1日; amounts may carry ¥ and thousands separators. Enter codes, phone numbers and accounts as text.',
  },
  errors: { 'zh-CN': '导入问题', en: 'Import issues' },
  row: { 'zh-CN': '行号', en: 'Row' },
  value: { 'zh-CN': '值', en: 'Value' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  reasonKey: { 'zh-CN': '原因代码', en: 'Reason code' },
  template: { 'zh-CN': '导入模板', en: 'import template' },
  report: { 'zh-CN': '导入问题', en: 'import issues' },
} as const;

export const tr = (t: { 'zh-CN': string; en: string }, locale: Locale) => t[locale];

const X_DEFAULTS: Record<string, { 'zh-CN': string; en: string }> = {
  'x.formula_no_value': { 'zh-CN': '公式没有计算结果，请在 Excel 中重新计算并保存', en: 'The formula has no calculated value; recalculate and save in Excel' },
  'x.formula_error': { 'zh-CN': '公式结果是错误值', en: 'The formula results in an error' },
  'x.cell_error': { 'zh-CN': '单元格是错误值（如 #N/A）', en: 'The cell holds an error value (e.g. #N/A)' },
  'x.unreadable': { 'zh-CN': '无法读取此单元格', en: 'This cell cannot be read' },
  'x.date': { 'zh-CN': '不是有效日期（如 2024-03-01）', en: 'Not a valid date (e.g. 2024-03-01)' },
  'x.integer': { 'zh-CN': '应为整数', en: 'A whole number is expected' },
  'x.number': { 'zh-CN': '应为数字（最多两位小数）', en: 'A number with at most two decimals is expected' },
  'x.bool': { 'zh-CN': '应为“是”或“否”', en: 'Yes or No is expected' },
  'x.choice': { 'zh-CN': '必须是以下之一：{{options}}', en: 'Must be one of: {{options}}' },
  'x.long_number': { 'zh-CN': '数字位数太多，Excel 已丢失精度；请以文本格式输入', en: 'Too many digits for a number (Excel lost some); enter it as text' },
  'x.unknown_ref': { 'zh-CN': '找不到“{{value}}”', en: '“{{value}}” was not found' },
  'x.ambiguous_ref': { 'zh-CN': '“{{value}}”对应多条记录，请填写编码', en: '“{{value}}” matches several records; use the code' },
  'x.unknown_id': { 'zh-CN': 'ID {{id}} 不存在', en: 'ID {{id}} does not exist' },
  'x.duplicate_in_file': { 'zh-CN': '文件中多行指向同一记录（第 {{rows}} 行）', en: 'Several rows of the file address the same record (rows {{rows}})' },
  'x.parent_change': { 'zh-CN': '不能通过导入更改上级组织', en: 'An import cannot move a unit to another parent' },
  'x.username_change': { 'zh-CN': '不能更改用户名', en: 'Usernames cannot be changed' },
  'x.out_of_scope': { 'zh-CN': '该组织不在您的权限范围内', en: 'This org unit is outside your scope' },
  'x.not_found': { 'zh-CN': '记录不存在或不在您的范围内', en: 'The record does not exist or is outside your scope' },
  'x.stale': { 'zh-CN': '记录已被他人修改，请重新预检', en: 'The record was changed by someone else; run the check again' },
  'x.duplicate': { 'zh-CN': '编码已存在', en: 'The code already exists' },
  'x.validation': { 'zh-CN': '数据无效', en: 'Invalid data' },
  'x.forbidden': { 'zh-CN': '无权执行此操作', en: 'Not permitted' },
  'x.has_active_children': { 'zh-CN': '请先停用下级组织', en: 'Deactivate the units below first' },
  'x.users_need_password': { 'zh-CN': '{{count}} 个新用户需由管理员设置密码后才能登录', en: '{{count}} new users can sign in once an administrator sets their password' },
};

/** A reason key with its params → text in the language asked for. */
export function reasonText(key: string, params: Record<string, string | number> | undefined, locale: Locale): string {
  const [area, ...rest] = key.split('.');
  const cat = (messages[locale] as Record<string, Record<string, unknown>>)[area ?? '']?.[rest.join('.')];
  let text = typeof cat === 'string' ? cat : (X_DEFAULTS[key]?.[locale] ?? key);
  for (const [k, v] of Object.entries(params ?? {})) text = text.replaceAll(`{{${k}}}`, String(v));
  return text;
}
