// Task `sync`: sync timings on a git repository copy of the generated workspace, each the
// whole `ws.sync()` with its commit: `cold` (the first sync: every derived value written
// and committed in one commit), `noop` (already at the fixed point: nothing written), and
// `one-change` (one deal closed-won with a new ARR since the last sync).
//
//   node bench/tasks/sync.js <repo> cold|noop|one-change → one JSON line: {ms, written, …, maxRssKb}
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../../dist/index.js';

const [dir, mode] = process.argv.slice(2);
const ws = await openWorkspace(dir);
const out = { mode };
if (mode === 'one-change') {
  // The eighth deal, whatever the generator named it, becomes a closed-won deal with a new
  // ARR: every figure derived from it changes. The sync commits, as `threadwork sync` does.
  const deal = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort()[7];
  const file = join(dir, 'threads/sales', deal, '6-learning.md');
  const text = readFileSync(file, 'utf8');
  const arr = Number(/arr: (\d+|null)/.exec(text)?.[1]) || 30000;
  writeFileSync(file, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${arr + 1000 + Math.floor(Math.random() * 1000)}`));
  const started = performance.now();
  const result = await ws.sync();
  out.ms = performance.now() - started;
  out.written = result.written.length;
  out.committed = result.commit?.committed ?? false;
} else {
  const started = performance.now();
  const result = await ws.sync();
  out.ms = performance.now() - started;
  out.written = result.written.length;
  out.committed = result.commit?.committed ?? false;
}
out.maxRssKb = process.resourceUsage().maxRSS;
console.log(JSON.stringify(out));
