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
 * Every commit `filter` selects (`-G…`, then `--` and paths relative to `cwd`), newest
 * first, threadwork's or not: the caller tells them apart by their trailers.
 */
export async function readCommitsTouching(cwd: string, filter: readonly string[]): Promise<LoggedCommit[]> {
  const repo = await repositoryOf(cwd);
  if (!repo) return [];
  return loggedCommits(cwd, filter);
}

async function loggedCommits(cwd: string, filter: readonly string[]): Promise<LoggedCommit[]> {
  const paths = filter.indexOf('--');
  const options = paths < 0 ? filter : filter.slice(0, paths);
  let out: string;
  try {
    out = await gitRaw(cwd, ['log', ...options, '--format=%H%x1f%aI%x1f%an%x1f%B%x1e', ...(paths < 0 ? [] : filter.slice(paths))]);
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
      const trailers = lines.flatMap((l) => {
        const m = /^(Threadwork-[A-Za-z]+): (.+)$/.exec(l);
        return m ? [{ key: m[1]!, value: m[2]! }] : [];
      });
      const body = lines.slice(1).filter((l) => l.trim() && !/^Threadwork-[A-Za-z]+: /.test(l));
      return { commit, date, author, subject: lines[0] ?? '', body, trailers };
    });
}
