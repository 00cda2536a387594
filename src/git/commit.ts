import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { symlinkOnTheWay } from '../workspace/contain.js';
import { gitRaw, isIndexLockError, retryOnIndexLock } from './git.js';
import { repositoryOf } from './repo.js';
import { clearIndexRepair, recordIndexRepair, removeLeftoverTempFiles, repairIndex } from './repair.js';

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
  | {
      committed: true;
      commit: string;
      paths: string[];
      /**
       * Something the person should know although the commit was made: HEAD was detached,
       * paths beyond a symbolic link were left out, or git's index was locked so it is
       * refreshed at the next threadwork run (see repair.ts).
       */
      warning?: string;
    }
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
  // What an earlier, interrupted commit left behind: its temp files, an index it could not refresh.
  removeLeftoverTempFiles(repo.gitDir);
  await repairIndex(repo).catch(() => undefined);

  const warnings: string[] = [];
  const prefix = relative(repo.top, request.cwd).split(sep).join('/');
  const candidates = [...new Set(request.paths)].map((p) => (prefix ? `${prefix}/${p}` : p)).sort();
  // git refuses a pathspec beyond a symbolic link and would fail the whole commit; the write
  // layer never writes through one, so such a path is one that a link replaced meanwhile.
  const linked = new Map<string, boolean>();
  const beyondLink = candidates.filter((p) => symlinkOnTheWay(repo.top, dirname(p), linked) !== undefined);
  const repoPaths = beyondLink.length ? candidates.filter((p) => !beyondLink.includes(p)) : candidates;
  if (beyondLink.length) warnings.push(`left out of the commit, beyond a symbolic link: ${beyondLink.join(', ')}`);
  if (repoPaths.length === 0) return { committed: false, reason: 'nothing-to-commit', message: warnings.join('; ') || 'nothing to commit' };
  const head = await resolveHead(repo.top);
  if (head && !(await onBranch(repo.top))) warnings.push(`HEAD is detached (not on a branch): committed on top of ${head.slice(0, 10)}; \`git switch -c <branch>\` keeps it`);
  const stamp = `${process.pid}-${Date.now()}`;
  const indexFile = join(repo.gitDir, `threadwork-index-${stamp}`);
  // Paths and the message go through files: a sync of 10,000 threads would not fit on a command line (E2BIG).
  const pathsFile = join(repo.gitDir, `threadwork-paths-${stamp}`);
  const messageFile = join(repo.gitDir, `threadwork-message-${stamp}`);
  const tempIndex = { GIT_INDEX_FILE: indexFile, ...LITERAL };
  const withPaths = async (args: string[], paths: string[], env: Record<string, string> = {}): Promise<void> => {
    writeFileSync(pathsFile, paths.join('\0'));
    await gitRaw(repo.top, [...args, `--pathspec-from-file=${pathsFile}`, '--pathspec-file-nul'], { ...LITERAL, ...env });
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
    // From here HEAD moves before the real index follows: recorded first, so a kill in between is repaired by the next run.
    recordIndexRepair(repo.gitDir, commit, repoPaths);
    try {
      await gitRaw(repo.top, ['update-ref', '-m', `threadwork: ${request.message.split('\n')[0]}`, 'HEAD', commit, head ?? '']);
    } catch (error) {
      clearIndexRepair(repo.gitDir, commit);
      throw error;
    }
    // Refresh only our paths in the real index, so `git status` shows them clean and the user's staged work stays staged.
    try {
      await retryOnIndexLock(() => withPaths(['reset', '-q', commit], repoPaths), INDEX_LOCK_RETRY_MS);
      clearIndexRepair(repo.gitDir, commit);
    } catch (error) {
      if (!isIndexLockError(error)) throw error;
      // The commit is made; another git command holds the index. Its refresh waits for the next threadwork run.
      warnings.push(
        `git's index is locked by another git command (${join(repo.gitDir, 'index.lock')}): the index will be refreshed for ${repoPaths.length} committed ${repoPaths.length === 1 ? 'path' : 'paths'} at the next threadwork run; until then do not \`git commit\` without \`-a\``,
      );
    }
    return { committed: true, commit, paths: repoPaths, ...(warnings.length ? { warning: warnings.join('; ') } : {}) };
  } finally {
    for (const file of [indexFile, `${indexFile}.lock`, pathsFile, messageFile]) rmSync(file, { force: true });
  }
}

/** How long the index refresh after a commit waits for another git command's `index.lock`. */
const INDEX_LOCK_RETRY_MS = Number(process.env.THREADWORK_INDEX_LOCK_RETRY_MS) || 5000;
/** Paths are file names, never glob patterns (a folder called `[draft]` is a folder). */
const LITERAL = { GIT_LITERAL_PATHSPECS: '1' };

/** Whether HEAD names a branch (`refs/heads/…`); false on a detached HEAD, where git prints `HEAD`. */
async function onBranch(top: string): Promise<boolean> {
  try {
    return (await gitRaw(top, ['rev-parse', '--symbolic-full-name', 'HEAD'])).trim().startsWith('refs/');
  } catch {
    return true; // cannot tell: no warning rather than a wrong one
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
