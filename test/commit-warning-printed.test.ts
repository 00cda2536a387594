import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

/**
 * A commit made on a detached HEAD is left behind by the next `git switch`: `sync` and
 * `watch` said so under their commit line, but `deal new`, `advance`, `init` and the other
 * write commands printed only `committed 56060244c3 (3 paths)` — the warning was in their
 * JSON alone, and a person who switched back to their branch lost the deal they had opened.
 */
describe('the warning a commit was made with, printed by every write command', () => {
  it('deal new on a detached HEAD says so under its commit line', async () => {
    const dir = workspace();
    gitInit(dir);
    git(dir, 'checkout', '-q', '--detach');
    const out = await runCli(['deal', 'new', 'Acme', '--segment', 'mid-market-fintech', '--goal', 'g-first-customers'], { cwd: dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^committed [0-9a-f]{10} \(\d+ paths\)\nwarning: HEAD is detached \(not on a branch\): committed on top of [0-9a-f]{10}; `git switch -c <branch>` keeps it$/m);
  });

  it('init in a repository on a detached HEAD says so under its commit line', async () => {
    const dir = testdir({ 'app/index.js': 'console.log(1);\n' });
    gitInit(dir);
    git(dir, 'checkout', '-q', '--detach');
    const out = await runCli(['init', 'gtm', '--company', 'Acme'], { cwd: dir });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^committed [0-9a-f]{10} \(\d+ paths\)\nwarning: HEAD is detached \(not on a branch\)/m);
  });
});
