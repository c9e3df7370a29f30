import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { ExcelLimits } from '../config';
import { fileError } from './errors';

/**
 * The zip layer of xlsx reading, on yauzl (random access by the central directory, so entries are
 * read in the order we need them, not the order they are stored in). Every inflation is counted:
 * more bytes than the entry declared is a bomb in disguise, fewer a damaged file, and the bytes
 * of all entries together stay under the uncompressed-size limit.
 */
export async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw fileError('excel_corrupt');
  }
}

const isExcelError = (e: unknown) => !!(e as { code?: string } | null)?.code?.startsWith('excel_');

/** The central directory: entries by path (a leading / dropped). */
export async function zipEntries(zip: yauzl.ZipFile, visit?: (e: yauzl.Entry) => void): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const e of zip.eachEntry()) {
      visit?.(e);
      entries.set(e.fileName.replace(/^\//, ''), e);
    }
  } catch (e) {
    if (isExcelError(e)) throw e;
    throw fileError('excel_corrupt');
  }
  return entries;
}

/** bytes inflated so far across the entries of one file */
export interface InflateBudget {
  used: number;
}

/**
 * Inflates one entry in 256 KB chunks (about twice as fast as yauzl's own stream with zlib's
 * default 16 KB), counting. Stopping early (return/break) closes the stream.
 */
export async function* inflateEntry(zip: yauzl.ZipFile, e: yauzl.Entry, limits: ExcelLimits, budget: InflateBudget): AsyncGenerator<Buffer> {
  if (e.compressionMethod !== 0 && e.compressionMethod !== 8) throw fileError('excel_corrupt');
  let stream: Readable;
  try {
    const raw = await zip.openReadStreamPromise(e, { decodeFileData: false } as never); // the stored bytes; we inflate
    stream = e.compressionMethod === 8 ? raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : raw;
    raw.on('error', (err) => stream.destroy(err));
  } catch {
    throw fileError('excel_corrupt');
  }
  let produced = 0;
  try {
    for await (const c of stream) {
      const chunk = c as Buffer;
      produced += chunk.length;
      budget.used += chunk.length;
      if (produced > e.uncompressedSize) throw fileError('excel_zip_bomb');
      if (budget.used > limits.maxUncompressedBytes) throw fileError('excel_too_large', { limitMb: Math.round(limits.maxUncompressedBytes / 1048576) });
      yield chunk;
    }
  } catch (err) {
    if (isExcelError(err)) throw err;
    // yauzl: "too many bytes in the stream" (lying header) or a broken deflate stream
    throw fileError('excel_corrupt');
  } finally {
    stream.destroy();
  }
  if (produced !== e.uncompressedSize) throw fileError('excel_corrupt');
}

/** An entry's text, decoded as UTF-8 across chunk boundaries, chunk by chunk. */
export async function* entryText(zip: yauzl.ZipFile, e: yauzl.Entry, limits: ExcelLimits, budget: InflateBudget): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(zip, e, limits, budget)) {
    const t = decoder.decode(chunk, { stream: true });
    if (t) yield t;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
