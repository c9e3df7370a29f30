import type { FileRef } from '@shared/api/areas/excel';
import type { Input } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorText, i18n } from '../../i18n';
import { deliverFile, newJobId } from './transfer';
import { onProgress, SLOW_MS } from './useJob';

/**
 * Exports running in the background while the user keeps working: each runs `excel.export`
 * under its own job id, follows the core's progress events, and hands the file over (download or
 * the native save dialog). The export tray (ExportTray) shows them; a page only starts one.
 */
export interface ExportJob {
  jobId: string;
  kindLabel: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  slow: boolean;
  done: number;
  /** rows the grid showed (the export's total, when known) */
  total: number | null;
  phase: string;
  message: string;
}

let jobs: ExportJob[] = [];
const watchers = new Set<() => void>();
const emit = () => watchers.forEach((w) => w());
const update = (jobId: string, patch: Partial<ExportJob>) => {
  jobs = jobs.map((j) => (j.jobId === jobId ? { ...j, ...patch } : j));
  emit();
};

export const exportJobs = {
  subscribe(w: () => void): () => void {
    watchers.add(w);
    return () => watchers.delete(w);
  },
  snapshot: (): ExportJob[] => jobs,
  dismiss(jobId: string): void {
    jobs = jobs.filter((j) => j.jobId !== jobId);
    emit();
  },
  cancel(jobId: string): void {
    void call('excel.cancel', { jobId }).catch(() => undefined);
  },
};

const KEEP_MS = 6000;

export function runExport(input: Omit<Input<'excel.export'>, 'jobId'>, kindLabel: string, expected: number | null): Promise<void> {
  return runFileJob((jobId) => call('excel.export', { ...input, jobId }), kindLabel, expected);
}

/** A report grid's export: what the screen shows, written by the core (excel.exportGrid). */
export function runGridExport(input: Omit<Input<'excel.exportGrid'>, 'jobId'>): Promise<void> {
  return runFileJob((jobId) => call('excel.exportGrid', { ...input, jobId }), input.title, input.rows.length);
}

/** Any call that produces a file (an analysis export …), with progress in the export tray. */
export async function runFileJob(make: (jobId: string) => Promise<FileRef & { rows: number }>, kindLabel: string, expected: number | null): Promise<void> {
  const jobId = newJobId();
  jobs = [...jobs, { jobId, kindLabel, state: 'running', slow: false, done: 0, total: expected, phase: 'export', message: '' }];
  emit();
  const off = onProgress((e) => {
    if (e.jobId === jobId && e.phase !== 'done') update(jobId, { done: e.done, total: e.total ?? expected, phase: e.phase });
  });
  const timer = setTimeout(() => update(jobId, { slow: true }), SLOW_MS);
  try {
    const ref = await make(jobId);
    off();
    const delivered = await deliverFile(ref);
    const message =
      delivered.kind === 'saved'
        ? i18n.t('excel.savedTo', { count: ref.rows, path: delivered.path })
        : i18n.t('excel.exported', { count: ref.rows, name: ref.name });
    update(jobId, { state: 'done', slow: true, done: ref.rows, message: delivered.kind === 'dismissed' ? '' : message });
    if (delivered.kind === 'dismissed') exportJobs.dismiss(jobId);
  } catch (e) {
    const cancelled = (e as { code?: string }).code === 'excel_cancelled';
    update(jobId, {
      state: cancelled ? 'cancelled' : 'failed',
      slow: true,
      message: cancelled ? i18n.t('excel.exportCancelled') : i18n.t('excel.exportFailed', { message: errorText(e) }),
    });
  } finally {
    off();
    clearTimeout(timer);
    // a failure stays until the user closes it; the rest fade
    if (jobs.find((j) => j.jobId === jobId)?.state !== 'failed') setTimeout(() => exportJobs.dismiss(jobId), KEEP_MS);
  }
}
