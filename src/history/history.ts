import { readCommitsTouching, readFileChanges, readThreadworkCommits, type LoggedCommit } from '../git/log.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { classifyPath, LAYOUT } from '../workspace/layout.js';
import { TRAILERS } from '../engine/commit-message.js';
import { controlCharactersIn, hasControlCharacter } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { refuseControlCharacters } from '../threads/resolve.js';
import { assumptionTriggers } from './assumption-triggers.js';

export interface HistoryEntry {
  date: string;
  commit: string;
  subject: string;
  /** The before → after lines of this commit that concern the subject. */
  changes: string[];
  /** The source files that triggered the commit. */
  triggers: string[];
}

export interface History {
  subject: string;
  kind: 'assumption' | 'goal' | 'thread';
  entries: HistoryEntry[];
  /**
   * Commits made outside threadwork (no Threadwork-* trailer) that changed the file the
   * subject is written in (`outsideFileOf`) — a hand edit committed with git, a
   * `--no-commit` run committed by hand — newest first: steps the audit trail cannot
   * describe, said rather than skipped.
   */
  outside: OutsideCommit[];
  /** A thread's earlier folders or a goal's earlier ids (its file renamed with git), newest first, whose trail `entries` and `outside` include. */
  formerly?: string[];
}

export interface OutsideCommit {
  date: string;
  commit: string;
  subject: string;
}

/** An assumption id (A4) or a goal id (g-…); anything else names a thread. */
export function isAssumptionOrGoal(subject: string): boolean {
  return /^(?:[A-Z]{1,3}\d+|g-[a-z0-9-]+)$/.test(subject);
}

/**
 * A history subject with a control character (`A1\n` pasted with its line break) is refused
 * for it, before it is read as any kind: no assumption id holds one, so `A1\n` was taken
 * for a thread and answered "Unknown thread". Said as a subject when it is an assumption
 * or goal id but for its control characters; as the thread argument it is otherwise, in
 * the words every thread argument is refused in (the CLI and MCP alike).
 */
export function refuseControlInSubject(subject: string): void {
  if (!hasControlCharacter(subject)) return;
  // eslint-disable-next-line no-control-regex -- the control characters are what is set aside
  if (!isAssumptionOrGoal(subject.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim())) refuseControlCharacters(subject);
  throw new ThreadworkError(`Refused subject ${JSON.stringify(subject)}: ${controlCharactersIn(subject)}. Expected an assumption id (A1), a goal id (g-arr-500k-2026) or a thread (threads/sales/acme-corp, or its folder name), on one line.`, 'invalid-arguments');
}

/** The audit trail of an assumption (A4), a goal (g-…) or a thread (threads/…), read back from git. */
export async function readHistory(cwd: string, subject: string): Promise<History> {
  const kind: History['kind'] = /^g-/.test(subject) ? 'goal' : subject.startsWith('threads/') ? 'thread' : 'assumption';
  const key = kind === 'goal' ? TRAILERS.goal : kind === 'assumption' ? TRAILERS.assumption : TRAILERS.thread;
  const entries: HistoryEntry[] = [];
  // git keeps only commits with a line naming the subject (a prefix: A1 finds A10 too; the loop decides).
  const lines = kind === 'thread' ? [`${TRAILERS.thread}: ${subject}`, `${TRAILERS.trigger}: ${subject}/`] : [`${key}: ${subject}`];
  for (const c of await readThreadworkCommits(cwd, lines)) {
    const triggers = c.trailers.filter((t) => t.key === TRAILERS.trigger).map((t) => t.value);
    const named = c.trailers.some((t) => t.key === key && t.value === subject);
    const triggered = kind === 'thread' && triggers.some((t) => t.startsWith(`${subject}/`));
    if (!named && !triggered) continue;
    const changes = c.body.filter((line) => line.startsWith(`${subject} `) || (kind === 'thread' && namesPath(line, subject)));
    entries.push({ date: c.date, commit: c.commit, subject: c.subject, changes, triggers: kind === 'thread' ? threadTriggers(subject, triggers) : triggers.filter(couldMoveAggregates) });
  }
  if (kind === 'assumption') {
    const kept = await assumptionTriggers(cwd, subject, entries);
    entries.forEach((entry, i) => (entry.triggers = kept[i]!));
  }
  return { subject, kind, entries, outside: await readOutsideCommits(cwd, kind, subject) };
}

/** A character a path can hold next to a name: `threads/sales/acme` inside `threads/sales/acme-corp` is not that thread. */
const PATH_CHARACTER = /[\p{L}\p{N}\p{M}_.\-/]/u;

/**
 * Whether a commit body line names `path` as a whole — alone, or as the folder of a file
 * in it (`threads/sales/acme/6-learning.md`) — and not as the start of another thread's
 * name: a sync of acme and acme-corp together put acme-corp's changes in acme's trail.
 */
function namesPath(line: string, path: string): boolean {
  for (let at = line.indexOf(path); at !== -1; at = line.indexOf(path, at + 1)) {
    const before = line[at - 1];
    const after = line[at + path.length];
    if ((before === undefined || !PATH_CHARACTER.test(before)) && (after === undefined || after === '/' || !PATH_CHARACTER.test(after))) return true;
  }
  return false;
}

/**
 * A subject's trail across the names it had: threadwork's commits name a thread by its
 * folder and a goal by its id at the time, so after a rename the trail starts at the
 * rename unless the commits naming the earlier names are read too. One list, newest
 * first, each commit once; `formerly` names the earlier names.
 */
export async function withFormerNames(root: string, current: History, former: readonly string[]): Promise<History> {
  if (former.length === 0) return current;
  const all = [current, ...(await Promise.all(former.map((name) => readHistory(root, name))))];
  const newestFirst = <T extends { commit: string; date: string }>(lists: T[][]): T[] => {
    const seen = new Set<string>();
    return lists
      .flat()
      .filter((c) => !seen.has(c.commit) && seen.add(c.commit))
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  };
  return { ...current, entries: newestFirst(all.map((h) => h.entries)), outside: newestFirst(all.map((h) => h.outside)), formerly: [...former] };
}

/**
 * What triggered a thread's change in a commit: when the thread's own files are among the
 * triggers, those and the files outside every thread (the canvas, a goal, an ICP, the
 * config) — another thread's files move nothing of it, yet a sync of several threads
 * named them all as each one's triggers. When none of its own are (a content thread opened
 * from a deal's learning), every trigger: the change came from elsewhere.
 */
function threadTriggers(thread: string, triggers: readonly string[]): string[] {
  const own = triggers.some((t) => t.startsWith(`${thread}/`));
  return own ? triggers.filter((t) => t.startsWith(`${thread}/`) || !t.startsWith(`${LAYOUT.threads}/`)) : [...triggers];
}

/**
 * Whether a source file a commit holds could have moved an assumption or a goal: a
 * campaign's drafts and reply records are read by nothing the aggregates derive from, so
 * a draft approved in the same commit as a learning is not named as what moved A5.
 */
function couldMoveAggregates(path: string): boolean {
  const { kind } = classifyPath(path);
  return kind !== 'draft' && kind !== 'reply';
}

/**
 * The commits outside threadwork that changed the file the subject lives in (`outsideFileOf`)
 * after it was made. An assumption's are those that changed its own entry in
 * 10-assumptions.md — its front-matter entry or its row of the derived table — read from
 * the file before and after each: an edit of its statement or prior changes no line that
 * names its id, so its diff alone could not tell.
 */
async function readOutsideCommits(cwd: string, kind: History['kind'], subject: string): Promise<OutsideCommit[]> {
  const file = outsideFileOf(kind, subject);
  if (kind === 'assumption') {
    const changes = await readFileChanges(cwd, file);
    return changes.filter((c) => !isThreadworks(c) && assumptionShown(c.before, subject) !== assumptionShown(c.after, subject)).map(outsideCommit);
  }
  // The commit that made the file (or the thread's meta.json) is where its history starts, not a step of it.
  const [commits, created] = await Promise.all([
    readCommitsTouching(cwd, file, kind === 'thread' ? [] : ['--diff-filter=MD']),
    kind === 'thread' ? readCommitsTouching(cwd, `${file}/meta.json`, ['--diff-filter=A']) : Promise.resolve([]),
  ]);
  const start = new Set(created.map((c) => c.commit));
  return commits.filter((c) => !start.has(c.commit) && !isThreadworks(c)).map(outsideCommit);
}

const isThreadworks = (c: LoggedCommit): boolean => c.trailers.some((t) => t.key.startsWith('Threadwork-'));
const outsideCommit = ({ date, commit, subject }: LoggedCommit): OutsideCommit => ({ date, commit, subject });

/** What 10-assumptions.md says of assumption `id`: its front-matter entry and its row of the derived table, as one string to compare. */
function assumptionShown(text: string, id: string): string {
  const entries = parseFrontMatter(text).data?.assumptions;
  const entry = Array.isArray(entries) ? entries.find((e) => (e as { id?: unknown } | null)?.id === id) : undefined;
  const row = text.split('\n').find((line) => line.startsWith(`| ${id} |`)) ?? '';
  return `${JSON.stringify(entry ?? null)}\n${row}`;
}

/** Where a subject is written: the canvas's assumptions file, the goal's file, the thread's folder. */
export function outsideFileOf(kind: History['kind'], subject: string): string {
  if (kind === 'assumption') return `${LAYOUT.canvas}/10-assumptions.md`;
  return kind === 'goal' ? `${LAYOUT.goals}/${subject}.md` : subject;
}
