import type { ImportCounts, ImportNote, InspectedColumn, RowIssue } from '../../../../shared/api/areas/excel';
import { ApiError } from '../../../../shared/api/errors';
import type { AuthedCtx, CoreEnv } from '../../context';
import { JOB_TTL_MS } from '../config';
import type { ImportRow, RowOutcome } from '../kinds/types';
import type { ReadPlan } from './plan';
import type { Stage } from './stage';
import type { XlsxCheck } from '../read/zipcheck';

/**
 * Dry runs kept for their commit (30 minutes, in memory, with the core: env.excel.dryRuns): the typed rows, the plan, the issues.
 * A commit needs no second read of the file.
 */
export interface DryRun {
  jobId: string;
  kind: string;
  /** the checked target (budget lines: { versionId }); the commit writes into the same one */
  target: Record<string, unknown> | null;
  userId: number;
  dataDir: string;
  fileId: string;
  fileName: string;
  sha256: string;
  sheet: string;
  /** how the file was read (to read it again if a bulk plan went stale) */
  read: ReadPlan;
  check: XlsxCheck | null;
  /** header text per column key (for the issues' column names) */
  headers: Record<string, string>;
  /** service kinds: the rows whose cells all read, applied again by the commit */
  rows: ImportRow[];
  /** rows refused already while reading (cell problems): their issues stay whatever happens */
  cellIssues: RowIssue[];
  /** issues from the rules (record level) */
  ruleIssues: RowIssue[];
  /** bulk kinds: the plan of the accepted rows (also the preview) */
  stage: Stage | null;
  /** service kinds: what each accepted row will do, for the preview (excel.changes) */
  changes: (RowOutcome & { row: number })[];
  counts: ImportCounts;
  notes: ImportNote[];
  /** bulk kinds: the database summary the plan was made on ('' = must re-plan) */
  fingerprint: string;
  /** the wizard's confirmed mapping, remembered for the kind when the import is committed */
  remember: InspectedColumn[] | null;
  expiresAt: number;
  committed: boolean;
}

const keyOf = (dataDir: string, userId: number, jobId: string) => `${dataDir}\u0000${userId}\u0000${jobId}`;

function evict(store: Map<string, DryRun>, k: string, d: DryRun): void {
  store.delete(k);
  d.stage?.drop();
  d.stage = null;
}

export function keepDryRun(env: CoreEnv, d: DryRun): void {
  const store = env.excel.dryRuns;
  const now = Date.now();
  for (const [k, v] of store) if (v.expiresAt < now) evict(store, k, v);
  // one kept dry run per user and kind: a newer one replaces the older (memory of big files)
  for (const [k, v] of store) if (v.userId === d.userId && v.dataDir === d.dataDir && v.kind === d.kind) evict(store, k, v);
  store.set(keyOf(d.dataDir, d.userId, d.jobId), { ...d, expiresAt: now + JOB_TTL_MS });
}

export function getDryRun(ctx: AuthedCtx, jobId: string): DryRun {
  const d = ctx.excel.dryRuns.get(keyOf(ctx.dataDir, ctx.user.id, jobId));
  if (!d || d.expiresAt < Date.now()) throw new ApiError('excel_job_not_found', 'This import check has expired; run it again', { jobId });
  return d;
}

export function dropDryRun(env: CoreEnv, d: DryRun): void {
  evict(env.excel.dryRuns, keyOf(d.dataDir, d.userId, d.jobId), d);
}

export const allIssues = (d: DryRun): RowIssue[] => [...d.cellIssues, ...d.ruleIssues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
