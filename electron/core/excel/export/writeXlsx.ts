import { rmSync } from 'node:fs';
import { throwIfCancelled } from '../jobs';
import type { ExportTask } from '../worker/protocol';
import { exportInWorker } from '../worker/pool';
import type { CellOut } from './cells';

/**
 * Writes pages of cells into an xlsx at `path` with the worker (exceljs's streaming writer), while
 * the caller's thread produces the next page. The sheet layout is made from the first page (column
 * widths), so the worker starts with it. Between pages the event loop gets a turn, so the app keeps
 * answering. On a cancel or any failure the worker is stopped and the half-written file removed.
 * Returns the rows written.
 */
export async function writeXlsx(
  path: string,
  signal: AbortSignal,
  layout: (firstPage: CellOut[][]) => Omit<ExportTask, 'task' | 'path'>,
  pages: AsyncIterable<CellOut[][]> | Iterable<CellOut[][]>,
  onPage?: (rowsSoFar: number) => void,
): Promise<number> {
  let writer: ReturnType<typeof exportInWorker> | null = null;
  // stops the worker when this side fails (a cancel stops it through `signal` as well)
  const stop = new AbortController();
  const start = (first: CellOut[][]) => exportInWorker({ task: 'export', path, ...layout(first) }, AbortSignal.any([signal, stop.signal]));
  try {
    let n = 0;
    for await (const cells of pages) {
      throwIfCancelled(signal);
      writer ??= start(cells.slice(0, 200));
      await writer.write(cells);
      n += cells.length;
      onPage?.(n);
      await new Promise((r) => setImmediate(r));
    }
    writer ??= start([]);
    const written = await writer.finish();
    if (written.rows !== n) throw new Error(`export wrote ${written.rows} of ${n} rows`);
    return n;
  } catch (e) {
    stop.abort();
    await writer?.done.catch(() => {}); // the worker is stopped; let it settle before removing the file
    try {
      rmSync(path, { force: true });
    } catch {
      // still open (Windows): the day's sweep removes it
    }
    throw e;
  }
}
