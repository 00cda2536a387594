import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md, testdir } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/** Every command's --json output is exactly one JSON document on stdout, success or failure. */
describe('--json', () => {
  const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound') });
  gitInit(dir);
  const accounts = testdir({ 'a.csv': 'name,employees\nAcme,300\n' });

  it.each([
    ['check', ['check']],
    ['deal new', ['deal', 'new', 'Globex', '-s', 'mid-market-fintech']],
    ['campaign new', ['campaign', 'new', 'Spring', '-s', 'mid-market-fintech', '--date', '2027-03-01']],
    ['advance (incomplete)', ['advance', 'acme']],
    ['sync --dry-run', ['sync', '--dry-run']],
    ['sync', ['sync']],
    ['report pipeline', ['report', 'pipeline']],
    ['report goals', ['report', 'goals']],
    ['report assumptions', ['report', 'assumptions']],
    ['history', ['history', 'A1']],
    ['score', ['score', `${accounts}/a.csv`, '-s', 'mid-market-fintech']],
    ['schemas', ['schemas', '--out', `${accounts}/schemas`]],
    ['an unknown thread', ['advance', 'nope']],
    ['an unknown report', ['report', 'nope']],
  ])('%s', async (_name, args) => {
    const result = await runCli([...args, '--json', '--dir', dir]);
    expect(() => JSON.parse(result.stdout), result.stdout).not.toThrow();
    const json = JSON.parse(result.stdout) as { ok?: boolean; error?: { code: string; message: string } };
    if (result.code !== 0) expect(json).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  });
});

/**
 * `deal new` with neither a company nor `--segment` reported only the missing `--segment`:
 * fixing it then met the missing company. Every missing argument and required option is
 * named in one error, in JSON and in text.
 */
describe('a command missing several required inputs', () => {
  const dir = workspace();

  it('deal new --json names the missing company and the missing --segment together', async () => {
    const result = await runCli(['deal', 'new', '--json', '--dir', dir]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; message: string; missingArguments: string[] } };
    expect(json.ok).toBe(false);
    expect(json.error.code).toBe('invalid-arguments');
    expect(json.error.message).toMatch(/^missing required argument 'company' and required option '-s, --segment <segment>': `deal new` needs a segment/);
    expect(json.error.missingArguments).toEqual(['company', '--segment']);
  });

  it('deal new without --json says the same on stderr', async () => {
    const result = await runCli(['deal', 'new', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: missing required argument 'company' and required option '-s, --segment <segment>'");
  });

  it('one missing input is reported as before', async () => {
    const result = await runCli(['deal', 'new', 'Globex', '--json', '--dir', dir]);
    expect((JSON.parse(result.stdout) as { error: { message: string } }).error.message).toMatch(/^required option '-s, --segment <segment>' not specified: /);
  });
});

/**
 * `sync --dryrun --json` answered "unknown option '--dryrun'\n(Did you mean --dry-run?) (a
 * value that starts with - goes after --, e.g. `threadwork deal new -- -rf --segment x`)":
 * the hint for a name that starts with a dash, on a misspelt option commander had already
 * named. The hint is kept for an option nothing is near (a company named `-rf`).
 */
describe('an unknown option under --json', () => {
  const dir = workspace();

  it('a misspelt option names the one meant, on one line, without the hint about values that start with -', async () => {
    const result = await runCli(['sync', '--dryrun', '--json', '--dir', dir]);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { error: { message: string } }).error.message).toBe("unknown option '--dryrun' (did you mean --dry-run?)");
  });

  it('an option nothing is near keeps the hint, for a value that starts with -', async () => {
    const result = await runCli(['deal', 'new', '-rf', '--segment', 'mid-market-fintech', '--json', '--dir', dir]);
    expect((JSON.parse(result.stdout) as { error: { message: string } }).error.message).toBe("unknown option '-rf' (a value that starts with - goes after --, e.g. `threadwork deal new -- -rf --segment x`)");
  });
});
