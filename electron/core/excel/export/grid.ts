import type { GridCellType } from '../../../../shared/api/areas/excel';
import { ApiError } from '../../../../shared/api/errors';
import type { AuthedCtx } from '../../context';
import { neutralise } from '../cells/neutralise';
import { fileRef, newFile } from '../files';
import { startJob, type JobHandle } from '../jobs';
import { DATE_FORMAT, MONEY_FORMAT, TEXT_FORMAT, textWidth, type CellOut } from './cells';
import { writeXlsx } from './writeXlsx';

/**
 * A report grid as the screen shows it (excel.exportGrid): the renderer sends the visible columns
 * and the rows in display order, and the core writes them as a real xlsx with the same writer as
 * the record exports (the worker, exceljs's streaming writer): money as numbers in yuan with the ¥
 * format from integer fen, basis points as percentages, dates as dates, text as text (neutralised),
 * frozen header, autofilter. The rows are what the caller was already shown, so no rights are
 * checked beyond the session; nothing is read from the database.
 */
export interface GridExport {
  jobId?: string;
  title: string;
  columns: { header: string; type: GridCellType }[];
  rows: (string | number | null)[][];
}

const FORMATS: Record<GridCellType, string | undefined> = { money: MONEY_FORMAT, bp: '0.00%', date: DATE_FORMAT, text: TEXT_FORMAT, number: undefined };
const PAGE = 2000;

function cell(type: GridCellType, v: string | number | null, at: { row: number; col: number }): CellOut {
  if (v === null || v === '') return null;
  switch (type) {
    case 'money':
    case 'bp':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new ApiError('validation', `Row ${at.row + 1}, column ${at.col + 1}: an integer is required`, at);
      return type === 'money' ? v / 100 : v / 10_000;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ApiError('validation', `Row ${at.row + 1}, column ${at.col + 1}: a number is required`, at);
      return v;
    case 'date': {
      const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
      if (!m) throw new ApiError('validation', `Row ${at.row + 1}, column ${at.col + 1}: a date is required`, at);
      return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    }
    default:
      return neutralise(String(v));
  }
}

/** column width from the header and the first 200 values, as the record exports size theirs */
const width = (header: string, values: (string | number | null)[], type: GridCellType) => {
  let w = textWidth(header) + 3;
  for (const v of values.slice(0, 200)) {
    if (v === null) continue;
    const len = type === 'money' && typeof v === 'number' ? textWidth((v / 100).toFixed(2)) + 5 : type === 'date' ? 10 : textWidth(String(v));
    w = Math.max(w, len + 2);
  }
  return Math.min(60, Math.max(8, w));
};

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

export async function exportGrid(ctx: AuthedCtx, i: GridExport) {
  const n = i.columns.length;
  const bad = i.rows.findIndex((r) => r.length !== n);
  if (bad !== -1) throw new ApiError('validation', `Row ${bad + 1} has ${i.rows[bad]!.length} cells for ${n} columns`, { row: bad + 1 });
  // all cells are checked before the file is started: a refused export leaves no partial file
  const cells = i.rows.map((r, row) => r.map((v, col) => cell(i.columns[col]!.type, v, { row, col })));
  const job: JobHandle | null = i.jobId ? startJob(ctx, i.jobId) : null;
  const signal = job?.signal ?? ctx.signal;
  const safeTitle = i.title.replace(/[\\/:*?"<>|[\]]/g, ' ').trim() || 'Export';
  const out = newFile(ctx, ctx.user.id, `${safeTitle}_${stamp(ctx.now())}.xlsx`);
  try {
    const pages = (function* () {
      for (let k = 0; k < cells.length; k += PAGE) yield cells.slice(k, k + PAGE);
    })();
    const columns = i.columns.map((c, k) => {
      const fmt = FORMATS[c.type];
      return { key: `c${k}`, header: c.header, width: width(c.header, i.rows.map((r) => r[k] ?? null), c.type), ...(fmt ? { numFmt: fmt } : {}) };
    });
    const written = await writeXlsx(out.path, signal, () => ({ sheet: safeTitle.slice(0, 31), columns }), pages, (done) => job?.progress('export', done, cells.length));
    job?.progress('done', written, written);
    return { ...fileRef(out.done()), rows: written };
  } finally {
    job?.end();
  }
}
