import { ApiError } from '../../../../shared/api/errors';
import { columnTyper, displayRaw } from '../cells/values';
import { CellProblem, type RawCell } from '../cells/types';
import { fileError } from '../read/errors';
import { mergesInData, openSource } from '../read/source';
import type { RawRow } from '../read/xlsx';
import type { InspectResult, InspectTask, ReadResult, ReadTask, TypedBatch } from './protocol';

/**
 * The work of the parsing worker, as plain async functions (the worker entry only wires them to
 * messages; tests may call them directly). Reading and cell typing happen here, off the thread
 * that answers the UI; the record rules (the API's zod schemas, references, the database) run in
 * the core on the typed rows.
 */
const isBlank = (c: RawCell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
export const blankRow = (r: RawRow) => r.cells.every(isBlank);

export async function inspectTask(t: InspectTask): Promise<InspectResult> {
  const src = await openSource(t.path, t.fileName, t.sheet, t.limits);
  let sample: RawRow[] = [];
  if (src.check) {
    // the pre-check read the first rows already: no second pass over the file
    sample = src.check.sample.filter((r) => !blankRow(r)).slice(0, t.sampleRows);
  } else {
    let lines = 0;
    for await (const batch of src.rowBatches()) {
      for (const r of batch) {
        lines = r.row;
        if (!blankRow(r) && sample.length < t.sampleRows) sample.push(r);
      }
    }
    src.info.rows = lines; // CSV: every line counted, for the row total
  }
  if (sample.length === 0) throw fileError('excel_empty_sheet', { sheet: src.info.sheet });
  return { info: src.info, check: src.check, sample };
}

export async function readTask(
  t: ReadTask,
  emit: (batch: TypedBatch) => void | Promise<void>,
  progress: (done: number, total: number | null) => void,
): Promise<ReadResult> {
  const src = await openSource(t.path, t.fileName, t.sheet, t.limits, t.check);
  const merged = mergesInData(src.info.merges, t.headerRow);
  if (merged.length) throw fileError('excel_merged_cells', { ranges: merged.slice(0, 5).join(', '), count: merged.length });
  // rows from the pre-check (xlsx) or from the inspect step's count of the CSV's lines
  const known = src.info.rows || t.rowsHint || 0;
  const total = known > 0 ? Math.max(0, known - t.headerRow) : null;
  const typers = t.columns.map((c) => columnTyper(c.spec, src.info.date1904));
  const width = t.columns.length;
  const fresh = (): TypedBatch => ({ rows: [], values: [], problems: [] });
  let batch = fresh();
  let dataRows = 0;
  const at = t.columns.map((c) => c.index - 1);
  for await (const rows of src.rowBatches()) {
    for (const r of rows) {
      if (r.row <= t.headerRow) continue;
      const cells = r.cells;
      let blank = true;
      for (let i = 0; i < cells.length && blank; i++) blank = isBlank(cells[i]);
      if (blank) continue;
      if (++dataRows > t.limits.maxRows) throw fileError('excel_too_many_rows', { limit: t.limits.maxRows });
      const i = batch.rows.length;
      batch.rows.push(r.row);
      for (let k = 0; k < width; k++) {
        const raw: RawCell = cells[at[k]!] ?? null;
        const typed = typers[k]!(raw);
        if (typed instanceof CellProblem) {
          batch.values.push(null);
          batch.problems.push({ i, col: k, value: displayRaw(raw), reason: typed.reason, ...(typed.params ? { params: typed.params } : {}) });
        } else batch.values.push(typed);
      }
      if (batch.rows.length >= t.batchSize) {
        await emit(batch);
        batch = fresh();
        progress(dataRows, total);
      }
    }
  }
  if (batch.rows.length) await emit(batch);
  progress(dataRows, total);
  return { info: src.info, dataRows };
}

export function errorShape(e: unknown) {
  if (e instanceof ApiError) return e.toJSON();
  return { code: 'internal', message: (e as Error)?.message ?? String(e) };
}
