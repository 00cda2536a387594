import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';

type JsonError = { ok: boolean; error: { code: string; message: string; commander?: string } };

/**
 * `threadwork help deal new` showed the help of `deal`: commander's `help` command reads
 * one name and drops the rest. Every name after `help` is followed down the command
 * groups, for every group, and a name no command has is an unknown command (exit 1).
 */
describe('help <group> <command>', () => {
  it.each([
    [['help', 'deal', 'new'], 'Usage: threadwork deal new [options] <company>', '--segment <segment>'],
    [['help', 'campaign', 'draft'], 'Usage: threadwork campaign draft [options] <campaign>', '--force'],
    [['help', 'campaign', 'reply'], 'Usage: threadwork campaign reply [options] <campaign> <email>', '--text <text>'],
    [['help', 'skills', 'install'], 'Usage: threadwork skills install [options]', 'overwrite skills edited by hand'],
    [['deal', 'help', 'new'], 'Usage: threadwork deal new [options] <company>', '--segment <segment>'],
    [['help', 'deal'], 'Usage: threadwork deal [options] [command]', 'open a deal thread'],
  ])('%j shows that command\'s help', async (args, usage, detail) => {
    const out = await runCli(args);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.split('\n')[0]).toBe(usage);
    expect(out.stdout).toContain(detail);
  });

  it.each([
    [['help', 'deal', 'nwe'], /^error: unknown command 'nwe'\n\(Did you mean new\?\)/, 'Usage: threadwork deal [options] [command]'],
    [['help', 'campaign', 'nope'], /^error: unknown command 'nope'/, 'Usage: threadwork campaign [options] [command]'],
    [['help', 'dael', 'new'], /^error: unknown command 'dael'\n\(Did you mean deal\?\)/, 'Usage: threadwork [options] [command]'],
    [['help', 'sync', 'now'], /^error: `threadwork sync` has no commands, so 'now' is none: for its help, run `threadwork help sync`/, 'Usage: threadwork sync [options]'],
  ])('%j is an error naming what is unknown', async (args, message, usage) => {
    const out = await runCli(args);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toContain(usage);
  });

  it('with --json, an unknown name is one JSON error', async () => {
    const out = await runJson<JsonError>(['help', 'deal', 'nwe']);
    expect(out.code).toBe(1);
    expect(out.json.error).toMatchObject({ code: 'invalid-arguments', commander: 'commander.unknownCommand' });
    expect(out.json.error.message).toMatch(/unknown command 'nwe' \(did you mean new\?\)/);
  });
});
