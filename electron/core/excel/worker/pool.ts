import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../../shared/api/errors';
import type { CellOut } from '../export/cells';
import type { ExportTask, ExportToWorker, FromWorker, InspectResult, InspectTask, ReadResult, ReadTask, Task, TypedBatch } from './protocol';

/**
 * Parsing runs in a worker thread, so the thread that answers the UI (Electron's main process,
 * the web server) only receives typed rows in batches. Which script the worker runs:
 * - the desktop bundle: electron-vite builds entry.ts as its own entry, out/main/excel-worker.js,
 *   next to the main bundle (electron.vite.config.ts), found beside this module's bundled file;
 * - source (tsx, vitest): boot.mjs, a plain ES module that loads entry.ts through tsx's loader —
 *   worker threads do not inherit the parent's TypeScript loader, and Node 20 cannot strip types.
 * An idle worker is kept (unreferenced, so it never holds the process open) to save the start-up;
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

/**
 * Two kinds of worker, one idle worker kept of each. Readers (inspect, read) create a stream of
 * short-lived strings: a small young generation keeps their memory low at no cost in time
 * (import_100k_peak_rss). Export writers build exceljs's row objects, which a small young
 * generation would collect over and over: they get V8's default.
 */
type Purpose = 'read' | 'export';
const OPTIONS: Record<Purpose, { execArgv: string[]; resourceLimits?: { maxYoungGenerationSizeMb: number } }> = {
  read: { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 12 } },
  export: { execArgv: [] },
};
const idle: Record<Purpose, Worker | null> = { read: null, export: null };
let nextId = 1;

function spawn(p: Purpose): Worker {
  return new Worker(workerScript(), OPTIONS[p]);
}

function keepIdle(p: Purpose, w: Worker): void {
  w.unref();
  w.on('exit', () => idle[p] === w && (idle[p] = null));
  w.on('error', () => idle[p] === w && (idle[p] = null));
  idle[p] = w;
}

/**
 * Starts the idle reader ahead of need: an upload is always followed by an inspect, so the
 * worker's start-up (from source also compiling TypeScript) overlaps the user's next step
 * instead of delaying it.
 */
export function prewarm(): void {
  if (!idle.read) keepIdle('read', spawn('read'));
}

function acquire(p: Purpose): Worker {
  const w = idle[p] ?? spawn(p);
  idle[p] = null;
  w.removeAllListeners('exit');
  w.removeAllListeners('error');
  w.ref();
  return w;
}

function release(p: Purpose, w: Worker): void {
  w.removeAllListeners('message');
  w.removeAllListeners('error');
  w.removeAllListeners('exit');
  if (idle[p]) {
    void w.terminate();
    return;
  }
  keepIdle(p, w);
}

export const cancelled = () => new ApiError('excel_cancelled', 'The job was cancelled');

interface Handlers {
  onBatch?: (batch: TypedBatch) => void;
  onProgress?: (done: number, total: number | null) => void;
  onAck?: () => void;
}

/** Starts a task on a worker; `send` posts further messages to it (an export's rows). */
function start<R>(task: Task, signal: AbortSignal | undefined, h: Handlers): { done: Promise<R>; send: (m: ExportToWorker) => void } {
  if (signal?.aborted) return { done: Promise.reject(cancelled()), send: () => {} };
  const purpose: Purpose = task.task === 'export' ? 'export' : 'read';
  const w = acquire(purpose);
  const id = nextId++;
  let settled = false;
  const done = new Promise<R>((resolveP, rejectP) => {
    const finish = (fn: () => void, reuse: boolean) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (reuse) {
        release(purpose, w);
        fn();
        return;
      }
      // settle only once the thread is gone: a caller that removes the worker's half-written file
      // on the rejection (writeXlsx) must not race the worker's last open or write (CI saw a
      // stopped export's file reappear after its removal)
      w.terminate().then(fn, fn);
    };
    const onAbort = () => finish(() => rejectP(cancelled()), false);
    signal?.addEventListener('abort', onAbort);
    w.on('message', (m: FromWorker) => {
      if (m.id !== id || settled) return;
      try {
        if (m.type === 'batch') {
          h.onBatch?.(m.batch);
          w.postMessage({ type: 'ack', id }); // the read may go on (back-pressure, see entry.ts)
        } else if (m.type === 'ack') h.onAck?.();
        else if (m.type === 'progress') h.onProgress?.(m.done, m.total);
        else if (m.type === 'result') finish(() => resolveP(m.result as R), true);
        // a failure the worker did not foresee is ours too: unexpected (logged with an id), not an answer
        else finish(() => rejectP(m.error.code === 'internal' ? new Error(`excel worker: ${m.error.message}`) : ApiError.from(m.error)), true);
      } catch (e) {
        finish(() => rejectP(e), false); // the batch handler failed: stop the parse
      }
    });
    // a file whose content exhausts the worker's heap is refused like any oversized file
    w.on('error', (e) => finish(() => rejectP((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ApiError('excel_too_large', 'The file is too large to read') : e), false));
    w.on('exit', (code) => finish(() => rejectP(new Error(`excel worker exited (${code})`)), false));
    w.postMessage({ id, ...task });
  });
  return { done, send: (m) => !settled && w.postMessage({ ...m, id }) };
}

function run<R>(task: InspectTask | ReadTask, signal: AbortSignal | undefined, h: Handlers = {}): Promise<R> {
  return start<R>(task, signal, h).done;
}

/**
 * An export written by the worker: `write` sends a page of cells (resolving once fewer than
 * WINDOW pages wait to be written, so memory stays flat), `finish` ends the file.
 */
export function exportInWorker(task: ExportTask, signal: AbortSignal | undefined) {
  const WINDOW = 2;
  let unacked = 0;
  let wake: (() => void) | null = null;
  const t = start<{ rows: number }>(task, signal, {
    onAck: () => {
      unacked--;
      wake?.();
      wake = null;
    },
  });
  let failed = false;
  t.done.catch(() => {
    failed = true;
    wake?.();
  });
  return {
    async write(rows: CellOut[][]): Promise<void> {
      if (failed) return t.done.then(() => undefined);
      t.send({ type: 'rows', id: 0, rows });
      unacked++;
      while (unacked >= WINDOW && !failed) await new Promise<void>((r) => (wake = r));
      if (failed) await t.done;
    },
    finish(): Promise<{ rows: number }> {
      t.send({ type: 'end', id: 0 });
      return t.done;
    },
    /** the worker's outcome, for callers that stop early (the error, if any, is theirs to handle) */
    done: t.done,
  };
}

export const inspectInWorker = (t: InspectTask, signal?: AbortSignal) => run<InspectResult>(t, signal);

export const readInWorker = (
  t: ReadTask,
  signal: AbortSignal | undefined,
  onBatch: (batch: TypedBatch) => void,
  onProgress: (done: number, total: number | null) => void,
) => run<ReadResult>(t, signal, { onBatch, onProgress });

/** Ends the idle worker (tests, shutdown). */
export async function stopWorkers(): Promise<void> {
  const ws = [idle.read, idle.export];
  idle.read = idle.export = null;
  await Promise.all(ws.map((w) => w?.terminate()));
}
