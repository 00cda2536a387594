// Task `served`: the CLI while `threadwork mcp` runs on the workspace (docs/mcp.md, "The CLI
// answered by the server"), in a git repository copy at its fixed point. Starts the server,
// waits until it answers a `threadwork check` (its first call loads the workspace: untimed),
// then, N times: `threadwork check`, then one deal closed-won with a new ARR (the edit
// bench/tasks/sync.js makes) and `threadwork sync`, then `threadwork deal new` in <segment> —
// each the real CLI in a fresh process, timed from spawn to exit. Every timed run must have
// been answered by the server.
//
//   node bench/tasks/served.js <repo> <rounds> <segment>
//   → one JSON line: {check: [ms…], oneChange: [ms…], dealNew: [ms…], committed}
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const [repo, roundsArg, segment] = process.argv.slice(2);
if (!repo || !segment) throw new Error('usage: node bench/tasks/served.js <repo> <rounds> <segment>');
const rounds = Number(roundsArg ?? 3);
const bin = fileURLToPath(new URL('../../bin/threadwork.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };
delete env.THREADWORK_NO_SERVER;

const cli = (args) => {
  const started = performance.now();
  const child = spawnSync(process.execPath, [bin, ...args, '--json'], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`threadwork ${args.join(' ')} exited ${child.status ?? child.signal}:\n${child.stderr}${child.stdout.slice(0, 2000)}`);
  const out = JSON.parse(child.stdout);
  return { ms, served: out.served !== undefined, committed: out.commit?.committed ?? false };
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const deal = readdirSync(join(repo, 'threads/sales')).filter((name) => name !== 'campaigns').sort()[7];
const learning = join(repo, 'threads/sales', deal, '6-learning.md');
const closeOneDeal = (round) => {
  const text = readFileSync(learning, 'utf8');
  writeFileSync(learning, text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, `arr: ${52000 + round}`));
};

// stdin stays open: the server runs until it is told to stop.
const server = spawn(process.execPath, [bin, 'mcp'], { cwd: repo, stdio: ['pipe', 'ignore', 'pipe'], env });
let stderr = '';
server.stderr.on('data', (chunk) => (stderr += chunk));
const exited = new Promise((resolve) => server.once('exit', resolve));
const out = { check: [], oneChange: [], dealNew: [], committed: true };
try {
  const deadline = performance.now() + 120_000;
  while (!cli(['check']).served) {
    if (performance.now() > deadline) throw new Error(`the server never answered:\n${stderr}`);
    await sleep(200);
  }
  for (let i = 0; i < rounds; i++) {
    const check = cli(['check']);
    closeOneDeal(i);
    const synced = cli(['sync']);
    const opened = cli(['deal', 'new', `Bench Served ${i}`, '--segment', segment]);
    if (!check.served || !synced.served || !opened.served) throw new Error(`a timed run was not answered by the server:\n${stderr}`);
    out.check.push(check.ms);
    out.oneChange.push(synced.ms);
    out.dealNew.push(opened.ms);
    out.committed &&= synced.committed && opened.committed;
  }
} finally {
  server.kill('SIGTERM');
  await exited;
}
console.log(JSON.stringify(out));
