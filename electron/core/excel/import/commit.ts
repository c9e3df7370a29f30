import type { CommitResult, RowIssue } from '../../../../shared/api/areas/excel';
import { ApiError } from '../../../../shared/api/errors';
import type { OrgCtx } from '../../context';
import { getFile } from '../files';
import { startJob, throwIfCancelled, type JobHandle } from '../jobs';
import { getKind } from '../kinds';
import { loadRefs } from '../kinds/refs';
import type { BulkKind } from '../kinds/types';
import { saveMappings } from './columns';
import { countsOf, rejectedRows, requireWrite } from './engine';
import { logImport } from './log';
import { planFile } from './plan';
import { applyServiceRows } from './rows';
import { getDryRun, type DryRun } from './store';

/**
 * Commit: one synchronous transaction — the rows, the remembered mapping, the import log entry.
 * "all_or_nothing" writes nothing when a row is rejected; "skip_rejected" writes the others.
 * Service kinds apply their rows again through the services (nothing of the dry run is trusted).
 * Bulk kinds write the dry run's plan if the database summary it was made on (the kind's
 * fingerprint) is unchanged — checked inside the transaction; otherwise the file is planned again
 * first. Nothing is written before the transaction starts, so a job cancelled before that writes
 * nothing; the transaction itself is short and indivisible.
 */
const RETRY = new Error('plan went stale');

async function replan(ctx: OrgCtx, kind: BulkKind, d: DryRun, job: JobHandle): Promise<void> {
  const file = getFile(ctx, ctx.user.id, d.fileId);
  const p = await planFile(ctx, kind, file, d.check, d.read, job);
  d.stage?.drop();
  d.stage = p.stage;
  d.cellIssues = p.cellIssues;
  d.ruleIssues = p.ruleIssues;
  d.fingerprint = p.fingerprint;
  d.counts = { total: p.dataRows, ...p.stage!.counts(), rejected: rejectedRows([...p.cellIssues, ...p.ruleIssues]) };
}

function writeAll(ctx: OrgCtx, d: DryRun, mode: 'all_or_nothing' | 'skip_rejected', job: JobHandle): CommitResult {
  const kind = getKind(ctx, d.kind);
  let outcomes: { op: string }[] = [];
  let ruleIssues: RowIssue[] = d.ruleIssues;
  let notes = d.notes;
  let write: (() => void) | null = null;
  // the target may have changed since the dry run (a budget version submitted meanwhile): checked
  // again inside the transaction, so nothing is written into a version that is no longer a draft
  if (d.target) kind.checkTarget?.(ctx, d.target, 'import');
  if (kind.strategy === 'service') {
    const applied = applyServiceRows(ctx, kind, d.rows, loadRefs(ctx, kind.refTables), d.headers, d.target);
    outcomes = applied.outcomes;
    ruleIssues = applied.issues;
    notes = kind.notes?.(applied.outcomes) ?? [];
  } else {
    if (!d.fingerprint || kind.fingerprint(ctx) !== d.fingerprint) throw RETRY;
    write = () => kind.write(ctx, d.stage!);
  }
  // bulk: the stage is exactly the plan the dry run counted (or the re-plan counted)
  const counts = kind.strategy === 'bulk' ? d.counts : countsOf(d.counts.total, outcomes, rejectedRows([...d.cellIssues, ...ruleIssues]));
  if (mode === 'all_or_nothing' && counts.rejected > 0) {
    throw new ApiError('excel_has_errors', 'Some rows are rejected; fix them or choose to skip them', { rejected: counts.rejected });
  }
  job.progress('write', 0, counts.create + counts.update);
  write?.();
  if (d.remember) saveMappings(ctx, kind.kind, d.remember);
  const importId = logImport(ctx, { kind: kind.kind, fileName: d.fileName, sha256: d.sha256, sheet: d.sheet, mode, counts });
  return { importId, counts, notes };
}

export async function commit(ctx: OrgCtx, i: { jobId: string; mode: 'all_or_nothing' | 'skip_rejected' }): Promise<CommitResult> {
  const d = getDryRun(ctx, i.jobId);
  const kind = getKind(ctx, d.kind);
  requireWrite(ctx, kind);
  if (d.committed) throw new ApiError('excel_already_committed', 'This import was already written', { jobId: i.jobId });
  const job = startJob(ctx, i.jobId);
  try {
    let result: CommitResult | null = null;
    for (let attempt = 0; !result; attempt++) {
      throwIfCancelled(job.signal);
      if (kind.strategy === 'bulk' && (!d.fingerprint || kind.fingerprint(ctx) !== d.fingerprint)) {
        if (attempt >= 3) throw new ApiError('stale', 'The data keeps changing while importing; try again');
        await replan(ctx, kind, d, job);
        throwIfCancelled(job.signal);
      }
      try {
        result = ctx.db.$client.transaction(() => writeAll(ctx, d, i.mode, job))();
      } catch (e) {
        if (e !== RETRY) throw e;
      }
    }
    d.committed = true;
    d.stage?.drop();
    d.stage = null;
    job.progress('done', result.counts.total, result.counts.total);
    if (result.counts.create + result.counts.update > 0) ctx.emit({ type: 'changed', entity: kind.kind }, ctx.user.id);
    return result;
  } finally {
    job.end();
  }
}
