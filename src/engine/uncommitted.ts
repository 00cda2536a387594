import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { parentOfOwnCommit, type CommitOutcome } from '../git/commit.js';
import { gitText } from '../git/git.js';
import { repositoryOf } from '../git/repo.js';
import { changedAmong, changedPaths } from '../git/status.js';
import { settled, type Settled } from '../settled.js';
import { classifyPath } from '../workspace/layout.js';
import { isScannedPath } from '../workspace/scan.js';
import { readCache, writeCache } from './cache.js';
import type { WorkspaceState } from './state.js';

/** Folders whose changes a sync commits as its triggers: the sources, not the derived artifacts. */
export const SOURCE_FOLDERS = ['threads', 'strategy', 'goals', 'threadwork.config.yaml'];

/**
 * What a sync reports of the sources it left uncommitted: the list, and of it the files no
 * longer on disk (deleted: `git rm`, not `git add`, commits them) — the JSON's counterpart
 * of the text's `(deleted)`. Both null when the run did not ask (a dry run, commits off).
 */
export function uncommittedAndDeleted(root: string, paths: string[] | null): { uncommitted: string[] | null; uncommittedDeleted: string[] | null } {
  return { uncommitted: paths, uncommittedDeleted: paths && paths.filter((path) => !existsSync(join(root, path))) };
}

const NAME = 'uncommitted';
/** Beyond this many files that may have changed, one `git status` of the source folders is cheaper than naming each. */
const NAMED_AT_MOST = 1000;

/** What a record is true of: the commit HEAD named. */
interface GitPosition {
  head: string;
  /** The workspace's folder inside the repository, as commit paths are prefixed with it ('' at the top). */
  prefix: string;
}

/**
 * The source files that differ from HEAD — what a cold transaction commits as its
 * triggers — without a `git status` of the whole repository at every run: git lstat-ing
 * 70,000 files on the other core cost a one-change sync at 10,000 deals 0.13 s.
 *
 * After a run, what is uncommitted is kept (`uncommitted.json` in the cache) under a key
 * naming what it was true of: the commit HEAD named, the parse cache the run left (its
 * identity) and the workspace. A run that finds the same key asks git only about the files
 * that may have changed since: those the record names, and those its load found changed or
 * gone since that parse cache. A file outside both has the content it had when the record
 * was made, and HEAD is the same commit: it still equals HEAD's version. (A file that
 * cache does not hold — written after it — is named by the record for that reason: gone,
 * it would be neither changed nor gone since the cache.) git's index is
 * not part of the key: `git add`, `git reset` or a person's `git status` refreshing it
 * (as it does after each threadwork commit) changes which files are staged, not which
 * differ from HEAD — and git, asked about the named files, answers with the index as it is.
 * Any other key (a commit of the person's, a checkout, a cache a watcher rewrote, no
 * record, a damaged one) asks `git status` of the source folders and keeps its answer.
 *
 * The record is kept only when what the run knew of HEAD still holds after it: no commit,
 * or this process's commit on the HEAD it read, whose index refresh went through.
 */
export class UncommittedSources {
  private readonly position: Promise<GitPosition | undefined>;
  private answer: Settled<string[]> | undefined;
  /** Whether the last answer came from naming the files that may have changed (the record held). */
  narrowed = false;
  /** A record that was damaged and discarded. */
  warning: Diagnostic | undefined;

  /**
   * Reads HEAD before git is asked anything, so that a commit after it moves the key.
   * `head`: HEAD's commit as the transaction read it moments before.
   */
  constructor(
    private readonly root: string,
    head?: string,
  ) {
    this.position = gitPosition(root, head);
  }

  /**
   * Asks git, once the cold load tells which files changed since the parse cache, and
   * resolves once git is running (`paths` awaits its answer). To be awaited before the state
   * derives: derivation never yields to the event loop, so `rev-parse`'s end would be seen
   * only after it, and git's status started then (60 ms on the path at 10,000 deals).
   */
  async ask(state: WorkspaceState): Promise<void> {
    if (this.answer) return;
    this.answer = settled(this.compute(state, await this.position));
    // The few promise steps to the spawn are taken before the next turn of the event loop.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async paths(): Promise<string[]> {
    const answer = await (this.answer ??= settled(everySource(this.root)));
    if ('error' in answer) throw answer.error;
    return answer.value;
  }

  private async compute(state: WorkspaceState, position: GitPosition | undefined): Promise<string[]> {
    const since = state.sinceParseCache;
    if (since && position) {
      const { value, warning } = await readCache<string[]>(this.root, NAME, keyOf(this.root, position.head, since.identity));
      this.warning = warning;
      if (Array.isArray(value)) {
        const candidates = [...new Set([...value, ...since.paths])].filter(isSource).sort();
        if (candidates.length <= NAMED_AT_MOST) {
          this.narrowed = true;
          // The prefix as found, unless the workspace was reached through a link (git then says where it is).
          const prefix = position.prefix.startsWith('..') || isAbsolute(position.prefix) ? undefined : position.prefix;
          return candidates.length > 0 ? changedAmong(this.root, candidates, prefix) : [];
        }
      }
    }
    return everySource(this.root);
  }

  /**
   * Keeps what is uncommitted once the run is done: what git said, with every source file
   * the run wrote, less what its commit holds. `touched`: the files the run wrote or meant
   * to commit. Called last, after the parse cache was saved (its identity is in the key).
   */
  async remember(state: WorkspaceState, commit: CommitOutcome | null, touched: readonly string[]): Promise<void> {
    const position = await this.position;
    const cache = state.parseCacheIdentity;
    if (!position || cache === undefined) return;
    const uncommitted = await this.leftAfter(position, commit, touched);
    if (!uncommitted) return;
    let { head } = position;
    if (commit?.committed) {
      // Someone else's commit in between, or an index git could not refresh: what was asked is not known to hold.
      if (parentOfOwnCommit(commit.commit) !== position.head) return;
      head = commit.commit;
    }
    for (const path of unknownToParseCache(state, cache, touched)) uncommitted.add(path);
    await writeCache(this.root, NAME, keyOf(this.root, head, cache), [...uncommitted].sort());
  }

  /**
   * The sources still differing from HEAD once the run is done, as a person would want
   * them named (sync commits only what its derived changes come from): undefined when git
   * was not asked or could not say. `touched` as for `remember`.
   */
  async left(commit: CommitOutcome | null, touched: readonly string[]): Promise<string[] | undefined> {
    const uncommitted = await this.leftAfter(await this.position, commit, touched);
    return uncommitted && [...uncommitted].sort();
  }

  /** What git said, with every source file the run wrote, less what its commit holds. */
  private async leftAfter(position: GitPosition | undefined, commit: CommitOutcome | null, touched: readonly string[]): Promise<Set<string> | undefined> {
    if (!position || !this.answer) return undefined;
    const answer = await this.answer;
    if ('error' in answer) return undefined;
    const uncommitted = new Set([...answer.value, ...touched.filter(isSource)]);
    if (commit?.committed) for (const path of commit.paths) uncommitted.delete(position.prefix && path.startsWith(`${position.prefix}/`) ? path.slice(position.prefix.length + 1) : path);
    // A commit of what the run wrote that found nothing to commit found each file as HEAD has
    // it: a block put back over an uncommitted hand edit no longer differs from HEAD.
    else if (commit?.reason === 'nothing-to-commit') for (const path of touched) uncommitted.delete(path);
    return uncommitted;
  }
}

/**
 * The source files the parse cache named `cache` may not hold as they are on disk: those the
 * load found changed or new since it, and those this run wrote — unless the run wrote that
 * cache anew, with every file as it is. The next run finds a file changed or gone by that
 * cache; one the cache never held, deleted (a deal opened by `deal new`, committed, then
 * removed), would be neither on disk nor gone from it, and git would never be asked about
 * its deletion: so the record names it, committed or not (naming a clean file only costs
 * git a look at it).
 */
function unknownToParseCache(state: WorkspaceState, cache: string, touched: readonly string[]): string[] {
  const since = state.sinceParseCache;
  // No cache read by the load, or another one since: this run wrote the cache, with every file.
  if (!since || since.identity !== cache) return [];
  return [...since.paths, ...touched].filter(isSource);
}

/**
 * A file of the source folders the engine reads (one it never reads cannot have caused a
 * change: never a trigger). A thread folder's other files — notes, attachments — are
 * listed by the scan but never parsed: not sources either.
 */
function isSource(path: string): boolean {
  return SOURCE_FOLDERS.some((folder) => path === folder || path.startsWith(`${folder}/`)) && isScannedPath(path) && classifyPath(path).kind !== 'other';
}

/** `git status` of the source folders, the files the engine never reads left out. */
export async function everySource(root: string): Promise<string[]> {
  return (await changedPaths(root, SOURCE_FOLDERS)).filter(isSource);
}

function keyOf(root: string, head: string, cache: string): string {
  return JSON.stringify({ root, head, cache });
}

/**
 * HEAD's commit; undefined outside a repository. Before the first commit HEAD names none
 * (`''`): every source differs from it, and git's status says which are there — not a
 * repository that cannot say (a workspace made with `init --no-git`, then `git init`).
 */
async function gitPosition(root: string, known: string | undefined): Promise<GitPosition | undefined> {
  try {
    const [repo, head] = await Promise.all([repositoryOf(root), known ?? gitText(root, ['rev-parse', '-q', '--verify', 'HEAD']).catch(() => '')]);
    if (!repo) return undefined;
    const prefix = relative(repo.top, root).split(sep).join('/');
    return { head: head.trim(), prefix };
  } catch {
    return undefined;
  }
}
