import { parentPort } from 'node:worker_threads';
import { ExportWriter } from './exportTask';
import type { AckToWorker, ExportToWorker, FromWorker, ToWorker } from './protocol';
import { errorShape, inspectTask, readTask } from './tasks';

/**
 * The parsing worker: one task at a time, answers by message. Started by ./pool.ts — from source
 * through boot.mjs (tsx), from the desktop bundle as out/main/excel-worker.js.
 */
const port = parentPort;
if (!port) throw new Error('excel worker: no parent port');
const post = (m: FromWorker) => port.postMessage(m);

/**
 * Back-pressure: the core acknowledges each batch once it has checked it; with WINDOW batches
 * unacknowledged the read waits. Without it a reader faster than the checks would pile typed rows
 * up in the core's message queue (memory grows with the file instead of staying flat).
 */
const WINDOW = 3;
let unacked = 0;
let wake: (() => void) | null = null;

/**
 * The export being written: rows arrive as messages, each acknowledged once written. Messages are
 * handled in order on a promise chain (the writer opens asynchronously; rows may come before).
 */
let writer: { id: number; chain: Promise<ExportWriter | null> } | null = null;

function onExportMessage(m: ExportToWorker): void {
  const cur = writer;
  if (!cur || cur.id !== m.id) return;
  const id = cur.id;
  cur.chain = cur.chain.then(async (w) => {
    if (!w) return null; // failed before: the error went out already
    try {
      if (m.type === 'rows') {
        w.write(m.rows);
        post({ id, type: 'ack' });
      } else {
        if (writer === cur) writer = null;
        post({ id, type: 'result', result: await w.finish() });
      }
      return w;
    } catch (e) {
      if (writer === cur) writer = null;
      post({ id, type: 'error', error: errorShape(e) });
      return null;
    }
  });
}

port.on('message', async (m: ToWorker | AckToWorker | ExportToWorker) => {
  if ('type' in m) {
    if (m.type === 'ack') {
      unacked = Math.max(0, unacked - 1);
      wake?.();
      wake = null;
    } else onExportMessage(m);
    return;
  }
  const task = m;
  unacked = 0;
  try {
    if (task.task === 'export') {
      const cur: NonNullable<typeof writer> = {
        id: task.id,
        chain: ExportWriter.open(task).catch((e: unknown) => {
          post({ id: task.id, type: 'error', error: errorShape(e) });
          return null;
        }),
      };
      writer = cur;
    }
    else if (task.task === 'inspect') post({ id: task.id, type: 'result', result: await inspectTask(task) });
    else {
      const result = await readTask(
        task,
        async (batch) => {
          post({ id: task.id, type: 'batch', batch });
          unacked++;
          while (unacked >= WINDOW) await new Promise<void>((r) => (wake = r));
        },
        (done, total) => post({ id: task.id, type: 'progress', done, total }),
      );
      post({ id: task.id, type: 'result', result });
    }
  } catch (e) {
    post({ id: task.id, type: 'error', error: errorShape(e) });
  }
});
