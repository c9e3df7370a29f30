// The summary line of `npm test` (tests/run-all.sh): "N passed, N failed, N skipped" over the
// vitest and Playwright JSON reports. A runner that exited non-zero without reporting a failed
// test (crash, unhandled error, a stray `.only` under CI) and every failed non-runner step
// (typecheck, lint, build: `extra`) count as one failed test each. Under CI (`CI` set, as
// .ci/run does) a skipped test fails the run: the tests that need LibreOffice or Chromium skip
// only when the tool is missing, and CI must not pass without having run them.
import { existsSync, readFileSync } from 'node:fs';

/** passed / failed / skipped of one runner's report (null: no report written). */
export function countRunner(kind, report, exitCode) {
  if (!report) return { passed: 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 };
  const [passed, failed, skipped] =
    kind === 'vitest'
      ? [report.numPassedTests, report.numFailedTests, (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)]
      : [report.stats.expected + (report.stats.flaky ?? 0), report.stats.unexpected, report.stats.skipped ?? 0];
  return { passed, failed: failed + (exitCode !== 0 && failed === 0 ? 1 : 0), skipped };
}

/** runners: [{ kind, report, exitCode }]; returns the counts, the line and whether the run passed. */
export function summarize(runners, extra, ci) {
  const total = { passed: 0, failed: extra, skipped: 0 };
  for (const r of runners) {
    const c = countRunner(r.kind, r.report, r.exitCode);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  const line = `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
  const notes = ci && total.skipped > 0 ? [`CI: ${total.skipped} skipped test(s) — LibreOffice (soffice) and Chromium must be installed so that every test runs`] : [];
  return { ...total, line, notes, ok: total.failed === 0 && notes.length === 0 };
}

const readReport = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

if (import.meta.url === `file://${process.argv[1]}`) {
  const [vFile, vRc, pFile, pRc, extra] = process.argv.slice(2);
  const runners = [
    { kind: 'vitest', report: readReport(vFile), exitCode: Number(vRc) },
    { kind: 'playwright', report: readReport(pFile), exitCode: Number(pRc) },
  ];
  const s = summarize(runners, Number(extra), !!process.env.CI);
  for (const n of s.notes) console.log(`!!! ${n}`);
  console.log(s.line);
  process.exit(s.ok ? 0 : 1);
}
