import type { RefRec } from './refs';

/**
 * The records a reference not found most likely meant, for the import report ("not found; closest:
 * KM-WH 五华区 / KM-PL 盘龙区"): active records ranked by how well their code or a name matches —
 * one contains the other first, then by edit distance relative to length. A plain ranking over the
 * referenced table, which is small (hundreds of org units at most).
 */
const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** 0 (same) … 1 (nothing alike); containment counts as close */
function score(text: string, candidate: string): number {
  const c = norm(candidate);
  if (!c) return 1;
  if (c.includes(text) || text.includes(c)) return 0.1 * (1 - Math.min(text.length, c.length) / Math.max(text.length, c.length));
  return distance(text, c) / Math.max(text.length, c.length);
}

export function closestRecords(recs: readonly RefRec[], text: string, n = 3): RefRec[] {
  const t = norm(text);
  if (!t) return [];
  return recs
    .filter((r) => r.active)
    .map((r) => ({ r, s: Math.min(score(t, r.code), score(t, r.zh), score(t, r.en)) }))
    .filter((x) => x.s < 0.75)
    .sort((a, b) => a.s - b.s || a.r.code.localeCompare(b.r.code))
    .slice(0, n)
    .map((x) => x.r);
}
