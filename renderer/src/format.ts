import { formatFen } from '@shared/domain/money';
import { currentLocale } from './i18n';

/**
 * Display formats: money from integer fen as ¥1,234.56; dates as 2024/03/01 in Chinese (the
 * locale's own format) and as ISO 2024-03-01 in English — en-US's 03/01/2024 reads as 3 January
 * to most of this product's English readers (finance staff of Chinese companies, auditors), and
 * ISO is also what the Excel files and the import instructions use.
 */
export const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatFen(fen));

const dateFmt = new Map<string, Intl.DateTimeFormat>();
export function date(iso: string | null | undefined): string {
  if (!iso) return '';
  const l = currentLocale();
  if (l === 'en') return iso.slice(0, 10);
  let f = dateFmt.get(l);
  if (!f) dateFmt.set(l, (f = new Intl.DateTimeFormat(l, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })));
  return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
