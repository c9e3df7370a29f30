#!/usr/bin/env bash
# The one test command (npm test): typecheck, lint, build, unit/service tests (vitest), e2e
# (Playwright in Debian Chromium), 50 crash-test trials (tests/crash/run.ts). Ends with "N passed, N failed, N skipped" over all tests
# (tests/summary.mjs: how failures of non-runner steps count, and why CI fails on a skipped test).
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
run npm run -s crash-test -- --trials 50 || { echo "!!! crash test failed"; extra=$((extra + 1)); }
run npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
vitest_rc=$?
e2e_rc=0
if [ "$build_rc" = 0 ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" run npx playwright test --reporter=list,json
  e2e_rc=$?
fi

node tests/summary.mjs "$out/vitest.json" "$vitest_rc" "$out/playwright.json" "$e2e_rc" "$extra"
