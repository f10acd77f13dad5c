import { defineConfig } from 'vitest/config';

// Unit, plugin and content-validation tests: plain objects and fixture files, no build needed.
// The checks over the built site have their own config (vitest.site.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/plugins/**/*.test.ts'],
    environment: 'node',
    // Reading and validating the real corpus takes about a second, but over 7 s on a loaded
    // shared machine: the default 5 s limit made it fail by chance.
    testTimeout: 60_000,
  },
});
