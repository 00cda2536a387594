import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, slowGit } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';

const start = watchStarter();

const KEEL = 'threads/sales/keel-neobank';

/*
 * A thread folder removed and back again between two cycles — `git checkout other && git
 * checkout main` in quick succession, `rm -rf` then `git checkout --` while a cycle
 * commits — was dropped from the watcher's state: the events named its files (their
 * deletions) before the folder's own removal, the files were read back (there again), then
 * the folder's removal took them all out. The cycle committed the goal and metrics without
 * the thread, and every served command answered without it, until the minute's reconcile.
 */
describe('watch: a thread folder removed and restored between two cycles', () => {
  it('keeps the thread: nothing committed without it, the workspace at its fixed point', async () => {
    const dir = exampleWorkspaceCopy();
    const slow = slowGit();
    const w = start(dir, [], { PATH: slow.path });
    await w.ready();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    // A cycle held in its commit: what follows comes in the events of the next one.
    replaceInFile(dir, 'threads/sales/cobalt-remit/2-hypothesis.md', 'tests: [A5, A6]', 'tests: [A5]');
    await waitFor(() => existsSync(slow.entered), 'the cycle to be committing', () => w.describe());
    rmSync(join(dir, KEEL), { recursive: true });
    git(dir, 'checkout', 'HEAD', '--', KEEL);
    rmSync(slow.hold);
    await w.cycle(1);
    // The next cycle reads the folder's events; its line says what it did. A wrong one commits the goal without the thread.
    await waitFor(() => w.cycles().length >= 2 || git(dir, 'status', '--porcelain') === '', 'the events read', () => w.describe());
    const served = await runJson<{ threads: number; served?: unknown }>(['check'], { cwd: dir });
    expect(served.json.served, served.stdout).toBeDefined();
    expect(served.json.threads, w.describe()).toBe(11);
    expect(git(dir, 'log', '--format=%s', `${head}..HEAD`).trim().split('\n'), w.describe()).toEqual(['threadwork: hypothesis threads/sales/cobalt-remit']);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const cold = await runJson<{ written: string[] }>(['sync', '--dry-run'], { cwd: dir, env: { THREADWORK_NO_SERVER: '1' } });
    expect(cold.json.written, cold.stdout).toEqual([]);
  }, 40_000);
});
