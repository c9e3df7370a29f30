/**
 * The markup layer under the xlsx scanners (sheetxml.ts): a walker over decoded XML text fed chunk
 * by chunk, which hands complete tags and text runs to its subclass and keeps an unfinished
 * construct for the next chunk; the element names SpreadsheetML values live in, as small codes;
 * XML character references and Excel's _xHHHH_ escapes. No general XML parser: see sheetxml.ts.
 */

// local element names we act on
export const T_OTHER = 0;
export const T_ROW = 1;
export const T_C = 2;
export const T_V = 3;
export const T_F = 4;
export const T_IS = 5;
export const T_T = 6;
export const T_RPH = 7;
export const T_SI = 8;
export const T_MERGE = 9;

/** the element's local name (after any prefix) as one of the T_ codes, without allocating it */
export function tagId(s: string, start: number, end: number): number {
  // skip a namespace prefix
  for (let i = start; i < end; i++) {
    if (s.charCodeAt(i) === 58 /* : */) {
      start = i + 1;
      break;
    }
  }
  const len = end - start;
  const c0 = s.charCodeAt(start);
  if (len === 1) {
    if (c0 === 99 /* c */) return T_C;
    if (c0 === 118 /* v */) return T_V;
    if (c0 === 102 /* f */) return T_F;
    if (c0 === 116 /* t */) return T_T;
    return T_OTHER;
  }
  if (len === 2) {
    const c1 = s.charCodeAt(start + 1);
    if (c0 === 105 /* i */ && c1 === 115 /* s */) return T_IS;
    if (c0 === 115 /* s */ && c1 === 105 /* i */) return T_SI;
    return T_OTHER;
  }
  if (len === 3) {
    if (c0 === 114 /* r */ && s.charCodeAt(start + 1) === 111 && s.charCodeAt(start + 2) === 119) return T_ROW;
    if (c0 === 114 /* r */ && s.charCodeAt(start + 1) === 80 /* P */ && s.charCodeAt(start + 2) === 104) return T_RPH;
    return T_OTHER;
  }
  if (len === 9 && c0 === 109 /* m */ && s.startsWith('mergeCell', start)) return T_MERGE;
  return T_OTHER;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#[xX]([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const codePoint = (n: number) => (Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD');

/** XML character references → characters (only the predefined and numeric ones exist here). */
export function decodeEntities(t: string): string {
  if (!t.includes('&')) return t;
  return t.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name]! : codePoint(dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16)),
  );
}

const X_ESCAPE = /_x([0-9a-fA-F]{4})_/g;
/** Excel's escapes for characters XML cannot hold (ST_Xstring): _x000D_ → CR, _x005F_ → _. */
export function decodeXEscapes(t: string): string {
  if (!t.includes('_x')) return t;
  return t.replace(X_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** malformed markup: the sheet cannot be read (the caller names the file corrupt) */
export class MarkupError extends Error {}

/**
 * The markup walker both scanners share. Calls back for every complete tag and text run in
 * s[pos…] and returns where the first incomplete construct begins (the caller keeps that tail
 * and prepends it to the next chunk). Attributes are walked once, their values skipped with a
 * native indexOf; the positions of the three we use (r, t, ref) are left in rA/tA/refA.
 */
export abstract class Walker {
  private rest = '';
  /** value positions [start, end) of the open tag's r, t and ref attributes; -1: absent */
  protected r0 = -1;
  protected r1 = -1;
  protected t0 = -1;
  protected t1 = -1;
  protected ref0 = -1;
  protected ref1 = -1;

  /** an element opens (its r/t/ref attribute positions set); selfClosing: it also closes */
  protected abstract open(id: number, s: string, selfClosing: boolean): void;
  protected abstract close(id: number): void;
  /** text between tags, raw (entities not yet decoded); cdata: literal text */
  protected abstract text(s: string, start: number, end: number, cdata: boolean): void;

  push(chunk: string): void {
    const s = this.rest ? this.rest + chunk : chunk;
    this.rest = s.slice(this.walk(s));
  }

  /** the end of the input: anything left over is an unfinished tag */
  finish(): boolean {
    const left = this.rest.trim();
    this.rest = '';
    return left === '';
  }

  private walk(s: string): number {
    let pos = 0;
    const n = s.length;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt === -1) return pos; // text that may go on in the next chunk
      if (lt > pos) this.text(s, pos, lt, false);
      pos = lt;
      const c1 = s.charCodeAt(lt + 1);
      if (Number.isNaN(c1)) return lt;
      if (c1 === 33 /* ! */) {
        if (lt + 9 > n) return lt;
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e === -1) return lt;
          pos = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e === -1) return lt;
          this.text(s, lt + 9, e, true);
          pos = e + 3;
        } else {
          const e = s.indexOf('>', lt);
          if (e === -1) return lt;
          pos = e + 1; // <!DOCTYPE …> (an internal subset with '>' inside is not SpreadsheetML)
        }
        continue;
      }
      if (c1 === 63 /* ? */) {
        const e = s.indexOf('?>', lt + 2);
        if (e === -1) return lt;
        pos = e + 2;
        continue;
      }
      if (c1 === 47 /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt === -1) return lt;
        let e = gt;
        while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        this.close(tagId(s, lt + 2, e));
        pos = gt + 1;
        continue;
      }
      // an open tag: its name, then attributes up to '>' or '/>'
      let i = lt + 1;
      for (;;) {
        const c = s.charCodeAt(i);
        if (Number.isNaN(c)) return lt;
        if (isSpace(c) || c === 47 || c === 62) break;
        i++;
      }
      const nameEnd = i;
      this.r0 = this.t0 = this.ref0 = -1;
      let selfClosing = false;
      for (;;) {
        let c = s.charCodeAt(i);
        while (isSpace(c)) c = s.charCodeAt(++i);
        if (c === 62 /* > */) break;
        if (Number.isNaN(c)) return lt;
        if (c === 47 /* / */) {
          const c2 = s.charCodeAt(i + 1);
          if (Number.isNaN(c2)) return lt;
          if (c2 !== 62) throw new MarkupError('stray / in a tag');
          selfClosing = true;
          i++;
          break;
        }
        // attribute name up to '=' (or spaces before it)
        const a0 = i;
        while (c !== 61 /* = */ && !isSpace(c)) {
          if (Number.isNaN(c)) return lt;
          if (c === 62 || c === 60 || c === 47) throw new MarkupError('attribute without a value');
          c = s.charCodeAt(++i);
        }
        const a1 = i;
        while (isSpace(c)) c = s.charCodeAt(++i);
        if (Number.isNaN(c)) return lt;
        if (c !== 61) throw new MarkupError('attribute without =');
        c = s.charCodeAt(++i);
        while (isSpace(c)) c = s.charCodeAt(++i);
        if (Number.isNaN(c)) return lt;
        if (c !== 34 && c !== 39) throw new MarkupError('unquoted attribute value');
        const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close === -1) return lt;
        const len = a1 - a0;
        if (len === 1) {
          const k = s.charCodeAt(a0);
          if (k === 114 /* r */) {
            this.r0 = i + 1;
            this.r1 = close;
          } else if (k === 116 /* t */) {
            this.t0 = i + 1;
            this.t1 = close;
          }
        } else if (len === 3 && s.startsWith('ref', a0)) {
          this.ref0 = i + 1;
          this.ref1 = close;
        }
        i = close + 1;
      }
      this.open(tagId(s, lt + 1, nameEnd), s, selfClosing);
      pos = i + 1;
    }
    return pos;
  }
}

export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
