import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The CLI tests spawn real processes; two cores do not gain from more workers.
    maxWorkers: 2,
    // CI machines set CI, which turns picocolors on: a command's text compared in process
    // would carry colour codes there and not here. Every run is colourless, as NO_COLOR prints.
    env: { NO_COLOR: '1' },
  },
});
