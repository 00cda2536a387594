import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STAGES } from '../schema/stages.js';
import { threadOf } from '../workspace/layout.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import type { DerivedChange } from './sync-plan.js';
import { isTemplateOverride } from './template-overrides.js';

export const TRAILERS = {
  trigger: 'Threadwork-Trigger',
  assumption: 'Threadwork-Assumption',
  goal: 'Threadwork-Goal',
  thread: 'Threadwork-Thread',
} as const;

/** Thread-level lines beyond this are summarised: a first sync of 10,000 threads needs no 10,000-line body. */
const MAX_THREAD_LINES = 100;

/** Everything a commit message is built from: the one place every threadwork commit is named. */
export interface CommitSubject {
  /** What a command wrote on someone's behalf (`open deal threads/sales/acme`); absent for a sync or watch cycle. */
  summary?: string | undefined;
  /** The thread such a write belongs to. */
  thread?: string | undefined;
  /** Extra body lines and trailers the command gives (a strategy run's files and segments). */
  details?: readonly string[] | undefined;
  trailers?: readonly string[] | undefined;
  changes: readonly DerivedChange[];
  /** Source files committed with the derived ones: written by the command, or changed by a person. */
  triggers: readonly string[];
  /** Of the triggers outside threads/, those deleted (removedTriggers): the subject says so, not "update". */
  removed?: readonly string[] | undefined;
  derived: DerivedWorkspace | undefined;
}

/**
 * `threadwork: <what> <where>`, a body of before → after lines, and trailers that
 * `history` reads back (see docs/derivation.md "Audit trail").
 */
export function buildCommitMessage(input: CommitSubject): string {
  const { changes, triggers, derived } = input;
  const head = input.summary ? `threadwork: ${input.summary}` : subject(changes, triggers, derived, new Set(input.removed));
  const lines = commitBody(changes);
  const body = [...(input.details ?? []), ...(lines.length ? lines : input.summary ? ['Nothing derived changed.'] : [])];
  const trailers = [
    ...commitTrailers(changes, triggers, input.thread),
    ...(input.trailers ?? []),
  ];
  return [head, '', ...body, '', ...trailers].join('\n');
}

/**
 * A message written earlier (an interrupted run's, from its journal) with trigger
 * trailers added for sources it now commits too, that the message does not name yet.
 */
export function withTriggers(message: string, triggers: readonly string[]): string {
  const lines = new Set(message.split('\n'));
  const added = unique(triggers).filter((t) => !lines.has(`${TRAILERS.trigger}: ${t}`));
  return added.length ? [message.trimEnd(), ...added.map((t) => `${TRAILERS.trigger}: ${t}`)].join('\n') : message;
}

function commitBody(changes: readonly DerivedChange[]): string[] {
  const threadLines = changes.filter((c) => c.kind === 'thread');
  return [
    ...changes.filter((c) => c.kind !== 'thread').map((c) => c.description),
    ...threadLines.slice(0, MAX_THREAD_LINES).map((c) => c.description),
    ...(threadLines.length > MAX_THREAD_LINES ? [`… and ${threadLines.length - MAX_THREAD_LINES} more threads (each named in a ${TRAILERS.thread} trailer)`] : []),
  ];
}

function commitTrailers(changes: readonly DerivedChange[], triggers: readonly string[], thread: string | undefined): string[] {
  const threads = unique([...(thread ? [thread] : []), ...changes.filter((c) => c.kind === 'thread' || c.kind === 'marketing').map((c) => c.subject)]);
  return [
    ...unique(triggers).map((t) => `${TRAILERS.trigger}: ${t}`),
    ...unique(changes.filter((c) => c.kind === 'assumption').map((c) => c.subject)).map((id) => `${TRAILERS.assumption}: ${id}`),
    ...unique(changes.filter((c) => c.kind === 'goal').map((c) => c.subject)).map((id) => `${TRAILERS.goal}: ${id}`),
    ...threads.map((p) => `${TRAILERS.thread}: ${p}`),
  ];
}

/**
 * Of `triggers`, the files outside threads/ that are no longer on disk: a template override,
 * a goal, a config deleted. (A thread's removal is told by its facts.) Few files: the canvas,
 * the goals, the config, templates — never one per thread.
 */
export function removedTriggers(root: string, triggers: readonly string[]): string[] {
  return triggers.filter((t) => !t.startsWith('threads/') && !existsSync(join(root, t)));
}

/**
 * What one file outside threads/ that a commit carries did: a template override deleted was
 * committed as `update .threadwork/templates/…`, as if edited, when the files made from it
 * went back to the built-in template.
 */
function fileSubject(path: string, removed: ReadonlySet<string>): string {
  if (!removed.has(path)) return `threadwork: update ${path}`;
  return isTemplateOverride(path) ? `threadwork: removed template override ${path} (the built-in template is used again)` : `threadwork: removed ${path}`;
}

function subject(changes: readonly DerivedChange[], triggers: readonly string[], derived: DerivedWorkspace | undefined, removed: ReadonlySet<string>): string {
  const threadsTriggered = unique(triggers.flatMap((t) => threadOf(t.split('/'))?.thread ?? []));
  if (threadsTriggered.length === 1) {
    const thread = threadsTriggered[0]!;
    const files = triggers.filter((t) => t.startsWith(`${thread}/`));
    const stage = Math.max(0, ...files.map((f) => Number(/\/(\d)-[a-z]+\.md$/.exec(f)?.[1] ?? 0)));
    const facts = derived?.threads.find((t) => t.path === thread);
    if (!facts) return `threadwork: removed ${thread}`;
    // The ARR of a win only: a lost deal's `arr` is counted in no figure (check: arr-without-win).
    if (stage === 6 && facts.outcome) return `threadwork: learning ${thread} (${facts.outcome}${facts.outcome === 'closed-won' && facts.arr !== null ? `, ARR ${facts.arr}` : ''})`;
    // A stage file the thread no longer has was deleted: a deal reopened, not a learning written.
    if (stage > facts.stage) return `threadwork: ${STAGES[stage - 1]} removed from ${thread} (reopened at stage ${facts.stage})`;
    if (stage > 0) return `threadwork: ${STAGES[stage - 1]} ${thread}`;
    return `threadwork: update ${thread}`;
  }
  if (threadsTriggered.length > 1) return `threadwork: sync ${threadsTriggered.length} threads`;
  const other = triggers.filter((t) => !t.startsWith('threads/'));
  if (other.length === 1) return fileSubject(other[0]!, removed);
  if (other.length > 1) return `threadwork: ${other.every((path) => removed.has(path)) ? 'removed' : 'update'} ${other.length} files`;
  return `threadwork: sync workspace (${changes.length} derived ${changes.length === 1 ? 'change' : 'changes'})`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
