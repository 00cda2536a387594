// Task `warm`: the warm workspace a long-lived process keeps (the MCP server:
// engine/session.ts), in a git repository copy at its fixed point. One process opens it;
// its first call loads the workspace (from the persistent caches, as a watcher's start-up
// does); then, N times, one deal is closed-won with a new ARR (the edit bench/tasks/sync.js
// makes) and the process is asked, in turn: `sync` (derived files written and committed),
// then, after another such edit, the thread list, and a `check`; then another process
// commits one more such edit (`git commit`, as `deal advance` run beside the server does)
// and the process is asked to `sync` (afterCommit: read from the events, not everything).
//
//   node bench/tasks/warm.js <repo> <rounds>
//   → one JSON line: {firstMs, oneChange: [ms…], list: [ms…], check: [ms…], afterCommit: [ms…], committed, fromEvents, full, maxRssKb}
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WorkspaceSession } from '../../dist/engine/session.js';
import { SYNC_ONLY } from '../../dist/engine/transaction.js';
import { deriveHeldIn } from '../../dist/engine/held-derivation.js';
import { listThreads } from '../../dist/threads/list.js';
import { keepHeapTightOnceLoaded } from '../../dist/long-lived-heap.js';

const [dir, roundsArg] = process.argv.slice(2);
// As `threadwork mcp` does at its start (src/long-lived-heap.ts): this process stands for that one.
keepHeapTightOnceLoaded();
if (!dir) throw new Error('usage: node bench/tasks/warm.js <repo> <rounds>');
const rounds = Number(roundsArg ?? 5);

const deal = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort()[7];
const learning = join(dir, 'threads/sales', deal, '6-learning.md');
let arr = 41000;
const closeOneDeal = () => {
  const text = readFileSync(learning, 'utf8');
  writeFileSync(learning, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${(arr += 1000)}`));
};
const timed = async (call) => {
  const started = performance.now();
  const result = await call();
  return { ms: performance.now() - started, result };
};

// The session itself, as `openWorkspace(dir, { warm: true })` (the MCP server's) holds it: its refresh counts are read too.
const session = new WorkspaceSession(dir);
const first = await timed(() => session.read(({ model }) => model.threads.size));
const out = { firstMs: first.ms, threads: first.result, oneChange: [], list: [], check: [], afterCommit: [], committed: true };
for (let i = 0; i < rounds; i++) {
  closeOneDeal();
  const synced = await timed(() => session.transaction(() => SYNC_ONLY));
  out.oneChange.push(synced.ms);
  out.committed &&= synced.result.commit?.committed === true;
  closeOneDeal();
  // As list_threads draws it (src/api.ts): derived as sync holds it, every thread's references checked.
  out.list.push((await timed(() => session.read(({ state, derivation }) => deriveHeldIn(state, derivation, (model, derived, held) => listThreads(model, derived, {}, held))))).ms);
  out.check.push((await timed(() => session.check())).ms);
  closeOneDeal();
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', 'another process commits a deal closed-won', '--', learning], { env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' } });
  out.afterCommit.push((await timed(() => session.transaction(() => SYNC_ONLY))).ms);
}
Object.assign(out, session.refreshes, { maxRssKb: process.resourceUsage().maxRSS });
await session.close();
console.log(JSON.stringify(out));
