import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../../../../shared/api/errors';
import * as commonI18n from '../../../../shared/i18n/common';
import * as masterI18n from '../../../../shared/i18n/master';
import { zodIssues } from '../../errors';
import type { Choice } from '../cells/types';
import type { Typed } from '../cells/types';
import type { RefTable } from './refs';
import type { Bilingual, Change, ColumnDef, ImportRow, RowIssueLite } from './types';

/** Headers come from the UI's catalogues, so a grid and its Excel file name columns alike. */
export function colHeader(key: keyof typeof masterI18n.zh.master.col): Bilingual {
  return { 'zh-CN': masterI18n.zh.master.col[key], en: masterI18n.en.master.col[key] };
}

/** Choices whose labels are the catalogue's texts in both languages. */
export function choicesOf<K extends string>(values: readonly K[], zh: Record<K, string>, en: Record<K, string>): Choice[] {
  return values.map((v) => ({ value: v, labels: [zh[v], en[v]] }));
}

export const roleLabels = { zh: commonI18n.zh.role, en: commonI18n.en.role };
export const masterLabels = { zh: masterI18n.zh.master, en: masterI18n.en.master };

export const BOOL_CHOICES: Choice[] = [
  { value: 'true', labels: ['是', 'Yes'] },
  { value: 'false', labels: ['否', 'No'] },
];

export const idColumn: ColumnDef = {
  key: 'id',
  type: 'id',
  header: { 'zh-CN': 'ID', en: 'ID' },
  help: {
    'zh-CN': '系统编号。导出的表格带有此列，导入时按它找到同一条记录（可以修改编码）；新增的记录请留空。',
    en: 'The record number. Exported sheets carry it so an import updates the same record (even a changed code); leave it empty for new records.',
  },
  width: 10, // exceljs drops a width of exactly 9 (its default) from the file
};

export const activeColumn: ColumnDef = {
  key: 'active',
  type: 'bool',
  choices: BOOL_CHOICES,
  header: colHeader('active'),
  list: 'choices',
  help: { 'zh-CN': '是 = 启用，否 = 停用。留空视为“是”（新增）或不变（已有记录按导出值）。', en: 'Yes = active, No = deactivated. Empty means Yes for new records.' },
  width: 8,
};

/** issues of a failed zod parse, by column */
export function zodRowIssues(err: z.ZodError, pathToColumn: Record<string, string> = {}): RowIssueLite[] {
  return zodIssues(err).map((i) => fieldToRow(i, pathToColumn));
}

function fieldToRow(i: FieldIssue, pathToColumn: Record<string, string>): RowIssueLite {
  const top = i.path.split('.')[0] ?? '';
  return { columnKey: top ? (pathToColumn[top] ?? top) : null, reason: i.reason, ...(i.params && Object.keys(i.params).length ? { params: i.params } : {}) };
}

/**
 * An ApiError from a service or a shared rule → the row's issues: its field issues when it has
 * them, else one issue 'x.<code>' (e.g. x.out_of_scope, x.stale) for the whole row.
 */
export function apiErrorIssues(e: ApiError, pathToColumn: Record<string, string> = {}, columnKey: string | null = null): RowIssueLite[] {
  if (Array.isArray(e.details) && e.details.length && typeof (e.details[0] as FieldIssue).reason === 'string') {
    return (e.details as FieldIssue[]).map((i) => fieldToRow(i, pathToColumn));
  }
  return [{ columnKey, reason: `x.${e.code}`, ...(e.params ? { params: e.params } : {}) }];
}

export class RowRejected extends Error {
  constructor(readonly issues: RowIssueLite[]) {
    super('row rejected');
  }
}

/** A reference cell → the record's id (null when blank), or RowRejected; a reference not found names the closest records. */
export function refId(row: ImportRow, key: string, table: RefTable): number | null {
  const v = row.v[key];
  if (v === null || v === undefined || v === '') return null;
  const r = table.resolve(String(v));
  if ('reason' in r) throw new RowRejected([refIssue(key, r.reason, String(v), table)]);
  return r.rec.id;
}

export function refIssue(key: string, reason: 'x.unknown_ref' | 'x.ambiguous_ref', value: string, table: RefTable): RowIssueLite {
  if (reason === 'x.ambiguous_ref') return { columnKey: key, reason, params: { value } };
  const closest = table.suggest(value);
  return { columnKey: key, reason: closest ? 'x.unknown_ref_closest' : reason, params: closest ? { value, closest } : { value } };
}

export const has = (row: ImportRow, key: string) => row.present.has(key);

/** The fields of `after` that differ from `before` (for the preview and the change log). */
export function changesOf(before: Record<string, unknown>, after: Record<string, unknown>, keys: readonly string[]): Change[] {
  const out: Change[] = [];
  for (const k of keys) {
    const a = after[k];
    const b = before[k];
    if (a === undefined) continue;
    if (Array.isArray(a) && Array.isArray(b) ? a.join(',') !== b.join(',') : a !== b) out.push({ column: k, before: b, after: a });
  }
  return out;
}

/** A create's values for the preview: each field written, before null; empty fields left out. */
export function createdFields(values: Record<string, unknown>): Change[] {
  const out: Change[] = [];
  for (const [column, after] of Object.entries(values)) {
    if (after === null || after === undefined || after === '' || (Array.isArray(after) && after.length === 0)) continue;
    out.push({ column, before: null, after });
  }
  return out;
}

/** value of a typed cell, or the fallback when the column is not in the file */
export function pick<T extends Typed>(row: ImportRow, key: string, fallback: T | undefined): Typed | undefined {
  return row.present.has(key) ? row.v[key] : fallback;
}

export { ApiError };
