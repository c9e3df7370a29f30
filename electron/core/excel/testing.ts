import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { TestCore } from '../testing';
import { tmpDir } from './files';

/**
 * Test support for the Excel exchange: files made by the tests themselves — with exceljs, with
 * LibreOffice (an independent producer), and byte by byte for the bad ones (a zip writer, a
 * compound-file writer) — and a snapshot of the database to prove that nothing was written.
 */

/** The files the core has produced or received in a data folder's tmp/ (not their index entries). */
export const producedFiles = (dataDir: string): string[] => {
  const dir = tmpDir(dataDir);
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.json')) : [];
};

/** A fresh working folder under the OS temp dir. */
export const workDir = () => mkdtempSync(join(tmpdir(), 'ccd-xl-'));

export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * `soffice --headless --convert-to <to>`, with a fresh user profile per call so concurrent runs
 * (vitest forks, the benchmarks) never share one. Returns the converted files' paths.
 */
export function soffice(files: string[], to: string, outDir: string, infilter?: string): string[] {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  try {
    const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, ...(infilter ? [`--infilter=${infilter}`] : []), '--outdir', outDir, ...files];
    const r = spawnSync('soffice', args, { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
    const ext = to.split(':')[0]!;
    return files.map((f) => join(outDir, `${basename(f).replace(/\.[^.]*$/, '')}.${ext}`));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** LibreOffice's CSV import options: comma, double quote, UTF-8, from line 1, and a format per column (1 standard, 2 text). */
export const csvInFilter = (formats: (1 | 2)[]) => `CSV:44,34,76,1,${formats.map((f, i) => `${i + 1}/${f}`).join('/')}`;
/** …and its CSV export options: comma, double quote, UTF-8, cells as shown. */
export const CSV_OUT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true';

/** RFC 4180 CSV text from rows. */
export function csvText(rows: (string | number | null)[][]): string {
  const q = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

/** A simple xlsx from rows with exceljs (in memory). Dates: pass Date objects (UTC midnight). */
export async function xlsx(
  sheets: { name: string; rows: unknown[][]; state?: 'visible' | 'hidden'; merges?: string[]; formats?: Record<number, string> }[],
  opts: { date1904?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    for (const r of s.rows) ws.addRow(r);
    for (const [col, fmt] of Object.entries(s.formats ?? {})) ws.getColumn(Number(col)).numFmt = fmt;
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default) */
  method?: 0 | 8;
  /** lie about the uncompressed size in the headers */
  declaredSize?: number;
  /** general purpose flags (bit 0 = encrypted) */
  flags?: number;
}

/** A minimal zip writer: local headers, data, central directory. */
export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((e.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE((e.flags ?? 0) | 0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cdBuf, end]);
}

/** The entries of a zip (for rewriting an xlsx: adding a macro, breaking it). */
export async function unzipEntries(buf: Buffer): Promise<ZipEntry[]> {
  const yauzl = (await import('yauzl')).default;
  const z = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out: ZipEntry[] = [];
  for await (const e of z.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await z.openReadStreamPromise(e)) chunks.push(c as Buffer);
    out.push({ name: e.fileName, data: Buffer.concat(chunks) });
  }
  z.close();
  return out;
}

/**
 * A minimal OLE compound file (MS-CFB v3, 512-byte sectors) holding empty streams with the
 * given names — e.g. EncryptionInfo + EncryptedPackage, the shape of a password-protected xlsx.
 */
export function cfb(streams: string[]): Buffer {
  const S = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const header = Buffer.alloc(S, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(S, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 holds the FAT
  fat.writeUInt32LE(END, 4); // sector 1: the directory, one sector
  const dir = Buffer.alloc(S, 0);
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const off = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, off);
    dir.writeUInt16LE(n.length, off + 0x40);
    dir[off + 0x42] = type;
    dir[off + 0x43] = 1;
    dir.writeUInt32LE(FREE, off + 0x44);
    dir.writeUInt32LE(right, off + 0x48);
    dir.writeUInt32LE(child, off + 0x4c);
    dir.writeUInt32LE(END, off + 0x74);
  };
  const names = streams.slice(0, 3); // one directory sector holds four entries
  entry(0, 'Root Entry', 5, names.length ? 1 : FREE, FREE);
  names.forEach((s, i) => entry(i + 1, s, 2, FREE, i + 1 < names.length ? i + 2 : FREE));
  return Buffer.concat([header, fat, dir]);
}

/** Uploads bytes as the caller, the way the web server's upload route does. */
export async function upload(core: TestCore, token: string, name: string, data: Buffer | string): Promise<string> {
  const buf = typeof data === 'string' ? readFileSync(data) : data;
  return (await core.files.upload(token, name, buf)).fileId;
}

/** Everything an import could write, summarised: equal snapshots = nothing was written. */
export function dbSnapshot(core: TestCore): string {
  const c = core.env.db.$client;
  const tables = ['partners', 'org_units', 'channel_types', 'cost_types', 'users', 'user_org_units', 'change_log', 'excel_imports', 'excel_mappings'];
  return tables
    .map((t) => {
      const rows = c.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all();
      return `${t}:${JSON.stringify(rows)}`;
    })
    .join('\n');
}

/** Reads the first sheet of an xlsx back with exceljs (values as exceljs gives them). */
export async function readBack(path: string): Promise<{ ws: ExcelJS.Worksheet; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (r) => rows.push((r.values as unknown[]).slice(1)));
  return { ws, rows };
}

/** Parses RFC 4180 CSV text (LibreOffice's output) into rows of strings. */
export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (ch === '"') q = false;
      else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(f);
      f = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += ch;
  }
  if (f || row.length) {
    row.push(f);
    rows.push(row);
  }
  return rows;
}

/** "YYYY-MM-DD hh:mm:ss": an instant on this process's clock (its time zone), computed with Intl */
export function localTimeText(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function writeTmp(dir: string, name: string, data: Buffer | string): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}
