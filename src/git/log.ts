import { gitRaw } from './git.js';
import { repositoryOf } from './repo.js';

export interface LoggedCommit {
  commit: string;
  date: string;
  author: string;
  subject: string;
  body: string[];
  trailers: { key: string; value: string }[];
}

/**
 * Commits that carry threadwork trailers, newest first, all of them: an audit trail that
 * stopped at some count would answer "no changes" for what happened before it. `lines`
 * narrows them, in git, to commits with a line containing one of these strings (a
 * history's trailers): a workspace a watcher commits to gathers tens of thousands.
 */
export async function readThreadworkCommits(cwd: string, lines: readonly string[] = ['Threadwork-']): Promise<LoggedCommit[]> {
  const repo = await repositoryOf(cwd);
  if (!repo) return [];
  return loggedCommits(repo.top, ['--fixed-strings', ...lines.map((line) => `--grep=${line}`)]);
}

/**
 * Every commit that touched `path` (relative to `cwd`; a file or a folder), newest first,
 * threadwork's or not: the caller tells them apart by their trailers. `options` narrows
 * them (`--diff-filter=MD`).
 */
export async function readCommitsTouching(cwd: string, path: string, options: readonly string[] = []): Promise<LoggedCommit[]> {
  const repo = await repositoryOf(cwd);
  if (!repo) return [];
  return loggedCommits(cwd, options, ['--', path]);
}

async function loggedCommits(cwd: string, options: readonly string[], paths: readonly string[] = []): Promise<LoggedCommit[]> {
  let out: string;
  try {
    out = await gitRaw(cwd, ['log', ...options, '--format=%H%x1f%aI%x1f%an%x1f%B%x1e', ...paths]);
  } catch {
    return []; // no commits yet
  }
  return out
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.trim())
    .map((record) => {
      const [commit, date, author, message] = record.split('\x1f') as [string, string, string, string];
      const lines = message.replace(/\n+$/, '').split('\n');
      const body = lines.slice(1).filter((l) => l.trim() && !/^Threadwork-[A-Za-z]+: /.test(l));
      return { commit, date, author, subject: lines[0] ?? '', body, trailers: trailersOf(lines) };
    });
}

/** A commit that changed one file, with the file's text before and after it. */
export interface FileChange extends LoggedCommit {
  before: string;
  after: string;
}

/**
 * The commits that changed `path` (relative to `cwd`), newest first, each with the file's
 * text before and after, in one git call: the patch with a context as long as any file, so
 * one hunk holds every line — context lines belong to both texts, `-` to the one before,
 * `+` to the one after. Merges (no patch) and the commit that made the file are left out.
 */
export async function readFileChanges(cwd: string, path: string): Promise<FileChange[]> {
  const repo = await repositoryOf(cwd);
  if (!repo) return [];
  let out: string;
  try {
    out = await gitRaw(cwd, ['log', '--diff-filter=M', '--no-color', '--no-ext-diff', '--unified=100000000', '--format=%x1e%H%x1f%aI%x1f%an%x1f%B%x1d', '-p', '--', path]);
  } catch {
    return [];
  }
  return out
    .split('\x1e')
    .filter((record) => record.includes('\x1d'))
    .map((record) => {
      const [head, patch] = record.split('\x1d') as [string, string];
      const [commit, date, author, message] = head.split('\x1f') as [string, string, string, string];
      const lines = message.replace(/\n+$/, '').split('\n');
      return { commit, date, author, subject: lines[0] ?? '', body: lines.slice(1), trailers: trailersOf(lines), ...bothSides(patch) };
    });
}

/** A commit message's `Threadwork-*: value` lines. */
function trailersOf(lines: readonly string[]): LoggedCommit['trailers'] {
  return lines.flatMap((l) => {
    const m = /^(Threadwork-[A-Za-z]+): (.+)$/.exec(l);
    return m ? [{ key: m[1]!, value: m[2]! }] : [];
  });
}

function bothSides(patch: string): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  let inHunk = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('@@')) inHunk = true;
    else if (!inHunk || line.startsWith('\\')) continue;
    else if (line.startsWith('-')) before.push(line.slice(1));
    else if (line.startsWith('+')) after.push(line.slice(1));
    else if (line.startsWith(' ')) {
      before.push(line.slice(1));
      after.push(line.slice(1));
    }
  }
  return { before: before.join('\n'), after: after.join('\n') };
}

/**
 * The names `file` (relative to `cwd`) had before, newest first, as `git log --follow`
 * finds its renames: a thread folder renamed with `git mv` is traced by a file it keeps.
 * Paths relative to `cwd`; none outside a repository or before a first commit.
 *
 * Only renames: `--follow` also takes a file added beside a similar one for a copy of it
 * (`C080`), and every deal opened from the same template looks like a copy of the one opened
 * before it — `history` of a third deal read "formerly" the first two and listed their
 * commits as its own. The trail stops where the file was added, copied or not.
 */
export async function formerNamesOf(cwd: string, file: string): Promise<string[]> {
  const repo = await repositoryOf(cwd);
  if (!repo) return [];
  let out: string;
  try {
    out = await gitRaw(cwd, ['log', '--follow', '--relative', '--name-status', '--format=', '--', file]);
  } catch {
    return [];
  }
  return renamedFrom(out, file);
}

/** The earlier names in `git log --follow --name-status` output, newest first, up to the commit that added the file (`A`, or a copy `C…`). */
function renamedFrom(nameStatus: string, file: string): string[] {
  const names: string[] = [];
  for (const line of nameStatus.split('\n')) {
    const [status = '', from = '', to] = line.split('\t');
    if (status.startsWith('A') || status.startsWith('C')) break;
    if (status.startsWith('R') && to !== undefined && from !== file) names.push(from);
  }
  return [...new Set(names)];
}
