import { toHalfWidth } from '@shared/domain/money';

/**
 * Twelve monthly weights as people type them: separated by commas, spaces, tabs or Chinese
 * commas (also pasted from a spreadsheet row). Non-negative whole numbers, not all zero; else null.
 */
export function parseWeights(text: string): number[] | null {
  const parts = toHalfWidth(text).split(/[\s,，、;；]+/).filter(Boolean);
  if (parts.length !== 12 || parts.some((p) => !/^\d{1,9}$/.test(p))) return null;
  const w = parts.map(Number);
  return w.some((x) => x > 0) ? w : null;
}
