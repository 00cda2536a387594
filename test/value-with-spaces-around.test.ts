import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * A value pasted from a CRM with a space at its end, in quotes so YAML keeps it: `outcome:
 * "closed-won "` was told "write closed-won as closed-won" — the same text twice — and an
 * email address "expected an email address" with no word of the space. Said now as a date
 * with spaces around it is: what is around it, and the value to write with nothing around it.
 */
describe('a value with spaces around it that is valid without them', () => {
  const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-22', NO_COLOR: '1' };

  it('is told the spaces are what is wrong, for an allowed value, an email address and a segment id', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/harbor-lending/6-learning.md', 'outcome: closed-won', 'outcome: "closed-won "');
    replaceInFile(dir, 'threads/sales/harbor-lending/4-decision.md', 'decision: QUALIFY', 'decision: " QUALIFY"');
    replaceInFile(dir, 'threads/sales/harbor-lending/1-input.md', 'email: marcus.webb@harborlending.com', 'email: "marcus.webb@harborlending.com  "');
    replaceInFile(dir, 'threads/sales/harbor-lending/meta.json', '"segment": "mid-market-fintech"', '"segment": "mid-market-fintech "');

    const checked = await runCli(['check'], { cwd: dir, env });
    expect(checked.code).toBe(1);
    const line = (path: string, field: string): string => checked.stdout.split('\n').find((l) => l.startsWith(`threads/sales/harbor-lending/${path}:`) && l.includes(`Invalid \`${field}\``)) ?? '';
    expect(line('6-learning.md', 'outcome')).toContain('expected one of closed-won, closed-lost, stalled — unexpected space after it: write closed-won with nothing around it (got "closed-won ")');
    expect(line('4-decision.md', 'decision')).toContain('— unexpected space before it: write QUALIFY with nothing around it (got " QUALIFY")');
    expect(line('1-input.md', 'contact.email')).toContain('expected an email address such as name@company.com, or nothing — unexpected spaces after it: write marcus.webb@harborlending.com with nothing around it');
    expect(line('meta.json', 'segment')).toContain('— unexpected space after it: write mid-market-fintech with nothing around it (got "mid-market-fintech ")');
    expect(checked.stdout).not.toMatch(/write (\S+) as \1 /);
  });
});
