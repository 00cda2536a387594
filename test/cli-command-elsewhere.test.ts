import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';

/**
 * A new user who has just run `threadwork deal new` moves the deal on with `threadwork deal
 * advance`, or opens one with `threadwork new "Acme"`: both commands exist, one level up or
 * down, and commander's spelling check (which looks among the group's own commands) said only
 * "unknown command 'advance'". The error now names the command meant, with its arguments.
 */
describe('a command typed under the wrong group', () => {
  it.each([
    ['deal advance acme', "error: unknown command 'advance'\n(Did you mean `threadwork advance <thread>`?)\n"],
    ['campaign due', "error: unknown command 'due'\n(Did you mean `threadwork due`?)\n"],
    ['new Acme', "error: unknown command 'new'\n(Did you mean `threadwork deal new <company>` or `threadwork campaign new <name>`?)\n"],
  ])('`threadwork %s` names the command meant', async (typed, said) => {
    const args = typed.split(' ');
    const out = await runCli(args);
    expect(out.code).toBe(1);
    expect(out.stderr.startsWith(said), out.stderr).toBe(true);
    const json = await runJson<{ ok: boolean; error: { code: string; message: string } }>(args);
    expect(json.json).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(json.json.error.message).toContain('did you mean `threadwork');
  });

  it('a slip of the group\'s own command is still answered by commander\'s check', async () => {
    const out = await runCli(['deal', 'nwe']);
    expect(out.stderr).toMatch(/^error: unknown command 'nwe'\n\(Did you mean new\?\)/);
  });
});
