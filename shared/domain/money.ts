/**
 * Money is integer fen (分) everywhere: storage, arithmetic, transport. Never a float.
 *
 * Rounding rule (the only one): when an amount must be divided (spreading, weights,
 * percentages), compute with integers/BigInt and round half away from zero; the remainders
 * left by a split are given one fen at a time to the earliest parts (see `spread`).
 */
export type Fen = number;

const MAX_FEN = Number.MAX_SAFE_INTEGER;

export function isFen(x: unknown): x is Fen {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

export function assertFen(x: number, what = 'amount'): Fen {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be an integer number of fen, got ${x}`);
  return x;
}

/** Sum of fen, refusing to leave the safe-integer range. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) {
    total += v;
    if (Math.abs(total) > MAX_FEN) throw new RangeError('amount overflow');
  }
  return total;
}

/** Integer division rounding half away from zero. */
export function divRound(numerator: number, denominator: number): number {
  if (denominator === 0) throw new RangeError('division by zero');
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const neg = (n < 0n) !== (d < 0n);
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return Number(neg ? -q : q);
}

/** amount × basisPoints / 10000, rounded half away from zero (1% = 100 bp). */
export function applyBasisPoints(amount: Fen, bp: number): Fen {
  return divRound(amount * bp, 10_000);
}

/**
 * Split `total` into parts proportional to `weights` (non-negative integers, not all zero).
 * Each part is floor(total × w / Σw); the fen left over go one each to the parts with the
 * largest fractional remainders, earliest first on ties. Parts always sum exactly to total.
 * Even spread over 12 months = weights of twelve 1s: the first (total mod 12) months get 1 fen more.
 */
export function spread(total: Fen, weights: readonly number[]): Fen[] {
  assertFen(total, 'total');
  if (weights.length === 0) throw new RangeError('no weights');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const wsum = weights.reduce((a, b) => a + b, 0);
  if (wsum === 0) throw new RangeError('weights sum to zero');
  const sign = total < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(total));
  const W = BigInt(wsum);
  const parts = weights.map((w) => (abs * BigInt(w)) / W);
  const rema = weights.map((w, i) => ({ i, r: (abs * BigInt(w)) % W }));
  let left = abs - parts.reduce((a, b) => a + b, 0n);
  rema.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rema) {
    if (left === 0n) break;
    if (weights[i] === 0) continue;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}

/**
 * Parse a user-typed or pasted amount in yuan into fen. Accepts ¥/￥, thousands separators,
 * spaces, full-width digits, a leading minus or parentheses for negatives, up to 2 decimals.
 * Returns null for blank input; throws MoneyParseError for anything else that is not money.
 */
export class MoneyParseError extends Error {
  constructor(readonly input: string, readonly reason: 'not_a_number' | 'too_many_decimals' | 'too_large') {
    super(`not an amount: ${input} (${reason})`);
  }
}

export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function parseYuanToFen(raw: string | number | null | undefined): Fen | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new MoneyParseError(String(raw), 'not_a_number');
    // numbers from spreadsheets: round to fen via string form to avoid binary artefacts
    return parseYuanToFen(raw.toFixed(6).replace(/0+$/, '').replace(/\.$/, ''));
  }
  let s = toHalfWidth(raw).trim();
  if (s === '' || s === '-') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^[¥￥]|^CNY|^RMB/i, '').trim();
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(/^[¥￥]/, '').replace(/[,\s]/g, '').replace(/元$/, '');
  if (!/^\d+(\.\d+)?$/.test(s)) throw new MoneyParseError(raw, 'not_a_number');
  const [intPart, decPart = ''] = s.split('.');
  const dec = decPart.replace(/0+$/, '');
  if (dec.length > 2) throw new MoneyParseError(raw, 'too_many_decimals');
  const fen = BigInt(intPart!) * 100n + BigInt((dec + '00').slice(0, 2));
  if (fen > BigInt(MAX_FEN)) throw new MoneyParseError(raw, 'too_large');
  const n = Number(fen);
  return negative ? -n : n;
}

/** 123456 -> "1,234.56" (no currency sign). */
export function formatFenPlain(fen: Fen): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${cents.toString().padStart(2, '0')}`;
}

/** 123456 -> "¥1,234.56"; -5 -> "-¥0.05". */
export function formatFen(fen: Fen): string {
  const plain = formatFenPlain(fen);
  return plain.startsWith('-') ? `-¥${plain.slice(1)}` : `¥${plain}`;
}
