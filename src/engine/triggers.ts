import { changedAmong } from '../git/status.js';
import { classifyPath, SUPPRESSION_FILE, threadOf } from '../workspace/layout.js';
import { everySource, SOURCE_FOLDERS } from './uncommitted.js';

/** The sources every thread's derived scores depend on (derive/incremental.ts compares them for the same reason). */
const SCORING_INPUTS = new Set(['threadwork.config.yaml', 'strategy/canvas/04-segments.md', 'strategy/canvas/13-metrics.md']);

/** Beside those, the do-not-contact list: the approved drafts to an address on it are withdrawn (sync-plan.ts planSuppressedWithdrawn). */
const THREAD_WIDE_INPUTS = new Set([...SCORING_INPUTS, SUPPRESSION_FILE]);

/** Beyond this many sources to confirm, one `git status` of the source folders is cheaper than naming each. */
const NAMED_AT_MOST = 1000;

export interface TriggerQuestion {
  /** The derived files the plan writes: edited ones and created ones (content threads opened). */
  edited: readonly string[];
  created: readonly string[];
  /** Source files that differed from HEAD before this run wrote anything. */
  pending: Iterable<string>;
  /** Files never named a trigger here: broken ones, the command's own (named apart), those an interrupted run wrote. */
  excluded: (path: string) => boolean;
  /** Sources the command's own files are made from (WriteProposal.madeFrom): a trigger whenever changed. */
  madeFrom?: readonly string[] | undefined;
}

/**
 * The changed source files committed with the derived ones, as their triggers — chosen
 * by which derived files the plan writes, not by which changes it could describe: a block
 * whose table moved while its summary did not (a per-segment column, the threads testing
 * an assumption) is still an aggregate that any changed source may have caused.
 *
 * - An aggregate written (a canvas block, a goal, a generated strategy file) or a content
 *   thread opened: every changed source.
 * - Only thread files written (meta.json, a campaign's learning blocks): those threads'
 *   changed files, and the changed files every thread's scores are computed from — the
 *   config, the segments, the metric targets — and the suppression list, which
 *   withdraws approved drafts, since one of them may be why.
 * - Always: the changed files the command's own files are made from (`madeFrom`: the
 *   Stage 5 a campaign's drafts come from), even when nothing derived is written.
 *
 * A derived file that was itself changed before the run (a canvas section or a goal the
 * person edited, a meta.json whose segment they changed) is a source the commit holds: a
 * trigger like any other.
 */
export function triggersFor(question: TriggerQuestion): string[] {
  const candidates = [...new Set(question.pending)].filter((p) => isUnderSources(p) && !question.excluded(p)).sort();
  if (candidates.length === 0) return [];
  const aggregate = question.created.length > 0 || question.edited.some((p) => threadOf(p.split('/')) === undefined);
  if (aggregate) return candidates;
  const threads = new Set(question.edited.flatMap((p) => threadOf(p.split('/'))?.thread ?? []));
  const madeFrom = new Set(question.madeFrom);
  return candidates.filter((p) => {
    if (madeFrom.has(p)) return true;
    const thread = threadOf(p.split('/'))?.thread;
    return thread === undefined ? THREAD_WIDE_INPUTS.has(p) || classifyPath(p).kind === 'icp' : threads.has(thread);
  });
}

/**
 * Which of `known` — sources a watcher saw change since they were last committed — still
 * differ from HEAD. A watcher's list goes stale: another process (`threadwork advance`, a
 * person's `git commit`) may have committed a file since, or an edit may have been undone;
 * such a file would be named a trigger of a commit that does not hold it. Asked of git for
 * the named files only (changedAmong: no `git status` of the repository's index for an
 * edited file), and only when something is to be committed.
 */
export async function stillChanged(root: string, known: Iterable<string>): Promise<string[]> {
  const candidates = [...new Set(known)].filter(isUnderSources).sort();
  if (candidates.length === 0) return [];
  const changed = new Set(candidates.length > NAMED_AT_MOST ? await everySource(root) : await changedAmong(root, candidates));
  return candidates.filter((p) => changed.has(p));
}

function isUnderSources(path: string): boolean {
  return SOURCE_FOLDERS.some((f) => path === f || path.startsWith(`${f}/`));
}
