import { z } from 'zod';
import type { DryRunReport, ImportCounts, Inspection, RowIssue } from '../../../../shared/api/areas/excel';
import { ApiError } from '../../../../shared/api/errors';
import { validationError } from '../../errors';
import type { CoreEnv, OrgCtx } from '../../context';
import { excelLimits } from '../config';
import { getFile, type StoredFile } from '../files';
import { startJob, type JobHandle } from '../jobs';
import { getKind } from '../kinds';
import { loadRefs } from '../kinds/refs';
import { readSpec, type KindDef, type TargetUse } from '../kinds/types';
import { fileError } from '../read/errors';
import { mergesInData } from '../read/source';
import { inspectInWorker } from '../worker/pool';
import type { InspectResult } from '../worker/protocol';
import { loadMappings, resolveColumns } from './columns';
import { previousImports } from './log';
import { planFile, type ReadPlan } from './plan';
import { applyServiceRows } from './rows';
import { keepDryRun, type DryRun } from './store';

/**
 * The import wizard's steps: inspect (check the file, find the header row, match headers), dry
 * run (read every row in the worker, validate, plan — write nothing) and, in ./commit.ts, commit.
 */
export function requireWrite(ctx: OrgCtx, kind: KindDef): void {
  if (!kind.writeRoles.includes(ctx.user.role)) throw new ApiError('forbidden', 'Your role may not import this', { kind: kind.kind, role: ctx.user.role });
}

export function requireRead(ctx: OrgCtx, kind: KindDef): void {
  if (kind.readRoles && !kind.readRoles.includes(ctx.user.role)) throw new ApiError('forbidden', 'Your role may not export this', { kind: kind.kind });
}

/**
 * The target of an import or export (budget lines: the version, { versionId }): parsed with the
 * kind's own zod schema — a problem is a validation error on `target.<field>`, as the dispatcher
 * reports any other input — then checked by the kind for the caller (exists, visible; writable
 * for an import). Kinds without a target refuse one. `optional`: the template needs none.
 */
export function resolveTarget(
  ctx: OrgCtx,
  kind: KindDef,
  target: Record<string, unknown> | undefined,
  use: TargetUse,
  optional = false,
): Record<string, unknown> | null {
  if (!kind.target) {
    if (target !== undefined) throw validationError([{ path: 'target', reason: 'v.unknown_field' }]);
    return null;
  }
  if (target === undefined && optional) return null;
  const parsed = z.object({ target: kind.target }).parse({ target: target ?? {} }).target;
  kind.checkTarget?.(ctx, parsed, use);
  return parsed;
}

const ISSUES_IN_REPORT = 1000;

async function inspectFile(env: CoreEnv, file: StoredFile, sheet: string | undefined, signal?: AbortSignal): Promise<InspectResult> {
  const key = sheet ?? '';
  const hit = file.inspected.get(key);
  if (hit) return hit;
  const r = await inspectInWorker({ task: 'inspect', path: file.path, fileName: file.name, sheet, limits: excelLimits(env), sampleRows: 12 }, signal);
  file.inspected.set(key, r);
  file.inspected.set(r.info.sheet, r);
  return r;
}

function columnsOf(ctx: OrgCtx, kind: KindDef, ins: InspectResult, mapping: Record<string, string | null>) {
  const resolved = resolveColumns(kind, ins.sample, mapping, loadMappings(ctx, kind.kind));
  const merged = mergesInData(ins.info.merges, resolved.headerRow);
  if (merged.length) throw fileError('excel_merged_cells', { ranges: merged.slice(0, 5).join(', '), count: merged.length });
  return resolved;
}

export async function inspect(
  ctx: OrgCtx,
  i: { fileId: string; kind: string; sheet?: string; mapping: Record<string, string | null>; target?: Record<string, unknown> },
): Promise<Inspection> {
  const kind = getKind(ctx, i.kind);
  requireWrite(ctx, kind);
  resolveTarget(ctx, kind, i.target, 'import');
  const file = getFile(ctx, ctx.user.id, i.fileId);
  const ins = await inspectFile(ctx, file, i.sheet, ctx.signal);
  const r = columnsOf(ctx, kind, ins, i.mapping);
  return {
    fileId: file.fileId,
    fileName: file.name,
    format: ins.info.format,
    encoding: ins.info.encoding,
    sheets: ins.info.sheets,
    sheet: ins.info.sheet,
    headerRow: r.headerRow,
    dataRows: Math.max(0, ins.info.rows - r.headerRow),
    columns: r.columns,
    missingRequired: r.missingRequired,
    previousImports: previousImports(ctx, file.sha256, kind.kind),
  };
}

export const countsOf = (total: number, outcomes: { op: string }[], rejected: number): ImportCounts => ({
  total,
  create: outcomes.filter((o) => o.op === 'create').length,
  update: outcomes.filter((o) => o.op === 'update').length,
  unchanged: outcomes.filter((o) => o.op === 'unchanged').length,
  rejected,
});

export const rejectedRows = (issues: RowIssue[]) => new Set(issues.map((i) => i.row)).size;

export async function dryRun(
  ctx: OrgCtx,
  i: {
    jobId: string;
    fileId: string;
    kind: string;
    sheet?: string;
    mapping: Record<string, string | null>;
    rememberMapping: boolean;
    target?: Record<string, unknown>;
  },
): Promise<DryRunReport> {
  const kind = getKind(ctx, i.kind);
  requireWrite(ctx, kind);
  const target = resolveTarget(ctx, kind, i.target, 'import');
  const file = getFile(ctx, ctx.user.id, i.fileId);
  const job = startJob(ctx, i.jobId);
  try {
    job.progress('check', 0, null);
    const ins = await inspectFile(ctx, file, i.sheet, job.signal);
    const cols = columnsOf(ctx, kind, ins, i.mapping);
    const mapped = cols.columns.filter((c) => c.columnKey);
    const defs = new Map(kind.columns.map((c) => [c.key, c]));
    const read: ReadPlan = {
      sheet: ins.info.sheet,
      headerRow: cols.headerRow,
      rowsHint: ins.info.rows,
      headers: Object.fromEntries(mapped.map((c) => [c.columnKey!, c.header])),
      columns: mapped.map((c) => {
        return { index: c.index, spec: readSpec(defs.get(c.columnKey!)!) };
      }),
    };
    const p = await planFile(ctx, kind, file, ins.check, read, job);
    let changes: DryRun['changes'] = [];
    let notes: DryRunReport['notes'] = [];
    let counts: ImportCounts;
    if (kind.strategy === 'service') {
      job.progress('validate', 0, p.rows.length);
      // the services themselves decide, in a transaction that is rolled back: a dry run writes nothing
      const ROLLBACK = new Error('dry run');
      let applied: ReturnType<typeof applyServiceRows> | null = null;
      try {
        ctx.db.$client.transaction(() => {
          const refs = loadRefs(ctx, kind.refTables);
          applied = applyServiceRows(ctx, kind, p.rows, refs, read.headers, target);
          // rows with unreadable cells: checked too (one round shows all their problems), after the
          // others so they cannot change their outcomes; the batch kind (budget lines) saves all rows
          // in one call and checks them on the next run; a batch kind that handles ImportRow.failed says so (checksFailedRows)
          if ((!kind.applyRows || kind.checksFailedRows) && p.badRows.length) {
            const checked = applyServiceRows(ctx, kind, p.badRows, refs, read.headers, target);
            const failed = new Map(p.badRows.map((r) => [r.row, r.failed]));
            p.ruleIssues.push(...checked.issues.filter((x) => !(x.columnKey && failed.get(x.row)?.has(x.columnKey))));
          }
          throw ROLLBACK;
        })();
      } catch (e) {
        if (e !== ROLLBACK) throw e;
      }
      changes = applied!.outcomes;
      p.ruleIssues.push(...applied!.issues);
      notes = kind.notes?.(changes) ?? [];
      counts = countsOf(p.dataRows, changes, rejectedRows([...p.cellIssues, ...p.ruleIssues]));
    } else {
      counts = { total: p.dataRows, ...p.stage!.counts(), rejected: rejectedRows([...p.cellIssues, ...p.ruleIssues]) };
    }
    const issues = [...p.cellIssues, ...p.ruleIssues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
    keepDryRun(ctx, {
      jobId: i.jobId,
      kind: kind.kind,
      target,
      userId: ctx.user.id,
      dataDir: ctx.dataDir,
      fileId: file.fileId,
      fileName: file.name,
      sha256: file.sha256,
      sheet: ins.info.sheet,
      read,
      check: ins.check,
      headers: read.headers,
      rows: p.rows,
      cellIssues: p.cellIssues,
      ruleIssues: p.ruleIssues,
      stage: p.stage,
      changes,
      counts,
      notes,
      fingerprint: p.fingerprint,
      remember: i.rememberMapping ? cols.columns : null,
      expiresAt: 0,
      committed: false,
    });
    job.progress('done', p.dataRows, p.dataRows);
    return {
      jobId: i.jobId,
      kind: kind.kind,
      fileName: file.name,
      sha256: file.sha256,
      sheet: ins.info.sheet,
      counts,
      issues: issues.slice(0, ISSUES_IN_REPORT),
      issueCount: issues.length,
      previousImports: previousImports(ctx, file.sha256, kind.kind),
      notes,
    };
  } finally {
    job.end();
  }
}

export type { JobHandle };
