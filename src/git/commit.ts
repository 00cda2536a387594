import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { gitRaw, retryOnIndexLock } from './git.js';

export interface CommitRequest {
  /** Workspace folder (may be a subfolder of the repository). */
  cwd: string;
  /** Workspace-relative paths to commit: the files the engine wrote and the sources that triggered it. */
  paths: string[];
  message: string;
  /** Identity from the workspace config; else git's own; else the documented fallback. */
  author?: { name: string; email: string } | undefined;
}

export type CommitOutcome =
  | { committed: true; commit: string; paths: string[] }
  | { committed: false; reason: 'not-a-repository' | 'merge-in-progress' | 'rebase-in-progress' | 'nothing-to-commit'; message: string };

/** Used when neither the workspace config nor git has an identity; documented in the README. */
export const FALLBACK_IDENTITY = { name: 'threadwork', email: 'threadwork@localhost' };

/**
 * Commits exactly `paths`, whatever else is staged. The commit is built in a temporary
 * index seeded from HEAD, so the user's index — their staged work — is never part of
 * it; afterwards only our paths are refreshed in the real index. No hooks run: the
 * engine's commits are derived data, not a person's work.
 */
export async function commitPaths(request: CommitRequest): Promise<CommitOutcome> {
  const repo = await repositoryOf(request.cwd);
  if (!repo) return { committed: false, reason: 'not-a-repository', message: 'not a git repository: files were written but not committed (run `git init` to keep an audit trail)' };
  const busy = operationInProgress(repo.gitDir);
  if (busy) return { committed: false, reason: busy, message: `a ${busy === 'merge-in-progress' ? 'merge' : 'rebase'} is in progress: files were written but not committed; finish it and run sync again` };

  const prefix = relative(repo.top, request.cwd).split(sep).join('/');
  const repoPaths = [...new Set(request.paths)].map((p) => (prefix ? `${prefix}/${p}` : p)).sort();
  const head = await resolveHead(repo.top);
  const stamp = `${process.pid}-${Date.now()}`;
  const indexFile = join(repo.gitDir, `threadwork-index-${stamp}`);
  // Paths and the message go through files: a sync of 10,000 threads would not fit on a command line (E2BIG).
  const pathsFile = join(repo.gitDir, `threadwork-paths-${stamp}`);
  const messageFile = join(repo.gitDir, `threadwork-message-${stamp}`);
  const tempIndex = { GIT_INDEX_FILE: indexFile };
  const withPaths = async (args: string[], paths: string[], env: Record<string, string> = {}): Promise<void> => {
    writeFileSync(pathsFile, paths.join('\0'));
    await gitRaw(repo.top, [...args, `--pathspec-from-file=${pathsFile}`, '--pathspec-file-nul'], env);
  };
  try {
    await gitRaw(repo.top, head ? ['read-tree', head] : ['read-tree', '--empty'], tempIndex);
    const present = repoPaths.filter((p) => existsSync(join(repo.top, p)));
    const presentSet = new Set(present);
    const removed = repoPaths.filter((p) => !presentSet.has(p));
    if (present.length) await withPaths(['add', '--force'], present, tempIndex);
    if (removed.length) await withPaths(['rm', '--cached', '--ignore-unmatch', '-q'], removed, tempIndex);
    const tree = (await gitRaw(repo.top, ['write-tree'], tempIndex)).trim();
    if (head && tree === (await gitRaw(repo.top, ['rev-parse', `${head}^{tree}`])).trim()) {
      return { committed: false, reason: 'nothing-to-commit', message: 'nothing to commit' };
    }
    const identity = await identityFor(repo.top, request.author);
    writeFileSync(messageFile, request.message);
    const commit = (await gitRaw(repo.top, ['commit-tree', tree, ...(head ? ['-p', head] : []), '-F', messageFile], identity)).trim();
    await gitRaw(repo.top, ['update-ref', '-m', `threadwork: ${request.message.split('\n')[0]}`, 'HEAD', commit, head ?? '']);
    // Refresh only our paths in the real index, so `git status` shows them clean and the user's staged work stays staged.
    await retryOnIndexLock(() => withPaths(['reset', '-q', commit], repoPaths));
    return { committed: true, commit, paths: repoPaths };
  } finally {
    for (const file of [indexFile, `${indexFile}.lock`, pathsFile, messageFile]) rmSync(file, { force: true });
  }
}

interface Repository {
  top: string;
  gitDir: string;
}

export async function repositoryOf(cwd: string): Promise<Repository | undefined> {
  try {
    const [top, gitDir] = (await gitRaw(cwd, ['rev-parse', '--show-toplevel', '--git-dir'])).trim().split('\n');
    if (!top || !gitDir) return undefined;
    return { top, gitDir: isAbsolute(gitDir) ? gitDir : join(cwd, gitDir) };
  } catch (error) {
    if (/not a git repository/i.test(error instanceof Error ? error.message : String(error))) return undefined;
    throw error;
  }
}

function operationInProgress(gitDir: string): 'merge-in-progress' | 'rebase-in-progress' | undefined {
  if (existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'))) return 'rebase-in-progress';
  if (['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'].some((f) => existsSync(join(gitDir, f)))) return 'merge-in-progress';
  return undefined;
}

async function resolveHead(top: string): Promise<string | undefined> {
  try {
    return (await gitRaw(top, ['rev-parse', '--verify', '-q', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined; // a repository with no commits yet
  }
}

async function identityFor(top: string, configured: CommitRequest['author']): Promise<Record<string, string>> {
  const env = (name: string, email: string): Record<string, string> => ({ GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email });
  if (configured) return env(configured.name, configured.email);
  const get = async (key: string): Promise<string> => {
    try {
      return (await gitRaw(top, ['config', '--get', key])).trim();
    } catch {
      return '';
    }
  };
  const name = process.env.GIT_AUTHOR_NAME || (await get('user.name'));
  const email = process.env.GIT_AUTHOR_EMAIL || (await get('user.email'));
  if (name && email) return {};
  return env(name || FALLBACK_IDENTITY.name, email || FALLBACK_IDENTITY.email);
}
