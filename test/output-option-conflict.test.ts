import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

interface Refusal {
  ok: false;
  error: { code: string; message: string; commander?: string };
}

/**
 * `report pipeline --md --json` printed the JSON report: --md was dropped without a word,
 * and a script that asked for Markdown got JSON (or the reverse for someone who wanted
 * data). The two say how to print the one result and cannot both hold: the command line
 * is refused as a usage error (exit 1, commander.conflictingOption), in either order, on
 * every command that offers --md.
 */
describe('--md with --json', () => {
  it.each([
    ['report, --md first', ['report', 'pipeline', '--md', '--json']],
    ['report, --json first', ['--json', 'report', 'goals', '--md']],
    ['score', ['score', 'research/customer/lists/fintech-accounts-2026-11.csv', '--segment', 'mid-market-fintech', '--json', '--md']],
    ['score --contacts', ['score', '--contacts', 'research/customer/lists/fintech-contacts-2026-11.csv', '-s', 'mid-market-fintech', '--md', '--json']],
  ])('%s is refused as a usage error naming both options', async (_what, args) => {
    const dir = exampleWorkspaceCopy();
    const out = await runCli(args, { cwd: dir });
    expect(out.code).toBe(1);
    const json = JSON.parse(out.stdout) as Refusal;
    expect(json.ok).toBe(false);
    expect(json.error).toMatchObject({
      code: 'invalid-arguments',
      commander: 'commander.conflictingOption',
      message: "option '--md' cannot be used with option '--json': --md prints Markdown, --json prints one JSON document; give one of them",
    });
  });

  it('each alone still prints its format', async () => {
    const dir = exampleWorkspaceCopy();
    const md = await runCli(['report', 'pipeline', '--md'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^#/);
    const json = await runCli(['report', 'pipeline', '--json'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ report: 'pipeline' });
  });
});

/*
 * `deal new Acme --segment a --segment b` opened the deal in segment b without a word: an
 * agent that repeated an option never learnt that one value was dropped (fourth review).
 */
describe('an option of one value given twice', () => {
  it('with two values is refused as a usage error naming both, nothing written', async () => {
    const dir = exampleWorkspaceCopy();
    const out = await runCli(['deal', 'new', 'Twice Co', '--segment', 'mid-market-fintech', '--segment', 'ecommerce-finance', '--json'], { cwd: dir });
    expect(out.code).toBe(1);
    expect((JSON.parse(out.stdout) as Refusal).error).toEqual({
      code: 'invalid-arguments',
      commander: 'commander.repeatedOption',
      message: "option '-s, --segment <segment>' given twice ('mid-market-fintech', then 'ecommerce-finance'): give it once",
    });
    expect(existsSync(join(dir, 'threads/sales/twice-co'))).toBe(false);
  });

  it('with the same value twice is taken, and an option of the program given twice is refused alike', async () => {
    const dir = exampleWorkspaceCopy();
    const same = await runCli(['deal', 'new', 'Twice Co', '-s', 'mid-market-fintech', '--segment', 'mid-market-fintech', '--json'], { cwd: dir });
    expect(same.code, same.stdout).toBe(0);
    expect(existsSync(join(dir, 'threads/sales/twice-co/meta.json'))).toBe(true);
    const dirs = await runCli(['check', '--dir', dir, '--dir', '/tmp', '--json'], { cwd: dir });
    expect(dirs.code).toBe(1);
    expect((JSON.parse(dirs.stdout) as Refusal).error).toMatchObject({ commander: 'commander.repeatedOption' });
  });
});
