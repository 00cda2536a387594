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
  return commit.committed ? [`committed ${commit.commit.slice(0, 10)} (${commit.paths.length} paths)`] : commit.reason === 'nothing-to-commit' ? [] : [`not committed: ${commit.message}`];
}
