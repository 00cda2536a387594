import pc from 'picocolors';
import { formatDiagnostic, printable, type Diagnostic } from '../diagnostics.js';
import type { CommitOutcome } from '../git/commit.js';
import type { ServedAnswer } from '../serve/client.js';

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

/** What a write command's commit lines are told besides the commit: its sync, its own files, what they are made from. */
export interface CommitContext {
  sync: { written: readonly string[]; triggers: readonly string[]; diagnostics: readonly Diagnostic[] } | null;
  own: readonly string[];
  /** Sources the command's own files are made from (`the drafts`), named as such when carried. */
  madeFrom?: { paths: readonly string[]; what: string } | undefined;
}

/**
 * The lines every write command ends with: the commit holding what it wrote, or why there
 * is none. Given what the command's sync did (`derived`), the files it wrote or committed
 * beside the command's own (`own`, listed by the command) are named first: the derived files
 * (`updated … (derived)`) and, in a commit, the uncommitted edits of yours it carried because
 * its derived values follow from them (the trigger rule: docs/derivation.md) — a commit
 * that says only "6 paths" would take a person's unfinished edit into history unnoticed.
 * Without a commit (`--no-commit`, `git.commit: false`), that nothing is committed: no later
 * sync commits those files for the person. What the sync held comes first (heldLines).
 */
export function committedLine(commit: CommitOutcome | null, derived?: CommitContext): string[] {
  return [...heldLines(derived?.sync?.diagnostics ?? []), ...commitLines(commit, derived)];
}

/**
 * What the command's sync held, as `sync` prints it: a thread in error elsewhere (a
 * `6-learnings.md`) keeps its derived values at HEAD, so the metrics and goals this commit
 * holds leave out what is on disk there — the same `derived-held` lines sync would print,
 * each naming the error, not a silent success.
 */
export function heldLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.rule === 'derived-held').map(formatDiagnostic);
}

function commitLines(commit: CommitOutcome | null, derived?: CommitContext): string[] {
  const own = new Set(derived?.own);
  const updated = (derived?.sync?.written ?? []).filter((p) => !own.has(p)).map((p) => `updated ${p} (derived)`);
  if (!commit) {
    // Nothing written (a draft run that skipped everyone, skills already current): no files to commit, nothing to say.
    if (!derived || (derived.sync && derived.sync.written.length === 0 && derived.sync.triggers.length === 0)) return [];
    return [...updated, 'not committed: commit these files with git when they are ready — `threadwork sync` commits only the sources of the derived changes it makes itself'];
  }
  // Nothing to commit is no news, unless it is because git ignores what was written.
  if (!commit.committed) return commit.reason === 'nothing-to-commit' && !commit.ignored ? [] : [...(commit.ignored ? updated : []), ...notCommittedLines(commit)];
  return [...updated, ...carriedLines(derived), `committed ${commit.commit.slice(0, 10)} (${pathCount(commit.paths)})`, ...commitWarningLines(commit)];
}

/**
 * What a commit was made with that the person must know, under its commit line: HEAD
 * detached (the next `git switch` leaves the commit behind), paths left out beyond a link,
 * git's index locked. Every command that commits prints it, as `sync` and `watch` do: in
 * JSON alone (`commit.warning`), a person who switched back to their branch lost the work.
 */
export function commitWarningLines(commit: CommitOutcome | null | undefined): string[] {
  return commit?.committed && commit.warning ? [`${pc.yellow('warning:')} ${printable(commit.warning)}`] : [];
}

/** Why a commit was not made, under the files written: `not committed: git ignores them (.gitignore): …`. */
export function notCommittedLines(commit: CommitOutcome | null | undefined): string[] {
  return commit && !commit.committed ? [`${pc.yellow('not committed:')} ${printable(commit.message)}`] : [];
}

/**
 * The uncommitted sources a commit carried beside the command's own files, one line each, for
 * the lines before the commit line. Each says why it was carried: the derived values follow
 * from it, or the command's own files are made from it (`madeFrom`: drafts from their Stage 5).
 */
export function carriedLines(derived?: CommitContext): string[] {
  const own = new Set(derived?.own);
  const madeFrom = new Set(derived?.madeFrom?.paths);
  return (derived?.sync?.triggers ?? [])
    .filter((p) => !own.has(p))
    .map((p) => `committed with it: ${p} (your uncommitted edit, which ${madeFrom.has(p) ? `${derived!.madeFrom!.what} are made from` : 'the derived values follow from'})`);
}

/** How many paths a commit holds: `1 path`, `2 paths`. */
export function pathCount(paths: readonly string[]): string {
  return `${paths.length} ${paths.length === 1 ? 'path' : 'paths'}`;
}

/** `served` in the JSON of a command a process keeping the workspace warm answered (serve/): which process. */
export function servedBy(served: ServedAnswer | undefined): { served?: { pid: number } } {
  return served ? { served: { pid: served.pid } } : {};
}

/** A diagnostic as `check` prints it on a terminal: the place in bold, the severity in its colour. */
export function formatColored(d: Diagnostic): string {
  const severity = d.severity === 'error' ? pc.red('error') : pc.yellow('warning');
  return `${pc.bold(`${printable(d.path)}:${d.line}:${d.column}`)} ${severity} ${printable(d.message)} ${pc.dim(`(${d.rule})`)}`;
}

/**
 * What `check` warns about in the files a write command wrote and built on, one line each:
 * the command went ahead, and the person hears of it now rather than at the next `check`.
 * (A process keeping the workspace warm that is older than this one answers without them.)
 */
export function warningLines(warnings: readonly Diagnostic[] | undefined): string[] {
  return (warnings ?? []).map(formatColored);
}
