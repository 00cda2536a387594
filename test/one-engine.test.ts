import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { treeHashes } from './reliability/support.js';

/**
 * One write transaction: a CLI command and the MCP tool doing the same thing leave the
 * same files and the same history — the same commits, with the same messages and trees.
 */
const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();

/** Every file of the workspace (not .git) with its hash: what a user would see on disk. */
const files = (dir: string): Record<string, string> => Object.fromEntries(treeHashes(dir));

/** Each commit after the example's first: its message and its tree. */
function history(dir: string): { message: string; tree: string }[] {
  return git(dir, 'log', '--reverse', '--format=%T', 'HEAD~' + (Number(git(dir, 'rev-list', '--count', 'HEAD')) - 1) + '..HEAD')
    .split('\n')
    .filter(Boolean)
    .map((tree, i, all) => ({ tree, message: git(dir, 'log', '-1', '--format=%B', `HEAD~${all.length - 1 - i}`) }));
}

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const DATE = '2026-11-20';

describe('one write transaction', () => {
  it('leaves the same files and the same history whether the CLI or the MCP server does the work', { timeout: 120_000 }, async () => {
    const viaCli = exampleWorkspaceCopy();
    const viaMcp = exampleWorkspaceCopy();
    const cli = async (...args: string[]): Promise<void> => {
      const result = await runJson([...args, '--dir', viaCli], { env: { ...gitEnv(), THREADWORK_TODAY: DATE } });
      expect(result.code, result.stdout + result.stderr).toBe(0);
    };
    await cli('deal', 'new', 'Fjord Payments', '--segment', 'mid-market-fintech', '--date', DATE, '--contact', 'Ingrid Solberg', '--signal', 'Asked for a demo');
    await cli('campaign', 'new', 'Year end', '--segment', 'mid-market-fintech', '--date', DATE);
    await cli('campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', 'Please remove me from your list', '--date', DATE);
    await cli('sync');

    const mcp = await connectMcp(viaMcp);
    await mcp.ok('create_deal', { company: 'Fjord Payments', segment: 'mid-market-fintech', date: DATE, contact_name: 'Ingrid Solberg', signal: 'Asked for a demo' });
    await mcp.ok('create_campaign', { name: 'Year end', segment: 'mid-market-fintech', date: DATE });
    await mcp.ok('record_reply', { campaign: CAMPAIGN, email: 'ravi.shah@meridianpay.com', text: 'Please remove me from your list', date: DATE });
    await mcp.ok('sync');

    expect(files(viaMcp)).toEqual(files(viaCli));
    const cliHistory = history(viaCli);
    expect(cliHistory.map((c) => c.message.split('\n')[0])).toEqual([
      'threadwork: open deal threads/sales/fjord-payments',
      'threadwork: open campaign threads/sales/campaigns/2026-11-20-year-end',
      `threadwork: reply from ravi.shah@meridianpay.com (unsubscribe) to ${CAMPAIGN}`,
    ]);
    expect(history(viaMcp)).toEqual(cliHistory);
    // Each write's commit holds its own files with what they changed, and nothing is left behind.
    expect(git(viaCli, 'status', '--porcelain')).toBe('');
    expect(git(viaMcp, 'status', '--porcelain')).toBe('');
  });
});
