// Task `write-floor`: the file system's share of a cold sync's writes. Replaces every
// thread's meta.json in a git repository copy the way any atomic writer must — each new
// content in a temporary file beside it, every temporary file flushed (one `sync -f`), then
// renamed over the old file, 16 renames in flight — with plain `node:fs` calls and nothing
// of the engine: no derivation, no comparison, no state, no commit. The content is the file's
// own plus one space, so every file is written, as a first sync writes them.
//
//   node bench/tasks/write-floor.js <repo> → one JSON line: {ms, tempsMs, flushMs, renamesMs, files, maxRssKb}
//
// What it shows beside the cold sync: how much of its time the machine's file system takes
// for the same 10,000 atomic replacements, whatever the engine does.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node bench/tasks/write-floor.js <repo>');

/** Every thread's meta.json: the deals' folders and the campaigns'. */
function metaFiles() {
  const sales = join(dir, 'threads/sales');
  const deals = readdirSync(sales).filter((name) => name !== 'campaigns').map((name) => join(sales, name, 'meta.json'));
  const campaigns = readdirSync(join(sales, 'campaigns')).map((name) => join(sales, 'campaigns', name, 'meta.json'));
  return [...deals, ...campaigns];
}

const files = metaFiles().map((path) => ({ path, temp: `${path}.${process.pid}.floor.tmp`, content: `${readFileSync(path, 'utf8')} ` }));

const started = performance.now();
for (const file of files) writeFileSync(file.temp, file.content, { encoding: 'utf8', flag: 'wx' });
const tempsDone = performance.now();
spawnSync('sync', ['-f', dir], { stdio: 'ignore' });
const flushDone = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < files.length) {
      const file = files[next++];
      await rename(file.temp, file.path);
    }
  }),
);
const ended = performance.now();

console.log(
  JSON.stringify({
    ms: ended - started,
    tempsMs: tempsDone - started,
    flushMs: flushDone - tempsDone,
    renamesMs: ended - flushDone,
    files: files.length,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
