// Bundles the CLI (dist/cli/main.js, built by tsc) into dist/bundle/: what `bin/threadwork.js`
// runs. A command that needs the engine loaded ~190 modules of ours and of the packages one
// file at a time — 0.33 s of CPU to resolve, read and compile them, more than the whole
// lookup of a known result at 10,000 deals; bundled, 0.12 s. The library (`dist/index.js`)
// stays unbundled for programs that import it.
//
// - Code splitting keeps every command's `await import(...)` a chunk of its own: a command
//   still loads only what it runs (test/module-loading.test.ts reads the metafile to see it).
// - dist/bundle/ sits one folder below dist/, as dist/cli/ and dist/engine/ do, so the
//   relative URLs of the modules (the worker threads' modules in dist/workspace/, the built-in
//   templates, the package root) resolve to the same files from the bundle.
// - Packages loaded by a computed `require` (load-on-first-use.ts: yaml, handlebars,
//   simple-git, gray-matter) stay in node_modules and load on first use, as before.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
// CommonJS packages in an ES module bundle still call require() and read __filename.
const requireShim = {
  js: [
    "import { createRequire as __threadworkRequire } from 'node:module';",
    "import { fileURLToPath as __threadworkPath } from 'node:url';",
    'const require = __threadworkRequire(import.meta.url);',
    'const __filename = __threadworkPath(import.meta.url);',
    "const __dirname = __threadworkPath(new URL('.', import.meta.url));",
  ].join('\n'),
};
const result = await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  banner: requireShim,
});
// Which chunk holds which module: for the test of what a command loads, and for anyone asking.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));

// The worker threads' modules (a cold load's parse pool, a fingerprint's second thread),
// bundled in place of tsc's output: a worker loaded parse-pool.js and the ~60 modules under
// it one file at a time, zod's whole package with its locales among them — 150 ms before
// its first file, on each of the two threads, in the CLI and in the library alike. One file
// each, the paths unchanged (parse-pool.ts and fingerprint.ts name them). Bundled from src/,
// not from tsc's output they replace: the build is incremental, and tsc leaves an output of
// an unchanged source alone — bundling that file again would bundle a bundle, and a worker
// whose own source did not change would keep the code of the modules under it that did.
await build({
  absWorkingDir: root,
  entryPoints: ['src/workspace/parse-worker.ts', 'src/workspace/fingerprint-worker.ts'],
  outdir: `${root}dist/workspace`,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  banner: requireShim,
});
