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

/**
 * The line every write command ends with: the commit holding what it wrote, or why there is
 * none. Without a commit (`--no-commit`, `git.commit: false`) and given what the command's
 * sync wrote, the derived files it wrote beside its own (`own`, listed by the command) are
 * named, and that nothing is committed: no later sync commits them for the person.
 */
export function committedLine(commit: CommitOutcome | null, derived?: { sync: { written: readonly string[] } | null; own: readonly string[] }): string[] {
  if (!commit) {
    if (!derived) return [];
    const own = new Set(derived.own);
    const written = (derived.sync?.written ?? []).filter((p) => !own.has(p));
    const updated = written.map((p) => `updated ${p} (derived)`);
    return [...updated, 'not committed: commit these files with git when they are ready — `threadwork sync` commits only the sources of the derived changes it makes itself'];
  }
  return commit.committed ? [`committed ${commit.commit.slice(0, 10)} (${pathCount(commit.paths)})`] : commit.reason === 'nothing-to-commit' ? [] : [`not committed: ${commit.message}`];
}

/** How many paths a commit holds: `1 path`, `2 paths`. */
export function pathCount(paths: readonly string[]): string {
  return `${paths.length} ${paths.length === 1 ? 'path' : 'paths'}`;
}
