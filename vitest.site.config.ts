import { defineConfig } from 'vitest/config';

// Checks over the built site in dist/: run after `astro build` (scripts/test.sh does both).
export default defineConfig({
  test: {
    include: ['tests/site/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
