import { ApiError } from '../../../shared/api/errors';
import type { AuthedCtx } from '../context';
import type { ExcelState } from './state';

/**
 * Long Excel jobs (dry run, commit, export) under a caller-chosen id: progress events while they
 * run, and cancellation through excel.cancel. A job is known by (core, user, id), so a
 * user can cancel only their own jobs. The call's own signal (an HTTP client that went away)
 * cancels too.
 *
 * A cancel can overtake its job (the cancel button pressed while the call is still on its way:
 * two HTTP requests race, or the job's call waits behind a busy core). A cancel for an id that is
 * not running is therefore remembered for PENDING_MS, and a job starting under that id within
 * that time is refused at once with excel_cancelled, before it reads or writes anything. Except
 * just after a job under that id ended (within LATE_MS): then the cancel came too late for that
 * job, and remembering it would cancel the next job under the same id — a commit runs under its
 * dry run's id, so a late cancel of a dry run would otherwise stop the commit the user asks for
 * next.
 */
export interface JobHandle {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number | null): void;
  end(): void;
}

export const PENDING_MS = 60_000;
export const LATE_MS = 5_000;
/** more remembered ids than this (a client sending cancels in a loop): the oldest are forgotten */
const MAX_REMEMBERED = 10_000;

/** the maps live with the core (env.excel.jobs, see excel/state.ts); a job is known by (user, id) */
const keyOf = (ctx: AuthedCtx, jobId: string) => `${ctx.user.id}\u0000${jobId}`;

function sweep({ pending, ended }: ExcelState['jobs'], now: number): void {
  for (const [k, until] of pending) if (until <= now) pending.delete(k);
  for (const [k, at] of ended) if (at + LATE_MS <= now) ended.delete(k);
  for (const m of [pending, ended]) {
    // Maps keep insertion order: the first keys are the oldest
    for (const k of m.keys()) {
      if (m.size <= MAX_REMEMBERED) break;
      m.delete(k);
    }
  }
}

export function startJob(ctx: AuthedCtx, jobId: string): JobHandle {
  const jobs = ctx.excel.jobs;
  const { running, pending, ended } = jobs;
  const key = keyOf(ctx, jobId);
  if (running.has(key)) throw new ApiError('excel_job_running', 'A job with this id is already running', { jobId });
  const now = Date.now();
  sweep(jobs, now);
  const until = pending.get(key);
  if (until !== undefined) {
    pending.delete(key);
    if (until > now) throw new ApiError('excel_cancelled', 'The job was cancelled');
  }
  const ac = new AbortController();
  running.set(key, ac);
  const signal = AbortSignal.any([ac.signal, ctx.signal]);
  let last = 0;
  let lastPhase = '';
  return {
    signal,
    progress(phase, done, total) {
      const now = Date.now();
      // at most ten events a second, but always the first of a phase and the last
      if (phase === lastPhase && now - last < 100 && done !== total) return;
      last = now;
      lastPhase = phase;
      ctx.emit({ type: 'progress', jobId, done, total, phase }, ctx.user.id);
    },
    end() {
      if (running.get(key) !== ac) return;
      running.delete(key);
      ended.delete(key);
      ended.set(key, Date.now());
    },
  };
}

/**
 * Cancels the running job under this id (true), or remembers the cancel for a job not started yet
 * (true); false when a job under this id has just ended — too late for it.
 */
export function cancelJob(ctx: AuthedCtx, jobId: string): boolean {
  const jobs = ctx.excel.jobs;
  const { running, pending, ended } = jobs;
  const key = keyOf(ctx, jobId);
  const ac = running.get(key);
  if (ac) {
    ac.abort();
    return true;
  }
  const now = Date.now();
  sweep(jobs, now);
  if (ended.has(key)) return false;
  pending.delete(key);
  pending.set(key, now + PENDING_MS);
  return true;
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new ApiError('excel_cancelled', 'The job was cancelled');
}
