import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { workspace } from './helpers/workspace.js';

type JsonError = { ok: boolean; error: { code: string; message: string; commander?: string } };

/**
 * `deal new Zeta Co` — a company name with a space, unquoted — said "too many arguments for
 * 'new'. Expected 1 argument but got 2." and no more: the shell had split the name. The error
 * names what the command takes, what it was given, and the command with the words quoted as
 * one argument; nothing is written.
 */
describe('more arguments than a command takes', () => {
  it('names what it takes and the command with the extra words quoted as its last argument', async () => {
    const dir = workspace();
    const text = await runCli(['deal', 'new', 'Zeta', 'Co', '--segment', 'mid-market-fintech', '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stderr.split('\n')[0]).toBe("error: too many arguments: `threadwork deal new` takes <company>, given 2 (Zeta, Co). A name with spaces is one argument in quotes: threadwork deal new 'Zeta Co'");
    expect(existsSync(join(dir, 'threads/sales/zeta'))).toBe(false);

    const json = await runJson<JsonError>(['campaign', 'reply', 'spring', 'ada@example.com', 'extra', '--text', 'Thanks', '--dir', dir]);
    expect(json.code).toBe(1);
    expect(json.json.error).toMatchObject({ code: 'invalid-arguments', commander: 'commander.excessArguments' });
    expect(json.json.error.message).toBe("too many arguments: `threadwork campaign reply` takes <campaign> <email>, given 3 (spring, ada@example.com, extra). Run `threadwork campaign reply --help` for its usage.");
    const campaign = await runJson<JsonError>(['campaign', 'new', 'Spring', 'outbound', '--segment', 'mid-market-fintech', '--dir', dir]);
    expect(campaign.json.error.message).toMatch(/ threadwork campaign new 'Spring outbound'$/);
  }, 30_000);

  // `check ../my-gtm` said "Expected 0 arguments but got 1": a folder given to a command that works on a workspace is --dir's.
  it('to a command that takes none, names the one word given as the folder for --dir', async () => {
    const dir = workspace();
    const json = await runJson<JsonError>(['check', dir]);
    expect(json.code).toBe(1);
    expect(json.json.error.message).toBe(`too many arguments: \`threadwork check\` takes no arguments, given 1 (${dir}). For the workspace in that folder: threadwork check --dir ${dir}`);
    const two = await runCli(['sync', 'a', 'b', '--dir', dir]);
    expect(two.stderr.split('\n')[0]).toBe('error: too many arguments: `threadwork sync` takes no arguments, given 2 (a, b). Run `threadwork sync --help` for its usage.');
  }, 30_000);
});
