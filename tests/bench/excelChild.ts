/**
 * One measurement of the Excel benchmarks, in its own process so that its time and its peak RSS
 * (main thread + the parsing worker) are its own. Run by tests/bench/excel.ts:
 *   <node + tsx> excelChild.ts make-import <file> <rows>     write the 12-column partners xlsx
 *   <node + tsx> excelChild.ts read <file>                   baseline: exceljs's streaming reader merely reading it
 *   <node + tsx> excelChild.ts import <file> [<rows.json>]   inspect + dry run + commit through the API
 *                                                            (rows.json: every row the import wrote, by table)
 *   <node + tsx> excelChild.ts floor <file> <rows.json>      baseline: inflating the sheet XML + prepared inserts
 *                                                            of the same rows, in one transaction
 *   <node + tsx> excelChild.ts export <rows> <csv?>          export through the API, and the baseline:
 *                                                            exceljs's streaming writer writing the same values
 * Prints one JSON line on stdout.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import yauzl from 'yauzl';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { hashPassword } from '../../electron/core/auth/password';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { configureExcel } from '../../electron/core/excel/config';
import { cellOut, numFmtOf, widthOf } from '../../electron/core/excel/export/cells';
import { exportColumns } from '../../electron/core/excel/export/exporter';
import { getKind } from '../../electron/core/excel/kinds';
import { loadRefs } from '../../electron/core/excel/kinds/refs';
import { stopWorkers } from '../../electron/core/excel/worker/pool';
import { createCore } from '../../electron/core/index';
import { initDemo } from '../../electron/core/setup/service';
import type { OrgCtx } from '../../electron/core/context';
import { createScope } from '../../electron/core/auth/scope';
import { resolveSession } from '../../electron/core/auth/session';

const silent = { info: () => {}, error: (m: string, meta?: Record<string, unknown>) => console.error(m, meta) };
const [mode, a1, a2] = process.argv.slice(2);

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return Object.assign(
    () => {
      clearInterval(t);
      return Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
    },
    {
      /** the peak so far (MB), and start a new phase */
      phase: () => {
        const mb = Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
        peak = process.memoryUsage().rss;
        return mb;
      },
    },
  );
}

async function company(partners: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-xlbench-'));
  const core = createCore({ dataDir, log: silent });
  await initDemo(core.env, { partners, passwordHash: await hashPassword(DEMO_PASSWORD) });
  const { token } = await core.call('auth.signIn', { username: 'admin', password: DEMO_PASSWORD });
  core.env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return { core, token, dataDir, done: () => (core.close(), rmSync(dataDir, { recursive: true, force: true })) };
}

const HEAD = ['编码', '名称', '渠道类型', '所属组织', '渠道经理', '星级', '合同开始', '合同结束', '状态', '联系人', '联系电话', '银行账号'];
const UNITS = ['KM-WH-01', 'KM-WH-02', 'KM-PL-01', 'KM-GD-02', 'QJ-QL-01', 'DL-DL-03', 'KM-WH', 'QJ-XW'];
const TYPES = ['TERMINAL 终端渠道', 'BUSINESS 业务渠道', 'VILLAGE 村级渠道'];
const STATUS = ['合作中', '合作中', '暂停', '洽谈中'];

/**
 * The import file: exceljs's streaming writer with its defaults (inline strings), the layout the
 * architecture's reference figures (exceljs reading 2.2 s / 155 MB) were measured on. `shared`:
 * shared strings instead, as Excel itself writes — exceljs then caches every distinct string.
 */
async function makeImport(file: string, rows: number, shared = false) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: shared, useStyles: true });
  const ws = wb.addWorksheet('渠道合作伙伴');
  ws.columns = HEAD.map((h, i) => ({ key: String(i), width: 14, ...(i === 6 || i === 7 ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
  ws.addRow(HEAD).commit();
  for (let i = 1; i <= rows; i++) {
    const start = Date.UTC(2023, 0, 1) + (i % 900) * 86_400_000;
    ws.addRow([
      `B${String(i).padStart(6, '0')}`,
      `基准测试渠道商${i}号店`,
      TYPES[i % 3],
      UNITS[i % UNITS.length],
      // an owner must be assigned to the partner's unit (issue 11's owner scope): zhangwei works in KM-WH
      i % 4 && UNITS[i % UNITS.length]!.startsWith('KM-WH') ? 'zhangwei' : null,
      (i % 5) + 1,
      new Date(start),
      new Date(start + 730 * 86_400_000),
      STATUS[i % 4],
      `联系人${i % 97}`,
      `138${String(10_000_000 + ((i * 7919) % 89_999_999)).slice(0, 8)}`,
      `6222${String(100_000_000_000_000 + i * 104_729).slice(0, 15)}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return {};
}

async function read(file: string) {
  const peak = peakSampler();
  const t0 = performance.now();
  let n = 0;
  for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(file, {}) as unknown as AsyncIterable<AsyncIterable<{ values: unknown[] }>>) {
    for await (const row of ws) if (row.values.length) n++;
  }
  return { ms: performance.now() - t0, peakMb: peak(), rows: n };
}

/** Tables an import may write (not the caller's session), in creation order, and their last rowid. */
function lastRowids(c: Awaited<ReturnType<typeof company>>): Map<string, number> {
  const db = c.core.env.db.$client;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name <> 'sessions' ORDER BY rowid").pluck().all() as string[];
  return new Map(tables.map((t) => [t, (db.prepare(`SELECT coalesce(max(rowid), 0) FROM "${t}"`).pluck().get() as number)]));
}

async function importFile(file: string, rowsOut?: string) {
  const c = await company(300);
  configureExcel(c.core.env, { maxRows: 1_000_000 });
  const files = c.core.files;
  const ref = await files.upload(c.token, 'bench.xlsx', createReadStream(file));
  const before = lastRowids(c);
  const call = <T>(m: string, i: unknown) => c.core.call(m as never, i as never, { token: c.token }) as Promise<T>;
  global.gc?.();
  const startMb = Math.round(process.memoryUsage().rss / 1048576);
  const peak = peakSampler();
  const t0 = performance.now();
  await call('excel.inspect', { fileId: ref.fileId, kind: 'partners' });
  const t1 = performance.now();
  const inspectPeakMb = peak.phase();
  const dry = await call<{ counts: { create: number; rejected: number } }>('excel.dryRun', { jobId: 'bench-import-1', fileId: ref.fileId, kind: 'partners' });
  const t2 = performance.now();
  const dryRunPeakMb = peak.phase();
  if (process.env.MEMX) console.error(JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)]))));
  const res = await call<{ counts: { create: number } }>('excel.commit', { jobId: 'bench-import-1', mode: 'all_or_nothing' });
  const t3 = performance.now();
  const commitPeakMb = peak.phase();
  const peakMb = Math.max(inspectPeakMb, dryRunPeakMb, commitPeakMb, peak());
  await stopWorkers();
  const created = c.core.env.db.$client.prepare('SELECT count(*) FROM partners').pluck().get() as number;
  if (rowsOut) {
    // every row the import wrote, by table (for the floor: the same rows by prepared statements)
    const db = c.core.env.db.$client;
    const written = [...before].map(([t, last]) => ({ table: t, rows: db.prepare(`SELECT * FROM "${t}" WHERE rowid > ? ORDER BY rowid`).raw(true).all(last) as unknown[][], columns: (db.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns().map((x) => x.name)) }));
    writeFileSync(rowsOut, JSON.stringify(written.filter((w) => w.rows.length)));
  }
  c.done();
  if (dry.counts.rejected || res.counts.create !== dry.counts.create) throw new Error(`unexpected import result ${JSON.stringify({ dry, res })}`);
  return { ms: t3 - t0, peakMb, startMb, inspectPeakMb, dryRunPeakMb, commitPeakMb, inspectMs: t1 - t0, dryRunMs: t2 - t1, commitMs: t3 - t2, created, partnersAfter: created };
}

/** Inflates every worksheet and shared-strings entry of the xlsx, discarding the bytes. */
function inflateSheets(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      let bytes = 0;
      zip.on('error', reject);
      zip.on('end', () => resolve(bytes));
      zip.on('entry', (e: yauzl.Entry) => {
        if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(e.fileName)) return zip.readEntry();
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2 ?? new Error('no stream'));
          stream.on('data', (b: Buffer) => (bytes += b.length));
          stream.on('end', () => zip.readEntry());
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * The floor of import_100k: what no import of this file can avoid — inflating its sheet XML — plus
 * writing the rows the import wrote (read back from the app's own run) with one prepared INSERT
 * per table in one transaction, on the same starting company; the clock starts after the upload,
 * as the app's does.
 */
async function floor(file: string, rowsFile: string) {
  const written = JSON.parse(readFileSync(rowsFile, 'utf8')) as { table: string; columns: string[]; rows: unknown[][] }[];
  const c = await company(300);
  const ref = await c.core.files.upload(c.token, 'bench.xlsx', createReadStream(file));
  const path = c.core.files.open(c.token, ref.fileId).path;
  const db = c.core.env.db.$client;
  const inserts = written.map((w) => ({ stmt: db.prepare(`INSERT INTO "${w.table}" (${w.columns.map((x) => `"${x}"`).join(', ')}) VALUES (${w.columns.map(() => '?').join(', ')})`), rows: w.rows }));
  const peak = peakSampler();
  const t0 = performance.now();
  const bytes = await inflateSheets(path);
  const t1 = performance.now();
  db.transaction(() => {
    for (const { stmt, rows } of inserts) for (const r of rows) stmt.run(r);
  }).immediate();
  const t2 = performance.now();
  const peakMb = peak();
  const rows = written.reduce((n, w) => n + w.rows.length, 0);
  c.done();
  return { ms: t2 - t0, inflateMs: t1 - t0, insertMs: t2 - t1, xmlMb: Math.round(bytes / 1048576), rows, peakMb };
}

/** Export through the API, then the same values written by exceljs's streaming writer alone. */
async function exportRows(rows: number, csvOut: string | undefined) {
  const c = await company(rows);
  const t0 = performance.now();
  const exp = (await c.core.call('excel.export', { kind: 'partners', locale: 'zh-CN' }, { token: c.token })) as { fileId: string; rows: number };
  const ms = performance.now() - t0;
  // the baseline's values: exactly the cells the export wrote, prepared before the clock starts
  const user = resolveSession(c.core.env, c.token).user;
  const ctx: OrgCtx = { ...c.core.env, user, tokenHash: null, signal: new AbortController().signal, scope: createScope(c.core.env.db.$client, user) };
  const kind = getKind(c.core.env, 'partners');
  const cols = exportColumns(kind.columns, undefined);
  const refs = loadRefs(ctx, kind.refTables);
  const cells: (string | number | Date | null)[][] = [];
  for await (const page of kind.exportPages(ctx, { includeInactive: false }, refs)) for (const r of page) cells.push(cols.map((col) => cellOut(col, r[col.key], refs, 'zh-CN')));
  if (csvOut) {
    // dates as dates, date-times (the updated column) as date and time
    const q = (v: unknown, k: number) =>
      v === null ? '' : v instanceof Date ? v.toISOString().slice(0, cols[k]!.type === 'datetime' ? 19 : 10).replace('T', ' ') : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
    writeFileSync(csvOut, [cols.map((x) => x.header['zh-CN']), ...cells].map((r) => r.map(q).join(',')).join('\r\n'));
  }
  const file = join(c.dataDir, 'baseline.xlsx');
  const b0 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('渠道合作伙伴', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((col, k) => {
    const fmt = numFmtOf(col);
    return { key: col.key, width: widthOf(col, col.header['zh-CN'], cells.slice(0, 200).map((r) => r[k] ?? null)), ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  ws.addRow(cols.map((x) => x.header['zh-CN'])).commit();
  for (const r of cells) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  const baselineMs = performance.now() - b0;
  c.done();
  return { ms, baselineMs, rows: exp.rows };
}

const out = mode === 'make-import' ? await makeImport(a1!, Number(a2), process.argv[5] === 'shared') : mode === 'read' ? await read(a1!) : mode === 'import' ? await importFile(a1!, a2) : mode === 'floor' ? await floor(a1!, a2!) : await exportRows(Number(a1), a2);
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
