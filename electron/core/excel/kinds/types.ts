import type { z } from 'zod';
import type { Role } from '../../../../shared/api/define';
import type { Locale } from '../../../../shared/api/areas/common';
import type { ColumnSpec, Typed } from '../cells/types';
import type { AuthedCtx } from '../../context';
import type { RefTables } from './refs';
import type { Stage } from '../import/stage';

/**
 * A kind of record the Excel engine can import and export. The registry is open: a new kind
 * (budget lines, sales actuals …) is one more file that calls registerKind().
 *
 * Two ways to write, one way to validate. Every kind builds the API's own input object from a
 * row and checks it with the API's own zod schema; then
 * - 'service' kinds (small catalogues: org units, channel types, cost types, users) apply each
 *   row through the very service functions the API calls, inside the import's one transaction,
 *   each row in a savepoint; a dry run does the same and rolls the transaction back, so it
 *   reports exactly what the commit will do, including rules only the services know;
 * - 'bulk' kinds (partners; later budget lines) plan every row without writing — the rule
 *   functions they share with their service (e.g. partnerRefProblem) run on preloaded lookups —
 *   and the commit writes with prepared statements, ~10× faster than one service call per row.
 */
export type Bilingual = { 'zh-CN': string; en: string };

export interface ColumnDef extends ColumnSpec {
  header: Bilingual;
  /** more header spellings accepted on import */
  aliases?: string[];
  /** needed to create a record */
  required?: boolean;
  /** false: shown in exports, ignored on import (e.g. "updated") */
  importable?: boolean;
  /** dropdown of templates: a referenced table, or the column's choices */
  list?: 'orgUnits' | 'channelTypes' | 'costTypes' | 'users' | 'choices';
  /** the instructions sheet's description */
  help: Bilingual;
  width?: number;
}

/** A data row as typed by the worker, by column key; `present` = the columns the file has. */
export interface ImportRow {
  row: number;
  v: Record<string, Typed>;
  present: ReadonlySet<string>;
}

export interface RowIssueLite {
  columnKey: string | null;
  reason: string;
  params?: Record<string, string | number>;
}

export interface Change {
  column: string;
  before: unknown;
  after: unknown;
}

export interface RowOutcome {
  op: 'create' | 'update' | 'unchanged';
  id: number | null;
  key: string;
  changes: Change[];
}

/** What an export asks for; the kind reads it as its grid's list call would. */
export interface ExportRequest {
  query?: Record<string, unknown>;
  includeInactive: boolean;
  rowIds?: number[];
}

interface KindBase {
  kind: string;
  label: Bilingual;
  /** sheet name of templates and exports */
  sheet: Bilingual;
  columns: ColumnDef[];
  /** the column that identifies a record besides its ID: 'code' or 'username' */
  naturalKey: string;
  writeRoles: readonly Role[];
  /** undefined: every signed-in user may read (scoped by the list functions) */
  readRoles?: readonly Role[];
  /** the API schema a new record is checked with (documentation and tests; rows use it) */
  schema: z.ZodType;
  /** lookups the kind needs (references, dropdown lists) */
  refTables: readonly (keyof RefTables)[];
  /** rows for an export, in the grid's order, by pages; values in typed form (see ExportValue) */
  exportPages(ctx: AuthedCtx, req: ExportRequest, refs: RefTables): AsyncIterable<Record<string, unknown>[]> | Iterable<Record<string, unknown>[]>;
  /** one example record for the template, typed form */
  example(refs: RefTables, locale: Locale): Record<string, unknown>;
  /** a sentence or two for the instructions sheet */
  intro: Bilingual;
}

export interface ServiceKind extends KindBase {
  strategy: 'service';
  /** Plans and writes one row inside the import transaction; throws ApiError to reject the row. */
  applyRow(ctx: AuthedCtx, row: ImportRow, refs: RefTables): RowOutcome;
  /** remarks for the report after all rows, e.g. users created without a password */
  notes?(outcomes: RowOutcome[]): { reason: string; params?: Record<string, string | number> }[];
}

export interface BulkPlanner {
  /**
   * Plans a batch: each accepted row goes into the stage (create / update / unchanged, with what
   * to write); the refused rows come back with their issues. Reads the database, never writes it.
   */
  plan(rows: ImportRow[]): { row: ImportRow; issues: RowIssueLite[] }[];
}

export interface BulkKind extends KindBase {
  strategy: 'bulk';
  /** the kind's columns of the stage table (SQL definitions), after the common ones */
  stageColumns: readonly string[];
  planner(ctx: AuthedCtx, refs: RefTables, stage: Stage): BulkPlanner;
  /** a summary of everything a plan depends on; a commit plans again when it changed since the dry run */
  fingerprint(ctx: AuthedCtx): string;
  /** writes the stage's creates and updates and their change-log entries; inside the commit's transaction */
  write(ctx: AuthedCtx, stage: Stage): void;
}

export type KindDef = ServiceKind | BulkKind;
