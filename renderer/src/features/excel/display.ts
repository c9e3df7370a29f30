import type { TFunction } from 'i18next';
import type { KindColumnInfo, PlannedChange, RowIssue } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';
import { formatFen } from '@shared/domain/money';
import { translateIssue } from '@shared/i18n/errors';

/**
 * How the import report reads: a reason in the user's language, and a changed value as the grid
 * would show it (money from fen in ¥, rates in %, yes/no, coded values by their label).
 */
export function reasonText(t: TFunction, exists: (key: string) => boolean, issue: Pick<RowIssue, 'reason' | 'params'>): string {
  // the one translation of reasons (money params as ¥), shared with the rest of the UI and the error report
  return translateIssue({ exists, t: (key, params) => t(key, params) }, issue);
}

/** catalogue prefix of coded values, by column key */
const CODED: Record<string, string> = {
  status: 'master.partnerStatus',
  kind: 'master.orgKind',
  role: 'role',
  locale: 'master.localeName',
  defaultControl: 'master.control',
  controlMode: 'master.control', // budget lines: a line's own rule (empty = the cost type's default)
};

export function valueText(t: TFunction, exists: (key: string) => boolean, col: KindColumnInfo | undefined, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return t('excel.emptyValue');
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) return v.map(String).join('、');
  if (typeof v === 'number' && col?.type === 'money') return formatFen(v);
  if (typeof v === 'number' && col?.type === 'bp') return `${(v / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
  const coded = CODED[key];
  if (coded && exists(`${coded}.${String(v)}`)) return t(`${coded}.${String(v)}`);
  return String(v);
}

/** An update: "名称：旧 → 新；星级：3 → 4"; a create, its values: "名称：新；星级：4". */
export function changesText(
  t: TFunction,
  exists: (key: string) => boolean,
  columns: Map<string, KindColumnInfo>,
  locale: AppLocale,
  changes: PlannedChange['changes'],
  op: PlannedChange['op'] = 'update',
): string {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return changes
    .map((c) => {
      const col = columns.get(c.column);
      const name = col?.header[locale] ?? c.column;
      const after = valueText(t, exists, col, c.column, c.after);
      return op === 'create' ? `${name}${colon}${after}` : `${name}${colon}${valueText(t, exists, col, c.column, c.before)} → ${after}`;
    })
    .join(locale === 'zh-CN' ? '；' : '; ');
}
