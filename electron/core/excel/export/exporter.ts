import type { Locale } from '../../../../shared/api/areas/common';
import type { FileRef } from '../../../../shared/api/areas/excel';
import type { OrgCtx } from '../../context';
import { fileRef, newFile } from '../files';
import { startJob, type JobHandle } from '../jobs';
import { getKind } from '../kinds';
import { loadRefs } from '../kinds/refs';
import type { ColumnDef, ExportRequest } from '../kinds/types';
import { requireRead, resolveTarget } from '../import/engine';
import { cellOut, numFmtOf, widthOf } from './cells';
import { writeXlsx } from './writeXlsx';

/**
 * Exports a grid as it is shown: the kind's own list (partners: partners.list with the grid's
 * quick filter, filters and sort, read page by page by keyset), the visible columns in their order
 * with the ID column first, headers in the caller's language. This thread reads and formats the
 * pages; the parsing worker writes them with exceljs's streaming WorkbookWriter (worker/
 * exportTask.ts) at the same time — rows are committed as they are written and at most two pages
 * wait, so memory stays flat, and the thread that answers the UI never deflates XML. Frozen header
 * row, autofilter, widths.
 */
export interface ExportInput extends Omit<ExportRequest, 'target'> {
  kind: string;
  target?: Record<string, unknown>;
  jobId?: string;
  columns?: string[];
  locale?: Locale;
}

/**
 * The columns of an export: the ID first, then the visible ones in the grid's order; a round-trip
 * column the grid does not show (an org unit's parent) goes right after the nearest column that
 * precedes it in the kind's own order, so the file can be imported back.
 */
export function exportColumns(all: ColumnDef[], wanted: string[] | undefined): ColumnDef[] {
  const byKey = new Map(all.map((c) => [c.key, c]));
  if (!wanted?.length) return all;
  const keys = ['id', ...new Set(wanted.filter((k) => k !== 'id' && byKey.has(k)))];
  all.forEach((c, i) => {
    if (!c.roundTrip || keys.includes(c.key)) return;
    const before = all.slice(0, i).reverse().find((p) => keys.includes(p.key));
    keys.splice(before ? keys.indexOf(before.key) + 1 : 1, 0, c.key);
  });
  return keys.map((k) => byKey.get(k)).filter((c): c is ColumnDef => !!c);
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export async function exportKind(ctx: OrgCtx, i: ExportInput): Promise<FileRef & { rows: number }> {
  const kind = getKind(ctx, i.kind);
  requireRead(ctx, kind);
  const target = resolveTarget(ctx, kind, i.target, 'read');
  const locale = i.locale ?? ctx.user.locale;
  const cols = exportColumns(kind.columns, i.columns);
  const refs = loadRefs(ctx, kind.refTables);
  const job: JobHandle | null = i.jobId ? startJob(ctx, i.jobId) : null;
  const signal = job?.signal ?? ctx.signal;
  const out = newFile(ctx, ctx.user.id, `${kind.label[locale]}_${stamp(ctx.now())}.xlsx`);
  try {
    // the file is written by the worker while this thread reads and formats the next page
    async function* pages() {
      for await (const page of kind.exportPages(ctx, { ...i, target }, refs)) yield page.map((rec) => cols.map((c) => cellOut(c, rec[c.key], refs, locale)));
    }
    const n = await writeXlsx(
      out.path,
      signal,
      (first) => ({
        sheet: kind.sheet[locale],
        columns: cols.map((c, k) => {
          const fmt = numFmtOf(c);
          return { key: c.key, header: c.header[locale], width: widthOf(c, c.header[locale], first.map((r) => r[k] ?? null)), ...(fmt ? { numFmt: fmt } : {}) };
        }),
      }),
      pages(),
      (done) => job?.progress('export', done, null),
    );
    job?.progress('done', n, n);
    return { ...fileRef(out.done()), rows: n };
  } finally {
    job?.end();
  }
}
