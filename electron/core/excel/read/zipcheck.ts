import type yauzl from 'yauzl';
import type { ExcelLimits } from '../config';
import { fileError } from './errors';
import { headRows } from './sample';
import { decodeEntities } from './markup';
import type { RawRow } from './xlsx';
import { collectTags } from './tags';
import { inflateEntry, openZip, zipEntries, type InflateBudget } from './zip';

/**
 * Everything we check in an xlsx before its cells are parsed, with yauzl reading the
 * central directory: entry count, declared sizes and compression ratios, encrypted entries,
 * macros (vbaProject.bin / a macro-enabled content type), the sheets and their visibility, the
 * date system. Then every entry is inflated once, counting bytes (yauzl also refuses an entry
 * that inflates to more than it declared), so a lying header cannot smuggle a bomb past us; the
 * chosen sheet's XML is scanned on the way (bytes, no decoding) for its rows and merged ranges,
 * and its first rows are read for the inspect step.
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
  /** the shared string table's path, if the workbook has one */
  sharedStrings: string | null;
  /** the sheet's first rows, for the inspect step */
  sample: RawRow[];
}

const SAMPLE_ROWS = 40;

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
};

export async function checkXlsx(path: string, wanted: string | undefined, limits: ExcelLimits): Promise<XlsxCheck> {
  const zip = await openZip(path);
  try {
    if (zip.entryCount > limits.maxEntries) throw fileError('excel_zip_bomb', { entries: zip.entryCount });
    let declared = 0;
    const entries = await zipEntries(zip, (e) => {
      if (e.isEncrypted()) throw fileError('excel_encrypted');
      declared += e.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) throw fileError('excel_too_large', { limitMb: Math.round(limits.maxUncompressedBytes / 1048576) });
      if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
        throw fileError('excel_zip_bomb');
      }
    });
    const budget: InflateBudget = { used: 0 };
    // the parts that describe the workbook are streamed too: only their tags we need are kept
    const tags = async (name: string, element: string) => {
      const e = entries.get(name);
      return e ? await collectTags(zip, e, limits, budget, element) : null;
    };
    const types = await tags('[Content_Types].xml', 'Default|Override');
    const workbook = await tags('xl/workbook.xml', 'workbookPr|sheet');
    if (types === null || workbook === null) throw fileError('excel_unsupported_type');
    if ([...entries.keys()].some((n) => /vbaProject\.bin$/i.test(n)) || types.some((t) => /macroEnabled/i.test(t))) throw fileError('excel_macro');

    const rels = new Map<string, string>();
    let sst: string | null = null;
    for (const t of (await tags('xl/_rels/workbook.xml.rels', 'Relationship')) ?? []) {
      const id = attr(t, 'Id');
      const target = attr(t, 'Target');
      if (!id || !target) continue;
      const p = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      rels.set(id, p);
      if (/\/sharedStrings$/.test(attr(t, 'Type') ?? '')) sst = p;
    }
    if (sst === null && entries.has('xl/sharedStrings.xml')) sst = 'xl/sharedStrings.xml';
    if (sst !== null && !entries.has(sst)) sst = null;
    const pr = workbook.find((t) => /^<(?:\w+:)?workbookPr\b/.test(t)) ?? '';
    const date1904 = /^(1|true)$/i.test(attr(pr, 'date1904') ?? '');
    const sheets: SheetEntry[] = [];
    for (const t of workbook.filter((x) => /^<(?:\w+:)?sheet\b/.test(x))) {
      const rid = attr(t, 'r:id') ?? attr(t, '\\w+:id');
      const p = rid ? rels.get(rid) : undefined;
      const state = attr(t, 'state');
      sheets.push({
        name: attr(t, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        path: p ?? '',
      });
    }
    const sheet = pickSheet(sheets, wanted);
    if (!entries.has(sheet.path)) throw fileError('excel_corrupt');

    // the chosen sheet first (its first rows name the shared strings the sample needs), then the
    // shared strings, then everything else — every entry inflated once, counted
    const order = [sheet.path, ...(sst ? [sst] : []), ...[...entries.keys()].filter((k) => k !== sheet.path && k !== sst)];
    const scan = await scanSheet(zip, entries.get(sheet.path)!, limits, budget);
    let sstHead = '';
    for (const name of order.slice(1)) {
      const e = entries.get(name)!;
      if (name !== sst) {
        for await (const _ of inflateEntry(zip, e, limits, budget)); // counted, not kept
        continue;
      }
      // the shared strings up to the last one the sample needs (never more than 16 MB of text)
      const decoder = new TextDecoder('utf-8');
      let capturing = true;
      for await (const c of inflateEntry(zip, e, limits, budget)) {
        if (!capturing) continue;
        sstHead += decoder.decode(c, { stream: true });
        if (sstHead.length >= 16 << 20 || countOf(sstHead, '</') > 4 * (scan.head.maxShared + 2)) capturing = false;
      }
    }
    return { sheets, sheet, date1904, rows: scan.rows, merges: scan.merges, sharedStrings: sst, sample: scan.head.rows(sstHead) };
  } finally {
    zip.close();
  }
}

const countOf = (t: string, needle: string) => t.split(needle).length - 1;

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

const MERGE = Buffer.from('mergeCell');
const MERGE_TAG = /<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']([^"']+)["']/g;

/** occurrences of `needle` in `buf` (Buffer#indexOf is a native search; no decoding) */
function count(buf: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(needle); i !== -1; i = buf.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** merged ranges kept per sheet: enough to name them in the refusal; a sheet with more is refused all the same */
const MAX_MERGES = 10_000;

/**
 * Inflates the chosen sheet, counting its rows (a row that holds cells ends with </row>; empty
 * rows are self-closing) and collecting its merged ranges on the bytes, and reads its first rows
 * (up to 1 MB of text) for the sample. Nothing of the sheet is kept beyond those: the merged
 * ranges are taken out of each chunk as it passes.
 */
async function scanSheet(zip: yauzl.ZipFile, e: yauzl.Entry, limits: ExcelLimits, budget: InflateBudget) {
  let rows = 0;
  const merges: string[] = [];
  let headText = '';
  let capturing = true;
  const decoder = new TextDecoder('utf-8');
  // the bytes after the last '<' of the previous chunk: a tag cut in two is searched whole
  let carry = Buffer.alloc(0);
  // </row>, or </x:row> when the sheet's elements carry a prefix (known from its first chunk)
  let rowEnd: Buffer | null = null;
  const scanBody = (body: Buffer) => {
    rows += count(body, rowEnd!);
    const m = body.indexOf(MERGE);
    if (m === -1 || merges.length >= MAX_MERGES) return;
    for (const x of body.toString('utf8', Math.max(0, body.lastIndexOf(0x3c, m))).matchAll(MERGE_TAG)) {
      if (merges.length < MAX_MERGES) merges.push(x[1]!);
    }
  };
  for await (const chunk of inflateEntry(zip, e, limits, budget)) {
    if (capturing) {
      headText += decoder.decode(chunk, { stream: true });
      rowEnd ??= Buffer.from(`</${/<(\w+:)?(?:sheetData|worksheet)\b/.exec(headText)?.[1] ?? ''}row>`);
      if (headText.length >= 1 << 20 || countOf(headText, 'row>') >= 2 * SAMPLE_ROWS) capturing = false;
    }
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const cut = buf.lastIndexOf(0x3c); // '<'
    const body = cut > 0 ? buf.subarray(0, cut) : buf;
    carry = cut > 0 && buf.length - cut < 4096 ? Buffer.from(buf.subarray(cut)) : Buffer.alloc(0);
    scanBody(body);
  }
  rowEnd ??= Buffer.from('</row>');
  scanBody(carry);
  return { rows, merges, head: headRows(headText, SAMPLE_ROWS) };
}
