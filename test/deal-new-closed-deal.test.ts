import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

/*
 * A customer won in September comes back for more: `deal new "Harbor Lending"` answered
 * "continue it with `threadwork advance threads/sales/harbor-lending`", and advance refuses a
 * closed deal ("nothing to advance to"). The refusal now says the deal is closed, how and
 * when, and gives the --slug that opens the new deal — as it does for two names that make
 * one folder. An open deal is still told to be continued with advance.
 */
describe('deal new for a company whose deal is closed', () => {
  const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-22', NO_COLOR: '1' };
  type Refusal = { ok: false; error: { code: string; message: string; path: string; suggestedSlug?: string } };

  it.each([
    ['the same name', 'Harbor Lending'],
    ['the name on the contract', 'Harbor Lending, Inc.'],
  ])('with %s: says it is closed and gives the --slug of a new deal, never advance', async (_case, company) => {
    const dir = exampleWorkspaceCopy();
    const refused = await runCli(['deal', 'new', company, '--segment', 'mid-market-fintech'], { cwd: dir, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('closed (closed-won on 2026-09-24)');
    expect(refused.stderr).toContain('--slug harbor-lending-2');
    expect(refused.stderr).not.toContain('threadwork advance');

    const json = await runJson<Refusal>(['deal', 'new', company, '--segment', 'mid-market-fintech'], { cwd: dir, env });
    expect(json.json.error).toMatchObject({ code: 'thread-exists', path: 'threads/sales/harbor-lending', suggestedSlug: 'harbor-lending-2' });

    const opened = await runCli(['deal', 'new', company, '--segment', 'mid-market-fintech', '--slug', 'harbor-lending-2'], { cwd: dir, env });
    expect(opened.code, opened.stderr).toBe(0);
  });

  it('an open deal is still continued with advance', async () => {
    const dir = exampleWorkspaceCopy();
    const refused = await runCli(['deal', 'new', 'Cobalt Remit', '--segment', 'mid-market-fintech'], { cwd: dir, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('continue it with `threadwork advance threads/sales/cobalt-remit`');
  });
});
