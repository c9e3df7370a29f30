import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The date, date-time and amount tests again, in child vitest runs under two time zones far from UTC (and
 * from each other): UTC+8 and UTC−5/−4. Part of the ordinary `npx vitest run`.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const vitest = fileURLToPath(new URL('../../../node_modules/vitest/vitest.mjs', import.meta.url));
const files = ['electron/core/excel/cells/cells.test.ts', 'electron/core/excel/import/values.test.ts', 'electron/core/excel/export/datetime.test.ts'];

describe.skipIf(!!process.env.CCD_EXPECT_TZ)('dates and amounts in other time zones', () => {
  it.each(['Asia/Shanghai', 'America/New_York'])('pass under TZ=%s', (tz) => {
    const r = spawnSync(process.execPath, [vitest, 'run', ...files, '--reporter=dot'], {
      cwd: root,
      env: { ...process.env, TZ: tz, CCD_EXPECT_TZ: tz, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 240_000,
    });
    const out = r.stdout.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
    expect(r.status, `${out}\n${r.stderr}`).toBe(0);
    expect(out).toMatch(/Tests\s+\d+ passed \(\d+\)/);
    expect(out).not.toMatch(/skipped|failed/);
  }, 250_000);
});
