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
