import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { workspace } from './helpers/workspace.js';

type HistoryJson = { subject: string; entries: unknown[]; repository?: boolean };

/**
 * Outside a git repository there is no audit trail: `history A1` says so in text, but its
 * --json was `{entries: []}`, the answer for an assumption nothing has moved yet — an agent
 * could not tell "no changes" from "no history kept". `repository` says which.
 */
describe('history outside a git repository', () => {
  it('says in --json that there is no repository, as its text does', async () => {
    const dir = workspace();
    const outside = await runJson<HistoryJson>(['history', 'A1', '--dir', dir]);
    expect(outside.code).toBe(0);
    expect(outside.json).toMatchObject({ subject: 'A1', entries: [], repository: false });
    expect((await runCli(['history', 'A1', '--dir', dir])).stdout).toMatch(/not in a git repository/);
    gitInit(dir);
    const inside = await runJson<HistoryJson>(['history', 'A1', '--dir', dir]);
    expect(inside.json).toMatchObject({ subject: 'A1', entries: [], repository: true });
  }, 30_000);
});
