import { simpleGit, type SimpleGit } from 'simple-git';

/** What git needs from the environment: where to find itself and the person's config, and their identity. */
const PASSED_VARIABLES = [
  'PATH',
  'HOME',
  'USERPROFILE',
  'XDG_CONFIG_HOME',
  'TMPDIR',
  'SYSTEMROOT',
  'GIT_AUTHOR_NAME',
  'GIT_AUTHOR_EMAIL',
  'GIT_AUTHOR_DATE',
  'GIT_COMMITTER_NAME',
  'GIT_COMMITTER_EMAIL',
  'GIT_COMMITTER_DATE',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_NOSYSTEM',
];

/**
 * A simple-git instance for one call. simple-git refuses environment variables that
 * could run programs (EDITOR, GIT_SSH_COMMAND, …) unless allowed, and the engine's
 * plumbing needs none of them, so the environment is built from a short allowlist.
 * Reads run with GIT_OPTIONAL_LOCKS=0: the engine's `git status` never takes the index
 * lock a person's git needs.
 */
export function gitAt(cwd: string, env: Record<string, string> = {}): SimpleGit {
  const base: Record<string, string> = {};
  for (const key of PASSED_VARIABLES) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  const full = { ...base, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...env };
  // GIT_CONFIG_GLOBAL is the person's own setting (tests and sandboxes use it); simple-git asks for it to be allowed explicitly.
  return simpleGit({ baseDir: cwd, maxConcurrentProcesses: 4, allowEnvironment: Object.keys(full), unsafe: { allowUnsafeConfigPaths: true } }).env(full);
}

export async function gitRaw(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return gitAt(cwd, env).raw(args);
}

/** Whether git failed because another git command holds the index lock (`index.lock: File exists`). */
export function isIndexLockError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /index\.lock|\.lock': File exists/.test(message);
}

/** Retries an operation that failed on a held `index.lock` (a person's git running), for a bounded time. */
export async function retryOnIndexLock<T>(operation: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!isIndexLockError(error) || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 500);
    }
  }
}
