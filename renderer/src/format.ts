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

/** A moment in local time: its local date in the language's format and 24-hour hh:mm (2024/03/01 14:05, 2024-03-01 14:05). */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local date of a moment, in the language's date format (a date-only value uses `date`). */
export function localDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const ymd = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return currentLocale() === 'en' ? ymd : ymd.replaceAll('-', '/');
}
