import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';

/**
 * A new user asks for the version as other tools spell it — `threadwork -v`,
 * `threadwork -version`, `threadwork version` — and was told only "unknown option '-v'" or
 * "unknown command 'version'": commander's spelling check looks at long options and command
 * names, and none is near. Each is now answered with the option that prints it.
 */
describe('the version asked for as other tools spell it', () => {
  it.each([['-v'], ['-version'], ['version']])('`threadwork %s` names --version', async (slip) => {
    const out = await runCli([slip]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(new RegExp(`^error: unknown (option|command) '${slip}'\\n\\(Did you mean --version\\?\\)\\n`));
    const json = await runJson<{ error: { message: string } }>([slip]);
    expect(json.json.error.message).toMatch(/\(did you mean --version\?\)$/);
  });

  it('--version prints the version alone', async () => {
    const out = await runCli(['--version']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

/**
 * An unknown option of the program itself (`threadwork --hlep`) printed the error, the near
 * option, then the program's whole help — ~60 lines that pushed both off the screen, as an
 * unknown command's did before it was answered in a line. It is answered the same way now; a
 * command's unknown option still shows that command's few options.
 */
describe('an unknown option of the program', () => {
  it('is answered in three lines: the error, the near option, where the help is', async () => {
    const out = await runCli(['--hlep']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe("error: unknown option '--hlep'\n(Did you mean --help?)\nRun `threadwork --help` for its options and commands.\n");
    const ofCommand = await runCli(['sync', '--dry-rn']);
    expect(ofCommand.stderr).toMatch(/^error: unknown option '--dry-rn'\n\(Did you mean --dry-run\?\)\n\nUsage: threadwork sync \[options\]/);
  });
});

