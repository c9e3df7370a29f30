import type { Locale } from '../../../shared/api/areas/common';
import { messages } from '../../../shared/i18n';
import { messageParams } from '../../../shared/i18n/errors';

/**
 * Texts written into Excel files (sheet names, the instructions sheet, the error report). Reasons
 * ('v.*', 'x.*') are translated from the UI's catalogues (shared/i18n), the same sentences the
 * wizard's grid shows; an unknown key is written as itself.
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

/** A reason key with its params → text in the language asked for. */
export function reasonText(key: string, params: Record<string, string | number> | undefined, locale: Locale): string {
  const [area, ...rest] = key.split('.');
  const cat = (messages[locale] as Record<string, Record<string, unknown>>)[area ?? '']?.[rest.join('.')];
  let text = typeof cat === 'string' ? cat : key;
  // money params (fen) as ¥ yuan, exactly as the wizard shows them (shared/i18n/errors.ts)
  for (const [k, v] of Object.entries(messageParams(key, params))) text = text.replaceAll(`{{${k}}}`, String(v));
  return text;
}
