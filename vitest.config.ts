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
    //
    // NODE_EXTRA_CA_CERTS (set on these machines to the system's CA bundle) makes every Node
    // process parse ~150 certificates as it starts: `node -e 0` took 98 ms with it and 56 ms
    // without, and the suite starts thousands of CLI, watch and MCP processes. threadwork
    // opens no network connection, so its processes under test never need it.
    env: { NO_COLOR: '1', NODE_EXTRA_CA_CERTS: '' },
  },
});
