#!/usr/bin/env bash
# The whole test suite: types, lint, unit/property/adapter tests, CLI build, add-in build,
# offline manifest check and the browser tests of the task pane and of the page (web.html).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npx tsc --noEmit -p tsconfig.json

step "lint"
npx eslint src test

step "unit, property and adapter tests"
mkdir -p test-output
npx jest --ci --json --outputFile=test-output/jest.json

step "command-line build"
npx tsc -p tsconfig.cli.json

step "add-in production build"
npx webpack --mode production --no-stats

step "manifest (offline schema check)"
bash scripts/check-manifest.sh

step "browser test (Chromium)"
browser_passed=0
if command -v chromium >/dev/null 2>&1; then
  node test/browser/pane.test.js | tee test-output/browser.log
  node test/browser/web.test.js | tee test-output/browser-web.log
  browser_passed=$(( $(sed -n 's/^browser: \([0-9]*\) passed.*/\1/p' test-output/browser.log) + $(sed -n 's/^browser: \([0-9]*\) passed.*/\1/p' test-output/browser-web.log) ))
elif [ "${CI:-}" = "true" ]; then
  echo "chromium is missing: install it with apt-get install chromium" >&2
  exit 1
else
  echo "SKIPPED: chromium is not installed (sudo apt-get install chromium); CI runs this test."
fi

# One closing line for the whole run (any failure above has already stopped it).
jest_passed=$(node -p 'require("./test-output/jest.json").numPassedTests')
echo
echo "all: $((jest_passed + browser_passed)) passed, 0 failed"
