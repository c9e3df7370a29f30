import { useCallback, useEffect, useRef, useState } from 'react';
import type { PushEvent } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { call, subscribe } from '../../api/client';
import { newJobId } from './transfer';

/**
 * Long Excel jobs (upload, dry run, commit, export) as the UI follows them: the core's progress
 * events for the job's id, a progress display only once the job has run for a second, and
 * cancelling (excel.cancel for the core's jobs, aborting for an upload). One subscription to the
 * push events is shared by every job on screen (a browser holds one event stream for it).
 */
export interface JobProgress {
  jobId: string;
  phase: string;
  done: number;
  total: number | null;
  /** running for more than a second: show it */
  slow: boolean;
}

type ProgressEvent = Extract<PushEvent, { type: 'progress' }>;
const listeners = new Set<(e: ProgressEvent) => void>();
let unsubscribe: (() => void) | null = null;

export function onProgress(l: (e: ProgressEvent) => void): () => void {
  listeners.add(l);
  unsubscribe ??= subscribe((e) => {
    if (e.type === 'progress') listeners.forEach((x) => x(e));
  });
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

export const SLOW_MS = 1000;

export interface RunOptions {
  /** the id to run under (a commit runs under its dry run's id); new by default */
  jobId?: string;
  /** the phase shown before the core reports one */
  phase: string;
  /** rows the job will go through, when the core's events do not say (an xlsx read streams) */
  expected?: number;
}

export interface JobTools {
  jobId: string;
  signal: AbortSignal;
  /** progress the caller measures itself (an upload) */
  report: (done: number, total: number | null, phase?: string) => void;
}

export function useJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const current = useRef<{ jobId: string; ac: AbortController; core: boolean; expected?: number } | null>(null);

  useEffect(
    () =>
      onProgress((e) => {
        const c = current.current;
        if (e.jobId !== c?.jobId) return;
        const total = e.total ?? (e.done > 0 && c.expected ? Math.max(c.expected, e.done) : null);
        setProgress((p) => (p && p.jobId === e.jobId ? { ...p, phase: e.phase, done: e.done, total } : p));
      }),
    [],
  );
  useEffect(() => () => current.current?.ac.abort(), []);

  const run = useCallback(async <T>(fn: (tools: JobTools) => Promise<T>, opts: RunOptions & { core?: boolean }): Promise<T> => {
    const jobId = opts.jobId ?? newJobId();
    const ac = new AbortController();
    current.current = { jobId, ac, core: opts.core !== false, expected: opts.expected };
    setProgress({ jobId, phase: opts.phase, done: 0, total: null, slow: false });
    const timer = setTimeout(() => setProgress((p) => (p && p.jobId === jobId ? { ...p, slow: true } : p)), SLOW_MS);
    const report = (done: number, total: number | null, phase?: string) =>
      setProgress((p) => (p && p.jobId === jobId ? { ...p, done, total, phase: phase ?? p.phase } : p));
    try {
      const work = fn({ jobId, signal: ac.signal, report });
      if (opts.core !== false) return await work; // the core says when it has stopped (and that nothing was written)
      work.catch(() => undefined); // its late failure after a cancel is of no interest
      const aborted = new Promise<never>((_, reject) =>
        ac.signal.addEventListener('abort', () => reject(new ApiError('excel_cancelled', 'Cancelled')), { once: true }),
      );
      return await Promise.race([work, aborted]);
    } finally {
      clearTimeout(timer);
      if (current.current?.jobId === jobId) current.current = null;
      setProgress((p) => (p && p.jobId === jobId ? null : p));
    }
  }, []);

  const cancel = useCallback(() => {
    const c = current.current;
    if (!c) return;
    c.ac.abort();
    if (c.core) void call('excel.cancel', { jobId: c.jobId }).catch(() => undefined);
  }, []);

  return { run, progress, cancel };
}
