import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { hashPassword } from '../../electron/core/auth/password';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { initDemo } from '../../electron/core/setup/service';
import { startWebServer } from '../../electron/web/server';
import { startBarePage } from './budgetGridBare';
import { writeBenchPlan } from './budgets';
import { figure, median, type Figure } from './figure';

/**
 * budget_grid_load: the time from navigating to the budget planning page until the first rows of
 * a 20,000-line plan are visible in Debian's Chromium (quick: 4,000 lines), against a bare AG Grid
 * page showing the same first rows. Target ratio ≤ 1.5.
 *
 * The application: the built renderer (out/renderer; built here if missing) served in-process by
 * the web server over a core on the benchmark file (the demo company plus an approved fiscal year
 * 2027 plan written with prepared statements, tests/bench/budgets.ts), signed in as wangfang (the
 * session token is put where the app keeps it, so the measured navigation is the app's start:
 * session check, shell, the page's chunk, plans and lookups, the first page of lines, the grid).
 * The baseline: tests/bench/budgetGridBare.ts, the same first page of lines as a JSON file.
 * "Visible" = the first row's January cell has its amount, one animation frame after it appeared
 * (measured in the page from navigation start). Both pages are warmed twice, then measured
 * alternately, each navigation from about:blank and each run left to finish its background
 * loading before the next starts; medians.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const silent = { info: () => {}, error: (msg: string, meta?: Record<string, unknown>) => console.error(msg, meta) };
const log = (msg: string) => process.stderr.write(`[budget_grid_load] ${msg}\n`);

/** Resolves window.__firstRows with performance.now() one frame after the first row's January cell shows an amount. */
const WATCH = `
window.__firstRows = new Promise((resolve) => {
  const seen = () => {
    const c = document.querySelector('.ag-row[row-index="0"] .ag-cell[col-id="m1"]');
    return !!c && /\\d/.test(c.textContent || '');
  };
  const mo = new MutationObserver(() => {
    if (!seen()) return;
    mo.disconnect();
    requestAnimationFrame(() => resolve(performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
});`;

function ensureRenderer(): boolean {
  if (existsSync(join(RENDERER, 'index.html'))) return true;
  log('out/renderer is missing; building it (electron-vite build) …');
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/electron-vite'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    return false;
  }
  return existsSync(join(RENDERER, 'index.html'));
}

async function measure(ctx: BrowserContext, url: string): Promise<number> {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto('about:blank');
  await page.goto(url);
  const first = page.evaluate('window.__firstRows') as Promise<number>;
  const timeout = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`budget_grid_load: no rows within 60 s at ${url}`)), 60_000).unref());
  const ms = await Promise.race([first, timeout]);
  // let the page finish what it does after its first rows (the app loads the remaining lines in
  // the background), so that one run does not slow down the next
  await page.waitForLoadState('networkidle');
  return ms;
}

export async function benchBudgetGrid(opts: { quick: boolean }): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) {
    log(`skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return [];
  }
  if (!ensureRenderer()) {
    log('skipped: the renderer could not be built; run `npm run build` first');
    return [];
  }
  const lines = opts.quick ? 4_000 : 20_000;
  const runs = opts.quick ? 5 : 9;
  const dataDir = mkdtempSync(join(tmpdir(), 'ccd-bench-grid-'));
  const core = createCore({ dataDir, log: silent });
  const cleanup: (() => Promise<void> | void)[] = [() => core.close(), () => rmSync(dataDir, { recursive: true, force: true })];
  try {
    log(`demo company + a ${lines}-line plan …`);
    await initDemo(core.env, { partners: Math.ceil(lines / 10), passwordHash: await hashPassword(DEMO_PASSWORD) });
    writeBenchPlan(core.env.db.$client, lines, lines * 12);
    core.env.db.$client.pragma('wal_checkpoint(TRUNCATE)');

    const { token } = await core.call('auth.signIn', { username: 'wangfang', password: DEMO_PASSWORD });
    const plan = (await core.call('budgetPlans.list', {}, { token })).find((p) => p.fiscalYear === 2027)!;
    const firstPage = await core.call('budgetVersions.lines', { versionId: plan.inForceVersionId!, limit: 100 }, { token });
    if (firstPage.total !== lines) throw new Error(`budget_grid_load: expected ${lines} lines, the API has ${firstPage.total}`);

    const web = await startWebServer({ core, port: 0, rendererDir: RENDERER });
    cleanup.unshift(() => new Promise<void>((res) => (web.server.closeAllConnections(), web.server.close(() => res()))));
    const bare = await startBarePage(firstPage);
    cleanup.unshift(() => bare.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    cleanup.unshift(() => browser.close());

    const context = async (init: string) => {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      await ctx.addInitScript(init);
      await ctx.newPage();
      return ctx;
    };
    const app = await context(`sessionStorage.setItem('ccd.token', ${JSON.stringify(token)}); localStorage.setItem('ccd.locale', 'zh-CN');${WATCH}`);
    const base = await context(WATCH);
    const appUrl = `${web.url}#/budgets/plan`;

    // warm-up: caches, the V8 code cache, the server's statements
    log('warming up …');
    for (let i = 0; i < 2; i++) {
      await measure(app, appUrl);
      await measure(base, bare.url);
    }
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      appMs.push(await measure(app, appUrl));
      bareMs.push(await measure(base, bare.url));
    }
    log(`app ${appMs.map((x) => x.toFixed(0)).join(' ')} ms; bare ${bareMs.map((x) => x.toFixed(0)).join(' ')} ms`);
    return [figure('budget_grid_load', median(appMs), median(bareMs), 'ms', 1.5, { runs, lines, firstRows: firstPage.rows.length })];
  } finally {
    for (const c of cleanup) await c();
  }
}
