import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { ExcelLimits } from '../config';
import { fileError } from './errors';
import { parseSheetHead, resolveShared, sharedStrings } from './sample';
import type { RawRow } from './xlsx';

/**
 * Everything we check in an xlsx before exceljs inflates a byte of it, with yauzl reading the
 * central directory: entry count, declared sizes and compression ratios, encrypted entries,
 * macros (vbaProject.bin / a macro-enabled content type), the sheets and their visibility, the
 * date system. Then every entry is inflated once, counting bytes (yauzl also refuses an entry
 * that inflates to more than it declared), so a lying header cannot smuggle a bomb past us; the
 * chosen sheet's XML is scanned on the way for its rows and merged ranges, which exceljs's
 * streaming reader does not report.
 */
export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** path inside the zip, e.g. xl/worksheets/sheet1.xml */
  path: string;
}

export interface XlsxCheck {
  sheets: SheetEntry[];
  sheet: SheetEntry;
  date1904: boolean;
  /** rows of the chosen sheet that hold at least one cell element */
  rows: number;
  /** merged ranges of the chosen sheet, e.g. "A5:B5" */
  merges: string[];
  /** the sheet's first rows, for the inspect step (null: read them with exceljs) */
  sample: RawRow[] | null;
}

const SAMPLE_ROWS = 40;

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const map: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return map[e.toLowerCase()] ?? _m;
  });

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
};

async function readAll(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    n += (c as Buffer).length;
    if (n > limit) {
      stream.destroy();
      throw fileError('excel_zip_bomb');
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function checkXlsx(path: string, wanted: string | undefined, limits: ExcelLimits): Promise<XlsxCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw fileError('excel_corrupt');
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw fileError('excel_zip_bomb', { entries: zip.entryCount });
    const entries = new Map<string, yauzl.Entry>();
    let declared = 0;
    try {
      for await (const e of zip.eachEntry()) {
        if (e.isEncrypted()) throw fileError('excel_encrypted');
        declared += e.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) throw fileError('excel_too_large', { limitMb: Math.round(limits.maxUncompressedBytes / 1048576) });
        if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
          throw fileError('excel_zip_bomb');
        }
        entries.set(e.fileName.replace(/^\//, ''), e);
      }
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('excel_')) throw e;
      throw fileError('excel_corrupt');
    }
    const text = async (name: string) => {
      const e = entries.get(name);
      if (!e) return null;
      try {
        return await readAll(await zip.openReadStreamPromise(e), e.uncompressedSize + 1);
      } catch (err) {
        if ((err as { code?: string }).code?.startsWith('excel_')) throw err;
        throw fileError('excel_corrupt');
      }
    };
    const types = await text('[Content_Types].xml');
    const workbook = await text('xl/workbook.xml');
    if (types === null || workbook === null) throw fileError('excel_unsupported_type');
    if ([...entries.keys()].some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(types)) throw fileError('excel_macro');

    const rels = new Map<string, string>();
    for (const m of (await text('xl/_rels/workbook.xml.rels'))?.matchAll(/<Relationship\b[^>]*>/g) ?? []) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
    const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
    const date1904 = /^(1|true)$/i.test(attr(pr, 'date1904') ?? '');
    const sheets: SheetEntry[] = [];
    for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const rid = attr(m[0], 'r:id') ?? attr(m[0], '\\w+:id');
      const p = rid ? rels.get(rid) : undefined;
      const state = attr(m[0], 'state');
      sheets.push({
        name: attr(m[0], 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: p ?? '',
      });
    }
    const sheet = pickSheet(sheets, wanted);
    // exceljs's streaming reader only knows worksheets named xl/worksheets/sheetN.xml
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.path) || !entries.has(sheet.path)) throw fileError('excel_corrupt');

    // the chosen sheet first (its first rows name the shared strings the sample needs), then the
    // shared strings, then everything else
    const SST = 'xl/sharedStrings.xml';
    const order = [sheet.path, ...(entries.has(SST) ? [SST] : []), ...[...entries.keys()].filter((k) => k !== sheet.path && k !== SST)];
    let total = 0;
    const count = (t: string, tag: string) => t.split(tag).length - 1;
    const head = await inflateEntry(zip, entries.get(sheet.path)!, true, limits, () => total, (n) => (total += n), {
      maxChars: 1 << 20,
      enough: (t) => count(t, '</row>') >= SAMPLE_ROWS,
    });
    const parsed = parseSheetHead(head.text, SAMPLE_ROWS);
    const maxShared = parsed && parsed.shared.size ? Math.max(...parsed.shared.values()) : -1;
    let strings = new Map<number, string>();
    for (const name of order.slice(1)) {
      const capture = name === SST && maxShared >= 0 ? { maxChars: 16 << 20, enough: (t: string) => count(t, '</si>') > maxShared } : undefined;
      const r = await inflateEntry(zip, entries.get(name)!, false, limits, () => total, (n) => (total += n), capture);
      if (capture) strings = sharedStrings(r.text, parsed!.shared.values());
    }
    const sample = parsed ? resolveShared(parsed, strings) : null;
    return { sheets, sheet, date1904, rows: head.rows, merges: head.merges, sample };
  } finally {
    zip.close();
  }
}

export function pickSheet<S extends { name: string; state: string }>(sheets: S[], wanted: string | undefined): S {
  if (wanted !== undefined && wanted !== '') {
    const s = sheets.find((x) => x.name === wanted) ?? sheets.find((x) => x.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!s) throw fileError('excel_sheet_not_found', { sheet: wanted });
    return s; // a hidden sheet only when asked for by name
  }
  const s = sheets.find((x) => x.state === 'visible');
  if (!s) throw fileError('excel_no_visible_sheet');
  return s;
}

const ROW_END = Buffer.from('</row>');
const MERGE = Buffer.from('<mergeCell');
const MERGE_TAG = /<mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g;

/** occurrences of `needle` in `buf` (Buffer#indexOf is a native search; no decoding) */
function count(buf: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Inflates one entry, counting: more bytes than the entry declared is a bomb in disguise, fewer a
 * damaged file. (Inflating ourselves, with 256 KB output chunks, is about twice as fast as
 * yauzl's own stream with zlib's default 16 KB.)
 */
async function inflateEntry(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  scanSheet: boolean,
  limits: ExcelLimits,
  total: () => number,
  add: (n: number) => void,
  capture?: { maxChars: number; enough: (text: string) => boolean },
): Promise<{ rows: number; merges: string[]; text: string }> {
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
  let rows = 0;
  let text = '';
  let capturing = !!capture;
  const decoder = new TextDecoder('utf-8');
  const merges: string[] = [];
  // the bytes after the last '<' of the previous chunk: a tag cut in two is searched whole
  let carry = Buffer.alloc(0);
  let mergeText = '';
  try {
    for await (const c of stream) {
      const chunk = c as Buffer;
      add(chunk.length);
      produced += chunk.length;
      if (produced > e.uncompressedSize) {
        stream.destroy();
        throw fileError('excel_zip_bomb');
      }
      if (total() > limits.maxUncompressedBytes) {
        stream.destroy();
        throw fileError('excel_too_large', { limitMb: Math.round(limits.maxUncompressedBytes / 1048576) });
      }
      if (capturing) {
        text += decoder.decode(chunk, { stream: true });
        if (text.length >= capture!.maxChars || capture!.enough(text)) capturing = false;
      }
      if (!scanSheet) continue;
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = buf.lastIndexOf(0x3c); // '<'
      const body = cut > 0 ? buf.subarray(0, cut) : buf;
      carry = cut > 0 && buf.length - cut < 4096 ? Buffer.from(buf.subarray(cut)) : Buffer.alloc(0);
      // a row that holds cells ends with </row>; empty rows are self-closing
      rows += count(body, ROW_END);
      if (body.includes(MERGE)) mergeText += body.toString('latin1', body.indexOf(MERGE));
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('excel_')) throw e;
    // yauzl: "too many bytes in the stream" (lying header) or a broken deflate stream
    throw fileError('excel_corrupt');
  }
  if (produced !== e.uncompressedSize) throw fileError('excel_corrupt');
  if (scanSheet) {
    rows += count(carry, ROW_END);
    mergeText += carry.includes(MERGE) ? carry.toString('latin1', carry.indexOf(MERGE)) : '';
    for (const m of mergeText.matchAll(MERGE_TAG)) merges.push(m[1]!);
  }
  return { rows, merges, text };
}
