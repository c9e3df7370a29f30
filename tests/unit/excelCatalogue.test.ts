import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n';

/**
 * Every reason and error code the Excel engine can send has a text in both languages: the 'x.*'
 * and 'v.*' reasons of rows, the 'x.<code>' a refused service call becomes, and the ApiError codes
 * of files and jobs (translated as errors.<code>).
 */
const root = join(import.meta.dirname, '../../electron/core');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
const excelText = sources(join(root, 'excel')).map((f) => readFileSync(f, 'utf8')).join('\n');
const masterText = sources(join(root, 'master')).map((f) => readFileSync(f, 'utf8')).join('\n');
const found = (text: string, re: RegExp) => [...new Set([...text.matchAll(re)].map((m) => m[1]!))].sort();
const text = (locale: 'zh-CN' | 'en', key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), messages[locale]);

describe('the Excel engine speaks both languages', () => {
  const reasons = found(excelText, /'([xv]\.[a-z_]+)'/g);
  // a master-data service refusing a row becomes x.<its code> (kinds/common.ts apiErrorIssues)
  const rowCodes = found(masterText, /ApiError\(\s*'([a-z_]+)'/g).filter((c) => c !== 'nothing_to_hand_over'); // handovers are not imported
  const errorCodes = [...found(excelText, /ApiError\(\s*'([a-z_]+)'/g), ...found(excelText, /\|\s*'(excel_[a-z_]+)'/g)];

  it.each(['zh-CN', 'en'] as const)('%s has every row reason and file error', (locale) => {
    expect(reasons.length).toBeGreaterThan(15);
    expect(reasons.filter((k) => typeof text(locale, k) !== 'string')).toEqual([]);
    expect(rowCodes.length).toBeGreaterThan(3);
    expect(rowCodes.filter((c) => typeof text(locale, `x.${c}`) !== 'string')).toEqual([]);
    expect(errorCodes.filter((c) => typeof text(locale, `errors.${c}`) !== 'string')).toEqual([]);
  });
});
