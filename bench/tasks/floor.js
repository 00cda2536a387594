// The floor: walk the workspace's folders and read every file's bytes with readFileSync, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const started = performance.now();
let files = 0;
let bytes = 0;
const walk = (folder) => {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(folder, e.name);
    if (e.isDirectory()) walk(path);
    else {
      bytes += readFileSync(path).length;
      files += 1;
    }
  }
};
for (const top of ['strategy', 'goals', 'threads', 'research']) walk(join(dir, top));
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, files, bytes, maxRssKb: process.resourceUsage().maxRSS }));
