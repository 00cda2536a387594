import { STAGES } from '../schema/stages.js';
import { threadOf } from '../workspace/layout.js';
import type { DerivedWorkspace } from './derive-all.js';
import type { DerivedChange } from './plan.js';

export const TRAILERS = {
  trigger: 'Threadwork-Trigger',
  assumption: 'Threadwork-Assumption',
  goal: 'Threadwork-Goal',
  thread: 'Threadwork-Thread',
} as const;

/**
 * `threadwork: <what> <where>`, a body of before → after lines, and trailers that
 * `history` reads back (see SPEC "Audit trail").
 */
/** Thread-level lines beyond this are summarised: a first sync of 10,000 threads needs no 10,000-line body. */
const MAX_THREAD_LINES = 100;

export function commitMessage(changes: readonly DerivedChange[], triggers: readonly string[], derived: DerivedWorkspace): string {
  const threadLines = changes.filter((c) => c.kind === 'thread');
  const body = [
    ...changes.filter((c) => c.kind !== 'thread').map((c) => c.description),
    ...threadLines.slice(0, MAX_THREAD_LINES).map((c) => c.description),
    ...(threadLines.length > MAX_THREAD_LINES ? [`… and ${threadLines.length - MAX_THREAD_LINES} more threads (each named in a ${TRAILERS.thread} trailer)`] : []),
  ];
  const trailers = [
    ...triggers.map((t) => `${TRAILERS.trigger}: ${t}`),
    ...unique(changes.filter((c) => c.kind === 'assumption').map((c) => c.subject)).map((id) => `${TRAILERS.assumption}: ${id}`),
    ...unique(changes.filter((c) => c.kind === 'goal').map((c) => c.subject)).map((id) => `${TRAILERS.goal}: ${id}`),
    ...unique(changes.filter((c) => c.kind === 'thread' || c.kind === 'marketing').map((c) => c.subject)).map((p) => `${TRAILERS.thread}: ${p}`),
  ];
  return [subject(changes, triggers, derived), '', ...body, '', ...trailers].join('\n');
}

function subject(changes: readonly DerivedChange[], triggers: readonly string[], derived: DerivedWorkspace): string {
  const threadsTriggered = unique(triggers.flatMap((t) => threadOf(t.split('/'))?.thread ?? []));
  if (threadsTriggered.length === 1) {
    const thread = threadsTriggered[0]!;
    const files = triggers.filter((t) => t.startsWith(`${thread}/`));
    const stage = Math.max(0, ...files.map((f) => Number(/\/(\d)-[a-z]+\.md$/.exec(f)?.[1] ?? 0)));
    const facts = derived.threads.find((t) => t.path === thread);
    if (!facts) return `threadwork: removed ${thread}`;
    if (stage === 6 && facts.outcome) return `threadwork: learning ${thread} (${facts.outcome}${facts.arr !== null ? `, ARR ${facts.arr}` : ''})`;
    if (stage > 0) return `threadwork: ${STAGES[stage - 1]} ${thread}`;
    return `threadwork: update ${thread}`;
  }
  if (threadsTriggered.length > 1) return `threadwork: sync ${threadsTriggered.length} threads`;
  const other = triggers.filter((t) => !t.startsWith('threads/'));
  if (other.length === 1) return `threadwork: update ${other[0]}`;
  if (other.length > 1) return `threadwork: update ${other.length} files`;
  return `threadwork: sync workspace (${changes.length} derived ${changes.length === 1 ? 'change' : 'changes'})`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
