import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { runCli, runJson } from './helpers/cli.js';

/*
 * `--help` described every option and no argument: `advance <thread>` did not say a bare id
 * would do, `report <name>` not which names there are, `score [accounts]` not what happens
 * without it. A missing argument said only its name ("missing required argument 'name'"),
 * so an agent had to read the help to retry. Each argument is described, in the help and in
 * the error that says it is missing.
 */

/** Every command of the CLI, groups' commands included. */
function commands(): Command[] {
  const program = buildProgram(async () => undefined);
  return program.commands.flatMap((c) => [c, ...c.commands]).filter((c) => c.name() !== 'help');
}

describe('arguments in the help and in their errors', () => {
  it('describes every argument of every command', () => {
    const bare = commands().flatMap((c) => c.registeredArguments.filter((a) => !a.description).map((a) => `${c.parent?.name() ?? ''} ${c.name()} <${a.name()}>`));
    expect(bare).toEqual([]);
  });

  it('shows them under Arguments in a command\'s help', async () => {
    const help = await runCli(['advance', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\nArguments:\n {2}thread +thread folder relative to the workspace\s/);
  });

  it('names what was expected when an argument is missing, in --json and in the text', async () => {
    const json = await runJson<{ ok: boolean; error: { code: string; message: string; missingArguments: string[] } }>(['report']);
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ ok: false, error: { code: 'invalid-arguments', missingArguments: ['name'] } });
    expect(json.json.error.message).toBe("missing required argument 'name': expected the report: pipeline, winloss, goals, assumptions, forecast or campaigns");
    const text = await runCli(['history']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^error: missing required argument 'subject': expected an assumption id \(A4\), a goal id/);
  });
});
