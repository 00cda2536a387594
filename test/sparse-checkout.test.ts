import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

const head = (dir: string): string => git(dir, 'rev-parse', 'HEAD').trim();
const status = (dir: string): string => git(dir, 'status', '--porcelain');

/**
 * `git sparse-checkout` takes files out of the work tree while HEAD keeps them. The engine
 * read the threads left out as gone: a sync committed every assumption at n=0 and the
 * goals at 0 won, exit 0.
 */
describe('a workspace git checks out only in part', () => {
  it('is refused for writing, naming what is missing and the folder to add back; nothing is written or committed', async () => {
    const dir = exampleWorkspaceCopy();
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    const before = head(dir);
    git(dir, 'sparse-checkout', 'set', '--cone', 'strategy', 'goals', 'research', 'artifacts');
    expect(existsSync(join(dir, 'threads'))).toBe(false);
    const sync = await runJson<{ ok: boolean; error: { code: string; message: string; paths: string[]; count: number; include: string[] } }>(['sync', '--json', '--dir', dir]);
    expect(sync.code).toBe(1);
    expect(sync.json.error.code).toBe('sparse-checkout');
    expect(sync.json.error.include).toEqual(['threads']);
    expect(sync.json.error.paths).toContain('threads/sales/northwind-payments/6-learning.md');
    expect(sync.json.error.count).toBe(sync.json.error.paths.length);
    expect(sync.json.error.message).toMatch(/outside git's sparse checkout .*nothing was written.*`git sparse-checkout add threads`/s);
    expect(head(dir)).toBe(before);
    expect(status(dir)).toBe('');
    // check reads what is there and says what it did not see.
    const check = await runJson<{ outsideCheckout?: { count: number; include: string[] } }>(['check', '--json', '--dir', dir]);
    expect(check.json.outsideCheckout).toEqual({ count: sync.json.error.count, include: ['threads'] });
    expect((await runCli(['check', '--dir', dir])).stdout).toMatch(/note: \d+ workspace files are outside git's sparse checkout: this check covers only what is checked out \(`git sparse-checkout add threads` brings them back\)/);
    const deal = await runCli(['deal', 'new', 'Acme Ledger', '--segment', 'mid-market-fintech', '--dir', dir]);
    expect(deal.code).toBe(1);
    expect(deal.stderr).toMatch(/sparse checkout/);
    expect(head(dir)).toBe(before);
  });

  it('syncs as before once the workspace is whole again: nothing to write, nothing to commit', async () => {
    const dir = exampleWorkspaceCopy();
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    const before = head(dir);
    git(dir, 'sparse-checkout', 'set', '--cone', 'strategy', 'goals');
    expect((await runCli(['sync', '--dir', dir])).code).toBe(1);
    git(dir, 'sparse-checkout', 'disable');
    const again = await runCli(['sync', '--dir', dir]);
    expect(again.code).toBe(0);
    expect((await runJson<{ outsideCheckout?: unknown }>(['check', '--json', '--dir', dir])).json).not.toHaveProperty('outsideCheckout');
    expect(again.stdout).toMatch(/nothing to write/);
    expect(head(dir)).toBe(before);
  });

  it('does not mind what the sparse checkout leaves out beside the workspace', async () => {
    const top = testdir();
    const example = exampleWorkspaceCopy();
    const dir = join(top, 'gtm');
    mkdirSync(dir);
    for (const entry of ['threadwork.config.yaml', 'strategy', 'research', 'artifacts', 'threads', 'goals']) if (existsSync(join(example, entry))) cpSync(join(example, entry), join(dir, entry), { recursive: true });
    mkdirSync(join(top, 'engineering'));
    writeFileSync(join(top, 'engineering', 'notes.md'), 'not the workspace\n');
    gitInit(top);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    git(top, 'sparse-checkout', 'set', '--cone', 'gtm');
    expect(existsSync(join(top, 'engineering'))).toBe(false);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/nothing to write/);
  });
});
