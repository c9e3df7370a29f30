import type { RawCell } from '../cells/types';
import { decodeEntities, decodeXEscapes, T_C, T_F, T_IS, T_MERGE, T_RPH, T_ROW, T_SI, T_T, T_V, Walker } from './markup';

/**
 * The xlsx data path: a streaming scanner for the two parts of a workbook that hold cell values —
 * a worksheet's <sheetData> and xl/sharedStrings.xml — fed with decoded text chunk by chunk.
 *
 * Why not exceljs's streaming WorkbookReader (which the first version used, and which the tests
 * still use as the reference reader): on a 100,000-row, 12-column sheet it spends ~2.8 s and
 * ~200 MB building a Row and Cell object model (plus styles and a saxes event per node) of which
 * an import needs only the values; and it has to read the zip in stored order, so shared strings
 * stored after the sheet make it copy the sheet to a temp file first. General XML tokenisers are
 * no way out: saxes and htmlparser2 alone take ~1.2 s for the same sheet, before any cell is
 * built. This scanner knows the handful of SpreadsheetML elements that carry values (row, c, v,
 * f, is, t, r, rPh; si) and reads the same sheet in ~0.6 s — the import benchmark's target
 * (dry run + commit within 1.3× of exceljs merely reading) is out of reach otherwise.
 *
 * What it understands, as Excel, WPS, LibreOffice and exceljs write it:
 * - element names with or without a namespace prefix (<x:row>); attributes in either quote;
 *   comments, processing instructions, CDATA, DOCTYPE (skipped; no custom entities are expanded);
 * - rows and cells with or without r= (then counted on from the previous one);
 * - cell types: n (default), s (shared string), str (formula string), inlineStr (<is>, rich runs
 *   joined), b, e (error), d (ISO date); a formula (<f>) is read by its cached <v>, and a formula
 *   without one is named as such;
 * - the predefined and numeric character references, and Excel's _xHHHH_ escapes (_x000D_ = CR);
 * - phonetic runs (<rPh>, furigana/pinyin hints) are not part of a string's value.
 * Cell values come out as RawCell, the same as the CSV reader's; styles are never read (a
 * column's type, not a cell's format, decides how a number is read — see cells/values.ts).
 */

export interface RawRow {
  /** row number as the spreadsheet shows it */
  row: number;
  /** cells by column, index 0 = column A */
  cells: RawCell[];
}

/** column letters of a cell reference ("AB12") → 1-based column number; 0 when there are none */
function colOf(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

/** the first number in s[start, end) (the digits of "A12", or "12") */
function intOf(s: string, start: number, end: number): number {
  let n = 0;
  let seen = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      seen = true;
    } else if (seen) break;
  }
  return seen ? n : 0;
}


// cell types
const C_N = 0;
const C_S = 1;
const C_STR = 2;
const C_INLINE = 3;
const C_B = 4;
const C_E = 5;
const C_D = 6;

function cellType(s: string, t0: number, t1: number): number {
  if (t0 < 0) return C_N;
  const len = t1 - t0;
  const c = s.charCodeAt(t0);
  if (len === 1) return c === 115 ? C_S : c === 98 ? C_B : c === 101 ? C_E : c === 100 ? C_D : C_N;
  if (len === 3 && c === 115) return C_STR; // str
  if (len === 9) return C_INLINE; // inlineStr
  return C_N;
}

const NO_VALUE = { problem: 'x.formula_no_value' } as const;
const FORMULA_ERROR = { problem: 'x.formula_error' } as const;
const CELL_ERROR = { problem: 'x.cell_error' } as const;
const UNREADABLE = { problem: 'x.unreadable' } as const;

/**
 * Rows of a worksheet. `shared(i)` gives the i-th shared string (the caller has read
 * sharedStrings.xml first; the zip is read by entry, in any order). `onRows` receives the rows
 * completed by each chunk. Merged ranges (<mergeCell ref>) are collected in `merges`.
 */
export class SheetScanner extends Walker {
  readonly merges: string[] = [];
  /** rows holding at least one cell element */
  rowsWithCells = 0;
  private out: RawRow[] = [];
  private rowNo = 0;
  private cells: RawCell[] | null = null;
  private col = 0;
  // the open cell
  private inCell = false;
  private type = C_N;
  private hasF = false;
  private v: string | null = null;
  private inV = false;
  private inIs = false;
  private inT = false;
  private inRph = false;
  private isText: string | null = null;

  constructor(private readonly shared: (i: number) => RawCell) {
    super();
  }

  /** Feeds decoded text; returns the rows it completed. */
  rows(chunk: string): RawRow[] {
    this.push(chunk);
    const out = this.out;
    this.out = [];
    return out;
  }

  protected open(id: number, s: string, selfClosing: boolean): void {
    switch (id) {
      case T_ROW: {
        this.rowNo = (this.r0 >= 0 && intOf(s, this.r0, this.r1)) || this.rowNo + 1;
        this.col = 0;
        if (selfClosing) this.cells = null;
        else this.cells = [];
        return;
      }
      case T_C: {
        const col = this.r0 >= 0 ? colOf(s, this.r0, this.r1) : 0;
        this.col = col > 0 ? col : this.col + 1;
        this.type = cellType(s, this.t0, this.t1);
        this.hasF = false;
        this.v = null;
        this.isText = null;
        this.inCell = !selfClosing;
        if (selfClosing) this.put(null);
        return;
      }
      case T_V:
        if (!this.inCell) return;
        if (selfClosing) this.v = this.v ?? '';
        else {
          this.inV = true;
          this.v = this.v ?? '';
        }
        return;
      case T_F:
        if (this.inCell) this.hasF = true;
        return;
      case T_IS:
        if (this.inCell && !selfClosing) {
          this.inIs = true;
          this.isText = this.isText ?? '';
        }
        return;
      case T_T:
        if (this.inIs && !this.inRph && !selfClosing) this.inT = true;
        return;
      case T_RPH:
        if (!selfClosing) this.inRph = true;
        return;
      case T_MERGE:
        if (this.ref0 >= 0) this.merges.push(s.slice(this.ref0, this.ref1));
        return;
      default:
    }
  }

  protected close(id: number): void {
    switch (id) {
      case T_V:
        this.inV = false;
        return;
      case T_T:
        this.inT = false;
        return;
      case T_RPH:
        this.inRph = false;
        return;
      case T_IS:
        this.inIs = false;
        return;
      case T_C:
        if (this.inCell) {
          this.inCell = false;
          this.put(this.value());
        }
        return;
      case T_ROW:
        if (this.cells) {
          if (this.cells.length) {
            this.rowsWithCells++;
            for (let i = 0; i < this.cells.length; i++) if (this.cells[i] === undefined) this.cells[i] = null;
            this.out.push({ row: this.rowNo, cells: this.cells });
          }
          this.cells = null;
        }
        return;
      default:
    }
  }

  protected text(s: string, start: number, end: number, cdata: boolean): void {
    if (this.inV) {
      const t = s.slice(start, end);
      this.v += cdata ? t : decodeEntities(t);
    } else if (this.inT) {
      const t = s.slice(start, end);
      this.isText += cdata ? t : decodeEntities(t);
    }
  }

  private put(value: RawCell): void {
    if (!this.cells) return; // a cell outside a row: not SpreadsheetML, ignored
    this.cells[this.col - 1] = value;
  }

  private value(): RawCell {
    const v = this.v;
    switch (this.type) {
      case C_S: {
        if (v === null) return this.hasF ? NO_VALUE : null;
        const i = Number(v);
        return Number.isInteger(i) && i >= 0 ? this.shared(i) : UNREADABLE;
      }
      case C_INLINE:
        return this.isText !== null ? decodeXEscapes(this.isText) : v !== null ? decodeXEscapes(v) : null;
      case C_STR:
        if (v === null) return this.hasF ? NO_VALUE : null;
        return decodeXEscapes(v);
      case C_B:
        if (v === null) return this.hasF ? NO_VALUE : null;
        return v.trim() === '1' || v.trim().toLowerCase() === 'true';
      case C_E:
        return this.hasF ? FORMULA_ERROR : CELL_ERROR;
      case C_D: {
        if (v === null) return this.hasF ? NO_VALUE : null;
        const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(v);
        return m ? { date: m[1]! } : UNREADABLE;
      }
      default: {
        if (v === null) return this.hasF ? NO_VALUE : null;
        if (v.trim() === '') return this.hasF ? '' : null;
        const n = Number(v);
        return Number.isFinite(n) ? n : UNREADABLE;
      }
    }
  }
}

/** The shared string table: each <si>'s text runs joined, phonetic runs left out. */
export class SharedStringsScanner extends Walker {
  readonly strings: string[] = [];
  private cur: string | null = null;
  private inT = false;
  private inRph = false;

  protected open(id: number, _s: string, selfClosing: boolean): void {
    if (id === T_SI) {
      if (selfClosing) this.strings.push('');
      else this.cur = '';
    } else if (id === T_T) {
      if (this.cur !== null && !this.inRph && !selfClosing) this.inT = true;
    } else if (id === T_RPH && !selfClosing) this.inRph = true;
  }

  protected close(id: number): void {
    if (id === T_SI) {
      if (this.cur !== null) this.strings.push(decodeXEscapes(this.cur));
      this.cur = null;
    } else if (id === T_T) this.inT = false;
    else if (id === T_RPH) this.inRph = false;
  }

  protected text(s: string, start: number, end: number, cdata: boolean): void {
    if (!this.inT) return;
    const t = s.slice(start, end);
    this.cur += cdata ? t : decodeEntities(t);
  }
}
