#!/usr/bin/env node
// The bundled CLI (scripts/bundle-cli.js): one file per command to load, not ~190 modules.
// Imported dynamically so that a checkout without dist/ (never built) says what to run
// instead of dying with a raw ERR_MODULE_NOT_FOUND.
let main;
try {
  main = await import('../dist/bundle/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/bundle/main.js')) throw error;
  process.stderr.write('threadwork is not built: dist/bundle/main.js is missing. Run `npm run build` (or `npm install`) in the threadwork folder first.\n');
  process.exit(1);
}

process.exitCode = await main.run(process.argv.slice(2));
