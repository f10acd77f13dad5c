#!/usr/bin/env bash
# The whole test suite, as the README gives it and CI runs it: types, lint, format, unit and
# plugin tests, the authoring tools, the production build, checks over the built site, the W3C Nu
# HTML checker, the browser tests, Lighthouse.
set -euo pipefail
cd "$(dirname "$0")/.."

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
step() { printf '\n=== %s\n' "$1"; shift; "$@" 2>&1 | tee -a "$LOG"; }

CHROMIUM_PATH="$(bash scripts/find-chromium.sh)"
export CHROMIUM_PATH

step "astro check (types)" npx astro check
step "eslint" npx eslint .
step "prettier" npx prettier --check .
step "unit and plugin tests" npx vitest run
step "authoring tools: validate, quote, new:report, the README walkthrough, astro dev" npx vitest run --config vitest.tools.config.ts
step "build (site, then search index)" npm run build
step "checks over the built site" npx vitest run --config vitest.site.config.ts
step "W3C Nu HTML checker: no errors on any built page" node scripts/check-html.mjs
step "browser tests (Chromium at $CHROMIUM_PATH)" npx playwright test
step "Lighthouse (mobile): accessibility, best practices, SEO at least 0.98; desktop CLS below 0.1" node scripts/audit.mjs

# One closing line for the whole suite: every step above has passed to get here (set -e).
passed="$(sed 's/\x1b\[[0-9;]*m//g' "$LOG" | grep -E '^ +Tests +[0-9]+ passed|^ +[0-9]+ passed \(' | grep -oE '[0-9]+ passed' | awk '{ s += $1 } END { print s + 0 }')"
printf '\ntests: %s passed, 0 failed\n' "$passed"
