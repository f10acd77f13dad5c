import { defineConfig } from 'vitest/config';

// Unit, plugin and content-validation tests: plain objects and fixture files, no build needed.
// The checks over the built site have their own config (vitest.site.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/plugins/**/*.test.ts'],
    environment: 'node',
    // Validating a whole corpus takes well under a second alone, but the suite runs on shared 2-core
    // machines: a test must not fail for the machine being busy.
    testTimeout: 60_000,
  },
});
