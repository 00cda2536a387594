import { existsSync, readFileSync, rmSync, writeFileSync, type BigIntStats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ThreadworkError } from '../errors.js';
import { lstatOrNothing, symlinkOnTheWay } from '../workspace/contain.js';
import { gitSpawn, gitText, isIndexLockError, retryOnIndexLock } from './git.js';
import { PhaseTimer } from '../timing.js';
import { progress } from '../progress.js';
import { settled, type Settled } from '../settled.js';
import { objectId, PACK_FROM, writePack, type PackObject } from './pack.js';
import { writeLooseObjects } from './loose-object.js';
import { idsAsGitAdds } from './kept-crlf.js';
import { ignoredByGit } from './ignored.js';
import { repositoryOf } from './repo.js';
import { FOLDER_MODE, newTreeEntry, objectIdOf, TreeObject, type NewTreeEntry } from './tree-object.js';
import { installIndex, lockIndex, prepareIndex, readIndexFile, type IndexFile, type PreparedIndex } from './index-install.js';
import type { IndexEdits, IndexEntry } from './index-file.js';
import { settledStats } from './index-stat.js';
import { clearIndexRepair, recordIndexRepair, removeLeftoverTempFiles, repairIndex } from './repair.js';
import { collectGarbageIfDue } from './auto-gc.js';
import { commitIdentity, fallbackIdentityWarning, readCommitConfig } from './commit-config.js';
import { inProgressReason, notCommittedMessage } from './operation.js';
import { gitOperationAt } from './unmerged.js';

export interface CommitRequest {
  /** Workspace folder (may be a subfolder of the repository). */
  cwd: string;
  /** Workspace-relative paths to commit: the files the engine wrote and the sources that triggered it. */
  paths: string[];
  message: string;
  /** Identity from the workspace config; else git's own; else the documented fallback. */
  author?: { name: string; email: string } | undefined;
  /**
   * The paths (workspace-relative) that are no longer what the caller read or wrote — an
   * editor's save, a `git stash` or `git checkout` landing while it committed. Asked once git
   * has hashed the files: when none moved, what was hashed is what was read.
   */
  changedMeanwhile?: () => string[];
  /**
   * What the caller wrote to some of `paths` (workspace-relative → text): a commit of many
   * files takes a body from here instead of reading the file back, and keeps it only when
   * its id is the one git hashed from the disk (see hashBlobs).
   */
  written?: ReadonlyMap<string, string>;
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
      /** Paths (workspace-relative) written but left out of the commit, as git ignores them (.gitignore): never forced in. */
      ignored?: string[];
    }
  | { committed: false; reason: 'not-a-repository' | 'merge-in-progress' | 'rebase-in-progress' | 'nothing-to-commit' | 'changed-meanwhile' | 'source-held'; message: string; ignored?: string[] };

/** The files an outcome's message names: the first three, and how many more. */
export function namedFew(paths: readonly string[]): string {
  return `${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}`;
}

/** What a commit says of the files it left out because git ignores them (`artifacts/` in a `.gitignore` for build output). */
function ignoredMessage(ignored: readonly string[]): string {
  const them = ignored.length === 1 ? 'it' : 'them';
  return `git ignores ${them} (.gitignore): ${namedFew(ignored)} — written to disk; \`git add -f\` ${them} to keep ${them} in history`;
}

/**
 * Commits exactly `paths`, whatever else is staged: the user's index — their staged work —
 * is never part of it; afterwards only our paths are refreshed in the real index. No hooks
 * run: the engine's commits are derived data, not a person's work.
 *
 * The cost follows the files committed, not the repository: the new tree is HEAD's tree
 * with only the folders on the way to the committed paths rewritten (`buildTree`), and
 * the real index gets exactly those entries — edited here while git works (index-file.ts;
 * git's own rewrite of that one file is the part of a commit that grows with the
 * repository), or by `update-index --index-info` for an index this engine leaves to git. A case that
 * plain tree surgery does not cover (a path that is a folder or a symbolic link, a file
 * replacing a folder, …) takes the general way: a temporary index seeded from HEAD.
 */
export async function commitPaths(request: CommitRequest): Promise<CommitOutcome> {
  // Said once, not for each attempt after a held index.lock.
  progress('committing', new Set(request.paths).size);
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(request);
    } catch (error) {
      if (!(error instanceof HeadMovedMeanwhile)) throw error;
      if (attempt >= HEAD_MOVED_ATTEMPTS) throw new ThreadworkError(`Another commit moved HEAD while threadwork committed, ${attempt} times in a row: the files are written but not committed; the next threadwork command (e.g. \`threadwork sync\`) commits them first (${error.message})`, 'commit-failed');
    }
  }
}

/**
 * How often a commit is made again on the HEAD another commit left: a person's `git commit`
 * (or another tool's) landing between reading HEAD and moving it is a race, not an error —
 * the same paths are committed on top of theirs.
 */
const HEAD_MOVED_ATTEMPTS = 3;

/** HEAD's reflog line for a commit: its subject, saying threadwork once (`git commit` writes `commit: <subject>`). */
function reflogMessage(message: string): string {
  const subject = message.split('\n')[0]!;
  return subject.startsWith('threadwork:') ? subject : `threadwork: ${subject}`;
}

/** `update-ref` refused to move HEAD because it no longer is the commit ours was made on. */
class HeadMovedMeanwhile extends Error {}

async function commitOnce(request: CommitRequest): Promise<CommitOutcome> {
  const repo = await repositoryOf(request.cwd);
  if (!repo) return { committed: false, reason: 'not-a-repository', message: 'not a git repository: files were written but not committed (run `git init` to keep an audit trail)' };
  // A `git stash pop` that conflicted is asked of the index too: a commit would have taken
  // the paths it writes to stage 0, the conflict marked resolved without a word.
  const operation = await gitOperationAt(request.cwd);
  // The files are on disk at their derived values, so a later sync has nothing to write and
  // nothing to commit: committing them is the user's step, as after --no-commit — with the
  // command that finishes what git stopped in, which commits what is added.
  if (operation) return { committed: false, reason: inProgressReason(operation), message: notCommittedMessage(operation) };
  // What an earlier, interrupted commit left behind: its temp files, an index it could not refresh.
  const timer = new PhaseTimer();
  removeLeftoverTempFiles(repo.gitDir);
  await repairIndex(repo).catch(() => undefined);
  timer.mark('repair');

  const warnings: string[] = [];
  const prefix = relative(repo.top, request.cwd).split(sep).join('/');
  const candidates = [...new Set(request.paths)].map((p) => (prefix ? `${prefix}/${p}` : p)).sort();
  // git refuses a pathspec beyond a symbolic link and would fail the whole commit; the write
  // layer never writes through one, so such a path is one that a link replaced meanwhile.
  const linked = new Map<string, boolean>();
  const beyondLink = candidates.filter((p) => symlinkOnTheWay(repo.top, dirname(p), linked) !== undefined);
  const outsideLinks = beyondLink.length ? candidates.filter((p) => !beyondLink.includes(p)) : candidates;
  if (beyondLink.length) warnings.push(`left out of the commit, beyond a symbolic link: ${beyondLink.join(', ')}`);
  if (outsideLinks.length === 0) return { committed: false, reason: 'nothing-to-commit', message: warnings.join('; ') || 'nothing to commit' };
  // What the person's .gitignore leaves out stays out, as `git add` leaves it (README: "In a repository you already have").
  const [{ head, branch }, config, ignored] = await Promise.all([headState(repo.top), readCommitConfig(repo.top), ignoredByGit(repo.top, outsideLinks)]);
  const ignoredSet = new Set(ignored);
  const repoPaths = ignored.length ? outsideLinks.filter((p) => !ignoredSet.has(p)) : outsideLinks;
  // Named as the caller named them (workspace-relative), and said, or the person would look for them in history.
  const leftOut = ignored.length ? { ignored: ignored.map((p) => (prefix ? p.slice(prefix.length + 1) : p)) } : {};
  if (repoPaths.length === 0) return { committed: false, reason: 'nothing-to-commit', message: [...warnings, ...(leftOut.ignored ? [ignoredMessage(leftOut.ignored)] : [])].join('; ') || 'nothing to commit', ...leftOut };
  if (leftOut.ignored) warnings.push(`left out of the commit, as ${ignoredMessage(leftOut.ignored)}`);
  if (head && !branch) warnings.push(`HEAD is detached (not on a branch): committed on top of ${head.slice(0, 10)}; \`git switch -c <branch>\` keeps it`);

  // One lstat a path tells both whether it is there and what buildTree needs to know of it
  // (to the nanosecond: the index may keep it, index-stat.ts); a link is there when its
  // target is (existsSync), as before. Taken before any file is read for the commit.
  const stats = new Map<string, BigIntStats>();
  const present = repoPaths.filter((p) => {
    const stat = lstatOrNothing(join(repo.top, p), { bigint: true });
    if (stat && !stat.isSymbolicLink()) stats.set(p, stat);
    return stat !== undefined && (!stat.isSymbolicLink() || existsSync(join(repo.top, p)));
  });
  const presentSet = new Set(present);
  const removed = repoPaths.filter((p) => !presentSet.has(p));
  const stamp = `${process.pid}-${Date.now()}`;
  const indexFile = join(repo.gitDir, `threadwork-index-${stamp}`);
  const pathsFile = join(repo.gitDir, `threadwork-paths-${stamp}`);
  const tempFiles = [indexFile, `${indexFile}.lock`, pathsFile];
  // The person's index, read and checked while git hashes the files (see index-install.ts).
  let index: IndexFile | undefined;
  let built: BuiltTree | undefined;
  /** `index.lock`, while this commit holds it from before HEAD moves (lockIndex). */
  let indexLock: string | undefined;
  try {
    const readIndexMeanwhile = (): void => void (index = readIndexFile(repo.gitDir, head ? head.length / 2 : 20, repoPaths));
    const wrote = request.written;
    const writtenBody = (path: string): Buffer | undefined => {
      const text = wrote?.get(prefix ? path.slice(prefix.length + 1) : path);
      return text === undefined ? undefined : Buffer.from(text, 'utf8');
    };
    const changedMeanwhile = (): CommitOutcome | undefined => {
      const moved = request.changedMeanwhile?.() ?? [];
      return moved.length > 0 ? { committed: false, reason: 'changed-meanwhile', message: `${namedFew(moved)} changed while threadwork committed: the files are written but not committed; the next run derives again and commits them` } : undefined;
    };
    try {
      built = (await buildTree(repo, head, present, removed, config.fileMode, readIndexMeanwhile, writtenBody, stats)) ?? (await buildTreeInIndex(repo.top, head, present, removed, indexFile, pathsFile));
    } catch (error) {
      // git could not read a file it was to store (\`git stash\` took it away meanwhile): the
      // same case as below, seen sooner — not a commit git refused.
      const outcome = changedMeanwhile();
      if (outcome) return outcome;
      throw error;
    }
    timer.mark('tree');
    // A file saved since it was read (half-way, or by `git stash`) would be committed as it now
    // is, beside figures derived from what it was: no commit; the next run commits them as they then are.
    const moved = changedMeanwhile();
    if (moved) return moved;
    if (head && built.tree === built.headTree) return { committed: false, reason: 'nothing-to-commit', message: 'nothing to commit', ...leftOut };
    // The person's index with our entries, made while git indexes the pack of a large commit,
    // else while git writes the commit; put in place once HEAD moved.
    const newIndex = `${indexFile}-new`;
    tempFiles.push(newIndex);
    const entries = built.entries;
    const prepare = (): PreparedIndex | undefined => (entries ? prepareIndexQuietly(index, entries, newIndex) : undefined);
    const packing = built.packing;
    let prepared = packing ? prepare() : undefined;
    // The commit names the new trees: they must be in the repository first.
    const packed = packing && (await packing);
    if (packed && 'error' in packed) throw packed.error;
    const identity = commitIdentity(request.author, config);
    const unnamed = fallbackIdentityWarning(request.author, config);
    if (unnamed && !warnings.includes(unnamed)) warnings.push(unnamed);
    const committing = gitText(repo.top, ['commit-tree', ...(config.sign ? ['-S'] : []), built.tree, ...(head ? ['-p', head] : [])], { input: request.message, env: identity });
    if (!packing) prepared = prepare();
    const commit = (await committing).trim();
    keepCommit(commit, built.tree);
    // From here HEAD moves before the real index follows: recorded first, so a kill in between is repaired by the next run.
    recordIndexRepair(repo.gitDir, commit, repoPaths);
    indexLock = prepared && lockIndex(prepared) ? `${prepared.index}.lock` : undefined;
    try {
      await gitSpawn(repo.top, ['update-ref', '-m', reflogMessage(request.message), 'HEAD', commit, head ?? '']);
    } catch (error) {
      clearIndexRepair(repo.gitDir, commit);
      // Another commit moved HEAD since it was read: made again on top of it (commitPaths).
      if ((await resolveHead(repo.top)) !== head) throw new HeadMovedMeanwhile(error instanceof Error ? error.message : String(error));
      throw error;
    }
    // Refresh only our paths in the real index, so `git status` shows them clean and the user's staged work stays staged.
    try {
      timer.mark('commit+ref');
      await retryOnIndexLock(() => {
        // The lock taken before HEAD moved serves the first attempt; installIndex lets it go whatever happens.
        const locked = indexLock !== undefined;
        indexLock = undefined;
        return refreshIndex(repo, commit, repoPaths, entries, pathsFile, prepared, locked);
      }, INDEX_LOCK_RETRY_MS);
      clearIndexRepair(repo.gitDir, commit);
      const made = recentCommits.get(commit);
      if (made) made.parent = head ?? '';
      timer.mark('index');
      // As `git commit` does after committing: loose objects packed once there are many (auto-gc.ts).
      collectGarbageIfDue(repo.top, repo.gitDir, config.gcAuto, commit.length / 2);
      timer.report(`commit of ${repoPaths.length} paths`);
    } catch (error) {
      if (!isIndexLockError(error)) throw error;
      // The commit is made; another git command holds the index. Its refresh waits for the next threadwork run.
      warnings.push(
        `git's index is locked by another git command (${join(repo.gitDir, 'index.lock')}): the index will be refreshed for ${repoPaths.length} committed ${repoPaths.length === 1 ? 'path' : 'paths'} at the next threadwork run; until then do not \`git commit\` without \`-a\``,
      );
    }
    return { committed: true, commit, paths: repoPaths, ...(warnings.length ? { warning: warnings.join('; ') } : {}), ...leftOut };
  } finally {
    if (indexLock) rmSync(indexLock, { force: true }); // HEAD did not move (or the commit ended before the refresh)
    await built?.packing; // never left running: a commit that ends early leaves only unreferenced objects
    index?.close(); // when the commit ended before the index was prepared
    for (const file of tempFiles) rmSync(file, { force: true });
  }
}

interface BuiltTree {
  tree: string;
  /** HEAD's tree, when there is a HEAD. */
  headTree: string | undefined;
  /** What each committed path is in the new tree (`undefined` for a removed path), when known: the real index gets exactly these. */
  entries?: Map<string, IndexEntry | undefined>;
  /**
   * The pack of a large commit's objects, still being indexed by git (0.15–0.2 s at a first
   * sync of 10,000 deals): the caller works meanwhile, and waits for it before naming the
   * tree. Undefined when the objects are in the repository already.
   */
  packing?: Settled<void>;
}

/**
 * Trees read or written lately, by id (an id names one content: a kept tree is never
 * stale). Each commit's HEAD is the last one's, so the folders on the way to what a
 * watcher commits again — the root, `threads`, `threads/sales` of 10,000 deals (400 KB),
 * often the deal's own folder — are not read again: a read is a `git cat-file` per level
 * of folders, 5–8 ms each from a watcher's heap, and a small tree costs as much to read as
 * a large one. Sixteen: the four or five trees of each of the last few commits.
 */
const recentTrees = new Map<string, TreeObject>();
const RECENT_TREES = 16;

/** How many `cat-file` batches read trees in this process (a test sees the kept ones spare them). */
export const treeReads = { batches: 0 };

/**
 * Each commit this process made lately: its root tree (the next commit's HEAD is the last
 * one's), and its parent ('' for a first commit) once git's index was refreshed after it.
 */
const recentCommits = new Map<string, { tree: string; parent?: string }>();

function keepCommit(commit: string, tree: string): void {
  if (recentCommits.size >= RECENT_TREES) recentCommits.delete(recentCommits.keys().next().value!);
  recentCommits.set(commit, { tree });
}

/**
 * The commit `commit` was made on ('' for a first commit), when this process made it and
 * refreshed git's index after it; otherwise undefined. What a run knew of HEAD before its
 * commit holds after it only when the commit is on that HEAD (engine/uncommitted.ts).
 */
export function parentOfOwnCommit(commit: string): string | undefined {
  return recentCommits.get(commit)?.parent;
}

function keepTree(tree: TreeObject): void {
  recentTrees.delete(tree.oid);
  if (recentTrees.size >= RECENT_TREES) recentTrees.delete(recentTrees.keys().next().value!);
  recentTrees.set(tree.oid, tree);
}
const NUL = Buffer.from([0]);
const latin1 = (name: string): string => Buffer.from(name, 'utf8').toString('latin1');

/**
 * The new tree without an index: the committed files are hashed (one `hash-object`) while
 * the folders on the way from them to the root are read from HEAD (see readTrees),
 * their entries replaced, added or removed — a folder left empty disappears from its
 * parent — and the rewritten folders written as loose objects (loose-object.ts). Every other
 * folder of HEAD is reused as is, and in a rewritten folder the other entries are copied
 * as they are. Undefined when the change is not plain tree surgery (see commitPaths); the
 * caller then builds the tree in a temporary index.
 */
async function buildTree(
  { top, gitDir }: { top: string; gitDir: string },
  head: string | undefined,
  present: readonly string[],
  removed: readonly string[],
  fileMode: boolean,
  /** Work of this process's own, done while git hashes the files. */
  whileGitHashes: () => void,
  /** What the caller wrote to a path, when it says (see hashBlobs). */
  writtenBody: (path: string) => Buffer | undefined,
  /** The caller's lstat of each present path that is not a link, taken before the files were read. */
  stats: ReadonlyMap<string, BigIntStats>,
): Promise<BuiltTree | undefined> {
  // Each present path must be a regular file; hash-object reads paths one a line.
  const executable = new Map<string, boolean>();
  for (const path of [...present, ...removed]) if (path.includes('\n')) return undefined;
  for (const path of present) {
    const stat = stats.get(path);
    if (!stat?.isFile()) return undefined; // a link, a folder, gone meanwhile
    executable.set(path, (stat.mode & 0o111n) !== 0n);
  }
  const timer = new PhaseTimer();
  // Every folder on the way from a committed path up to the root (''), with its child folders.
  const children = new Map<string, Set<string>>([['', new Set()]]);
  for (const path of [...present, ...removed]) {
    for (let d = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''; d !== ''; ) {
      const parent = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '';
      if (!children.has(d)) children.set(d, new Set());
      if (!children.has(parent)) children.set(parent, new Set());
      const siblings = children.get(parent)!;
      if (siblings.has(d)) break; // and so is the rest of the way up
      siblings.add(d);
      d = parent;
    }
  }
  // A committed path that is also a folder on the way to another one (`a` and `a/b`): not plain surgery.
  if ([...present, ...removed].some((p) => children.has(p))) return undefined;
  // Children before their parent (each folder's depth counted once: 10,000 folders at a first sync).
  const depths = new Map([...children.keys()].map((dir) => [dir, depth(dir)]));
  const dirs = [...children.keys()].sort((a, b) => depths.get(b)! - depths.get(a)!);

  // HEAD's folders are read while git hashes the files: two processes at once, not one after the other.
  const reading = head ? settled(readTrees(top, head, dirs, head.length / 2)) : undefined;
  const packed: PackObject[] = [];
  const hashing = hashBlobs(top, present, head?.length === 40, packed, writtenBody);
  whileGitHashes();
  const blobs = await hashing;
  timer.mark('blobs');
  const read = reading ? await reading : { value: new Map<string, TreeObject | null>() };
  timer.mark('read trees');
  if ('error' in read) throw read.error;
  const old = read.value;
  if (blobs.length !== present.length || old === undefined) return undefined;
  const hashLength = (head ?? blobs[0] ?? '').length / 2;
  if (hashLength !== 20 && hashLength !== 32) return undefined; // a first commit with nothing to add: let git decide

  // The changes, folder by folder (blob id, or undefined to remove).
  const changes = new Map<string, Map<string, { path: string; oid: string | undefined }>>();
  const change = (path: string, oid: string | undefined): void => {
    const slash = path.lastIndexOf('/');
    const dir = slash < 0 ? '' : path.slice(0, slash);
    if (!changes.has(dir)) changes.set(dir, new Map());
    changes.get(dir)!.set(latin1(path.slice(slash + 1)), { path, oid });
  };
  present.forEach((path, i) => change(path, blobs[i]));
  for (const path of removed) change(path, undefined);
  const written = new Map<string, string | undefined>(); // folder → its new tree, undefined when it is empty
  const toWrite: TreeObject[] = [];
  const entries = new Map<string, IndexEntry | undefined>();
  const settledStat = settledStats(stats);
  for (const dir of dirs) {
    const before = old.get(dir);
    if (before === null) return undefined; // not a folder in HEAD (a file, a submodule)
    const drop = new Set<number>();
    const add: NewTreeEntry[] = [];
    for (const [key, { path, oid }] of changes.get(dir) ?? []) {
      const current = before ? before.find(key) : -1;
      if (current >= 0 && before!.isFolder(current)) return undefined; // a file replacing a folder, or a folder to remove
      if (oid) {
        // As `git add`: the executable bit from the file, or, where git does not trust it, the mode in HEAD.
        const headMode = current >= 0 ? before!.mode(current) : undefined;
        const mode = !fileMode ? (headMode && /^100[67]55$/.test(headMode) ? headMode : '100644') : executable.get(path) ? '100755' : '100644';
        const entry = newTreeEntry(mode, key, oid);
        const stat = settledStat(path);
        entries.set(path, stat ? { mode, oid, stat } : { mode, oid });
        if (current >= 0 && before!.raw(current).equals(entry.raw)) continue; // unchanged
        add.push(entry);
      } else {
        entries.set(path, undefined);
      }
      if (current >= 0) drop.add(current);
    }
    for (const child of children.get(dir) ?? []) {
      const key = latin1(child.slice(child.lastIndexOf('/') + 1));
      const current = before ? before.find(key) : -1;
      if (current >= 0 && !before!.isFolder(current)) return undefined; // a folder replacing a file
      const tree = written.get(child);
      if (tree !== undefined && tree === old.get(child)?.oid) continue; // unchanged
      if (current >= 0) drop.add(current);
      if (tree) add.push(newTreeEntry(FOLDER_MODE, key, tree));
    }
    if (add.length === 0 && drop.size === 0 && before) {
      written.set(dir, before.oid); // nothing changed here
      continue;
    }
    if ((before?.size ?? 0) - drop.size + add.length === 0 && dir !== '') {
      written.set(dir, undefined);
      continue;
    }
    // HEAD's entries less the dropped ones, the new ones merged in at their places in git's order.
    add.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const body = before ? before.edited(drop, add) : Buffer.concat(add.map((e) => e.raw));
    const tree = TreeObject.written(objectIdOf('tree', body, hashLength), body, hashLength);
    written.set(dir, tree.oid);
    if (tree.oid !== before?.oid) toWrite.push(tree);
  }
  if (hashLength === 20 && packed.length + toWrite.length >= PACK_FROM) {
    timer.mark('trees');
    timer.report('commit tree');
    const packing = settled(
      writePack(top, [...packed, ...toWrite.map((tree) => ({ type: 'tree' as const, body: tree.body }))]).then(() => {
        for (const tree of toWrite) keepTree(tree);
      }),
    );
    return { tree: written.get('')!, headTree: old.get('')?.oid, entries, packing };
  }
  // The rewritten folders' trees, written in this process (loose-object.ts): one per folder on the way.
  writeLooseObjects(gitDir, toWrite.map((tree) => ({ type: 'tree' as const, body: tree.body, oid: tree.oid })));
  await writePack(top, packed);
  for (const tree of toWrite) keepTree(tree);
  timer.mark('write trees');
  timer.report('commit tree');
  return { tree: written.get('')!, headTree: old.get('')?.oid, entries };
}

/** Files read between two turns of the event loop while git hashes them (~250 paths fill a quarter of its input pipe). */
const READ_SLICE = 256;

/**
 * The blob ids of `present`, as `git add` would make them (filters and attributes
 * applied). Few files: `hash-object -w` writes them. Many, in a SHA-1 repository: git
 * only hashes them, and each file whose id is that of its bytes as they are (no filter
 * changed it — nearly always) goes into `packed` to be written in one pack with the
 * trees; any other is written by git. A body the caller wrote (`writtenBody`) is not read
 * back (10,000 meta.json at a first sync: ~0.3 s): its id equal to the one git hashed
 * from the disk proves it is those bytes; any other is read, or written by git. A file
 * whose CRLF `git add` keeps and `hash-object` converts gets git add's id (kept-crlf.ts).
 */
async function hashBlobs(top: string, present: readonly string[], sha1: boolean, packed: PackObject[], writtenBody: (path: string) => Buffer | undefined): Promise<string[]> {
  if (present.length === 0) return [];
  const input = (paths: readonly string[]): string => `${paths.join('\n')}\n`;
  if (!sha1 || present.length < PACK_FROM) {
    const hashed = (await gitText(top, ['hash-object', '-w', '--stdin-paths'], { input: input(present) })).trim().split('\n');
    const bodyOf = (i: number): Buffer => writtenBody(present[i]!) ?? readFileSync(join(top, present[i]!));
    return hashed.length === present.length ? idsAsGitAdds(top, present, hashed, bodyOf, true) : hashed;
  }
  // git starts first and the files are read while it hashes them, a slice at a time: between
  // slices the event loop feeds git the rest of the paths and takes its answers (64 KB pipes
  // each way); read all at once, before or after the spawn, one waited on the other (0.3 s at 10,000).
  const hashing = settled(gitText(top, ['hash-object', '--stdin-paths'], { input: input(present) }));
  const bodies: Buffer[] = [];
  for (let start = 0; start < present.length; start += READ_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const path of present.slice(start, start + READ_SLICE)) bodies.push(writtenBody(path) ?? readFileSync(join(top, path)));
  }
  const hashed = await hashing;
  if ('error' in hashed) throw hashed.error;
  // A file whose CRLF git add keeps gets the id of its bytes: packed below.
  const ids = await idsAsGitAdds(top, present, hashed.value.trim().split('\n'), (i) => bodies[i]!, false);
  const filtered: string[] = [];
  ids.forEach((id, i) => {
    if (objectId('blob', bodies[i]!) === id) packed.push({ type: 'blob', body: bodies[i]! });
    else filtered.push(present[i]!);
  });
  if (filtered.length) await gitText(top, ['hash-object', '-w', '--stdin-paths'], { input: input(filtered) });
  return ids;
}

function depth(dir: string): number {
  if (dir === '') return -1;
  let slashes = 0;
  for (let i = dir.indexOf('/'); i >= 0; i = dir.indexOf('/', i + 1)) slashes++;
  return slashes + 1;
}

/**
 * The trees of `dirs` in `head`: folder → its tree (null when HEAD has something else
 * there; absent when HEAD has nothing there). Undefined when the answer cannot be read.
 *
 * Trees kept from earlier commits are used first. The few folders still unknown (a
 * commit's root, `threads`, `threads/sales` and a deal's folder) are asked for in one
 * `cat-file --batch` — by the id a kept parent lists, else by path — one process, where a
 * level each cost four, 5–8 ms each from a large heap. Many (a first sync) are read level
 * by level, each folder by the id its parent lists: asking for `HEAD:threads/sales/acme`
 * makes git walk and parse every folder on the way for each path, and `threads/sales` of
 * 10,000 threads holds 10,000 entries — 43 s for 10,000 paths, against well under a
 * second this way.
 */
async function readTrees(top: string, head: string, dirs: readonly string[], hashLength: number): Promise<Map<string, TreeObject | null> | undefined> {
  const trees = new Map<string, TreeObject | null>();
  const byDepth = new Map<number, string[]>();
  for (const dir of dirs) {
    const level = depth(dir);
    const same = byDepth.get(level);
    if (same) same.push(dir);
    else byDepth.set(level, [dir]);
  }
  const levels = [...byDepth.keys()].sort((a, b) => a - b).map((level) => byDepth.get(level)!);
  // What the kept trees tell, with no process at all, and the id of each folder whose parent they hold.
  const ids = new Map<string, string>();
  for (const level of levels) resolveLevel(head, level, trees, (dir, object) => ids.set(dir, object));
  const left = dirs.filter((dir) => !trees.has(dir) && !absentAbove(trees, dir));
  if (left.length === 0) return trees;
  // A name git's batch input cannot carry (a line break) is read by id, level by level.
  if (left.length <= BY_PATH_AT_MOST && !left.some((dir) => /[\n\r]/.test(dir))) {
    const asked = left.map((dir) => ({ dir, object: ids.get(dir) ?? `${head}:${dir}` }));
    // Below a folder HEAD has as a file git finds nothing: absent, where the walk by id says null — either way (one null) the commit takes the general way.
    return (await readBatch(top, asked, trees, hashLength)) ? trees : undefined;
  }
  for (const level of levels) {
    const wanted: { dir: string; object: string }[] = [];
    resolveLevel(head, level, trees, (dir, object) => wanted.push({ dir, object }));
    if (wanted.length && !(await readBatch(top, wanted, trees, hashLength))) return undefined;
  }
  return trees;
}

/** Up to this many folders unknown, they are read in one process, by id or by path (see readTrees). */
const BY_PATH_AT_MOST = 16;

/**
 * Each folder of one level whose parent is known: from a kept tree when there is one,
 * else handed to `want` with the id to read (the root by HEAD). A folder its parent lacks
 * is absent from HEAD; one its parent has as a file is null.
 */
function resolveLevel(head: string, level: readonly string[], trees: Map<string, TreeObject | null>, want: (dir: string, object: string) => void): void {
  for (const dir of level) {
    if (trees.has(dir)) continue;
    if (dir === '') {
      const root = recentCommits.get(head)?.tree;
      const kept = root === undefined ? undefined : recentTrees.get(root);
      if (kept) trees.set(dir, kept);
      else want(dir, `${head}^{tree}`);
      continue;
    }
    const slash = dir.lastIndexOf('/');
    const parent = trees.get(slash < 0 ? '' : dir.slice(0, slash));
    if (parent === undefined) continue;
    if (parent === null) {
      trees.set(dir, null);
      continue;
    }
    const entry = parent.find(latin1(dir.slice(slash + 1)));
    if (entry < 0) continue;
    if (!parent.isFolder(entry)) {
      trees.set(dir, null);
      continue;
    }
    const oid = parent.id(entry);
    const kept = recentTrees.get(oid);
    if (kept) trees.set(dir, kept);
    else want(dir, oid);
  }
}

/** The folders above `dir`, the root ('') first. */
function* ancestors(dir: string): Generator<string> {
  if (dir === '') return;
  yield '';
  for (let slash = dir.indexOf('/'); slash >= 0; slash = dir.indexOf('/', slash + 1)) yield dir.slice(0, slash);
}

/** Whether `trees` shows `dir` missing from HEAD: a known folder on the way lacks the next one. */
function absentAbove(trees: Map<string, TreeObject | null>, dir: string): boolean {
  const chain = [...ancestors(dir), dir];
  for (let i = 1; i < chain.length; i++) {
    const parent = trees.get(chain[i - 1]!);
    if (!parent) return false; // not read, or a file: not known missing this way
    const child = chain[i]!;
    if (parent.find(latin1(child.slice(child.lastIndexOf('/') + 1))) < 0) return true;
  }
  return false;
}

/** Reads `wanted` with one `git cat-file --batch` into `trees`; false when the answer cannot be read. */
async function readBatch(top: string, wanted: readonly { dir: string; object: string }[], trees: Map<string, TreeObject | null>, hashLength: number): Promise<boolean> {
  treeReads.batches += 1;
  const output = await gitSpawn(top, ['cat-file', '--batch'], { input: `${wanted.map((w) => w.object).join('\n')}\n` });
  let offset = 0;
  for (const { dir } of wanted) {
    const end = output.indexOf(0x0a, offset);
    if (end < 0) return false;
    const header = output.subarray(offset, end).toString('latin1');
    offset = end + 1;
    const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!match) {
      if (!header.endsWith(' missing')) return false;
      continue;
    }
    const size = Number(match[3]);
    if (match[2] !== 'tree') trees.set(dir, null);
    else {
      // A copy: a tree kept for the next commit must not hold the whole batch's output alive.
      const tree = TreeObject.parse(match[1]!, Buffer.from(output.subarray(offset, offset + size)), hashLength);
      trees.set(dir, tree);
      keepTree(tree);
    }
    offset += size + 1;
  }
  return true;
}

/** The general way: a temporary index seeded from HEAD (`read-tree`: the cost follows the whole repository). */
async function buildTreeInIndex(top: string, head: string | undefined, present: readonly string[], removed: readonly string[], indexFile: string, pathsFile: string): Promise<BuiltTree> {
  const tempIndex = { GIT_INDEX_FILE: indexFile, ...LITERAL };
  // Paths go through a file: a sync of 10,000 threads would not fit on a command line (E2BIG).
  const withPaths = async (args: string[], paths: readonly string[]): Promise<void> => {
    writeFileSync(pathsFile, paths.join('\0'));
    await gitSpawn(top, [...args, `--pathspec-from-file=${pathsFile}`, '--pathspec-file-nul'], { env: tempIndex });
  };
  await gitSpawn(top, head ? ['read-tree', head] : ['read-tree', '--empty'], { env: tempIndex });
  if (present.length) await withPaths(['add', '--force'], present);
  if (removed.length) await withPaths(['rm', '--cached', '--ignore-unmatch', '-q'], removed);
  const tree = (await gitText(top, ['write-tree'], { env: tempIndex })).trim();
  const headTree = head ? (await gitText(top, ['rev-parse', `${head}^{tree}`])).trim() : undefined;
  return { tree, headTree };
}

/**
 * Sets the committed paths in the person's index to what `commit` has, leaving every
 * other entry — their staged work — as it is. With the entries known, the index edited
 * here (index-install.ts; prepared while git made the commit), else by `update-index
 * --index-info`, which writes exactly them (no tree is read); with them unknown, `reset -- paths`.
 */
async function refreshIndex(repo: { top: string; gitDir: string }, commit: string, paths: readonly string[], entries: BuiltTree['entries'], pathsFile: string, prepared: PreparedIndex | undefined, locked = false): Promise<void> {
  if (!entries) {
    writeFileSync(pathsFile, paths.join('\0'));
    await gitSpawn(repo.top, ['reset', '-q', commit, `--pathspec-from-file=${pathsFile}`, '--pathspec-file-nul'], { env: LITERAL });
    return;
  }
  // Another git command may rewrite the index between reading and locking it: read again, a few times.
  for (let attempt = 0, next = prepared; next && attempt < INSTALL_ATTEMPTS; attempt++) {
    try {
      if (installIndex(next, locked && attempt === 0) === 'installed') {
        indexRefreshes.here += 1;
        return;
      }
    } catch (error) {
      if (isIndexLockError(error)) throw error;
      break; // a file system without hard links, say: git's way below
    }
    next = prepareIndexQuietly(readIndexFile(repo.gitDir, commit.length / 2, paths), entries, next.temp);
  }
  const zero = '0'.repeat(commit.length);
  const lines = paths.map((p) => {
    const entry = entries.get(p);
    return Buffer.concat([Buffer.from(entry ? `${entry.mode} ${entry.oid}\t` : `0 ${zero}\t`), Buffer.from(p, 'utf8'), NUL]);
  });
  await gitSpawn(repo.top, ['update-index', '-z', '--index-info'], { input: Buffer.concat(lines) });
  indexRefreshes.byGit += 1;
}

/** How the index was refreshed after commits in this process: edited here, or by git (a test sees which way a case takes). */
export const indexRefreshes = { here: 0, byGit: 0 };

const INSTALL_ATTEMPTS = 3;

/** `prepareIndex`, or undefined (git's way) when the index cannot be read or written here. */
function prepareIndexQuietly(index: IndexFile | undefined, entries: IndexEdits, temp: string): PreparedIndex | undefined {
  try {
    return prepareIndex(index, entries, temp);
  } catch {
    return undefined;
  }
}

/** How long the index refresh after a commit waits for another git command's `index.lock`. */
const INDEX_LOCK_RETRY_MS = Number(process.env.THREADWORK_INDEX_LOCK_RETRY_MS) || 5000;
/** Paths are file names, never glob patterns (a folder called `[draft]` is a folder). */
const LITERAL = { GIT_LITERAL_PATHSPECS: '1' };

/** Whether HEAD names a branch (`refs/heads/…`); false on a detached HEAD. */
async function onBranch(top: string): Promise<boolean> {
  try {
    await gitSpawn(top, ['symbolic-ref', '-q', 'HEAD']);
    return true;
  } catch (error) {
    // Exit code 1 with nothing said: detached. Anything else: cannot tell, so no warning rather than a wrong one.
    return !(error instanceof Error && /exit code 1\)$/.test(error.message));
  }
}


/**
 * HEAD's commit (undefined before the first) and whether HEAD names a branch: one process
 * when there is a commit (each is 4–7 ms from a large heap), the two questions apart
 * otherwise.
 */
async function headState(top: string): Promise<{ head: string | undefined; branch: boolean }> {
  try {
    // `--`: HEAD is a revision here, whatever a file of that name in the work tree.
    const [head, name] = (await gitText(top, ['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD', '--'])).trim().split('\n');
    if (head && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head) && name) return { head, branch: name !== 'HEAD' };
  } catch {
    // No commit yet (or a HEAD git cannot read): asked the long way below.
  }
  const [head, branch] = await Promise.all([resolveHead(top), onBranch(top)]);
  return { head, branch };
}

async function resolveHead(top: string): Promise<string | undefined> {
  try {
    return (await gitText(top, ['rev-parse', '--verify', '-q', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined; // a repository with no commits yet
  }
}

