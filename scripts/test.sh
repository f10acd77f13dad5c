#!/usr/bin/env bash
# The whole test suite, as the README gives it and CI runs it: types, lint, format, unit and
# plugin tests, the production build, checks over the built site, then the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

CHROMIUM_PATH="$(bash scripts/find-chromium.sh)"
export CHROMIUM_PATH

step "astro check (types)"; npx astro check
step "eslint"; npx eslint .
step "prettier"; npx prettier --check .
step "unit and plugin tests"; npx vitest run
step "build"; npx astro build
step "checks over the built site"; npx vitest run --config vitest.site.config.ts
step "browser tests (Chromium at $CHROMIUM_PATH)"; npx playwright test
step "Lighthouse (mobile): every category at least 0.98"; node scripts/audit.mjs
