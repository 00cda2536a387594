import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { threadOf } from '../../workspace/layout.js';
import { runSync, type SyncResult } from '../../sync/run.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import { NOT_UTF8_STALE } from '../../workspace/read-files.js';
import { commitWarningLines, formatColored, pathCount, servedBy, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { printable, type Diagnostic } from '../../diagnostics.js';
import { askServer } from '../../serve/client.js';
import { continueCommand, leavesWorkingChanges, operationName, resolveStep, type GitOperation } from '../../git/operation.js';
import { gitOperationAt } from '../../git/unmerged.js';
import { poppedStashKept, DROP_POPPED_STASH } from '../../git/popped-stash.js';
import { poppedStashNote } from '../../git/stopped.js';

export async function syncCommand(flags: { dryRun?: boolean; commit: boolean; cache?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  // Not through openWorkspace: the engine is loaded only when the workspace is not at a fixed point it knows (sync/run.ts).
  const root = findWorkspaceRoot(options.dir);
  const cache = flags.cache !== false;
  // A process keeping the workspace warm (the MCP server) syncs it, when one runs: the same transaction, on its warm state.
  const served = cache ? await askServer(root, { op: 'sync', dryRun: flags.dryRun === true, commit: flags.commit }) : undefined;
  // Asked before the run: its commit ends git's AUTO_MERGE, the only trace of the pop.
  const stashLeft = await poppedStashKept(root);
  const result = (served?.value as SyncResult | undefined) ?? (await runSync(root, { dryRun: flags.dryRun === true, commit: flags.commit, cache }));
  const errors = result.diagnostics.some((d) => d.severity === 'error');
  const text = describeSync(result, root, await pausedBy(result, root));
  return { json: { root, ...result, ...servedBy(served) }, text: stashLeft ? `${text}\n${pc.yellow('note:')} ${poppedStashNote(DROP_POPPED_STASH)}` : text, exitCode: errors ? 1 : 0 };
}

/**
 * The merge, rebase, cherry-pick… that keeps the run's files from being committed: when the
 * commit the run attempted was refused for it, else (nothing to write) only when files are
 * left uncommitted. Asked of git's directory either way: the commit's reason does not say
 * which command finishes it.
 */
async function pausedBy(result: SyncResult, root: string): Promise<GitOperation | undefined> {
  const reason = result.commit && !result.commit.committed ? result.commit.reason : undefined;
  const refused = reason === 'merge-in-progress' || reason === 'rebase-in-progress';
  return refused || (!result.commit && !result.dryRun && result.uncommitted?.length) ? gitOperationAt(root) : undefined;
}

export function describeSync(result: SyncResult, root?: string, paused?: GitOperation): string {
  const lines = result.diagnostics.map(formatColored);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  // The exit code is 1 with errors: the last line must not say all is well.
  const mark = errors > 0 ? pc.red('✗') : pc.green('✓');
  // Files a derived value could not be written to (their bytes would change): not in sync.
  const stale = result.diagnostics.filter((d) => d.rule === 'not-utf8' && d.message.endsWith(NOT_UTF8_STALE)).length;
  const left = leftUncommitted(result.uncommitted, root, result.diagnostics, paused);
  // Said once: the line on sources in error left uncommitted (leftUncommitted) already says a file in error is held, not committed.
  const heldSaid = inErrorAmong(result.uncommitted ?? [], result.diagnostics).length > 0;
  const errorsNote = errors > 0 ? `${errors} ${errors === 1 ? 'error' : 'errors'} above${heldSaid ? '' : ' (a file with an error is neither edited nor committed)'}` : '';
  if (result.edits.length === 0) {
    if (left) lines.push(left);
    // With nothing derived to write, a commit is of sources alone — goal files added or removed (a rename whose threads follow it) — or the one of an interrupted transaction this run finished.
    if (result.commit?.committed && result.triggers.length > 0) lines.push(`${mark} nothing derived to write; committed ${result.commit.commit.slice(0, 10)} (${pathCount(result.commit.paths)}): goal files added or removed, with the threads naming them${errorsNote ? `; ${errorsNote}` : ''}`);
    else if (result.commit?.committed) lines.push(`${mark} finished an interrupted write and committed it: ${result.commit.commit.slice(0, 10)} (${pathCount(result.commit.paths)}); nothing else to write${errorsNote ? `; ${errorsNote}` : ''}`);
    // Its commit refused (a file saved while it was made): written, not committed — never "in sync".
    else if (result.commit) lines.push(`${pc.yellow('⚠')} finished an interrupted write; ${pc.yellow('not committed:')} ${printable(result.commit.message)}${errorsNote ? `; ${errorsNote}` : ''}`);
    else if (errors > 0) lines.push(`${mark} nothing to write, but not clean: ${errorsNote}`);
    else if (stale > 0) lines.push(`${pc.yellow('⚠')} nothing written, but not in sync: ${stale} ${stale === 1 ? 'file' : 'files'} to update ${stale === 1 ? 'is' : 'are'} not valid UTF-8 (${stale === 1 ? 'warning' : 'warnings'} above); re-save ${stale === 1 ? 'it' : 'them'} as UTF-8`);
    else lines.push(pc.green('✓ in sync: nothing to write'));
    return lines.join('\n');
  }
  const verb = result.dryRun ? 'would write' : 'wrote';
  lines.push(...result.changes.map((c) => `  ${printable(c.description)}`));
  if (left) lines.push(left);
  lines.push(`${result.dryRun ? pc.yellow('dry run:') : mark} ${verb} ${result.edits.length} ${result.edits.length === 1 ? 'file' : 'files'}: ${result.edits.map((e) => printable(e.path)).join(', ')}${errorsNote ? `; ${errorsNote}` : ''}`);
  if (result.commit?.committed) lines.push(...carriedSources(result), `${pc.green('committed')} ${result.commit.commit.slice(0, 10)} (${pathCount(result.commit.paths)})`);
  if (result.commit?.committed) lines.push(...commitWarningLines(result.commit));
  else if (result.commit) lines.push(`${pc.yellow('not committed:')} ${printable(result.commit.message)}`);
  return lines.join('\n');
}

/**
 * The uncommitted sources the commit carried beside the files written, as every write command
 * names them (`committed with it: …`): "wrote 3 files" above "committed (5 paths)" left the
 * person to guess the other two. One line, however many: a sync after a day's edits carries many.
 */
function carriedSources(result: SyncResult): string[] {
  const written = new Set(result.edits.map((e) => e.path));
  const carried = result.triggers.filter((p) => !written.has(p));
  if (carried.length === 0) return [];
  const one = carried.length === 1;
  return [`committed with ${one ? 'it' : 'them'}: ${named(carried)} (your uncommitted ${one ? 'edit' : 'edits'}, which the derived values follow from)`];
}

/** At most this many uncommitted sources are named; the rest are counted. */
const NAMED_UNCOMMITTED = 10;

/**
 * The sources the run left differing from HEAD: a thread opened with `--no-commit` stays
 * out of every later sync's commit when it moves nothing, so the person is told (before
 * the last line, which says how the run went). One no longer on disk (under `root`) is
 * named as deleted: "differs" sent the person looking for an edit they never made. One with
 * an error (in `diagnostics`) is held, not synced: the advice is to fix it, never to commit it.
 */
export function leftUncommitted(paths: readonly string[] | null | undefined, root?: string, diagnostics: readonly Diagnostic[] = [], paused?: GitOperation): string | undefined {
  if (!paths || paths.length === 0) return undefined;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const inError = new Set(errors.map((d) => d.path));
  const holding = heldBy(diagnostics);
  const broken = inErrorAmong(paths, diagnostics);
  const held = paths.filter((p) => !inError.has(p) && holding(p));
  const valid = paths.filter((p) => !inError.has(p) && !holding(p));
  const lines: string[] = [];
  const deleted = deletedAmong(paths, root);
  if (valid.length > 0) lines.push(paused ? whilePaused(valid, paused) : toCommit(valid, deleted));
  if (broken.length > 0) {
    const one = broken.length === 1;
    const count = errors.filter((d) => broken.includes(d.path)).length;
    lines.push(`${pc.yellow('⚠')} ${broken.length} source ${one ? 'file' : 'files'} in error ${one ? 'is' : 'are'} not committed: ${named(broken)}; fix the ${count === 1 ? 'error' : 'errors'} above — a file in error is held, neither synced nor committed, until it is valid`);
  }
  // Valid, but held with a file in error (a thread in error, a renamed segment's canvas): committed by hand, HEAD would hold what derivation refuses.
  // One gone from disk (the old name of a folder or goal file renamed by hand) is said to be gone: named bare, the person looked for a file that is not there.
  if (held.length > 0) {
    const one = held.length === 1;
    const gone = held.filter((p) => deleted.has(p)).length;
    const what = one ? `${gone > 0 ? 'deleted ' : ''}source file is` : `source files${gone > 0 ? ` (${gone} deleted)` : ''} are`;
    const commits = gone === 0 ? (one ? 'it' : 'them') : one ? 'its deletion' : 'them, deletions included';
    lines.push(`${pc.yellow('⚠')} ${held.length} ${what} held and not committed: ${named(held, markDeleted(deleted))}; fix what holds ${one ? 'it' : 'them'} (the Held lines above), and the next sync commits ${commits} — not by hand meanwhile`);
  }
  return lines.join('\n');
}

/** Of `paths`, those with an error among `diagnostics`: sources held, never committed, until fixed. */
function inErrorAmong(paths: readonly string[], diagnostics: readonly Diagnostic[]): string[] {
  const inError = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.path));
  return paths.filter((p) => inError.has(p));
}

/** Whether a path is held by a `derived-held` warning: the file it names, or a file of the thread it names. */
function heldBy(diagnostics: readonly Diagnostic[]): (path: string) => boolean {
  const files = new Set<string>();
  const threads = new Set<string>();
  for (const d of diagnostics) {
    if (d.rule !== 'derived-held') continue;
    files.add(d.path);
    const thread = threadOf(d.path.split('/'))?.thread;
    if (thread) threads.add(thread);
  }
  return (path) => files.has(path) || threads.has(threadOf(path.split('/'))?.thread ?? '');
}

/** At most NAMED_UNCOMMITTED paths, the rest counted. */
function named(paths: readonly string[], shown: (p: string) => string = (p) => p): string {
  // Escaped as diagnostic lines are: a newline in a folder name must not split the line, nor an escape code reach the terminal.
  return paths.slice(0, NAMED_UNCOMMITTED).map((p) => printable(shown(p))).join(', ') + (paths.length > NAMED_UNCOMMITTED ? ` and ${paths.length - NAMED_UNCOMMITTED} more` : '');
}

/**
 * Files left uncommitted while git is stopped in a merge or rebase: what this run wrote as
 * well as the person's edits (a derived block is no "source" the person must commit). No
 * commit is made until it is finished, whatever their kind: git commits them as it finishes
 * it, once added — `git rebase --continue` refuses while one differs unstaged.
 */
function whilePaused(paths: readonly string[], paused: GitOperation): string {
  const one = paths.length === 1;
  if (leavesWorkingChanges(paused)) return `${pc.yellow('⚠')} ${paths.length} ${one ? 'file differs' : 'files differ'} from HEAD and ${one ? 'is' : 'are'} not committed while files a ${operationName(paused)} left unmerged are unresolved (threadwork commits nothing until they are): ${named(paths)}; ${resolveStep(paused)}`;
  return `${pc.yellow('⚠')} ${paths.length} ${one ? 'file differs' : 'files differ'} from HEAD and ${one ? 'is' : 'are'} not committed while a ${operationName(paused)} is in progress (threadwork commits nothing until it is finished): ${named(paths)}; \`git add\` ${one ? 'it' : 'them'}, then \`${continueCommand(paused)}\`, which commits ${one ? 'it' : 'them'} as it finishes the ${operationName(paused)}`;
}

/** Those of `paths` no longer on disk under `root` (none known without it). */
function deletedAmong(paths: readonly string[], root: string | undefined): ReadonlySet<string> {
  return new Set(root === undefined ? [] : paths.filter((p) => !existsSync(join(root, p))));
}

/** A path as listed: ` (deleted)` after one gone from disk. */
function markDeleted(deleted: ReadonlySet<string>): (path: string) => string {
  return (p) => (deleted.has(p) ? `${p} (deleted)` : p);
}

/** Valid sources left uncommitted: the person commits them with git when they are ready. */
function toCommit(paths: readonly string[], goneFromDisk: ReadonlySet<string>): string {
  const one = paths.length === 1;
  const deleted = new Set(paths.filter((p) => goneFromDisk.has(p)));
  const how = deleted.size === 0 ? '`git add`' : `\`git add\` (\`git rm\` for a deleted one)`;
  const what = one ? (deleted.size > 0 ? 'file was deleted' : 'file differs from HEAD') : `files differ from HEAD${deleted.size > 0 ? ` (${deleted.size} deleted)` : ''}`;
  return `${pc.yellow('⚠')} ${paths.length} source ${what} and ${one ? 'is' : 'are'} not committed (sync commits only the files its derived changes come from): ${named(paths, markDeleted(deleted))}; commit ${one ? 'it' : 'them'} with ${how} and \`git commit\` when ${one ? 'it is' : 'they are'} ready`;
}
