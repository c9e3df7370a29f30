import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../electron/core/db/open';
import { DEMO_PASSWORD } from '../../electron/core/demo/names';
import { createCore } from '../../electron/core/index';
import { startWebServer } from '../../electron/web/server';
import { silentLogger } from './data';
import { buildDocBenchData, DOCS_NOW } from './docData';
import { handQueue } from './documentPages';
import { figure, median, type Figure } from './figure';
import { startBareQueuePage } from './queueUiBare';

/**
 * queue_ui: the time until the approver's queue shows its first rows in Debian's Chromium, from
 * the click on "审批" in the signed-in app (zhouqiang, loaded afresh on the partner list and left
 * idle, nothing of the queue cached) — against a bare AG Grid page (tests/bench/queueUiBare.ts)
 * that, from the click on its one link, fetches the same first page computed by the
 * hand-written queue query on the same file and shows it with the same columns. "First rows":
 * one animation frame after the first row's amount cell shows digits. 10,000 items waiting
 * (quick 1,000) among 100,000 claims (quick 20,000); the page asks for 1,000 rows. Both pages
 * warmed twice, then measured alternately; medians. Target ratio ≤ 1.5.
 *
 * The application: the built renderer (out/renderer, as budget_grid_load uses it; run
 * `npm run build` first when the renderer changed) served in-process by the web server.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'out/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TIMEOUT_MS = 120_000;
const log = (msg: string) => process.stderr.write(`[queue_ui] ${msg}\n`);

const AMOUNT_CELL = '.ag-row[row-index="0"] .ag-cell[col-id="amount"]';

/** In the page: clicks `link`, resolves with the ms until `cell` shows digits (+ one frame). */
const CLICK_AND_WATCH = (link: string, cell: string) => `new Promise((resolve) => {
  const t0 = performance.now();
  const mo = new MutationObserver(() => {
    const c = document.querySelector('${cell}');
    if (!c || !/\\d/.test(c.textContent || '')) return;
    mo.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  document.querySelector('${link}').click();
})`;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`queue_ui: no rows within ${TIMEOUT_MS / 1000} s (${what})`)), TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function pageOf(ctx: BrowserContext): Promise<Page> {
  return ctx.pages()[0] ?? (await ctx.newPage());
}

/** Loads `url`, waits for `ready` and the network to settle, clicks `link`, times `cell`. */
async function timeClick(ctx: BrowserContext, url: string, ready: string, link: string, cell: string): Promise<number> {
  const page = await pageOf(ctx);
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  const ms = await withTimeout(page.evaluate(CLICK_AND_WATCH(link, cell)) as Promise<number>, url);
  await page.waitForLoadState('networkidle');
  return ms;
}

export async function benchQueueUi(opts: { quick: boolean; scale?: number }): Promise<Figure[]> {
  if (!existsSync(CHROMIUM)) {
    log(`skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return [];
  }
  if (!existsSync(join(RENDERER, 'index.html'))) {
    log('skipped: out/renderer is missing; run `npm run build` first');
    return [];
  }
  const scale = opts.scale ?? 1;
  const waiting = Math.round((opts.quick ? 1_000 : 10_000) * scale);
  const claims = Math.round((opts.quick ? 20_000 : 100_000) * scale);
  const runs = opts.quick ? 5 : 9;
  const data = await buildDocBenchData({ claims, waiting, partners: Math.round((opts.quick ? 2_000 : 5_000) * scale) });
  const core = createCore({ dataDir: data.dataDir, log: silentLogger, now: () => DOCS_NOW });
  const bareDb = new Database(join(data.dataDir, DB_FILE), { readonly: true });
  const cleanup: (() => Promise<void> | void)[] = [() => core.close(), () => bareDb.close(), () => data.dispose()];
  try {
    const { token, user } = await core.call('auth.signIn', { username: 'zhouqiang', password: DEMO_PASSWORD });
    const first = await core.call('approvals.queue', { sort: 'age', dir: 'desc', docTypes: [], limit: 1000 }, { token });
    const queue = handQueue(bareDb);
    const hand = queue(user.id, 1000, DOCS_NOW);
    if (JSON.stringify(hand.rows) !== JSON.stringify(first.rows)) throw new Error('queue_ui: the hand-written queue differs from the API');

    const web = await startWebServer({ core, port: 0, rendererDir: RENDERER });
    cleanup.unshift(() => new Promise<void>((res) => (web.server.closeAllConnections(), web.server.close(() => res()))));
    const bare = await startBareQueuePage(() => queue(user.id, 1000, DOCS_NOW));
    cleanup.unshift(() => bare.close());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    cleanup.unshift(() => browser.close());
    const context = async (init?: string) => {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      if (init) await ctx.addInitScript(init);
      await ctx.newPage();
      return ctx;
    };
    const app = await context(`sessionStorage.setItem('ccd.token', ${JSON.stringify(token)}); localStorage.setItem('ccd.locale', 'zh-CN');`);
    const base = await context();
    const appClick = () =>
      timeClick(app, `${web.url}#/master/partners`, '[data-testid=grid-partners] .ag-row[row-index="0"]', 'a.nav-item[href="#/approvals"]', `[data-testid=grid-approvals] ${AMOUNT_CELL}`);
    const bareClick = () => timeClick(base, bare.url, '#go', '#go', `#grid ${AMOUNT_CELL}`);

    log('warming up …');
    for (let i = 0; i < 2; i++) {
      await appClick();
      await bareClick();
    }
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      appMs.push(await appClick());
      bareMs.push(await bareClick());
    }
    const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    log(`app ${show(appMs)} ms; bare ${show(bareMs)} ms`);
    return [figure('queue_ui', median(appMs), median(bareMs), 'ms', 1.5, { runs, waiting: first.total, rows: first.rows.length, claims, from: 'click on 审批 in the signed-in app' })];
  } finally {
    for (const c of cleanup) await c();
  }
}
