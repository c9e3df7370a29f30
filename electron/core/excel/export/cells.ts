import type { Locale } from '../../../../shared/api/areas/common';
import { neutralise } from '../cells/neutralise';
import type { RefTables } from '../kinds/refs';
import type { ColumnDef } from '../kinds/types';

/**
 * A record's typed value → the cell an export or template writes: numbers stay numbers (money as
 * yuan with a ¥ format, from integer fen), dates become real dates (UTC midnight, so every time
 * zone sees the same day), codes and text stay text — and text that a spreadsheet could take for
 * a formula is neutralised (see cells/neutralise.ts). References show "CODE name".
 */
export const MONEY_FORMAT = '"¥"#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const TEXT_FORMAT = '@';

export function numFmtOf(col: ColumnDef): string | undefined {
  switch (col.type) {
    case 'money':
      return MONEY_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return DATETIME_FORMAT;
    case 'code':
    case 'text':
    case 'ref':
    case 'refs':
      return TEXT_FORMAT;
    default:
      return undefined;
  }
}

export type CellOut = string | number | Date | null;

export function cellOut(col: ColumnDef, v: unknown, refs: RefTables, locale: Locale): CellOut {
  if (v === null || v === undefined || v === '') return null;
  switch (col.type) {
    case 'id':
    case 'int':
      return typeof v === 'number' ? v : Number(v);
    case 'money':
      return (v as number) / 100;
    case 'bp':
      return (v as number) / 100;
    case 'date': {
      const [y, m, d] = String(v).split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'datetime':
      return wallClock(String(v));
    case 'bool': {
      const label = (col.choices ?? []).find((c) => c.value === String(v))?.labels[locale === 'en' ? 1 : 0];
      return label ?? (v ? 'TRUE' : 'FALSE');
    }
    case 'enum': {
      const c = (col.choices ?? []).find((x) => x.value === v);
      return neutralise(c ? (c.labels[locale === 'en' ? 1 : 0] ?? c.value) : String(v));
    }
    case 'ref':
      return neutralise(refTable(col, refs)?.display(v as number, locale) ?? String(v));
    case 'refs': {
      const t = refTable(col, refs);
      return neutralise((v as number[]).map((id) => t?.byId(id)?.code ?? String(id)).join(', '));
    }
    default:
      return neutralise(String(v));
  }
}

/**
 * A timestamp (ISO, UTC) → the date and time it was on this machine's clock, as a Date whose UTC
 * fields carry them: Excel's date-times have no time zone, and exceljs writes a Date's UTC fields,
 * so the cell shows the local time the grid shows (the desktop app and its core share a machine,
 * the browser mode serves 127.0.0.1 only). Whole seconds.
 */
export function wallClock(iso: string): Date | null {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return null;
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}

function refTable(col: ColumnDef, refs: RefTables) {
  return col.list && col.list !== 'choices' ? refs[col.list] : undefined;
}

/** Display width of text: CJK characters take two columns. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Sensible widths: the column's own hint, or header and sample values, within 6..60. */
export function widthOf(col: ColumnDef, header: string, sample: CellOut[]): number {
  let w = Math.max(textWidth(header) + 3, col.width ?? 8);
  for (const v of sample) {
    if (v === null) continue;
    const len = v instanceof Date ? (col.type === 'datetime' ? 19 : 10) : typeof v === 'number' ? (col.type === 'money' ? textWidth((v as number).toFixed(2)) + 5 : String(v).length) : textWidth(v);
    w = Math.max(w, len + 2);
  }
  return Math.min(60, Math.max(6, w));
}
