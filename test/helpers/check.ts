import { vi } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { commandJsonAsCli, type InProcessAnswer } from './in-process.js';

/**
 * What `threadwork check --json` prints in `dir` (with `env` set) and exits with, from
 * check's own function: for a test whose subject is the diagnostics, not the process (a
 * file using it keeps a real CLI check). The environment it stubs, and any the test
 * stubbed before, is given back once it has answered: a CLI run after it inherits this
 * process's environment.
 */
export async function checkInProcess<T = { diagnostics: Diagnostic[] }>(dir: string, env: Record<string, string> = {}): Promise<InProcessAnswer<T>> {
  try {
    return await commandJsonAsCli<T>(() => checkCommand({}, { dir, json: true }), env);
  } finally {
    vi.unstubAllEnvs();
  }
}
