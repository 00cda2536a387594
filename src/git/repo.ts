import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { gitAt, gitText } from './git.js';
import { gitMark } from './git-mark.js';
import { rememberedRepository } from '../workspace/checkout-dir.js';

/** Whether `dir` is inside a git work tree. */
export async function isInsideRepository(dir: string): Promise<boolean> {
  try {
    return await gitAt(dir).checkIsRepo();
  } catch {
    return false;
  }
}

/** `git init` with `main` as the first branch, whatever the machine's default is. */
export async function initRepository(dir: string): Promise<void> {
  await gitAt(dir).init(['--initial-branch=main']);
}

export interface Repository {
  top: string;
  gitDir: string;
}

/** What a found repository was found from: each `.git` on the way from the folder up to the top. */
interface KnownRepository {
  repo: Repository;
  /** Per folder from `cwd` up to the top: its `.git` as an identity, '' where there is none. */
  marks: string[];
  folders: string[];
}

/**
 * Repositories found in this process, by folder. A watcher asks for its repository at
 * every write (the lock's repair and the commit); a `git rev-parse` each time is a process
 * spawned from a large heap — 4–5 ms at 10,000 deals, a fifth of a watch cycle. The answer
 * stands while every `.git` on the way from the folder to the top is what it was (none
 * appeared below the top, the top's is the same folder — inode and birth time — or the same
 * unchanged file) and
 * git's environment is the same; anything else asks git again.
 */
const known = new Map<string, KnownRepository>();
const KNOWN_MAX = 64;

export async function repositoryOf(cwd: string): Promise<Repository | undefined> {
  const key = `${cwd}\0${process.env.GIT_DIR ?? ''}\0${process.env.GIT_WORK_TREE ?? ''}\0${process.env.GIT_CEILING_DIRECTORIES ?? ''}`;
  const cached = known.get(key);
  if (cached && cached.folders.every((folder, i) => gitMark(folder) === cached.marks[i])) return cached.repo;
  // git's answer kept between processes (checkout-dir.ts: keyed by every `.git` on the way, the config and git's environment): no spawn in a fresh process.
  let repo: Repository | undefined = rememberedRepository(cwd);
  if (!repo) {
    try {
      const [top, gitDir] = (await gitText(cwd, ['rev-parse', '--show-toplevel', '--git-dir'])).trim().split('\n');
      if (top && gitDir) repo = { top, gitDir: isAbsolute(gitDir) ? gitDir : join(cwd, gitDir) };
    } catch (error) {
      if (/not a git repository/i.test(error instanceof Error ? error.message : String(error))) return undefined;
      throw error;
    }
  }
  if (!repo) return undefined;
  const folders = foldersUpTo(cwd, repo.top);
  if (folders) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, { repo, folders, marks: folders.map(gitMark) });
  }
  return repo;
}

/** `cwd` and its parents up to `top`; undefined when `top` is not one of them (a symbolic link on the way: not cached). */
function foldersUpTo(cwd: string, top: string): string[] | undefined {
  const rel = relative(top, cwd);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const folders = [cwd];
  for (let folder = cwd, steps = rel ? rel.split(sep).length : 0; steps > 0; steps -= 1) folders.push((folder = dirname(folder)));
  return folders[folders.length - 1] === top ? folders : undefined;
}
