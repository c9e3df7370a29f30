import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types (run by tests/run-all.sh)
import { summarize } from '../summary.mjs';

/**
 * The summary of `npm test` on real reports: child vitest runs (with the repository's vitest
 * config) over throw-away test files in a temp folder.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ccd-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(name: string, source: string, env: Record<string, string | undefined>) {
  const folder = mkdtempSync(join(dir, `${name}-`));
  writeFileSync(join(folder, 'probe.test.js'), source);
  writeFileSync(join(folder, 'vitest.config.mjs'),
    `import base from ${JSON.stringify(join(root, 'vitest.config.ts'))};\nexport default { ...base, test: { ...base.test, include: ['*.test.js'], globals: true } };\n`);
  const out = join(folder, 'report.json');
  const r = spawnSync(process.execPath, [vitest, 'run', '--root', folder, '--reporter=json', `--outputFile=${out}`], {
    cwd: folder, env: { ...process.env, ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000,
  });
  return { exitCode: r.status ?? 1, report: JSON.parse(readFileSync(out, 'utf8')) };
}

describe('test summary', () => {
  it('counts skipped tests, and fails a CI run that skipped one', () => {
    const run = runChild('skip', "it('runs', () => {});\nit.skip('needs soffice', () => {});\n", { CI: undefined });
    expect(run.exitCode).toBe(0);
    const local = summarize([{ kind: 'vitest', ...run }], 0, false);
    expect(local.line).toBe('1 passed, 0 failed, 1 skipped');
    expect(local.ok).toBe(true);
    const ci = summarize([{ kind: 'vitest', ...run }], 0, true);
    expect(ci.ok).toBe(false);
    expect(ci.notes[0]).toMatch(/LibreOffice/);
  });

  it('under CI=1 a stray .only fails the run and counts as a failure', () => {
    const run = runChild('only', "it.only('focused', () => {});\nit('other', () => {});\n", { CI: '1' });
    expect(run.exitCode).not.toBe(0);
    const s = summarize([{ kind: 'vitest', ...run }], 0, true);
    expect(s.failed).toBeGreaterThan(0);
    expect(s.ok).toBe(false);
  });

  it('counts Playwright skips, a crashed runner without a report, and failed non-runner steps', () => {
    const pw = { stats: { expected: 3, unexpected: 0, flaky: 1, skipped: 2 } };
    const s = summarize([{ kind: 'playwright', report: pw, exitCode: 0 }, { kind: 'vitest', report: null, exitCode: 1 }], 2, false);
    expect(s.line).toBe('4 passed, 3 failed, 2 skipped');
    expect(s.ok).toBe(false);
  });

  it('.ci/run sets CI=1 before running the tests', () => {
    const script = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(script.indexOf('export CI=1')).toBeGreaterThan(-1);
    expect(script.indexOf('export CI=1')).toBeLessThan(script.lastIndexOf('npm test'));
  });
});
