import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';
import { errorShape, inspectTask, readTask } from './tasks';

/**
 * The parsing worker: one task at a time, answers by message. Started by ./pool.ts — from source
 * through boot.mjs (tsx), from the desktop bundle as out/main/excel-worker.js.
 */
const port = parentPort;
if (!port) throw new Error('excel worker: no parent port');
const post = (m: FromWorker) => port.postMessage(m);

port.on('message', async (m: ToWorker) => {
  try {
    if (m.task === 'inspect') post({ id: m.id, type: 'result', result: await inspectTask(m) });
    else {
      const result = await readTask(
        m,
        (batch) => post({ id: m.id, type: 'batch', batch }),
        (done, total) => post({ id: m.id, type: 'progress', done, total }),
      );
      post({ id: m.id, type: 'result', result });
    }
  } catch (e) {
    post({ id: m.id, type: 'error', error: errorShape(e) });
  }
});
