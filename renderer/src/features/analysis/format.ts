import { formatFen } from '@shared/domain/money';

/**
 * Short numbers for chart axes, in the reader's own units: Chinese finance reads 万 and 亿
 * (12.5万, 3.2亿), English readers K, M, B. Values are yuan (an axis over fen divides by 100 first);
 * they are for reading a chart's scale only — every exact figure (tooltips, grids, Excel) is
 * integer fen through formatFen.
 */
export function compactNumber(v: number, lang: string): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));
  if (lang === 'zh-CN') {
    if (a >= 1e8) return `${sign}${trim(a / 1e8, 2)}亿`;
    if (a >= 1e4) return `${sign}${trim(a / 1e4, a >= 1e6 ? 0 : 1)}万`;
    return `${sign}${trim(a, 0)}`;
  }
  if (a >= 1e9) return `${sign}${trim(a / 1e9, 2)}B`;
  if (a >= 1e6) return `${sign}${trim(a / 1e6, 2)}M`;
  if (a >= 1e3) return `${sign}${trim(a / 1e3, a >= 1e5 ? 0 : 1)}K`;
  return `${sign}${trim(a, 0)}`;
}

/** An axis label for an amount in fen. */
export const axisMoney = (lang: string) => (fen: number) => compactNumber(fen / 100, lang);

/** ¥1,234.56 from fen, blank for "not known". */
export const fullMoney = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : formatFen(fen));

/** A ratio in basis points as a percentage: 1234 → 12.3%; null → — (not measurable). */
export const pctBp = (bp: number | null | undefined, digits = 1) => (bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(digits)}%`);

/** A plain ratio (0.123) as a percentage. */
export const pct = (r: number | null | undefined, digits = 1) => (r === null || r === undefined || !Number.isFinite(r) ? '—' : `${(r * 100).toFixed(digits)}%`);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A file name from a title and the filters it shows: no characters Windows or macOS refuse. */
export function safeFileName(parts: string[], ext: string): string {
  const base = parts
    .filter(Boolean)
    .join(' ')
    .replace(/[\\/:*?"<>|\r\n\t]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${base || 'chart'}.${ext}`;
}
