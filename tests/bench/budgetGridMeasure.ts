import type { BrowserContext, Page } from '@playwright/test';

/**
 * How budget_grid_load times "first rows visible": in the page itself, from the moment the
 * navigation starts until one animation frame after the first row's January cell shows an
 * amount. Two kinds of navigation:
 * - a page load (the bare page; the app's cold start): from the browser's navigation start;
 * - inside the signed-in app: from the click on "预算编制" in the navigation, the app having been
 *   loaded afresh on another page (the partner list) and left idle, so no data is cached.
 * Every run ends only when the page has finished its background work (the app goes on loading
 * the rest of the lines), so that one run does not slow down the next.
 */
const FIRST_CELL = '.ag-row[row-index="0"] .ag-cell[col-id="m1"]';
const TIMEOUT_MS = 60_000;

/** Init script: window.__firstRows resolves with performance.now() when the first rows show. */
export const WATCH_LOAD = `
window.__firstRows = new Promise((resolve) => {
  const mo = new MutationObserver(() => {
    const c = document.querySelector('${FIRST_CELL}');
    if (!c || !/\\d/.test(c.textContent || '')) return;
    mo.disconnect();
    requestAnimationFrame(() => resolve(performance.now()));
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
});`;

/** In the page: clicks the navigation link and resolves with the ms until the first rows show. */
const CLICK_AND_WATCH = (link: string, grid = '[data-testid=grid-budget-lines]') => `new Promise((resolve) => {
  const t0 = performance.now();
  const mo = new MutationObserver(() => {
    const c = document.querySelector('${grid} ${FIRST_CELL}');
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
    timer = setTimeout(() => rej(new Error(`budget_grid_load: no rows within ${TIMEOUT_MS / 1000} s (${what})`)), TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

async function pageOf(ctx: BrowserContext): Promise<Page> {
  return ctx.pages()[0] ?? (await ctx.newPage());
}

/** A page load of `url` (the context runs WATCH_LOAD at every document start). */
export async function timePageLoad(ctx: BrowserContext, url: string): Promise<number> {
  const page = await pageOf(ctx);
  await page.goto('about:blank');
  await page.goto(url);
  const ms = await withTimeout(page.evaluate('window.__firstRows') as Promise<number>, url);
  await page.waitForLoadState('networkidle');
  return ms;
}

/** The bare page loaded, idle, then its "预算编制" link clicked. */
export async function timeBareClick(ctx: BrowserContext, url: string): Promise<number> {
  const page = await pageOf(ctx);
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator('#go').waitFor({ timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  const ms = await withTimeout(page.evaluate(CLICK_AND_WATCH('#go', '#grid')) as Promise<number>, 'bare click');
  await page.waitForLoadState('networkidle');
  return ms;
}

/** The app loaded on `startHash`, idle, then "预算编制" clicked. */
export async function timeAppNavigation(ctx: BrowserContext, base: string, startHash: string, readySelector: string): Promise<number> {
  const page = await pageOf(ctx);
  await page.goto('about:blank');
  await page.goto(`${base}#${startHash}`);
  await page.locator(readySelector).first().waitFor({ timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  const ms = await withTimeout(page.evaluate(CLICK_AND_WATCH('a.nav-item[href="#/budgets/plan"]')) as Promise<number>, 'navigation to #/budgets/plan');
  await page.waitForLoadState('networkidle');
  return ms;
}
