import { MoneyParseError, parseYuanToFen, toHalfWidth } from '../../../../shared/domain/money';
import { isoFromUtcMs, parseDateText, serialToIso } from './dates';
import { unneutralise } from './neutralise';
import { CellProblem, type Choice, type ColumnSpec, type RawCell, type Typed } from './types';

/**
 * Turns one cell into the typed value its column needs, or names the problem with an i18n reason
 * key ('x.*' for reading problems; 'v.*' where the API has the same reason). Pure: runs in the
 * parsing worker. Blank cells are null (text columns: '').
 */

/** exceljs cell value → RawCell (the reference reader of the tests, read/reference.ts). Formulas by their cached result; rich text joined. */
export function fromExcelValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { problem: 'x.date' } : { date: isoFromUtcMs(v.getTime()) };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (!('result' in o) || o.result === undefined || o.result === null) return { problem: 'x.formula_no_value' };
    const r = o.result;
    if (typeof r === 'number' && Number.isNaN(r)) return { problem: 'x.formula_error' };
    if (typeof r === 'object' && r !== null && 'error' in r) return { problem: 'x.formula_error' };
    return fromExcelValue(r);
  }
  if ('error' in o) return { problem: 'x.cell_error' };
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('text' in o) return fromExcelValue(o.text);
  return { problem: 'x.unreadable' };
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/** toHalfWidth, without allocating when there is nothing to fold (the common case) */
const half = (s: string) => (FULL_WIDTH.test(s) ? toHalfWidth(s) : s);

export const normaliseLabel = (s: string) => half(s).normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

const BOOL_TRUE = ['是', 'y', 'yes', 'true', '1', '启用', 'active', '有效', '√', '✓'];
const BOOL_FALSE = ['否', 'n', 'no', 'false', '0', '停用', 'inactive', '无效'];

/** a number whose digits a spreadsheet could not keep (≥ 2^53, e.g. a 19-digit bank account typed as a number) */
const unsafe = (n: number) => !Number.isSafeInteger(n) && Math.abs(n) >= 2 ** 53;

function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

function asText(raw: Exclude<RawCell, null | { problem: string }>): string | CellProblem {
  if (typeof raw === 'string') return unneutralise(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).trim();
  if (typeof raw === 'number') return unsafe(raw) ? new CellProblem('x.long_number') : numberText(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return raw.date;
}

const problem = (reason: string, params?: Record<string, string | number>) => new CellProblem(reason, params);

export function matchChoice(text: string, choices: readonly Choice[]): string | null {
  const n = normaliseLabel(text);
  for (const c of choices) {
    if (normaliseLabel(c.value) === n) return c.value;
    for (const l of c.labels) if (normaliseLabel(l) === n) return c.value;
  }
  return null;
}

function wholeNumber(raw: Exclude<RawCell, null | { problem: string }>): number | CellProblem {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : problem('x.integer');
  if (typeof raw !== 'string') return problem('x.integer');
  const t = half(raw).trim().replace(/,/g, '');
  if (!/^[+-]?\d+(\.0+)?$/.test(t)) return problem('x.integer');
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : problem('x.integer');
}

export function typeCell(raw: RawCell, spec: ColumnSpec, date1904: boolean): Typed | CellProblem {
  if (raw !== null && typeof raw === 'object' && 'problem' in raw) return problem(raw.problem);
  const blank = raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank) return spec.type === 'text' ? '' : spec.type === 'refs' ? [] : null;
  const r = raw as Exclude<RawCell, null | { problem: string }>;
  switch (spec.type) {
    case 'text': {
      const t = asText(r);
      return t;
    }
    case 'code':
    case 'ref': {
      const t = asText(r);
      return typeof t === 'string' ? half(t).trim() : t;
    }
    case 'refs': {
      const t = asText(r);
      if (typeof t !== 'string') return t;
      return half(t).split(/[,;、\n\r]+/).map((s) => s.trim()).filter(Boolean);
    }
    case 'id':
    case 'int': {
      const n = wholeNumber(r);
      if (typeof n !== 'number') return n;
      return spec.type === 'id' && n <= 0 ? problem('x.integer') : n;
    }
    case 'date': {
      if (typeof r === 'number') {
        const iso = serialToIso(r, date1904);
        return iso ?? problem('x.date');
      }
      if (typeof r === 'object') return r.date;
      if (typeof r === 'boolean') return problem('x.date');
      const iso = parseDateText(half(r), date1904);
      return iso ?? problem('x.date');
    }
    case 'money': {
      if (typeof r === 'boolean' || typeof r === 'object') return problem('v.amount');
      try {
        return parseYuanToFen(typeof r === 'string' ? unneutralise(r) : r);
      } catch (e) {
        if (e instanceof MoneyParseError) {
          return problem(e.reason === 'too_many_decimals' ? 'v.money_decimals' : e.reason === 'too_large' ? 'v.too_big' : 'v.amount');
        }
        throw e;
      }
    }
    case 'bp': {
      // a percentage with at most two decimals → basis points, via the money parser's exact decimals
      if (typeof r === 'boolean' || typeof r === 'object') return problem('x.number');
      const s = typeof r === 'number' ? r : half(r).trim().replace(/%$/, '');
      try {
        return parseYuanToFen(s);
      } catch {
        return problem('x.number');
      }
    }
    case 'bool': {
      if (typeof r === 'boolean') return r;
      if (typeof r === 'number') return r === 1 || r === 0 ? r === 1 : problem('x.bool');
      if (typeof r === 'object') return problem('x.bool');
      const n = normaliseLabel(unneutralise(r));
      if (BOOL_TRUE.includes(n) || (spec.choices && matchChoice(n, spec.choices) === 'true')) return true;
      if (BOOL_FALSE.includes(n) || (spec.choices && matchChoice(n, spec.choices) === 'false')) return false;
      return problem('x.bool');
    }
    case 'enum': {
      const t = asText(r);
      if (typeof t !== 'string') return t;
      const v = matchChoice(t, spec.choices ?? []);
      return v === null ? problem('x.choice', { options: (spec.choices ?? []).map((c) => c.labels[0] ?? c.value).join(', ') }) : v;
    }
  }
}

/**
 * A reader for one column: typeCell with a memo for the columns whose values repeat (references,
 * choices, dates, numbers), which spares most of the parsing on large files.
 */
export function columnTyper(spec: ColumnSpec, date1904: boolean): (raw: RawCell) => Typed | CellProblem {
  if (spec.type === 'text' || spec.type === 'code' || spec.type === 'id') return (raw) => typeCell(raw, spec, date1904);
  const memo = new Map<string | number, Typed | CellProblem>();
  return (raw) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return typeCell(raw, spec, date1904);
    const hit = memo.get(raw);
    if (hit !== undefined) return hit;
    const v = typeCell(raw, spec, date1904);
    if (memo.size < 20_000) memo.set(raw, v);
    return v;
  };
}

/** What the error report shows as the cell's value. */
export function displayRaw(raw: RawCell): string {
  if (raw === null) return '';
  if (typeof raw === 'object') return 'date' in raw ? raw.date : '';
  return typeof raw === 'number' ? numberText(raw) : String(raw);
}
