import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

/**
 * A new user's first hour in the repository of a project they already have, as the README
 * says it (Quick start): `init gtm` in a monorepo whose owner has work staged (`git add
 * src/app.js`), an edit not staged and a file git does not track; then the segments filled
 * in, a deal opened, a sync, the history. Every commit holds files of the workspace alone;
 * the person's staged work is still staged, the rest as it was. Pinned here, end to end:
 * each part was true, checked by hand, with no test holding them together.
 */
describe('the first hour in an existing repository with work in progress', () => {
  // End to end through the real CLI, four or five processes a test: two overran 30 s at load ~20.
  it('init, deal new, sync and history commit only inside the workspace and leave the staged work staged', { timeout: 120_000 }, async () => {
    const repo = testdir({ 'src/app.js': 'console.log(1);\n', 'README.md': '# Our product\n' });
    gitInit(repo);
    writeFileSync(join(repo, 'src/app.js'), 'console.log(2);\n');
    git(repo, 'add', 'src/app.js');
    writeFileSync(join(repo, 'README.md'), '# Our product\n\nWork in progress.\n');
    writeFileSync(join(repo, 'notes.txt'), 'mine\n');
    const before = git(repo, 'status', '--porcelain');
    const base = git(repo, 'rev-parse', 'HEAD').trim();

    const init = await runCli(['init', 'gtm', '--company', 'Café Zürich AG'], { cwd: repo });
    expect(init.code, init.stderr).toBe(0);
    const ws = join(repo, 'gtm');
    const segments = join(ws, 'strategy/canvas/04-segments.md');
    writeFileSync(segments, readFileSync(segments, 'utf8').replace('segments: []\n', 'segments:\n  - id: smb\n    name: Kleine Unternehmen\n'));
    const deal = await runCli(['deal', 'new', 'Café Müller GmbH', '--segment', 'smb', '--goal', 'g-first-customers'], { cwd: ws });
    expect(deal.code, deal.stderr).toBe(0);
    expect(deal.stdout).toContain('threads/sales/cafe-mueller-gmbh/1-input.md');
    const sync = await runJson<{ written: string[]; commit: unknown }>(['sync'], { cwd: ws });
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.json.written).toEqual([]);

    // Every commit since holds paths of the workspace only.
    const touched = git(repo, 'log', '--format=', '--name-only', `${base}..HEAD`).trim().split('\n').filter(Boolean);
    expect(touched.length).toBeGreaterThan(0);
    expect(touched.filter((path) => !path.startsWith('gtm/'))).toEqual([]);
    // The person's work: as it was — staged, unstaged, untracked.
    expect(git(repo, 'status', '--porcelain').split('\n').filter((line) => !line.includes('gtm/')).join('\n')).toBe(before);
    expect(git(repo, 'diff', '--cached', '--name-only').trim()).toBe('src/app.js');
    expect(git(repo, 'status', '--porcelain', '--', 'gtm')).toBe('');

    const history = await runCli(['history', 'threads/sales/cafe-mueller-gmbh'], { cwd: ws });
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout).toMatch(/threadwork: open deal threads\/sales\/cafe-mueller-gmbh/);
    expect(git(repo, 'log', '-1', '--format=%s').trim()).toBe('threadwork: open deal threads/sales/cafe-mueller-gmbh');
  });

  it('leaves out of its commits what the repository\'s .gitignore ignores, says so, and stays a fixed point', { timeout: 120_000 }, async () => {
    // `artifacts/` ignored for the project's build output: threadwork's generated materials
    // there used to be force-committed, where `git add` would have refused them.
    const repo = testdir({ '.gitignore': 'artifacts/\n', 'src/app.js': 'console.log(1);\n' });
    gitInit(repo);
    const init = await runJson<{ commit: { committed: boolean; paths?: string[]; ignored?: string[] } }>(['init', 'gtm'], { cwd: repo });
    expect(init.code, init.stderr).toBe(0);
    expect(init.json.commit).toMatchObject({ committed: true, ignored: ['artifacts/sales/.gitkeep'] });
    const ws = join(repo, 'gtm');
    const segments = join(ws, 'strategy/canvas/04-segments.md');
    writeFileSync(segments, readFileSync(segments, 'utf8').replace('segments: []\n', 'segments:\n  - id: smb\n    name: Small firms\n'));
    expect((await runCli(['sync'], { cwd: ws })).code).toBe(0);

    const strategy = await runCli(['strategy'], { cwd: ws });
    expect(strategy.code, strategy.stderr).toBe(0);
    expect(strategy.stdout).toMatch(/warning: left out of the commit, as git ignores them \(\.gitignore\): artifacts\/sales\/smb\/.* — written to disk; `git add -f` them/);
    expect(readFileSync(join(ws, 'artifacts/sales/smb/materials/one-pager.md'), 'utf8')).not.toBe('');
    expect(git(repo, 'ls-files', '--', 'gtm/artifacts')).toBe('');
    expect(git(repo, 'ls-files', '--', 'gtm/research/customer/icp')).toContain('smb-icp.yaml');
    expect(git(repo, 'status', '--porcelain')).toBe('');

    // Written and not committed is where the files stay: a sync after finds nothing to write or commit.
    const sync = await runJson<{ written: string[]; commit: unknown; uncommitted: string[] | null }>(['sync'], { cwd: ws });
    expect(sync.json).toMatchObject({ written: [], commit: null, uncommitted: [] });
  });

  it('says so when the .gitignore leaves out the whole workspace, from init on: nothing is committed', async () => {
    const repo = testdir({ '.gitignore': 'gtm/\n' });
    gitInit(repo);
    const init = await runCli(['init', 'gtm'], { cwd: repo });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toMatch(/^not committed: git ignores them \(\.gitignore\): README\.md, artifacts\/sales\/\.gitkeep, goals\/g-first-customers\.md and 21 more — written to disk; `git add -f` them/m);
    expect(git(repo, 'log', '--format=%s')).toBe('initial\n');
  });
});
