/**
 * Search by words: the query split at spaces (also the full-width space of Chinese input), each
 * word must occur somewhere in the text, in any order and case — "五华 终端 促销" finds
 * "五华区 / 终端渠道 / 促销费", and so do "促销 五华" and "km-wh promo".
 */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/[\s\u3000]+/).filter(Boolean);
}

export function matchesWords(text: string, words: readonly string[]): boolean {
  const hay = text.toLowerCase();
  return words.every((w) => hay.includes(w));
}
