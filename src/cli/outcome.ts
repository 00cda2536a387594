import type { CommitOutcome } from '../git/commit.js';

/** What a command hands back to the one place that prints and exits. */
export interface CommandOutcome {
  /** The single JSON document printed with --json; undefined for commands that stream JSON lines (watch). */
  json: unknown;
  /** What a person sees without --json. */
  text: string;
  exitCode: 0 | 1;
}

export interface GlobalOptions {
  dir: string;
  json: boolean;
}

/** The line every write command ends with: the commit holding what it wrote, or why there is none. */
export function committedLine(commit: CommitOutcome | null): string[] {
  if (!commit) return [];
  return commit.committed ? [`committed ${commit.commit.slice(0, 10)} (${pathCount(commit.paths)})`] : commit.reason === 'nothing-to-commit' ? [] : [`not committed: ${commit.message}`];
}

/** How many paths a commit holds: `1 path`, `2 paths`. */
export function pathCount(paths: readonly string[]): string {
  return `${paths.length} ${paths.length === 1 ? 'path' : 'paths'}`;
}
