// ad-hoc dev helper (not part of the project): node .tmp-shot.mjs <user> <hash> <out.png> [js-to-run]
import { chromium } from '@playwright/test';
const [user, hash, out, script] = process.argv.slice(2);
const base = process.env.BASE ?? 'http://127.0.0.1:5391/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text().slice(0, 400)); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base);
await page.locator('form.sign-in input[name=username]').fill(user);
await page.locator('form.sign-in input[name=password]').fill('demo1234');
await page.locator('form.sign-in button[type=submit]').click();
await page.getByTestId('current-user').waitFor();
await page.goto(base + '#' + hash);
await page.waitForTimeout(1500);
if (script) { const fn = new Function('page', `return (async () => { ${script} })()`); await fn(page); }
await page.screenshot({ path: out });
await browser.close();
