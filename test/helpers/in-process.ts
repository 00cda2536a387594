import { vi } from 'vitest';
import { withOk } from '../../src/answer-ok.js';
import { ThreadworkError } from '../../src/errors.js';

export interface InProcessAnswer<T> {
  code: 0 | 1;
  json: T;
}

/**
 * What `threadwork … --json` prints and exits with, from the API call the command makes
 * but without a process: the call's result as JSON and exit 0, or a ThreadworkError as
 * `{ ok: false, error: { code, message, ...details } }` and exit 1 — exactly what
 * src/cli/main.ts (reportError) makes of them, `ok` first on a success as main.ts prints
 * it. Anything else is a bug and is thrown.
 *
 * Why: a CLI process costs about a second on a loaded two-core machine, and most tests
 * of a refusal are about the workspace's answer, not the process. A file using this keeps
 * a real `runJson`/`runCli` for each CLI behaviour it checks.
 */
export async function asCliJson<T = Record<string, unknown>>(call: () => Promise<unknown>, succeeded: () => boolean = () => true): Promise<InProcessAnswer<T>> {
  try {
    const result = await call();
    return { code: 0, json: JSON.parse(JSON.stringify(withOk(result, succeeded()))) as T };
  } catch (error) {
    if (!(error instanceof ThreadworkError)) throw error;
    return { code: 1, json: JSON.parse(JSON.stringify({ ok: false, error: { code: error.code, message: error.message, ...error.details } })) as T };
  }
}

/**
 * A CLI command's own function (src/cli/commands/*), run without a process: what
 * `threadwork … --json` prints and its exit code. Everything the CLI does but read argv
 * and print; an error is answered as asCliJson answers it.
 */
export async function commandJson<T = Record<string, unknown>>(command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>): Promise<InProcessAnswer<T>> {
  let exitCode: 0 | 1 = 0;
  const answer = await asCliJson<T>(async () => {
    const outcome = await command();
    exitCode = outcome.exitCode;
    return outcome.json;
  }, () => exitCode === 0);
  return answer.code === 1 ? answer : { code: exitCode, json: answer.json };
}

/**
 * commandJson with git configured as the CLI runs in these tests (gitEnv: no user or
 * system config), plus `env`: stubbed for the test, so the file needs
 * `afterEach(() => vi.unstubAllEnvs())`.
 */
export function commandJsonAsCli<T = Record<string, unknown>>(command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>, env: Record<string, string> = {}): Promise<InProcessAnswer<T>> {
  stubAsCli(env);
  return commandJson<T>(command);
}

/** commandText with the environment commandJsonAsCli stubs (the file needs `afterEach(() => vi.unstubAllEnvs())`). */
export function commandTextAsCli(command: () => Promise<{ text?: string; exitCode: 0 | 1 }>, env: Record<string, string> = {}): Promise<{ code: 0 | 1; stdout: string }> {
  stubAsCli(env);
  return commandText(command);
}

function stubAsCli(env: Record<string, string>): void {
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
  vi.stubEnv('GIT_CONFIG_GLOBAL', '/dev/null');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

/**
 * What `threadwork …` (without --json) prints on stdout and exits with, from the command's
 * own function: its text and a newline, as src/cli/main.ts writes it, without colour (as
 * NO_COLOR prints it). An error is thrown: its message and stream are the CLI's, checked
 * with a real run.
 */
export async function commandText(command: () => Promise<{ text?: string; exitCode: 0 | 1 }>): Promise<{ code: 0 | 1; stdout: string }> {
  const outcome = await command();
  // eslint-disable-next-line no-control-regex
  const text = (outcome.text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return { code: outcome.exitCode, stdout: text ? `${text}\n` : '' };
}
