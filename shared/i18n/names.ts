import type { AppLocale } from './index';

/**
 * A record's name in the UI language. Records carry a Chinese and an English name (company, org
 * units, channel and cost types). In English, a missing English name — empty, or the Chinese one
 * copied over (what the empty-company setup does for the company) — falls back to the Chinese name
 * visibly marked " (zh)", so nobody takes it for a translation and an administrator knows to add one.
 */
export const FALLBACK_MARK = ' (zh)';

const CJK = /[\u3400-\u9fff]/;

export function hasEnglishName(zh: string, en: string | null | undefined): boolean {
  const e = (en ?? '').trim();
  return !!e && !(e === zh.trim() && CJK.test(e));
}

export function localName(r: { nameZh: string; nameEn?: string | null }, locale: AppLocale | string): string {
  if (locale !== 'en') return r.nameZh || (r.nameEn ?? '');
  return hasEnglishName(r.nameZh, r.nameEn) ? r.nameEn!.trim() : r.nameZh ? `${r.nameZh}${FALLBACK_MARK}` : '';
}
