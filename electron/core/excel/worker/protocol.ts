import type { ApiErrorShape } from '../../../../shared/api/errors';
import type { ColumnSpec, RawCell, Typed } from '../cells/types';
import type { CellOut } from '../export/cells';
import type { ExcelLimits } from '../config';
import type { SourceInfo } from '../read/source';
import type { RawRow } from '../read/xlsx';
import type { XlsxCheck } from '../read/zipcheck';

/** Messages between the core and the parsing worker (structured-clone plain data only). */
export interface InspectTask {
  task: 'inspect';
  path: string;
  fileName: string;
  sheet?: string;
  limits: ExcelLimits;
  /** how many non-blank rows to return for header detection */
  sampleRows: number;
}

export interface ReadTask {
  task: 'read';
  path: string;
  fileName: string;
  sheet?: string;
  limits: ExcelLimits;
  check: XlsxCheck | null;
  /** the sheet's row count as the inspect step found it (CSV lines), for progress */
  rowsHint?: number;
  headerRow: number;
  /** sheet column (1-based) → how to read it */
  columns: { index: number; spec: ColumnSpec }[];
  batchSize: number;
}

/** An export's file: written by the worker from rows of cells the core sends (ExportRows). */
export interface ExportTask {
  task: 'export';
  path: string;
  sheet: string;
  columns: { key: string; header: string; width: number; numFmt?: string }[];
}

export type Task = InspectTask | ReadTask | ExportTask;

export interface InspectResult {
  info: SourceInfo;
  check: XlsxCheck | null;
  sample: RawRow[];
}

/**
 * A batch of data rows read and typed, flat (cheap to pass between threads): row i's value for
 * column k of ReadTask.columns is values[i * columns + k].
 */
export interface TypedBatch {
  rows: number[];
  values: Typed[];
  /** cell problems: row index in the batch, position in ReadTask.columns, the cell as text, the reason */
  problems: { i: number; col: number; value: string; reason: string; params?: Record<string, string | number> }[];
}

export interface ReadResult {
  info: SourceInfo;
  dataRows: number;
}

export type FromWorker =
  | { id: number; type: 'result'; result: InspectResult | ReadResult | { rows: number } }
  | { id: number; type: 'ack' }
  | { id: number; type: 'batch'; batch: TypedBatch }
  | { id: number; type: 'progress'; done: number; total: number | null }
  | { id: number; type: 'error'; error: ApiErrorShape };

export type ToWorker = { id: number } & Task;

/** the core has checked one batch of the running read (back-pressure, see entry.ts) */
export interface AckToWorker {
  type: 'ack';
  id: number;
}

/** rows for the running export (the worker acknowledges each message once written), then its end */
export type ExportToWorker = { type: 'rows'; id: number; rows: CellOut[][] } | { type: 'end'; id: number };

export type { RawCell, RawRow };
