import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

// Browser tests run against the built site served by `astro preview`. Playwright drives Debian's
// Chromium (scripts/find-chromium.sh finds or installs it and sets CHROMIUM_PATH).
const PORT = Number(process.env['E2E_PORT'] ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Generous limits, not retries: on a shared, loaded machine axe over a long page or a poll for
  // re-rendered results can take many times its usual time, and a test must not fail for that.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'off',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /(subpath|fixture-corpus|paged)\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // The site built for, and served under, a sub-path: the test builds and serves it itself.
    { name: 'subpath', testMatch: /subpath\.spec\.ts$/, use: { ...devices['Desktop Chrome'], channel: undefined } },
    // The site built from the fixture corpus (tests/fixtures/ledger), into a temporary folder and
    // served on a free port by the test itself: behaviour tests with expectations written for it.
    {
      name: 'fixture',
      testMatch: /fixture-corpus\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
    // The site built from a synthetic corpus big enough for the long lists to have pages (the real
    // one fits on one page of each), the same way: the pagers as a reader uses them.
    { name: 'paged', testMatch: /paged\.spec\.ts$/, use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    // --ignore-lock: run beside a preview server the developer may already have open.
    command: `astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
