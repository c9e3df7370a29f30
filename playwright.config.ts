import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * e2e in Debian's Chromium (never a downloaded browser) against `npm run web` on a free port with
 * a fresh demo data folder. The CI builds the renderer first; nothing is built here. The port and
 * folder are chosen once and passed to the workers through the environment.
 */
function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script]).toString());
}
process.env.CCD_E2E_PORT ??= String(freePort());
process.env.CCD_E2E_DATA ??= mkdtempSync(join(tmpdir(), 'ccd-e2e-'));
const port = Number(process.env.CCD_E2E_PORT);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.artifacts/test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  globalTeardown: './tests/e2e/support/teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx tsx electron/web/cli.ts --port ${port} --data ${process.env.CCD_E2E_DATA} --demo`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    // cheap password hashing for the suite's sign-ins (electron/core/auth/password.ts passwordParams)
    env: { CCD_TEST_KDF: 'weak', NODE_ENV: 'test' },
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
