import { spawn } from 'node:child_process';
import type { SimpleGit, simpleGit as SimpleGitFactory } from 'simple-git';
import { onFirstUse } from '../load-on-first-use.js';
import { timeChild } from '../timing.js';

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
  'GIT_CONFIG_SYSTEM',
  // Config given for one command (`git -c`, or a parent git running threadwork from a hook or `rebase -x`).
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  // The address git falls back on when no user.email is set.
  'EMAIL',
  // Signing (commit.gpgSign): where gpg keeps its keys, and how it reaches its agent or the ssh agent.
  'GNUPGHOME',
  'GPG_TTY',
  'SSH_AUTH_SOCK',
];

/** Passed with the fixed names above: `GIT_CONFIG_KEY_<n>` / `GIT_CONFIG_VALUE_<n>` go with GIT_CONFIG_COUNT. */
const PASSED_PATTERN = /^GIT_CONFIG_(?:KEY|VALUE)_\d+$/;

/** How a process reaches an agent, not what a commit is: two terminals with the same identity share a server. */
const LOCAL_ONLY = ['PATH', 'TMPDIR', 'SYSTEMROOT', 'GPG_TTY', 'SSH_AUTH_SOCK'];

/** Besides the identity and config above: what says which repository git finds, and config given in the environment. */
const CONTEXT_VARIABLES = [
  ...PASSED_VARIABLES.filter((key) => !LOCAL_ONLY.includes(key)),
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_CEILING_DIRECTORIES',
  'GIT_DISCOVERY_ACROSS_FILESYSTEM',
];

/**
 * The environment that decides what git does for the engine beyond finding itself: whose
 * name a commit carries, which config git reads, which repository it finds. Two processes
 * with the same context commit alike (a server answering the CLI: serve/). PATH and the
 * temporary folder are left out: a server started by an editor or an agent's host has
 * another PATH and runs the same git.
 */
export function gitContext(): Record<string, string> {
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && (CONTEXT_VARIABLES.includes(key) || PASSED_PATTERN.test(key))) context[key] = value;
  }
  return Object.fromEntries(Object.entries(context).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A simple-git instance for one call. simple-git refuses environment variables that
 * could run programs (EDITOR, GIT_SSH_COMMAND, …) unless allowed, and the engine's
 * plumbing needs none of them, so the environment is built from a short allowlist.
 * Reads run with GIT_OPTIONAL_LOCKS=0: the engine's `git status` never takes the index
 * lock a person's git needs.
 */
export function gitAt(cwd: string, env: Record<string, string> = {}): SimpleGit {
  const full = gitEnvironment(env);
  const { simpleGit } = simpleGitPackage();
  // GIT_CONFIG_GLOBAL is the person's own setting (tests and sandboxes use it); simple-git asks for it to be allowed explicitly.
  return simpleGit({ baseDir: cwd, maxConcurrentProcesses: 4, allowEnvironment: Object.keys(full), unsafe: { allowUnsafeConfigPaths: true } }).env(full);
}

/** simple-git, loaded at its first call: the hot paths spawn git directly, and its import cost every command 27 ms. */
const simpleGitPackage = onFirstUse<{ simpleGit: typeof SimpleGitFactory }>('simple-git');

/** The environment git runs with: the allowlist above, no optional locks, the C locale, then `env`. */
export function gitEnvironment(env: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const key of PASSED_VARIABLES) {
    const value = process.env[key];
    if (value !== undefined) base[key] = value;
  }
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && PASSED_PATTERN.test(key)) base[key] = value;
  return { ...base, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...env };
}

/**
 * Runs git directly, with the environment of `gitAt`, feeding `input` on stdin; resolves
 * with stdout as bytes (trees and paths are bytes, not text). A failure rejects with git's
 * stderr as the message, as simple-git does, so `isIndexLockError` reads both. For the
 * hot paths (a commit per sync cycle): a spawn costs ~3 ms, a simple-git call ~20 ms.
 */
export function gitSpawn(cwd: string, args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string>; answerExitCodes?: readonly number[] } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const exited = timeChild();
    const child = spawn('git', args, { cwd, env: gitEnvironment(options.env ?? {}), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      exited();
      // `answerExitCodes`: a command whose exit code is an answer, not a failure (check-ignore's 1: none ignored).
      if (code === 0 || (code !== null && options.answerExitCodes?.includes(code))) return resolve(Buffer.concat(out));
      const stderr = Buffer.concat(err).toString('utf8').trim();
      reject(new Error(stderr || `git ${args[0] ?? ''} failed (${signal ?? `exit code ${code}`})`));
    });
    child.stdin.on('error', () => undefined); // git may exit before reading all of it; its exit code tells
    child.stdin.end(options.input ?? '');
  });
}

/** `gitSpawn` for text output. */
export async function gitText(cwd: string, args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Promise<string> {
  return (await gitSpawn(cwd, args, options)).toString('utf8');
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
