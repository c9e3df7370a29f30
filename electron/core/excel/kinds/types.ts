import type { z } from 'zod';
import type { Role } from '../../../../shared/api/define';
import type { Locale } from '../../../../shared/api/areas/common';
import type { CellType, ColumnSpec, Typed } from '../cells/types';
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
 *   Budget lines are a service kind too, but applied in one call (applyRows): their service,
 *   budgetVersions.saveLines, is a bulk save that checks all rows together and reports per row;
 * - 'bulk' kinds (partners) plan every row without writing — the rule
 *   functions they share with their service (e.g. partnerRefProblem) run on preloaded lookups —
 *   and the commit writes with prepared statements, ~10× faster than one service call per row.
 */
export type Bilingual = { 'zh-CN': string; en: string };

/**
 * A column's type: how its cells are read (CellType, see cells/types.ts), or a type that only
 * exports write — 'datetime', a timestamp (ISO) shown as a real Excel date and time in the local
 * time of the machine, as the grid shows it. Columns of an export-only type are importable: false.
 */
export type ColumnType = CellType | 'datetime';

export interface ColumnDef extends Omit<ColumnSpec, 'type'> {
  type: ColumnType;
  header: Bilingual;
  /** more header spellings accepted on import */
  aliases?: string[];
  /** needed to create a record */
  required?: boolean;
  /** false: shown in exports, ignored on import (e.g. "updated") */
  importable?: boolean;
  /**
   * true: every export carries it, also when the grid does not show it, because the records cannot
   * come back without it (an org unit's parent: the org tree shows it by indenting, not as a column)
   */
  roundTrip?: boolean;
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
  /**
   * Columns whose cells could not be read (already reported): the row is only checked, so the
   * report has all its problems at once — a planner never stages it and never repeats those columns.
   */
  failed?: ReadonlySet<string>;
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
  /** the record's name for the preview (both languages where the record has both) */
  name?: string | Bilingual;
  /** update: the changed fields, before → after; create: the values written (before null) */
  changes: Change[];
}

/** One planned row of a bulk kind's stage as the preview (excel.changes) shows it. */
export interface PlannedRow {
  row: number;
  op: RowOutcome['op'];
  id: number | null;
  key: string;
  name: string | null;
  changes: Change[];
}

/** What an export asks for; the kind reads it as its grid's list call would. */
export interface ExportRequest {
  query?: Record<string, unknown>;
  includeInactive: boolean;
  rowIds?: number[];
  /** the checked target of kinds that have one (see KindBase.target) */
  target?: Record<string, unknown> | null;
}

/** What a target is checked for: importing into it (writable), or reading it (export, template). */
export type TargetUse = 'import' | 'read';

interface KindBase {
  kind: string;
  label: Bilingual;
  /** sheet name of templates and exports */
  sheet: Bilingual;
  columns: ColumnDef[];
  /** the column that identifies a record besides its ID: 'code' or 'username' (budget lines: 'orgUnit', first of the line's four key columns) */
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
  /**
   * Kinds whose records belong to a parent record (budget lines → a budget version): the schema of
   * the `target` every import and export must name, e.g. { versionId }. Kinds without one refuse a target.
   */
  target?: z.ZodType<Record<string, unknown>>;
  /**
   * Checks a parsed target for the caller: it exists and is visible, and for 'import' that it
   * may be written now (e.g. the version is a draft). Throws ApiError. Runs at inspect, dry run,
   * export and again inside the commit's transaction (the target may have changed meanwhile).
   */
  checkTarget?(ctx: AuthedCtx, target: Record<string, unknown>, use: TargetUse): void;
}

export interface BatchApplied {
  outcomes: (RowOutcome & { row: number })[];
  rejected: { row: ImportRow; issues: RowIssueLite[] }[];
}

/** A service kind has exactly one of applyRow and applyRows. */
export interface ServiceKind extends KindBase {
  strategy: 'service';
  /** Plans and writes one row inside the import transaction; throws ApiError to reject the row. */
  applyRow?(ctx: AuthedCtx, row: ImportRow, refs: RefTables, target: Record<string, unknown> | null): RowOutcome;
  /**
   * For a kind whose service saves many records in one all-or-nothing call that reports its
   * problems per input row (budget lines → budgetVersions.saveLines): all rows at once, inside
   * the import transaction. Rejected rows come back with their issues and leave no trace; the
   * others are written (the dry run rolls the transaction back). Throws ApiError when the whole
   * import cannot go on (e.g. the version is no longer a draft).
   */
  applyRows?(ctx: AuthedCtx, rows: ImportRow[], refs: RefTables, target: Record<string, unknown> | null): BatchApplied;
  /**
   * applyRows kinds only: the kind checks rows with unreadable cells too (ImportRow.failed: never
   * written, the other columns checked), so the dry run gets them after the others in one round.
   */
  checksFailedRows?: true;
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
  /**
   * A page of the plan for the preview, in file order: each row with the record's name, and for a
   * create the values it writes (built from the stage's value columns when the page is asked for,
   * so planning stays as cheap as it is). Without it the preview shows Stage.page (no names).
   */
  previewPage?(ctx: AuthedCtx, stage: Stage, op: RowOutcome['op'] | undefined, offset: number, limit: number): PlannedRow[];
}

export type KindDef = ServiceKind | BulkKind;

/** A column as the worker reads it; only importable columns are ever read. */
export function readSpec(d: ColumnDef): ColumnSpec {
  if (d.type === 'datetime' || d.importable === false) throw new Error(`column ${d.key} is not importable`);
  return { key: d.key, type: d.type, ...(d.choices ? { choices: d.choices } : {}) };
}
