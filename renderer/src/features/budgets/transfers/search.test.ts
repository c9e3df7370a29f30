import { describe, expect, it } from 'vitest';
import { matchesWords, queryWords } from './search';

describe('search by words in any order', () => {
  const line = '五华区 / 终端渠道 / 促销费 KM-WH TERMINAL PROMO';
  it('needs every word, in any order, any case; full-width spaces separate words too', () => {
    expect(matchesWords(line, queryWords('五华 终端 促销'))).toBe(true);
    expect(matchesWords(line, queryWords('促销　五华'))).toBe(true);
    expect(matchesWords(line, queryWords('km-wh promo'))).toBe(true);
    expect(matchesWords(line, queryWords('五华 广告'))).toBe(false);
    expect(matchesWords(line, queryWords('   '))).toBe(true);
  });
});
