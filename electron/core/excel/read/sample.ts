import type { RawCell } from '../cells/types';
import type { RawRow } from './xlsx';

/**
 * The first rows of a sheet, read from the XML the pre-check inflates anyway — for the wizard's
 * inspect step (finding the header row), so it never has to run exceljs over the whole file
 * (whose shared strings often sit after the sheet: exceljs then reads the entire zip before the
 * first row). Only what header detection needs: strings, numbers, booleans; anything unusual
 * makes it give up (null), and the caller falls back to exceljs.
 */
const XML_ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(XML_ENTITY, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const texts = (xml: string) => [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)].map((m) => decodeXml(m[1] ?? '')).join('');

function colNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

export interface SheetHead {
  rows: RawRow[];
  /** shared string indices the rows refer to, resolved by resolveShared */
  shared: Map<string, number>;
}

/** Rows from the beginning of a worksheet's XML (text may end mid-row: that row is left out). */
export function parseSheetHead(xml: string, maxRows: number): SheetHead | null {
  if (/<\w+:row\b/.test(xml)) return null; // namespace prefixes: leave it to exceljs
  const rows: RawRow[] = [];
  const shared = new Map<string, number>();
  let rowNo = 0;
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = /\br="(\d+)"/.exec(m[1] ?? '');
    rowNo = r ? Number(r[1]) : rowNo + 1;
    if (!m[2]) continue;
    const cells: RawCell[] = [];
    let col = 0;
    for (const c of m[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs);
      col = ref ? colNumber(ref[1]!) : col + 1;
      const t = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let cell: RawCell = null;
      if (t === 'inlineStr') cell = texts(body);
      else if (v === undefined) cell = /<f\b/.test(body) ? { problem: 'x.formula_no_value' } : null;
      else if (t === 's') {
        cell = `\u0000${v}`; // placeholder until the shared strings are read
        shared.set(`\u0000${v}`, Number(v));
      } else if (t === 'str') cell = decodeXml(v);
      else if (t === 'b') cell = v === '1';
      else if (t === 'e') cell = { problem: 'x.cell_error' };
      else cell = Number(v);
      cells[col - 1] = cell;
    }
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ row: rowNo, cells });
    if (rows.length >= maxRows) break;
  }
  return { rows, shared };
}

/** The n-th <si> of sharedStrings.xml, for the indices asked for (rich text runs joined). */
export function sharedStrings(xml: string, wanted: Iterable<number>): Map<number, string> {
  const want = new Set(wanted);
  const out = new Map<number, string>();
  if (want.size === 0) return out;
  const max = Math.max(...want);
  let i = 0;
  for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) {
    if (want.has(i)) out.set(i, texts(m[1] ?? ''));
    if (++i > max) break;
  }
  return out;
}

/** Fills the shared strings in; null when one is missing (the caller falls back to exceljs). */
export function resolveShared(head: SheetHead, strings: Map<number, string>): RawRow[] | null {
  for (const r of head.rows) {
    for (let k = 0; k < r.cells.length; k++) {
      const c = r.cells[k];
      if (typeof c === 'string' && c.charCodeAt(0) === 0) {
        const s = strings.get(head.shared.get(c)!);
        if (s === undefined) return null;
        r.cells[k] = s;
      }
    }
  }
  return head.rows;
}
