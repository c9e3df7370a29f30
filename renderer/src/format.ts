import { formatFen } from '@shared/domain/money';
import { currentLocale } from './i18n';

/** Display formats: money from integer fen as ¥1,234.56; dates in the locale's format. */
export const money = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatFen(fen));

const dateFmt = new Map<string, Intl.DateTimeFormat>();
export function date(iso: string | null | undefined): string {
  if (!iso) return '';
  const l = currentLocale();
  let f = dateFmt.get(l);
  if (!f) dateFmt.set(l, (f = new Intl.DateTimeFormat(l, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })));
  return f.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
