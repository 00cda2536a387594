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
  let out: string;
  try {
    out = await gitRaw(repo.top, ['log', '--fixed-strings', ...lines.map((line) => `--grep=${line}`), '--format=%H%x1f%aI%x1f%an%x1f%B%x1e']);
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
