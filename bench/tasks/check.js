// A cold `check` in a fresh process: open the workspace, read, parse, validate, cross-check.
import { openWorkspace } from '../../dist/index.js';

const dir = process.argv[2];
const started = performance.now();
const result = await (await openWorkspace(dir)).check();
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, files: result.files, errors: result.errors, warnings: result.warnings, maxRssKb: process.resourceUsage().maxRSS }));
