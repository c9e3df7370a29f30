import { z } from 'zod';
import { method } from '../define';
import { id, locale, pageQuery } from './common';

/**
 * Excel exchange: templates, the import wizard (upload → inspect → mapping → dry run → commit),
 * exports, and the temporary files they move.
 *
 * Files: in a browser, upload with `POST /api/upload?name=<file name>` (raw body, Authorization
 * header) and download from the `downloadUrl` that `files.saveAs` answers (`/api/download/<fileId>?ticket=…`:
 * a single-use ticket valid for a minute, never the session token); in the desktop app
 * send the bytes with `files.put` (base64) and save a produced file with `files.saveAs`, which
 * shows the native save dialog. A file belongs to the user who uploaded or produced it and is
 * deleted a day after it was made.
 *
 * Long calls (`excel.dryRun`, `excel.commit`, `excel.export`) take a `jobId` chosen by the caller
 * (e.g. crypto.randomUUID()), push `{ type: 'progress', jobId, done, total, phase }` events while
 * they run, and can be stopped with `excel.cancel({ jobId })`. A cancelled import writes nothing.
 */

/** The kinds registered today; later kinds register themselves in the core and are added here. */
export const EXCEL_KINDS = ['orgUnits', 'channelTypes', 'costTypes', 'partners', 'users', 'budgetLines', 'results'] as const;
export type ExcelKind = (typeof EXCEL_KINDS)[number] | (string & {});

/** cell types of a report grid export (excel.exportGrid) */
export const GRID_CELL_TYPES = ['text', 'number', 'money', 'bp', 'date'] as const;
export type GridCellType = (typeof GRID_CELL_TYPES)[number];

export const jobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'v.invalid');
export const fileId = z.string().regex(/^[a-f0-9]{32}$/, 'v.invalid');
const kind = z.string().min(1).max(40);
const sheet = z.string().max(200).optional();
/** header text as found in the file → column key, or null to ignore that column */
const mapping = z.record(z.string().max(200), z.string().max(64).nullable()).default({});

/**
 * Kinds whose records belong to a parent record name it as their `target`: budget lines belong to
 * a budget version, so an import writes into one version and an export reads one. The API takes
 * the target as a small plain object; the core checks it with the kind's own schema (below) and
 * refuses it for kinds that have none. A dry run keeps its target, so the commit writes into the
 * very same one. (A kind-specific object rather than one more field per kind keeps the contract
 * open, like the registry of kinds.)
 */
export const excelTarget = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'v.invalid'), z.union([z.number(), z.string().max(200), z.boolean(), z.null()]))
  .refine((o) => Object.keys(o).length <= 8, 'v.invalid');
export type ExcelTarget = z.infer<typeof excelTarget>;
/** budgetLines: the version whose lines are imported or exported */
export const budgetLinesTarget = z.object({ versionId: id }).strict();
export type BudgetLinesTarget = z.infer<typeof budgetLinesTarget>;

export interface FileRef {
  fileId: string;
  name: string;
  size: number;
}

export interface KindColumnInfo {
  key: string;
  header: { 'zh-CN': string; en: string };
  type: string;
  required: boolean;
  importable: boolean;
}

export interface KindInfo {
  kind: string;
  label: { 'zh-CN': string; en: string };
  columns: KindColumnInfo[];
  canImport: boolean;
  canExport: boolean;
  /** the kind's records belong to a parent record that imports and exports must name (`target`); the general import page leaves such kinds out */
  needsTarget: boolean;
}

export interface SheetInfo {
  name: string;
  visible: boolean;
}

export interface InspectedColumn {
  /** 1-based column number in the sheet */
  index: number;
  header: string;
  columnKey: string | null;
  /** how the column was matched: by its name, by a remembered mapping, or not at all */
  source: 'name' | 'remembered' | 'mapping' | 'none';
}

export interface Inspection {
  fileId: string;
  fileName: string;
  format: 'xlsx' | 'csv';
  /** CSV only: utf-8 / utf-8-bom / gb18030 / utf-16le … */
  encoding: string | null;
  sheets: SheetInfo[];
  sheet: string;
  headerRow: number;
  /** data rows after the header (blank rows included; a close estimate for xlsx) */
  dataRows: number;
  columns: InspectedColumn[];
  /** required columns no header maps to (creating records needs them; updates may omit them) */
  missingRequired: string[];
  /** imports of a file with the same SHA-256 */
  previousImports: ImportLogEntry[];
}

export interface RowIssue {
  /** row number in the sheet (1-based, as the spreadsheet shows it); 0 = the file as a whole */
  row: number;
  /** header text of the column in the file ('' when the issue concerns the row) */
  column: string;
  columnKey: string | null;
  value: string;
  /** i18n key: 'v.*' (the API's validation reasons) or 'x.*' (Excel reading) */
  reason: string;
  params?: Record<string, string | number>;
}

export interface ImportCounts {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

export interface DryRunReport {
  jobId: string;
  kind: string;
  fileName: string;
  sha256: string;
  sheet: string;
  counts: ImportCounts;
  /** the first issues (at most 1000); page through all with excel.issues, or download excel.errorReport */
  issues: RowIssue[];
  issueCount: number;
  previousImports: ImportLogEntry[];
  /** remarks as i18n keys, e.g. x.users_need_password { count } */
  notes: ImportNote[];
}

export interface ImportNote {
  reason: string;
  params?: Record<string, string | number>;
}

export interface PlannedChange {
  row: number;
  op: 'create' | 'update' | 'unchanged';
  /** natural key (code / username) */
  key: string;
  /** the record's name (in the caller's language where it has two); null when the kind has none */
  name: string | null;
  id: number | null;
  /** update: the fields that change, before → after; create: the values written, before null (display values) */
  changes: { column: string; before: unknown; after: unknown }[];
}

export interface CommitResult {
  importId: number;
  counts: ImportCounts;
  notes: ImportNote[];
}

export interface ImportLogEntry {
  id: number;
  kind: string;
  fileName: string;
  sha256: string;
  sheet: string | null;
  userId: number;
  username: string;
  at: string;
  mode: 'all_or_nothing' | 'skip_rejected';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

const exportQuery = pageQuery.omit({ limit: true, offset: true, cursor: true });

export const excelApi = {
  /** Desktop upload: the file's bytes as base64 (≤ 50 MB). Browsers use POST /api/upload. */
  'files.put': method<FileRef>()(z.object({ name: z.string().trim().min(1).max(255), dataBase64: z.string().max(70_000_000) }), { scope: 'self' }),
  /**
   * Save a produced file. The desktop app answers this itself with the native save dialog
   * ({ saved, path }); other transports get { saved: false, downloadUrl }: the download route with a single-use
   * ticket for this file (electron/core/auth/tickets.ts), to be followed within a minute.
   */
  'files.saveAs': method<{ saved: boolean; path?: string; downloadUrl: string }>()(z.object({ fileId }), { scope: 'self' }),

  /** The importable kinds with their columns (headers in both languages) and what the caller may do. */
  'excel.kinds': method<KindInfo[]>()(z.object({}).default({}), { scope: 'self' }),
  /** A template: header row, dropdowns for coded columns, an instructions sheet with an example row. */
  /** `target`: optional even for kinds that need one (the template is the same for every version); when given, it is checked. */
  'excel.template': method<FileRef>()(z.object({ kind, locale: locale.optional(), target: excelTarget.optional() }), { scope: 'org' }),
  /** Checks the file, lists its sheets, finds the header row and matches the headers. `target`: see excelTarget. */
  'excel.inspect': method<Inspection>()(z.object({ fileId, kind, sheet, mapping, target: excelTarget.optional() }), { scope: 'org' }),
  /**
   * Reads and validates every row; writes nothing. Keeps the result for commit (30 minutes),
   * with its `target` (budget lines: `{ versionId }` of a draft or returned version).
   */
  'excel.dryRun': method<DryRunReport>()(
    z.object({ jobId, fileId, kind, sheet, mapping, rememberMapping: z.boolean().default(true), target: excelTarget.optional() }), { scope: 'org' },
  ),
  /** Pages through a dry run's issues. */
  'excel.issues': method<{ rows: RowIssue[]; total: number }>()(
    z.object({ jobId, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(500) }), { scope: 'self' },
  ),
  /** Pages through what a dry run will create, update or leave unchanged. */
  'excel.changes': method<{ rows: PlannedChange[]; total: number }>()(
    z.object({
      jobId,
      op: z.enum(['create', 'update', 'unchanged']).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(500),
    }), { scope: 'org' },
  ),
  /** Writes a dry run in one transaction: all valid rows only if there are no errors, or skipping rejected rows. */
  'excel.commit': method<CommitResult>()(z.object({ jobId, mode: z.enum(['all_or_nothing', 'skip_rejected']).default('all_or_nothing') }), { scope: 'org' }),
  /**
   * Stops a running dry run, commit or export; a cancelled import writes nothing. A cancel for a
   * job id that has not started yet (it overtook its job) is remembered for 60 seconds: the job
   * that starts under that id is cancelled at once. `cancelled`: true for both; false when a job
   * under that id ended moments ago (too late for it — and a commit runs under its dry run's id).
   */
  'excel.cancel': method<{ cancelled: boolean }>()(z.object({ jobId }), { scope: 'self' }),
  /** The dry run's issues as an xlsx (row, column, value, reason in the caller's language). */
  'excel.errorReport': method<FileRef>()(z.object({ jobId, locale: locale.optional() }), { scope: 'org' }),
  /**
   * Exports a grid as it is shown. Partners: the grid's quick filter, filters and sort; the other
   * kinds: `rowIds` in the grid's order (omit for all). `columns`: visible column keys in order;
   * the ID column is always first. Budget lines: `target: { versionId }` and either `rowIds`
   * (line ids, the entry grid's order) or `query` (quick, filter, sort as budgetVersions.lines takes them).
   */
  'excel.export': method<FileRef & { rows: number }>()(
    z.object({
      kind,
      jobId: jobId.optional(),
      columns: z.array(z.string().max(64)).max(100).optional(),
      locale: locale.optional(),
      query: exportQuery.optional(),
      includeInactive: z.boolean().default(false),
      rowIds: z.array(id).max(1_000_000).optional(),
      target: excelTarget.optional(),
    }), { scope: 'org' },
  ),
  /**
   * Exports a report grid (budget vs actual, transfers …) exactly as the caller's screen shows it:
   * the grid sends its visible columns (headers as shown, a type each) and its rows in display
   * order, totals rows included. No ID column: report rows are not records to import back. Types:
   * money = integer fen (written as yuan with the ¥ format), bp = basis points (as a percentage),
   * date = 'YYYY-MM-DD', number, text (as shown; neutralised against formula injection).
   */
  'excel.exportGrid': method<FileRef & { rows: number }>()(
    z.object({
      jobId: jobId.optional(),
      title: z.string().trim().min(1, 'v.required').max(100, 'v.too_long'),
      columns: z
        .array(z.object({ header: z.string().max(200, 'v.too_long'), type: z.enum(GRID_CELL_TYPES) }))
        .min(1, 'v.required')
        .max(300),
      rows: z.array(z.array(z.union([z.string().max(32_767, 'v.too_long'), z.number(), z.null()])).max(300)).max(100_000, 'v.too_many_rows'),
    }), { scope: 'self' },
  ),
  /** Recent imports the caller may see (administrators: those of the users they see; others: their own). */
  'excel.imports': method<ImportLogEntry[]>()(
    z.object({ kind: kind.optional(), limit: z.number().int().min(1).max(500).default(50) }).default({ limit: 50 }), { scope: 'org' },
  ),
} as const;
