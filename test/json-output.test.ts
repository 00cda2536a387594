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
