import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

type SyncJson = { uncommitted: string[] | null };

/**
 * `init . --no-git`, then `git init` (the workspace put in a repository, nothing committed
 * yet): every source differs from HEAD, and git says so. sync answered "✓ in sync" with
 * `uncommitted: null`, as if git could not say, and nothing told the person that not one
 * file of the workspace was committed.
 */
describe('a workspace in a repository with no commit yet', () => {
  it('sync names its sources as not committed, as in any repository', async () => {
    const dir = testdir();
    expect((await runCli(['init', '.', '--no-git'], { cwd: dir })).code).toBe(0);
    gitInit(dir, { commit: false });
    const sync = await runJson<SyncJson>(['sync', '--dir', dir]);
    expect(sync.code).toBe(0);
    expect(sync.json.uncommitted).toEqual(expect.arrayContaining(['strategy/canvas/04-segments.md', 'goals/g-first-customers.md']));
    const text = await runCli(['sync', '--dir', dir]);
    expect(text.stdout).toMatch(/⚠ \d+ source files differ from HEAD and are not committed/);
  }, 30_000);
});
