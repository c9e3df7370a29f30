import { parentPort } from 'node:worker_threads';
import type { AckToWorker, FromWorker, ToWorker } from './protocol';
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

port.on('message', async (m: ToWorker | AckToWorker) => {
  if ('type' in m && m.type === 'ack') {
    unacked = Math.max(0, unacked - 1);
    wake?.();
    wake = null;
    return;
  }
  const task = m as ToWorker;
  unacked = 0;
  try {
    if (task.task === 'inspect') post({ id: task.id, type: 'result', result: await inspectTask(task) });
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
