import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The CLI tests spawn real processes; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
