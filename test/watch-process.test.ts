import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo, wonArr } from './helpers/won-deal.js';

const start = watchStarter();


/* `threadwork watch` as a process: one per repository, its signals, a closed pipe, a kill mid-cycle. Its cycles and commits are in watch.test.ts, its printed lines in watch-printed.test.ts. */
describe('threadwork watch: the process', () => {
  it('refuses a second watcher on the same workspace and names the first', async () => {
    const dir = await repo();
    const first = start(dir);
    await first.ready();
    const second = await runCli(['watch', '--dir', dir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`pid ${first.pid}`);
  });

  it('refusing a watcher in another worktree of the repository, names the worktree the running one watches', async () => {
    const dir = await repo();
    const linked = join(testdir(), 'linked');
    git(dir, 'worktree', 'add', '-q', linked, '-b', 'linked');
    const first = start(dir);
    await first.ready();
    const second = await runCli(['watch', '--dir', linked]);
    expect(second.code).toBe(1);
    // Not "this workspace": the one running watches the other worktree, and the rule is one per repository.
    expect(second.stderr).toContain(`pid ${first.pid}`);
    expect(second.stderr).toContain(dir);
    expect(second.stderr).not.toMatch(/on this workspace/);
  });

  it('exits 0 on SIGTERM and on SIGINT', async () => {
    const dir = await repo();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const w = start(dir);
      await w.ready();
      w.signal(signal);
      expect(await w.exit()).toBe(0);
      expect(w.lines.at(-1)).toMatchObject({ event: 'stopped', signal });
    }
  });

  it('stops as on Ctrl-C when its terminal closes (SIGHUP): the last save synced, no pid file or socket left', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await w.cycle(1);
    w.signal('SIGHUP');
    expect(await w.exit(), w.describe()).toBe(0);
    expect(w.lines.at(-1)).toMatchObject({ event: 'stopped', signal: 'SIGHUP' });
    expect(wonArr(dir)).toBe('48,000');
    expect(existsSync(join(dir, '.git/threadwork-watch.pid'))).toBe(false);
    expect(readdirSync(join(dir, '.git/threadwork-serve'))).toEqual([]);
    // The next watcher starts at once: nothing claims the workspace.
    const next = start(dir);
    await next.ready();
  });

  it('stops cleanly when nobody reads its lines any more (watch --json | head -1): the save synced, no crash, nothing left', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    // Its last line before any save (git's answer, after ready): the next one is the save's.
    await waitFor(() => w.lines.some((l) => l.event === 'uncommitted'), 'the uncommitted line', () => w.describe());
    w.closeOutput();
    // The save's line is written into the closed pipe: the watcher stops, the save synced first.
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    expect(await w.exit(), w.describe()).toBe(0);
    expect(w.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(wonArr(dir)).toBe('48,000');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(dir, '.git/threadwork-watch.pid'))).toBe(false);
    expect(readdirSync(join(dir, '.git/threadwork-serve'))).toEqual([]);
  });

  it('after SIGKILL mid-cycle, the next start takes over and reaches the same fixed point', async () => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await new Promise((resolve) => setTimeout(resolve, 170)); // just after the debounce: the cycle is under way
    await w.kill();
    const next = start(dir);
    await waitFor(() => next.lines.some((l) => l.event === 'ready'), 'the restarted watcher', () => next.describe(), 25_000);
    expect(wonArr(dir)).toBe('48,000');
    const dry = await runJson<{ written: string[] }>(['sync', '--dry-run', '--dir', dir]);
    expect(dry.json.written).toEqual([]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
