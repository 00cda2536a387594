import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { workspace } from './helpers/workspace.js';

// Every deal `deal new` opens starts from the same template, so its 1-input.md and
// meta.json are most of the way the files of the deal opened before it. `git log --follow`
// reads a file added beside a similar one as a copy of it: the trail of a third deal said
// "formerly" the first two and listed their commits as its own, where nothing was renamed.
describe('history of a deal opened beside others', () => {
  it('names no former folder and no other deal\'s commit when the deal was never renamed', async () => {
    const dir = workspace();
    gitInit(dir);
    for (const name of ['Transportes Ibérica', 'Marítima Levante', 'Tránsitos Galicia']) {
      const opened = await runCli(['deal', 'new', name, '--segment', 'mid-market-fintech', '--goal', 'g-first-customers', '--date', '2026-09-07', '--dir', dir]);
      expect(opened.code, opened.stderr).toBe(0);
    }
    type Trail = { subject: string; formerly?: string[]; entries: { subject: string }[] };
    const { code, json } = await runJson<Trail>(['history', 'transitos-galicia', '--dir', dir]);
    expect(code, JSON.stringify(json)).toBe(0);
    expect(json.formerly ?? []).toEqual([]);
    expect(json.entries.map((e) => e.subject)).toEqual(['threadwork: open deal threads/sales/transitos-galicia']);
    const text = await runCli(['history', 'transitos-galicia', '--dir', dir]);
    expect(text.stdout).not.toContain('formerly');
  });

  it('still follows the deal when it is renamed with git mv after deals were opened beside it', async () => {
    const dir = workspace();
    gitInit(dir);
    for (const name of ['Transportes Ibérica', 'Marítima Levante']) {
      expect((await runCli(['deal', 'new', name, '--segment', 'mid-market-fintech', '--date', '2026-09-07', '--dir', dir])).code).toBe(0);
    }
    git(dir, 'mv', 'threads/sales/maritima-levante', 'threads/sales/maritima-levante-sl');
    git(dir, 'commit', '-qm', 'rename maritima');
    const { json } = await runJson<{ formerly?: string[] }>(['history', 'threads/sales/maritima-levante-sl', '--dir', dir]);
    expect(json.formerly).toEqual(['threads/sales/maritima-levante']);
  });
});
