import pc from 'picocolors';
import { printable } from '../diagnostics.js';
import { outputWidth } from '../report/terminal.js';
import { truncate, truncateStart, visibleLength, withoutColour } from '../text-width.js';
import { fallbackIdentityWarningIn } from '../git/commit-config.js';
import type { CycleReport } from '../watch/watcher.js';
import { classifyPath } from '../workspace/layout.js';
import { commitWarningLines, formatColored } from './outcome.js';

/**
 * How much of a cycle a text line names before it counts the rest: a save of 50 files, or
 * a change moving every metric, made one line of 1,400–1,900 characters — no longer a
 * line anyone reads. `--json` keeps every change, file and problem.
 */
const CHANGES_NAMED = 3;
const FIXED_NAMED = 3;
const PROBLEMS_LISTED = 5;
/** A path or reason cut to fit the terminal keeps at least this many cells: shorter says nothing. */
const NARROWEST_PIECE = 12;
/** A change cut shorter than this is only counted (`9 changes`): `A1 confid…` says nothing. */
const NARROWEST_CHANGE = 20;

/** The cuts a line takes to fit its width, tried in order until it fits. */
interface Shape {
  changes: number;
  fixed: number;
  /** Cells the first trigger path is cut to; the first change and the commit message likewise. */
  triggerCells?: number;
  fixedCells?: number;
  /** The one file fixed is the one saved: not named twice. */
  fixedSelf?: boolean;
  changeCells?: number;
  reasonCells?: number;
}

/**
 * A cycle's text line: `HH:MM:SS <trigger> → <changes> [commit]; fixed <files>`, and under it
 * the problems it lists and the warning its commit stood with. One line per cycle, whatever
 * the cycle held: it names the first few changes, fixed files and problems and counts the
 * rest, pointing to where they are (the commit, `threadwork check`); on a terminal
 * (outputWidth(): `COLUMNS`, else the terminal's) every line is fitted to its width.
 */
export function describeCycle(report: CycleReport, outsideGitTold: boolean, width = outputWidth()): string {
  let head = headLine(report, outsideGitTold, { changes: CHANGES_NAMED, fixed: FIXED_NAMED });
  if (width !== undefined) head = fittedHead(report, outsideGitTold, head, width);
  const listed = report.diagnostics.slice(0, PROBLEMS_LISTED).map((d) => `  ${formatColored(d)}`);
  const unlisted = report.diagnostics.length - listed.length;
  if (unlisted > 0) listed.push(`  ${pc.dim(`… ${unlisted} more ${unlisted === 1 ? 'problem' : 'problems'}: \`threadwork check\` lists them all`)}`);
  // What the commit stood with (HEAD detached, the index left for git to repair): said as sync says it, under the cycle.
  listed.unshift(...commitWarningLines(report.commit).map((line) => `  ${line}`));
  const under = width === undefined ? listed : listed.map((line) => fitted(line, width));
  return [head, ...under].join('\n');
}

/**
 * A watch session's cycles with the fallback-identity warning (git has no user.name or
 * user.email: commit-config.ts) left out of each commit's warning after the first that
 * said it: on a fresh machine every save's line carried the same advice. Said again when
 * it changes (the name set, the email still not) or comes back after a commit made
 * without it. For the text lines only: `--json` keeps each commit's warning whole.
 */
export function fallbackIdentityToldOnce(): (report: CycleReport) => CycleReport {
  let told: string | undefined;
  return (report) => {
    const commit = report.commit;
    if (!commit?.committed) return report;
    const said = commit.warning === undefined ? undefined : fallbackIdentityWarningIn(commit.warning);
    if (said === undefined || said !== told) {
      told = said;
      return report;
    }
    const { warning, ...made } = commit;
    const rest = warning!.split(said).join('').replace(/^; |; $/g, '').replace('; ; ', '; ');
    return { ...report, commit: rest ? { ...made, warning: rest } : made };
  };
}

/**
 * The head line made to fit `width`: fewer changes and fixed files named; the one change
 * left cut, or only counted (`9 changes`) when a cut would leave too little of it; the fixed
 * files counted; then a fixed file's and the first trigger's path cut at their start (the
 * thread and file kept) and a commit's reason cut.
 */
function fittedHead(report: CycleReport, outsideGitTold: boolean, head: string, width: number): string {
  const over = (line: string): number => visibleLength(line) - width;
  const shapes: Shape[] = [{ changes: 2, fixed: FIXED_NAMED }, { changes: 1, fixed: FIXED_NAMED }, { changes: 1, fixed: 1 }];
  let shape: Shape = { changes: CHANGES_NAMED, fixed: FIXED_NAMED };
  for (const next of shapes) {
    if (over(head) <= 0) return head;
    shape = next;
    head = headLine(report, outsideGitTold, shape);
  }
  if (over(head) > 0 && report.changes.length > 0) {
    const room = visibleLength(printable(report.changes[0]!.description)) - over(head) - 1;
    shape = room >= NARROWEST_CHANGE ? { ...shape, changeCells: room } : { ...shape, changes: 0 };
    head = headLine(report, outsideGitTold, shape);
  }
  if (over(head) > 0 && report.fixed.length > 1) {
    shape = { ...shape, fixed: 0 };
    head = headLine(report, outsideGitTold, shape);
  }
  // The file saved is the file it fixed: `a.md → nothing written; fixed` says it once, where both cut read `…/a.md → …; fixed …a.md`.
  if (over(head) > 0 && report.fixed.length === 1 && report.trigger.length === 1 && report.fixed[0] === report.trigger[0]) {
    shape = { ...shape, fixedSelf: true };
    head = headLine(report, outsideGitTold, shape);
  }
  for (const piece of ['fixedCells', 'triggerCells', 'reasonCells'] as const) {
    if (over(head) <= 0) return head;
    const length = visibleLength(printable(piece === 'fixedCells' ? (report.fixed.length === 1 ? report.fixed[0]! : '') : piece === 'triggerCells' ? (report.trigger[0] ?? '') : report.commit && !report.commit.committed ? report.commit.message : ''));
    if (length <= NARROWEST_PIECE) continue;
    shape = { ...shape, [piece]: Math.max(NARROWEST_PIECE, length - over(head) - 1) };
    head = headLine(report, outsideGitTold, shape);
  }
  return head;
}

/** A problem's line cut to the width, its place (`file:line:col`) first: `threadwork check` prints it whole. */
function fitted(line: string, width: number): string {
  return visibleLength(line) <= width ? line : truncate(withoutColour(line), width - 1);
}

/**
 * Watch's own lines beside its cycles — what the start-up left uncommitted, outside git,
 * stopping — each cut to the terminal's width as a cycle's are: a 300-character "not
 * committed" line wrapped over four rows among one-row cycles. `threadwork sync` and
 * `--json` name every file whole.
 */
export function fittedLines(text: string, width = outputWidth()): string {
  return width === undefined ? text : text.split('\n').map((line) => fitted(line, width)).join('\n');
}

/**
 * `watching <root>[; <served> here are answered from this watcher] — Ctrl-C to stop`, fitted
 * to the width: the root is cut at its start first (its last folders tell it from another),
 * then the commands served are left out (`threadwork watch --json` says `serving`), so how
 * to stop stays on the line; only then is the end cut.
 */
export function startupLine(root: string, served: string | undefined, width = outputWidth()): string {
  const at = printable(root);
  const line = (shown: string, withServed: boolean): string => `watching ${shown}${served && withServed ? `; ${served} here are answered from this watcher` : ''} — Ctrl-C to stop`;
  if (width === undefined || visibleLength(line(at, true)) <= width) return pc.dim(line(at, true));
  const cutRoot = (withServed: boolean): string => truncateStart(at, Math.max(NARROWEST_PIECE, visibleLength(at) - (visibleLength(line(at, withServed)) - width)));
  const shortest = [line(cutRoot(true), true), line(cutRoot(false), false)].find((candidate) => visibleLength(candidate) <= width) ?? line(cutRoot(false), false);
  return pc.dim(fitted(shortest, width));
}

function headLine(report: CycleReport, outsideGitTold: boolean, shape: Shape): string {
  // Escaped as the diagnostic lines below it are: a newline in a folder name must not split the line.
  const time = pc.dim(clockTime(new Date(report.time)));
  const trigger = report.kind === 'startup' ? 'startup sync' : report.kind === 'reconcile' ? 'reconcile' : report.kind === 'served' ? `${report.command} (served)${report.trigger.length ? ` ${describeTrigger(report, shape.triggerCells)}` : ''}` : describeTrigger(report, shape.triggerCells);
  const changes = report.changes.length ? describeChanges(report, shape) : report.written.length ? `${report.written.length} ${report.written.length === 1 ? 'file' : 'files'} written` : report.kind === 'startup' && report.diagnostics.length === 0 ? 'in sync' : 'nothing written';
  const toldAlready = outsideGitTold && report.commit?.committed === false && report.commit.reason === 'not-a-repository';
  const reason = report.commit && !report.commit.committed ? cut(printable(report.commit.message), shape.reasonCells) : '';
  const commit = report.commit?.committed ? pc.yellow(` [${report.commit.commit.slice(0, 7)}]`) : report.commit && !toldAlready ? pc.dim(` (not committed: ${reason})`) : '';
  const recovered = report.recovered?.committed ? `; finished an interrupted write and committed it${pc.yellow(` [${report.recovered.commit.slice(0, 7)}]`)}` : '';
  const fixed = shape.fixed === 0 ? `${report.fixed.length} files` : shape.fixedCells !== undefined ? truncateStart(printable(report.fixed[0]!), shape.fixedCells) : named(report.fixed.map(printable), shape.fixed);
  const resolved = (report.fixed.length ? `; ${pc.green('fixed')}${shape.fixedSelf ? '' : ` ${fixed}`}` : '') + (report.released.length ? `; ${pc.green('no longer held')} ${named(report.released.map(printable), shape.fixed || 1)}` : '');
  return `${time} ${pc.bold(trigger)} → ${changes}${commit}${recovered}${resolved}`;
}

/** The first changes and how many more: the commit's message holds them all (`git show`), as `--json` does. */
function describeChanges(report: CycleReport, shape: Shape): string {
  if (shape.changes === 0) return `${report.changes.length} ${report.changes.length === 1 ? 'change' : 'changes'}`;
  const shown = report.changes.slice(0, shape.changes).map((c, i) => (i === 0 ? cut(printable(c.description), shape.changeCells) : printable(c.description)));
  const more = report.changes.length - shown.length;
  if (more === 0) return shown.join('; ');
  return `${shown.join('; ')}; ${pc.dim(`+${more} more`)}`;
}

/** The first `count` names, `+N` for the rest. */
function named(names: readonly string[], count: number): string {
  const more = names.length - count;
  return more > 0 ? `${names.slice(0, count).join(', ')} +${more}` : names.join(', ');
}

function cut(text: string, cells: number | undefined): string {
  return cells === undefined ? text : truncate(text, cells);
}

/** HH:MM:SS on the clock of whoever watches (their time zone): the JSON line's `time` stays UTC, for machines. */
function clockTime(at: Date): string {
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/**
 * The first file the cycle answered, `+N` for the rest, and which were deleted: `a.md deleted`,
 * `a.md +2 deleted` (all three), `a.md deleted +1` (a file renamed: the old name first), `a.md +2 (1 deleted)`.
 */
function describeTrigger(report: CycleReport, firstCells?: number): string {
  const renamed = renamedThread(report);
  if (renamed) return `${printable(renamed.from)} → ${printable(renamed.to.split('/').pop()!)} renamed`;
  const paths = report.trigger.map(printable);
  const [first = '', ...rest] = paths;
  const deleted = new Set(report.deleted.map(printable));
  const from = renameCommitted(report);
  const shown = (firstCells === undefined ? first : truncateStart(first, firstCells)) + (from ? ` (renamed from ${printable(from.split('/').pop()!)})` : '');
  const more = rest.length > 0 ? ` +${rest.length}` : '';
  if (deleted.size > 0 && paths.every((path) => deleted.has(path))) return `${shown}${more} deleted`;
  const restDeleted = rest.filter((path) => deleted.has(path)).length;
  return `${shown}${deleted.has(first) ? ' deleted' : ''}${more}${restDeleted > 0 ? ` (${restDeleted} deleted)` : ''}`;
}

/**
 * A thread folder renamed while watching, as the one cycle saw it: every trigger a file of
 * one thread folder now gone and of one new folder holding the same files. Its line read
 * `…/1-input.md +9 (5 deleted)` — a deletion and an addition — where git's commit shows
 * the rename it is (its files' content unchanged).
 */
function renamedThread(report: CycleReport): { from: string; to: string } | undefined {
  if (report.deleted.length === 0) return undefined;
  const deleted = new Set(report.deleted);
  const gone = filesByThread(report.trigger.filter((path) => deleted.has(path)));
  const came = filesByThread(report.trigger.filter((path) => !deleted.has(path)));
  if (!gone || !came || gone.size !== 1 || came.size !== 1) return undefined;
  const [from, goneFiles] = [...gone][0]!;
  const [to, cameFiles] = [...came][0]!;
  return goneFiles.size === cameFiles.size && [...goneFiles].every((file) => cameFiles.has(file)) ? { from, to } : undefined;
}

/**
 * The thread folder whose rename this cycle's commit holds, when the rename was held back
 * (the moved thread in error: its id not yet its new folder's name) and a later save in the
 * new folder released it. Its line read `…/acme-corp/meta.json → …` with no word of the
 * rename the line before had announced as `nothing written`: the commit moves every file of
 * the old folder, the same names in the folder the triggers are in.
 */
function renameCommitted(report: CycleReport): string | undefined {
  if (!report.commit?.committed || report.trigger.length === 0) return undefined;
  const into = classifyPath(report.trigger[0]!);
  if (!('thread' in into) || !into.thread || !report.trigger.every((path) => path.startsWith(`${into.thread}/`))) return undefined;
  // The commit's paths are the repository's: the workspace may be a folder of it.
  const committed = report.commit.paths.find((path) => path.endsWith(report.trigger[0]!));
  if (committed === undefined) return undefined;
  const prefix = committed.slice(0, committed.length - report.trigger[0]!.length);
  const ofThreads = report.commit.paths.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length)).filter((path) => {
    const kind = classifyPath(path);
    return 'thread' in kind && Boolean(kind.thread);
  });
  const threadFiles = filesByThread(ofThreads);
  const target = threadFiles?.get(into.thread);
  if (!threadFiles || !target) return undefined;
  const sources = [...threadFiles].filter(([thread, files]) => thread !== into.thread && files.size === target.size && [...files].every((file) => target.has(file)));
  return sources.length === 1 ? sources[0]![0] : undefined;
}

/** The files by their thread folder, each as named inside it; undefined when one is no thread's file. */
function filesByThread(paths: readonly string[]): Map<string, Set<string>> | undefined {
  const byThread = new Map<string, Set<string>>();
  for (const path of paths) {
    const kind = classifyPath(path);
    if (!('thread' in kind) || !kind.thread) return undefined;
    byThread.set(kind.thread, (byThread.get(kind.thread) ?? new Set()).add(path.slice(kind.thread.length + 1)));
  }
  return byThread;
}
