import { toHalfWidth } from '../../../shared/domain/money';
import type { RawCell, RawRow } from './worker/protocol';

/**
 * Header matching: a file's header is compared with every column's headers in both languages and
 * its aliases after folding away what people vary — full-width forms, case, spaces, the "*" that
 * marks required columns, brackets and punctuation. "合同 开始", "Contract Start", "CONTRACT_START*"
 * and "contractStart" all find the same column.
 */
export function normaliseHeader(s: string): string {
  return toHalfWidth(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_\-:：.()（）[\]【】/\\'"“”]/g, '');
}

export interface HeaderTarget {
  key: string;
  names: string[];
}

/** normalised header → column key */
export function headerIndex(targets: readonly HeaderTarget[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of targets) for (const n of [t.key, ...t.names]) m.set(normaliseHeader(n), t.key);
  return m;
}

export const cellText = (c: RawCell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') return 'date' in c ? c.date : '';
  return String(c).trim();
};

/**
 * The header row is, among the first non-blank rows, the one whose texts match the most known
 * headers (remembered mappings count too); a title line above the table is thus skipped. A row
 * that matches nothing is not a header: the file is refused with excel_no_header.
 */
export function findHeaderRow(sample: readonly RawRow[], known: (normalised: string) => boolean): RawRow | null {
  let best: RawRow | null = null;
  let bestScore = 0;
  for (const r of sample.slice(0, 10)) {
    let score = 0;
    for (const c of r.cells) {
      if (typeof c !== 'string') continue;
      const n = normaliseHeader(c);
      if (n && known(n)) score++;
    }
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
