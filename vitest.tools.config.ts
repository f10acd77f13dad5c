import { defineConfig } from 'vitest/config';

// The authoring tools end to end: `astro dev` over a copy of the content, and the "Adding a
// report" walkthrough (new:report, quote, validate, a build). Slow, so kept out of the unit run.
export default defineConfig({
  test: {
    include: ['tests/tools/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
