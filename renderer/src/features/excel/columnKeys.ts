import type { KindInfo } from '@shared/api/areas/excel';
import type { AppLocale } from '@shared/i18n';

/**
 * Grid column ids → the kind's Excel column keys, in the grid's order. Grids name a reference by
 * the field that holds its id (channelTypeId, ownerUserId), money and rates by their unit
 * (receiptThresholdFen, defaultToleranceBp); the kind names the column (channelType, owner,
 * receiptThreshold, defaultTolerance). A name column that follows the language ('name') is the
 * kind's name column in the user's language. Columns the kind does not export are left out.
 */
export function exportColumnKeys(colIds: string[], kind: KindInfo, locale: AppLocale): string[] {
  const keys = new Set(kind.columns.map((c) => c.key));
  const out: string[] = [];
  for (const id of colIds) {
    const candidates =
      id === 'name' && !keys.has('name')
        ? [locale === 'zh-CN' ? 'nameZh' : 'nameEn']
        : [id, id.replace(/UserId$/, ''), id.replace(/Id$/, ''), id.replace(/(Fen|Bp)$/, '')];
    const key = candidates.find((c) => keys.has(c));
    if (key && !out.includes(key)) out.push(key);
  }
  return out;
}
