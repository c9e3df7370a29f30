import type { ClaimLine, InvoiceType } from '@shared/api/areas/documents';
import { INVOICE_TYPES } from '@shared/api/areas/documentTypes';
import type { Input } from '@shared/api/contract';
import { formatFenPlain } from '@shared/domain/money';
import { isInvalid, parseDateText, parseMoneyText, parseText } from '../../grid/parse';
import type { Matrix } from '../../grid/tsv';

/**
 * The invoice lines of a claim as the grid edits them: typed or pasted text goes through one
 * parser per column (invoice type by code or by its zh/en label, ¥ amounts to fen, dates in the
 * spellings people type); a value that does not parse stays visible as typed, marked with its
 * reason, and blocks saving. A pasted block that runs past the last line adds lines.
 */
export const LINE_COLUMNS = ['invoiceType', 'invoiceCode', 'invoiceNumber', 'invoiceDate', 'amount', 'tax', 'description'] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];

export interface LineRow {
  id: number;
  invoiceType: InvoiceType;
  invoiceCode: string;
  invoiceNumber: string;
  invoiceDate: string | null;
  amount: number | null;
  tax: number | null;
  description: string;
  duplicates: ClaimLine['duplicates'];
  /** cells whose text did not parse: the text as typed and the reason key */
  bad: Partial<Record<LineColumn, { text: string; reason: string }>>;
}

export function rowsOf(lines: ClaimLine[]): LineRow[] {
  return lines.map((l, i) => ({
    id: i + 1,
    invoiceType: l.invoiceType,
    invoiceCode: l.invoiceCode,
    invoiceNumber: l.invoiceNumber,
    invoiceDate: l.invoiceDate,
    amount: l.amount,
    tax: l.tax,
    description: l.description,
    duplicates: l.duplicates,
    bad: {},
  }));
}

export const blankRow = (id: number): LineRow => ({
  id,
  invoiceType: 'e_invoice',
  invoiceCode: '',
  invoiceNumber: '',
  invoiceDate: null,
  amount: null,
  tax: null,
  description: '',
  duplicates: [],
  bad: {},
});

/** Invoice type from a code or a label in either language ("数电票", "VAT special invoice", "专票"). */
export function invoiceTypeOf(text: string, labels: Record<InvoiceType, string[]>): InvoiceType | null {
  const s = text.trim().toLowerCase();
  if (!s) return null;
  if ((INVOICE_TYPES as readonly string[]).includes(s)) return s as InvoiceType;
  for (const k of INVOICE_TYPES) if (labels[k].some((l) => l.toLowerCase() === s)) return k;
  return null;
}

export const INVOICE_ALIASES: Record<InvoiceType, string[]> = {
  e_invoice: ['数电票', '全电发票', '电子发票', 'Digital e-invoice', 'e-invoice'],
  vat_special: ['增值税专用发票', '专票', '专用发票', 'VAT special invoice'],
  vat_general: ['普通发票', '普票', '增值税普通发票', 'General invoice'],
  receipt: ['收据', 'Receipt'],
  none: ['无票', '无', 'No invoice', 'None'],
};

/** One cell's text → the row with the value, or with the text marked bad. */
export function setCell(row: LineRow, col: LineColumn, raw: unknown): LineRow {
  const text = raw === null || raw === undefined ? '' : String(raw);
  const bad = { ...row.bad };
  delete bad[col];
  const next: LineRow = { ...row, bad };
  const fail = (reason: string) => ({ ...next, bad: { ...bad, [col]: { text, reason } } });
  switch (col) {
    case 'invoiceType': {
      const v = invoiceTypeOf(text, INVOICE_ALIASES);
      return v ? { ...next, invoiceType: v } : fail('v.choice');
    }
    case 'invoiceDate': {
      const v = parseDateText(text);
      return isInvalid(v) ? fail(v.reason) : { ...next, invoiceDate: v };
    }
    case 'amount':
    case 'tax': {
      const v = parseMoneyText(text);
      if (isInvalid(v)) return fail(v.reason);
      if (v !== null && v < 0) return fail('v.non_negative');
      return { ...next, [col]: v };
    }
    case 'invoiceCode':
    case 'invoiceNumber':
      return { ...next, [col]: parseText(text).replace(/\s+/g, '') };
    default:
      return { ...next, [col]: parseText(text) };
  }
}

/** A pasted block at (row index, column): values land on the columns in grid order from the anchor on; rows past the end are added. */
export function pasteBlock(rows: LineRow[], matrix: Matrix, rowIndex: number, colId: string, order: readonly string[], nextId: () => number): { rows: LineRow[]; cells: number } {
  const c0 = order.indexOf(colId);
  if (c0 < 0) return { rows, cells: 0 };
  const out = [...rows];
  let cells = 0;
  matrix.forEach((values, r) => {
    const at = rowIndex + r;
    while (out.length <= at) out.push(blankRow(nextId()));
    let row = out[at]!;
    values.forEach((raw, c) => {
      const col = order[c0 + c] as LineColumn | undefined;
      if (!col || !(LINE_COLUMNS as readonly string[]).includes(col)) return;
      row = setCell(row, col, raw);
      cells += 1;
    });
    out[at] = row;
  });
  return { rows: out, cells };
}

const isEmpty = (r: LineRow) => !r.invoiceCode && !r.invoiceNumber && !r.invoiceDate && r.amount === null && !r.tax && !r.description && Object.keys(r.bad).length === 0;

/** Lines for claims.create/update (blank rows dropped), or the number of bad cells. */
export function linesInput(rows: LineRow[]): { lines: Input<'claims.create'>['lines']; bad: number; missing: number } {
  const used = rows.filter((r) => !isEmpty(r));
  let bad = 0;
  let missing = 0;
  for (const r of used) {
    bad += Object.keys(r.bad).length;
    if (r.amount === null || r.amount <= 0) missing += 1;
  }
  return {
    bad,
    missing,
    lines: used.map((r) => ({
      invoiceType: r.invoiceType,
      invoiceCode: r.invoiceCode,
      invoiceNumber: r.invoiceNumber,
      invoiceDate: r.invoiceDate,
      amount: r.amount ?? 0,
      tax: r.tax ?? 0,
      description: r.description,
    })),
  };
}

export const linesTotal = (rows: LineRow[]) => rows.reduce((a, r) => a + (r.amount ?? 0), 0);
export const taxTotal = (rows: LineRow[]) => rows.reduce((a, r) => a + (r.tax ?? 0), 0);
export const yuanText = (fen: number | null) => (fen === null ? '' : formatFenPlain(fen));
