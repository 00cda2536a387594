// Task `floor`: the least any scan of the workspace can cost. Walks the folders the engine
// reads (the config, strategy/, goals/, threads/, research/) and reads every file's bytes
// with readFileSync — no decoding, no parsing, nothing else.
//
//   node bench/tasks/floor.js <workspace>   → one JSON line: {ms, files, bytes, maxRssKb}
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { walkWorkspaceFiles } from './walk.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/tasks/floor.js <workspace>');

const started = performance.now();
let files = 0;
let bytes = 0;
walkWorkspaceFiles(dir, (path) => {
  bytes += readFileSync(path).length;
  files += 1;
});
const ms = performance.now() - started;

console.log(JSON.stringify({ ms, files, bytes, maxRssKb: process.resourceUsage().maxRSS }));
