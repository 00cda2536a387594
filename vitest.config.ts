import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Files that look at their process's own state, which a file run before them in the same
 * process would have changed: the modules it loaded, a V8 flag that holds once set, git
 * answers kept in module memory. Each runs in a process of its own.
 */
const ISOLATED = [
  'test/long-lived-heap.test.ts',
  'test/module-loading.test.ts',
  'test/markdown-parser-on-first-use.test.ts',
  'test/markdown-parser-in-a-cycle.test.ts',
  'test/templates-precompiled.test.ts',
  'test/checkout-dir.test.ts',
  'test/repository-cache.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The CLI tests spawn real processes; two cores do not gain from more workers.
    // The pool stays vitest's default, forks: `--pool threads` was measured no cheaper on six
    // files (130 tests, 2 cores at load ~14): CPU 44.1 s against 43.1 s, wall 108 s against 109 s.
    maxWorkers: 2,
    // What a file leaves behind (temp folders, MCP clients, stubbed environment variables) is undone after it.
    setupFiles: ['test/setup/file-end.ts'],
    // CI machines set CI, which turns picocolors on: a command's text compared in process
    // would carry colour codes there and not here. Every run is colourless, as NO_COLOR prints.
    //
    // NODE_EXTRA_CA_CERTS (set on these machines to the system's CA bundle) makes every Node
    // process parse ~150 certificates as it starts: `node -e 0` took 98 ms with it and 56 ms
    // without, and the suite starts thousands of CLI, watch and MCP processes. threadwork
    // opens no network connection, so its processes under test never need it.
    env: { NO_COLOR: '1', NODE_EXTRA_CA_CERTS: '', COLUMNS: '' },
    projects: [
      {
        extends: true,
        // A worker runs many test files in one process: the module loading a process per
        // file cost (src/ transformed and loaded again for each of 160 files: 79 s of the
        // workers' time, 13.6 s shared) is paid once per worker. Suite: 712 → 594 s.
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
