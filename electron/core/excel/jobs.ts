import { ApiError } from '../../../shared/api/errors';
import type { AuthedCtx } from '../context';

/**
 * Long Excel jobs (dry run, commit, export) under a caller-chosen id: progress events while they
 * run, and cancellation through excel.cancel. A job is known by (data folder, user, id), so a
 * user can cancel only their own jobs. The call's own signal (an HTTP client that went away)
 * cancels too.
 */
export interface JobHandle {
  signal: AbortSignal;
  progress(phase: string, done: number, total: number | null): void;
  end(): void;
}

const running = new Map<string, AbortController>();
const keyOf = (ctx: AuthedCtx, jobId: string) => `${ctx.dataDir}\u0000${ctx.user.id}\u0000${jobId}`;

export function startJob(ctx: AuthedCtx, jobId: string): JobHandle {
  const key = keyOf(ctx, jobId);
  if (running.has(key)) throw new ApiError('excel_job_running', 'A job with this id is already running', { jobId });
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
      ctx.emit({ type: 'progress', jobId, done, total, phase });
    },
    end() {
      running.delete(key);
    },
  };
}

export function cancelJob(ctx: AuthedCtx, jobId: string): boolean {
  const ac = running.get(keyOf(ctx, jobId));
  if (!ac) return false;
  ac.abort();
  return true;
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new ApiError('excel_cancelled', 'The job was cancelled');
}
