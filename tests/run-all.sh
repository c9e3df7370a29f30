#!/usr/bin/env bash
# The one test command (npm test): typecheck, lint, build, unit/service tests (vitest), e2e
# (Playwright in Debian Chromium). Ends with "N passed, N failed" over all tests. A failing step
# that is not a test runner (typecheck, lint, build), or a runner that fails without reporting a
# failed test (crash, unhandled error), counts as one failed test.
set -uo pipefail
cd "$(dirname "$0")/.."
out=tests/.artifacts
mkdir -p "$out"
rm -f "$out/vitest.json" "$out/playwright.json"
extra=0

run() { echo "=== $*"; "$@"; }

run npm run -s typecheck || { echo "!!! typecheck failed"; extra=$((extra + 1)); }
run npm run -s lint || { echo "!!! lint failed"; extra=$((extra + 1)); }
build_rc=0
run npm run -s build || { build_rc=1; echo "!!! build failed"; extra=$((extra + 1)); }
run npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
vitest_rc=$?
e2e_rc=0
if [ "$build_rc" = 0 ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" run npx playwright test --reporter=list,json
  e2e_rc=$?
fi

node - "$out/vitest.json" "$vitest_rc" "$out/playwright.json" "$e2e_rc" "$extra" <<'JS'
const fs = require('fs');
const [vFile, vRc, pFile, pRc, extra] = process.argv.slice(2);
let passed = 0, failed = Number(extra);
const count = (file, rc, read) => {
  if (!fs.existsSync(file)) { if (rc !== '0') failed += 1; return; }
  const [p, f] = read(JSON.parse(fs.readFileSync(file, 'utf8')));
  passed += p; failed += f;
  if (rc !== '0' && f === 0) failed += 1;
};
count(vFile, vRc, (j) => [j.numPassedTests, j.numFailedTests]);
count(pFile, pRc, (j) => [j.stats.expected + (j.stats.flaky || 0), j.stats.unexpected]);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
JS
