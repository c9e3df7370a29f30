import { describe, expect, it } from 'vitest';
import { compactNumber, median, pctBp, safeFileName } from './format';

describe('chart number formats', () => {
  it('reads 万 and 亿 in Chinese, K M B in English', () => {
    expect(compactNumber(0, 'zh-CN')).toBe('0');
    expect(compactNumber(9999, 'zh-CN')).toBe('9999');
    expect(compactNumber(12_500, 'zh-CN')).toBe('1.3万');
    expect(compactNumber(1_250_000, 'zh-CN')).toBe('125万');
    expect(compactNumber(320_000_000, 'zh-CN')).toBe('3.2亿');
    expect(compactNumber(-45_000, 'zh-CN')).toBe('-4.5万');
    expect(compactNumber(999, 'en')).toBe('999');
    expect(compactNumber(12_500, 'en')).toBe('12.5K');
    expect(compactNumber(250_000, 'en')).toBe('250K');
    expect(compactNumber(3_200_000, 'en')).toBe('3.2M');
    expect(compactNumber(1_500_000_000, 'en')).toBe('1.5B');
  });
  it('medians, percentages and file names', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(pctBp(1234)).toBe('12.3%');
    expect(pctBp(null)).toBe('—');
    expect(safeFileName(['费用趋势', '2025-01~2025-12', 'A/B: "x"'], 'png')).toBe('费用趋势 2025-01~2025-12 A-B- -x-.png');
  });
});
