// Task `sync` (opt-in: `--tasks floor,check,sync`). Sync timings on a git repository:
// `cold` (the first sync of a generated workspace: every derived value written and
// committed), `noop` (already at the fixed point), and `one-change` (one deal's ARR
// corrected: the sync without its commit, then the commit alone).
//
//   node bench/tasks/sync.js <repo> cold|noop|one-change → one JSON line: {ms, written, …, maxRssKb}
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWorkspace } from '../../dist/index.js';
import { commitPaths } from '../../dist/git/commit.js';
import { changedPaths } from '../../dist/git/status.js';

const [dir, mode] = process.argv.slice(2);
const ws = await openWorkspace(dir);
const out = { mode };
if (mode === 'one-change') {
  // The eighth deal, whatever the generator named it.
  const deal = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort()[7];
  const file = join(dir, 'threads/sales', deal, '6-learning.md');
  const text = readFileSync(file, 'utf8');
  const arr = Number(/arr: (\d+|null)/.exec(text)[1]) || 30000;
  writeFileSync(file, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${arr + 1000 + Math.floor(Math.random() * 1000)}`));
  let started = performance.now();
  const result = await ws.sync({ commit: false });
  out.ms = performance.now() - started;
  out.written = result.written.length;
  started = performance.now();
  const triggers = await changedPaths(dir, ['threads', 'strategy', 'goals']);
  const commit = await commitPaths({ cwd: dir, paths: [...new Set([...result.written, ...triggers])], message: 'bench: one change' });
  out.commitMs = performance.now() - started;
  out.committed = commit.committed;
} else {
  const started = performance.now();
  const result = await ws.sync();
  out.ms = performance.now() - started;
  out.written = result.written.length;
  out.committed = result.commit?.committed ?? false;
}
out.maxRssKb = process.resourceUsage().maxRSS;
console.log(JSON.stringify(out));
