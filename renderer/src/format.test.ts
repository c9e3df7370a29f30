import { afterAll, describe, expect, it, vi } from 'vitest';

// the renderer's i18n remembers the language in localStorage: a memory stand-in for Node
const store = new Map<string, string>();
vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
vi.stubGlobal('navigator', { language: 'zh-CN', languages: ['zh-CN'] });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { date, dateTime, money } = await import('./format');
const { setLocale } = await import('./i18n');

/** The grid's display of stored values: calendar dates never shift, money from fen. */
describe('display formats', () => {
  afterAll(() => setLocale('zh-CN'));

  it('shows a stored date as the same calendar day in both languages: 2024/03/01 in Chinese, ISO in English', () => {
    setLocale('zh-CN');
    expect(date('2024-03-01')).toBe('2024/03/01');
    expect(date('2024-12-31T00:00:00.000Z')).toBe('2024/12/31');
    setLocale('en');
    expect(date('2024-03-01')).toBe('2024-03-01');
    expect(date('')).toBe('');
    expect(date(null)).toBe('');
  });

  it('shows a moment as its local date in the language\'s format and the same 24-hour time', () => {
    const at = new Date(2026, 11, 5, 15, 4).toISOString(); // local 2026-12-05 15:04
    setLocale('zh-CN');
    expect(dateTime(at)).toBe('2026/12/05 15:04');
    setLocale('en');
    expect(dateTime(at)).toBe('2026-12-05 15:04');
    expect(dateTime(null)).toBe('');
  });

  it('formats integer fen as ¥ yuan', () => {
    expect(money(123456)).toBe('¥1,234.56');
    expect(money(-5)).toBe('-¥0.05');
    expect(money(null)).toBe('');
  });
});
