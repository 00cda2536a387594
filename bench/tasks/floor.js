// Task `floor`: the least any scan of the workspace can cost. Walks the folders the engine
// reads (the config, strategy/, goals/, threads/, research/) and reads every file's bytes
// with readFileSync — no decoding, no parsing, nothing else.
//
//   node bench/tasks/floor.js <workspace>   → one JSON line: {ms, files, bytes, maxRssKb}
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/tasks/floor.js <workspace>');

const started = performance.now();
let files = 0;
let bytes = 0;
const read = (path) => {
  bytes += readFileSync(path).length;
  files += 1;
};
const walk = (folder) => {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(folder, e.name);
    if (e.isDirectory()) walk(path);
    else if (e.isFile()) read(path);
  }
};
try {
  read(join(dir, 'threadwork.config.yaml'));
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
for (const top of ['strategy', 'goals', 'threads', 'research']) walk(join(dir, top));
const ms = performance.now() - started;

console.log(JSON.stringify({ ms, files, bytes, maxRssKb: process.resourceUsage().maxRSS }));
