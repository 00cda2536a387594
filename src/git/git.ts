import { simpleGit, type SimpleGit } from 'simple-git';

/** GIT_* variables a person may set that the engine's git calls should honour. */
const PASSED_GIT_VARIABLES = new Set([
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_NOSYSTEM',
]);

/**
 * A simple-git instance for one call. Reads run with GIT_OPTIONAL_LOCKS=0 so that the
 * engine's `git status` never takes the index lock a person's git needs. simple-git
 * refuses GIT_* variables it was not told to allow, so the environment is built
 * explicitly: the identity and config variables above pass, the rest (GIT_DIR,
 * GIT_INDEX_FILE, … from an enclosing hook) do not.
 */
export function gitAt(cwd: string, env: Record<string, string> = {}): SimpleGit {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (key.toUpperCase().startsWith('GIT_') && !PASSED_GIT_VARIABLES.has(key)) continue;
    base[key] = value;
  }
  const full = { ...base, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...env };
  return simpleGit({ baseDir: cwd, maxConcurrentProcesses: 4, allowEnvironment: Object.keys(full) }).env(full);
}

export async function gitRaw(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return gitAt(cwd, env).raw(args);
}

/** Retries an operation that failed on a held `index.lock` (a person's git running), for a bounded time. */
export async function retryOnIndexLock<T>(operation: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!/index\.lock|\.lock': File exists/.test(message) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 500);
    }
  }
}
