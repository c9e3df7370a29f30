/**
 * Excel benchmarks (npm run bench; tests/bench/run.ts calls benchExcel):
 *  import_100k          inspect + dry run + commit of a 100,000-row, 12-column partners xlsx through
 *                       the API, against its floor on the same file (≤ 6): inflating the sheet XML +
 *                       prepared inserts of the same rows the import wrote, in one transaction on the
 *                       same starting company; the clock starts after the upload on both sides.
 *                       exceljs's streaming reader merely reading the file is in `detail`.
 *  import_100k_peak_rss peak RSS of the process (main thread + parsing worker) during that import,
 *                       against the 300 MB budget (ratio ≤ 1)
 *  export_100k          exporting 100,000 partners through the API, against exceljs's streaming writer
 *                       writing the same values (≤ 1.3)
 *  import_100k_peer     the same import against `soffice --headless --convert-to csv` of the file (< 1)
 *  export_100k_peer     the same export against `soffice --headless --convert-to xlsx` of the rows as CSV (< 1)
 * Each measurement runs in its own process (excelChild.ts), so times and RSS are not mixed with
 * the others'; values are medians of the runs. --quick: 20,000 rows, fewer runs.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { figure, formatFigure, median, type Figure } from './figure';

const child = fileURLToPath(new URL('./excelChild.ts', import.meta.url));
const workerEntry = fileURLToPath(new URL('../../electron/core/excel/worker/entry.ts', import.meta.url));
const log = (m: string) => process.stderr.write(`[excel] ${m}\n`);

/**
 * How the measuring child is started. Like the desktop app, which ships the core and the parsing
 * worker as bundles (electron-vite), the child and the worker are bundled with esbuild (the one
 * tsx itself runs on) into node_modules/.cache, next to each other so the pool finds the worker;
 * dependencies stay external. Under tsx instead, the TypeScript loader would add its own thread
 * and ~100 MB to every process and compile the worker at each start — costs the product has not.
 * Falls back to tsx when esbuild cannot be loaded.
 */
let command: string[] | null = null;
async function childCommand(): Promise<string[]> {
  if (command) return command;
  try {
    const esbuild = (await import('esbuild' as string)) as { build(o: Record<string, unknown>): Promise<unknown> };
    // one folder per checkout: worktrees that share node_modules must not run each other's bundles
    const tree = createHash('sha256').update(fileURLToPath(new URL('../..', import.meta.url))).digest('hex').slice(0, 8);
    const outdir = fileURLToPath(new URL(`../../node_modules/.cache/ccd-excel-bench-${tree}/`, import.meta.url));
    await esbuild.build({
      entryPoints: { 'excel-child': child, 'excel-worker': workerEntry },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir,
      outExtension: { '.js': '.js' },
      logLevel: 'silent',
    });
    command = [join(outdir, 'excel-child.js')];
  } catch (e) {
    log(`esbuild unavailable (${(e as Error).message}); measuring under tsx`);
    command = [...(process.execArgv.length ? process.execArgv : ['--import', 'tsx']), child];
  }
  return command;
}

function run<T>(...args: (string | number)[]): T {
  const r = spawnSync(process.execPath, [...command!, ...args.map(String)], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 600_000 });
  if (r.status !== 0) throw new Error(`excelChild ${args.join(' ')} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as T;
}

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Wall time of one soffice conversion, with a fresh profile (created by a warm-up conversion first, not timed). */
function sofficeMs(file: string, to: string, outDir: string): number {
  const profile = join(tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
  const args = (f: string) => [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, f];
  try {
    spawnSync('soffice', args(file), { stdio: 'ignore', timeout: 600_000 }); // profile set-up
    const t0 = performance.now();
    const r = spawnSync('soffice', args(file), { stdio: 'ignore', timeout: 600_000 });
    if (r.status !== 0) throw new Error(`soffice --convert-to ${to} failed`);
    return performance.now() - t0;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `importOnly`: the import figures alone (standalone `--import-only [--runs N]`) */
export async function benchExcel(opts: { quick: boolean; scale?: number; importOnly?: boolean; runs?: number }): Promise<Figure[]> {
  const rows = opts.quick ? 20_000 : Math.round(100_000 * (opts.scale ?? 1));
  const runs = opts.runs ?? (opts.quick ? 2 : 5);
  const suffix = rows === 100_000 ? '' : ` (${rows} rows)`;
  const dir = mkdtempSync(join(tmpdir(), 'ccd-xlbench-'));
  const figures: Figure[] = [];
  await childCommand();
  try {
    const file = join(dir, 'partners.xlsx');
    log(`writing a ${rows}-row partners xlsx …`);
    run('make-import', file, rows);

    const reads: { ms: number; peakMb: number }[] = [];
    const floors: { ms: number; inflateMs: number; insertMs: number; rows: number }[] = [];
    const imports: { ms: number; peakMb: number; inspectMs: number; dryRunMs: number; commitMs: number }[] = [];
    const written = join(dir, 'written.json');
    for (let i = 0; i < runs; i++) {
      log(`import run ${i + 1}/${runs} …`);
      imports.push(run('import', file, ...(i === 0 ? [written] : []))); // the first run also records the rows it wrote
      floors.push(run('floor', file, written)); // alternate: both see the same machine state
      if (i < 2) reads.push(run('read', file));
    }
    const importMs = median(imports.map((r) => r.ms));
    const floorMs = median(floors.map((r) => r.ms));
    const detail = {
      rows,
      runs,
      inspectMs: Math.round(median(imports.map((r) => r.inspectMs))),
      dryRunMs: Math.round(median(imports.map((r) => r.dryRunMs))),
      commitMs: Math.round(median(imports.map((r) => r.commitMs))),
      floorInflateMs: Math.round(median(floors.map((r) => r.inflateMs))),
      floorInsertMs: Math.round(median(floors.map((r) => r.insertMs))),
      floorRowsWritten: floors[0]!.rows,
      exceljsReadMs: Math.round(median(reads.map((r) => r.ms))),
      note: suffix ? 'quick mode' : undefined,
    };
    figures.push(figure('import_100k', importMs, floorMs, 'ms', 6, detail));
    const peak = Math.max(...imports.map((r) => r.peakMb));
    figures.push(figure('import_100k_peak_rss', peak, 300, 'MB', 1, { baselineIs: 'the 300 MB budget', exceljsReadPeakMb: Math.max(...reads.map((r) => r.peakMb)) }));
    if (opts.importOnly) return figures;

    // informative: the same rows with shared strings, as Excel writes files (exceljs then caches
    // every distinct string; reading alone costs more time and memory)
    const sharedFile = join(dir, 'partners-shared.xlsx');
    run('make-import', sharedFile, rows, 'shared');
    const sReads: { ms: number; peakMb: number }[] = [];
    const sImports: { ms: number; peakMb: number }[] = [];
    for (let i = 0; i < Math.max(1, runs - 2); i++) {
      log(`shared-strings import run ${i + 1} …`);
      sReads.push(run('read', sharedFile));
      sImports.push(run('import', sharedFile));
    }
    figures.push(
      figure('import_100k_shared_strings', median(sImports.map((r) => r.ms)), median(sReads.map((r) => r.ms)), 'ms', null, {
        peakMb: Math.max(...sImports.map((r) => r.peakMb)),
        exceljsReadPeakMb: Math.max(...sReads.map((r) => r.peakMb)),
      }),
    );

    const exports: { ms: number; baselineMs: number }[] = [];
    const csv = join(dir, 'export.csv');
    for (let i = 0; i < runs; i++) {
      log(`export run ${i + 1}/${runs} …`);
      exports.push(run('export', rows, i === 0 ? csv : ''));
    }
    const exportMs = median(exports.map((r) => r.ms));
    figures.push(figure('export_100k', exportMs, median(exports.map((r) => r.baselineMs)), 'ms', 1.3, { rows, runs }));

    if (hasSoffice()) {
      const peerRuns = opts.quick ? 1 : 3;
      log('LibreOffice conversions …');
      const toCsv = median(Array.from({ length: peerRuns }, () => sofficeMs(file, 'csv', dir)));
      figures.push(figure('import_100k_peer', importMs, toCsv, 'ms', 0.999, { baselineIs: 'soffice --convert-to csv of the same file', rows }));
      const toXlsx = median(Array.from({ length: peerRuns }, () => sofficeMs(csv, 'xlsx', join(dir, 'lo'))));
      figures.push(figure('export_100k_peer', exportMs, toXlsx, 'ms', 0.999, { baselineIs: 'soffice --convert-to xlsx of the same rows as CSV', rows }));
    } else log('soffice not found: peer figures skipped');
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// standalone: npx tsx tests/bench/excel.ts [--quick] [--import-only] [--runs N]
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : undefined;
  for (const f of await benchExcel({ quick: process.argv.includes('--quick'), importOnly: process.argv.includes('--import-only'), runs })) process.stdout.write(`${formatFigure(f)}\n`);
}
