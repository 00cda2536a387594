import { spawn } from 'node:child_process';
import { relative, sep } from 'node:path';
import { timeChild } from '../timing.js';
import { gitText } from './git.js';
import { repositoryOf } from './repo.js';

/**
 * The files `HEAD` holds under `folder` (relative to `cwd`, as the paths returned): one
 * `ls-tree`, which reads only the trees on the way. None outside a repository or before the
 * first commit.
 */
export async function filesAtHeadUnder(cwd: string, folder: string): Promise<string[]> {
  try {
    return (await gitText(cwd, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', folder], { env: { GIT_LITERAL_PATHSPECS: '1' } })).split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The folders `HEAD` holds directly in `folder` (relative to `cwd`, as the paths returned):
 * one `ls-tree` of that one tree, not of the files under it. None outside a repository or
 * before the first commit.
 */
export async function foldersAtHeadIn(cwd: string, folder: string): Promise<string[]> {
  try {
    return (await gitText(cwd, ['ls-tree', '-z', '-d', '--name-only', 'HEAD', '--', `${folder}/`], { env: { GIT_LITERAL_PATHSPECS: '1' } })).split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The text of workspace files as committed in `HEAD`, for the paths that have one.
 * One `git cat-file --batch` process answers them all, so holding a few broken files at
 * their committed version costs one spawn, not one per file. Outside a repository, or
 * before the first commit, the map is empty.
 */
export async function readAtHead(cwd: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (paths.length === 0) return found;
  const repo = await repositoryIn(cwd);
  if (!repo) return found;
  const inRepository = paths.map((p) => `${repo.prefix}${p}`);
  const texts =
    paths.length >= LISTED_FROM && inRepository.every(isPlainPath)
      ? await readListedAtHead(repo.top, inRepository)
      : await readBlobs(repo.top, inRepository.map((p) => `HEAD:${p}`));
  paths.forEach((path, index) => {
    const text = texts[index];
    if (text !== undefined) found.set(path, text);
  });
  return found;
}

/**
 * From this many paths, readAtHead finds HEAD's files by one listing, not by path: git
 * resolves each `HEAD:<path>` from the root tree down, reading and inflating every tree on
 * the way again, so a first sync's 4,000 meta.json cost git 3.1 s of CPU (5.3 s where a
 * threadwork commit left HEAD's trees loose) through the 4,000-entry `threads/sales` tree,
 * and ~6× that at 10,000 deals — quadratic. Below it, the lookups cost less than a listing.
 */
const LISTED_FROM = 64;

/** A repository-relative path as git's tree holds it: no empty, `.` or `..` segment, so `HEAD:<path>` and the listing name the same entry. */
function isPlainPath(path: string): boolean {
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * The text at HEAD of each of `paths` (repository-relative, plain), undefined where HEAD has
 * no blob there: one `ls-tree -r` of the folders they lie in, then one `cat-file --batch`
 * by object id — the same answers as `HEAD:<path>` lookups, every tree read once, and all
 * from the one commit the listing read.
 */
async function readListedAtHead(top: string, paths: readonly string[]): Promise<(string | undefined)[]> {
  let listing: string;
  try {
    listing = await gitText(top, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', ...listedFolders(paths)], { env: { GIT_LITERAL_PATHSPECS: '1' } });
  } catch {
    return paths.map(() => undefined); // no commit yet: nothing at HEAD
  }
  const blobs = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    // `<mode> SP <type> SP <object> TAB <path>`; a submodule's entry is a commit, no text.
    const tab = entry.indexOf('\t');
    const [, type, id] = entry.slice(0, tab).split(' ');
    if (tab > 0 && type === 'blob' && id) blobs.set(entry.slice(tab + 1), id);
  }
  const ids = paths.map((path) => blobs.get(path));
  const wanted = ids.filter((id): id is string => id !== undefined);
  const texts = await readBlobs(top, wanted);
  let next = 0;
  return ids.map((id) => (id === undefined ? undefined : texts[next++]));
}

/**
 * Up to this many folders, readListedAtHead lists each of its paths' folders, not the folder
 * holding them all: ten held threads' 70 files at 10,000 deals listed all of `threads/sales`
 * — 70,000 entries, 6.7 MB that git wrote (~0.1 s of its CPU) and this process split and
 * mapped — for 70 of them. git matches every entry of a tree it reads against every
 * pathspec, so a first sync's thousands of folders still take the one listing.
 */
const FOLDERS_LISTED_UP_TO = 64;

/** The pathspecs of readListedAtHead's `ls-tree`: each of the paths' folders, or the one holding them all, or none (the whole tree). */
function listedFolders(paths: readonly string[]): string[] {
  const folders = [...new Set(paths.map((path) => path.slice(0, Math.max(0, path.lastIndexOf('/')))))];
  if (folders.length <= FOLDERS_LISTED_UP_TO && !folders.includes('')) return ['--', ...folders];
  const common = commonFolder(paths);
  return common ? ['--', common] : [];
}

/** The deepest folder holding every one of `paths` (`''`: the repository's top). */
function commonFolder(paths: readonly string[]): string {
  let common = paths[0]!.split('/').slice(0, -1);
  for (const path of paths) {
    const segments = path.split('/');
    let same = 0;
    while (same < common.length && same < segments.length - 1 && common[same] === segments[same]) same++;
    common = common.slice(0, same);
  }
  return common.join('/');
}

/** How many commits back a broken file's history is searched for a valid version. */
const HISTORY_DEPTH = 50;

/**
 * The newest version of each file, among the last commits that changed it, that `parse`
 * accepts: what a file committed broken is held at (the person committed it as it was,
 * `git commit -a` with a half-made edit; HEAD has no valid version, the commit before does).
 * One `git log` per file (run together) and one `git cat-file --batch` for all the versions;
 * only the last HISTORY_DEPTH commits that touched each file are searched.
 */
export async function readLastValidInHistory<T>(cwd: string, paths: readonly string[], parse: (path: string, text: string) => T | undefined): Promise<Map<string, { commit: string; value: T }>> {
  const found = new Map<string, { commit: string; value: T }>();
  if (paths.length === 0) return found;
  const repo = await repositoryIn(cwd);
  if (!repo) return found;
  const commitsOf = await Promise.all(paths.map((path) => commitsChanging(repo.top, `${repo.prefix}${path}`)));
  const specs = paths.flatMap((path, index) => commitsOf[index]!.map((commit) => `${commit}:${repo.prefix}${path}`));
  const texts = await readBlobs(repo.top, specs);
  let at = 0;
  paths.forEach((path, index) => {
    const commits = commitsOf[index]!;
    for (const [offset, commit] of commits.entries()) {
      const text = texts[at + offset];
      const value = text === undefined ? undefined : parse(path, text);
      if (value !== undefined) {
        found.set(path, { commit, value });
        break;
      }
    }
    at += commits.length;
  });
  return found;
}

/** The commits from HEAD back that changed `path` (relative to the repository's top), newest first. */
async function commitsChanging(top: string, path: string): Promise<string[]> {
  try {
    const out = await gitText(top, ['log', `-n${HISTORY_DEPTH}`, '--format=%H', 'HEAD', '--', `:(literal)${path}`]);
    return out.split('\n').filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  } catch {
    return []; // no commits yet, or no git
  }
}

/**
 * Where each path went in the commit that last changed it, when that commit renamed it
 * (git's rename detection: `git mv`, or a delete and an add of a file much like it): the
 * path it became (workspace-relative) and the commit. Two git processes per path, asked
 * only of a path that HEAD no longer has while something still names it.
 */
export async function renamedInHistory(cwd: string, paths: readonly string[]): Promise<Map<string, { to: string; commit: string }>> {
  const found = new Map<string, { to: string; commit: string }>();
  const repo = paths.length === 0 ? undefined : await repositoryIn(cwd);
  if (!repo) return found;
  await Promise.all(
    paths.map(async (path) => {
      const commit = (await commitsChanging(repo.top, `${repo.prefix}${path}`))[0];
      if (commit === undefined) return;
      const out = await gitText(repo.top, ['diff-tree', '-r', '-M', '--name-status', '--no-commit-id', '-z', commit]).catch(() => '');
      const fields = out.split('\0');
      for (let i = 0; i + 2 < fields.length; i++) {
        if (/^R\d*$/.test(fields[i]!) && fields[i + 1] === `${repo.prefix}${path}` && fields[i + 2]!.startsWith(repo.prefix)) {
          found.set(path, { to: fields[i + 2]!.slice(repo.prefix.length), commit });
          return;
        }
      }
    }),
  );
  return found;
}

/** The repository holding `cwd` and the workspace's path inside it (`''` or ending in `/`). */
export async function repositoryIn(cwd: string): Promise<{ top: string; prefix: string } | undefined> {
  let repo: Awaited<ReturnType<typeof repositoryOf>>;
  try {
    repo = await repositoryOf(cwd);
  } catch {
    return undefined;
  }
  if (!repo) return undefined;
  const prefix = relative(repo.top, cwd).split(sep).join('/');
  return { top: repo.top, prefix: prefix ? `${prefix}/` : '' };
}

/** The text of each object named (`<rev>:<path>`, an object id), undefined where there is none: one `git cat-file --batch`. */
export async function readBlobs(top: string, specs: readonly string[]): Promise<(string | undefined)[]> {
  const texts: (string | undefined)[] = [];
  if (specs.length === 0) return texts;
  const output = await catFileBatch(top, specs);
  let offset = 0;
  for (let index = 0; index < specs.length; index++) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd < 0) break;
    const header = output.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined); // `… missing`: no such file at that commit
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === 'blob' ? output.subarray(offset, offset + size).toString('utf8') : undefined);
    offset += size + 1;
  }
  return texts;
}

function catFileBatch(top: string, specs: readonly string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const exited = timeChild();
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A repository with no commits (or no git at all) has nothing to hold a file at.
    child.on('error', () => resolve(Buffer.alloc(0)));
    child.on('close', () => (exited(), resolve(Buffer.concat(chunks))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${specs.join('\n')}\n`);
  });
}

/** The commit HEAD points to, or undefined outside a repository or before the first commit. */
export async function headCommit(cwd: string): Promise<string | undefined> {
  try {
    return (await gitText(cwd, ['rev-parse', '-q', '--verify', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}
