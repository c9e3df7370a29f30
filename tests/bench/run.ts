/**
 * npm run bench [-- --quick] [-- --scale <factor>] [-- --only <name,name…>]
 *
 * Builds deterministic data (the demo company grown to 100,000 partners × scale) in a temp
 * folder and prints one JSON line per figure on stdout:
 *   {"name","value","unit","baseline","ratio","target","met"[,"detail"]}
 * ratio = value / baseline, the baseline measured in the same run on the same data; values are
 * medians of several runs. Progress goes to stderr. A missed target does not fail the run
 * (exit 0); a benchmark that crashes does (exit 1, after the others have run).
 * The budget and Excel figures come from tests/bench/budgets.ts and excel.ts when present; the
 * documents and approvals figures from documents.ts (request_to_payment), documentPages.ts
 * (claims_page, queue_page), queue.ts (bulk_approve_1000), queueUi.ts (queue_ui) and analysis.ts
 * (analysis_dashboard) — their
 * document counts scale with --scale (quick: a tenth or less).
 * --only runs the named sections alone (a full-size figure re-measured without the whole run):
 * core_cold_start, partners_page, budgets, budgetGrid, excel, documents, documentPages, queue,
 * queueUi, analysis.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchColdStart } from './coldStart';
import { buildBenchData } from './data';
import { formatFigure, type Figure } from './figure';
import { benchPartnersPage } from './partnersPage';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, scale: { type: 'string', default: '1' }, only: { type: 'string' } },
  allowPositionals: false,
});
const quick = values.quick ?? false;
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${values.scale}`);
const SECTIONS = ['core_cold_start', 'partners_page', 'budgets', 'budgetGrid', 'excel', 'documents', 'documentPages', 'queue', 'queueUi', 'analysis'];
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
for (const name of only ?? []) if (!SECTIONS.includes(name)) throw new Error(`--only: unknown section ${name} (one of ${SECTIONS.join(', ')})`);
const wanted = (name: string) => !only || only.has(name);

const started = performance.now();
const log = (msg: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
let crashed = 0;

function print(figures: Figure[]) {
  for (const f of figures) process.stdout.write(`${formatFigure(f)}\n`);
}

async function section(name: string, fn: () => Promise<Figure[]> | Figure[]) {
  log(`${name} …`);
  try {
    print(await fn());
  } catch (e) {
    crashed++;
    log(`${name} FAILED: ${(e as Error)?.stack ?? String(e)}`);
  }
}

/** Another area's benchmark module, if it has landed: `export async function <fn>(opts): Figure[]`. */
async function external(file: string, fn: string) {
  if (!wanted(file.replace(/^\.\/|\.ts$/g, ''))) return;
  const path = fileURLToPath(new URL(file, import.meta.url));
  if (!existsSync(path)) {
    log(`${file} not present; skipped`);
    return;
  }
  await section(`${file} ${fn}`, async () => {
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const run = mod[fn];
    if (typeof run !== 'function') throw new Error(`${file} does not export ${fn}`);
    return (await (run as (o: { quick: boolean; scale: number }) => Promise<Figure[]> | Figure[])({ quick, scale }));
  });
}

const partners = Math.round(100_000 * scale);
if (wanted('core_cold_start') || wanted('partners_page')) {
  log(`building ${partners} partners (${quick ? 'quick' : 'full'}) …`);
  const data = await buildBenchData(partners);
  try {
    if (wanted('core_cold_start')) await section('core_cold_start', () => benchColdStart(data, quick ? 5 : 11));
    if (wanted('partners_page')) await section('partners_page', () => benchPartnersPage(data, quick ? 30 : 200));
  } finally {
    data.dispose();
  }
}
await external('./budgets.ts', 'benchBudgetVsActual');
await external('./budgetGrid.ts', 'benchBudgetGrid');
await external('./excel.ts', 'benchExcel');
await external('./documents.ts', 'benchRequestToPayment');
await external('./documentPages.ts', 'benchDocumentPages');
await external('./queue.ts', 'benchBulkApprove');
await external('./queueUi.ts', 'benchQueueUi');
await external('./analysis.ts', 'benchAnalysisDashboard');
log(`done${crashed ? `, ${crashed} benchmark(s) crashed` : ''}`);
process.exitCode = crashed ? 1 : 0;
