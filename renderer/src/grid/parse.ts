import { MoneyParseError, parseYuanToFen, toHalfWidth } from '@shared/domain/money';

/**
 * Turning typed or pasted text into field values. A value the client already knows is wrong is
 * returned as `Invalid` (with the catalogue key of the reason) and never sent; anything else
 * goes to the core, which has the last word.
 */
export class Invalid {
  constructor(
    readonly reason: string,
    readonly params?: Record<string, string | number>,
  ) {}
}
export const isInvalid = (v: unknown): v is Invalid => v instanceof Invalid;

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Trimmed text; blank stays ''. */
export function parseText(v: unknown): string {
  return blank(v) ? '' : String(v).trim();
}

/** 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, 20240301 → '2024-03-01'; blank → null. */
export function parseDateText(v: unknown): string | null | Invalid {
  if (blank(v)) return null;
  const s = toHalfWidth(String(v)).trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return new Invalid('v.date');
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(iso) ? new Invalid('v.date') : iso;
}

/** A whole number (numbers pass through; text like "3" or "３" is read); blank → null. */
export function parseIntText(v: unknown): number | null | Invalid {
  if (blank(v)) return null;
  if (typeof v === 'number') return v;
  const s = toHalfWidth(String(v)).trim().replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : new Invalid('v.type');
}

/** Yuan text (¥1,234.56, (12.00), 1234) → integer fen; blank → null. */
export function parseMoneyText(v: unknown): number | null | Invalid {
  if (typeof v === 'number') return v;
  try {
    return parseYuanToFen(blank(v) ? null : String(v));
  } catch (e) {
    return new Invalid(e instanceof MoneyParseError && e.reason === 'too_many_decimals' ? 'v.money_decimals' : 'v.amount');
  }
}

/** A percentage ("5", "5%", "2.5") → basis points (500, 250). */
export function parsePercentToBp(v: unknown): number | null | Invalid {
  if (blank(v)) return null;
  if (typeof v === 'number') return Math.round(v * 100);
  const s = toHalfWidth(String(v)).trim().replace(/%$/, '').trim();
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return new Invalid('v.type');
  return Math.round(Number(s) * 100);
}
