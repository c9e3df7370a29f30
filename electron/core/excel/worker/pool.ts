import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../../shared/api/errors';
import type { FromWorker, InspectResult, InspectTask, ReadResult, ReadTask, TypedBatch } from './protocol';

/**
 * Parsing runs in a worker thread, so the thread that answers the UI (Electron's main process,
 * the web server) only receives typed rows in batches. Which script the worker runs:
 * - the desktop bundle: electron-vite builds entry.ts as its own entry, out/main/excel-worker.js,
 *   next to the main bundle (electron.vite.config.ts), found beside this module's bundled file;
 * - source (tsx, vitest): boot.mjs, a plain ES module that loads entry.ts through tsx's loader —
 *   worker threads do not inherit the parent's TypeScript loader, and Node 20 cannot strip types.
 * One idle worker is kept (unreferenced, so it never holds the process open) to save the start-up;
 * cancelling a task terminates its worker, which stops the parse at once.
 */
const here = dirname(fileURLToPath(import.meta.url));

export function workerScript(): URL {
  for (const dir of [here, resolve(here, '..')]) {
    const built = join(dir, 'excel-worker.js');
    if (existsSync(built)) return pathToFileURL(built);
  }
  return new URL('./boot.mjs', import.meta.url);
}

const WORKER_OPTIONS = { execArgv: [] as string[] };
let idle: Worker | null = null;
let nextId = 1;

/**
 * Starts the idle worker ahead of need: an upload is always followed by an inspect, so the
 * worker's start-up (loading exceljs; from source also compiling TypeScript) overlaps the user's
 * next step instead of delaying it.
 */
export function prewarm(): void {
  if (idle) return;
  const w = new Worker(workerScript(), WORKER_OPTIONS);
  w.on('error', () => idle === w && (idle = null));
  w.on('exit', () => idle === w && (idle = null));
  w.unref();
  idle = w;
}

function acquire(): Worker {
  const w = idle ?? new Worker(workerScript(), WORKER_OPTIONS);
  idle = null;
  w.ref();
  return w;
}

function release(w: Worker): void {
  w.removeAllListeners('message');
  w.removeAllListeners('error');
  w.removeAllListeners('exit');
  if (idle) {
    void w.terminate();
    return;
  }
  w.unref();
  w.on('exit', () => idle === w && (idle = null));
  w.on('error', () => idle === w && (idle = null));
  idle = w;
}

export const cancelled = () => new ApiError('excel_cancelled', 'The job was cancelled');

function run<R>(
  task: InspectTask | ReadTask,
  signal: AbortSignal | undefined,
  onBatch?: (batch: TypedBatch) => void,
  onProgress?: (done: number, total: number | null) => void,
): Promise<R> {
  if (signal?.aborted) return Promise.reject(cancelled());
  const w = acquire();
  const id = nextId++;
  return new Promise<R>((resolveP, rejectP) => {
    let settled = false;
    const finish = (fn: () => void, reuse: boolean) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (reuse) release(w);
      else void w.terminate();
      fn();
    };
    const onAbort = () => finish(() => rejectP(cancelled()), false);
    signal?.addEventListener('abort', onAbort);
    w.on('message', (m: FromWorker) => {
      if (m.id !== id || settled) return;
      try {
        if (m.type === 'batch') {
          onBatch?.(m.batch);
          w.postMessage({ type: 'ack', id }); // the read may go on (back-pressure, see entry.ts)
        }
        else if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if (m.type === 'result') finish(() => resolveP(m.result as R), true);
        else finish(() => rejectP(ApiError.from(m.error)), true);
      } catch (e) {
        finish(() => rejectP(e), false); // the batch handler failed: stop the parse
      }
    });
    // a file whose content exhausts the worker's heap is refused like any oversized file
    w.on('error', (e) => finish(() => rejectP((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ApiError('excel_too_large', 'The file is too large to read') : e), false));
    w.on('exit', (code) => finish(() => rejectP(new Error(`excel worker exited (${code})`)), false));
    w.postMessage({ id, ...task });
  });
}

export const inspectInWorker = (t: InspectTask, signal?: AbortSignal) => run<InspectResult>(t, signal);

export const readInWorker = (
  t: ReadTask,
  signal: AbortSignal | undefined,
  onBatch: (batch: TypedBatch) => void,
  onProgress: (done: number, total: number | null) => void,
) => run<ReadResult>(t, signal, onBatch, onProgress);

/** Ends the idle worker (tests, shutdown). */
export async function stopWorkers(): Promise<void> {
  const w = idle;
  idle = null;
  if (w) await w.terminate();
}
