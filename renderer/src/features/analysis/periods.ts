import type { TFunction } from 'i18next';

/**
 * A period bucket as a reader says it: 2026-03 → 2026年3月 / Mar 2026; 2026-Q2 → 2026年第2季度 /
 * Q2 2026; 2026 → 2026年 / 2026; 2026-YTD → 2026年至今 / 2026 YTD.
 */
export function bucketText(t: TFunction, b: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(b);
  if (m) return t('analysisUi.period.month', { y: m[1], m: Number(m[2]), mon: t(`budgets.grid.months.${Number(m[2]) - 1}`) });
  m = /^(\d{4})-Q([1-4])$/.exec(b);
  if (m) return t('analysisUi.period.quarter', { y: m[1], q: m[2] });
  m = /^(\d{4})-YTD/.exec(b);
  if (m) return t('analysisUi.period.ytd', { y: m[1] });
  m = /^(\d{4})$/.exec(b);
  if (m) return t('analysisUi.period.year', { y: m[1] });
  return b;
}
