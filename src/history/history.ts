import { readThreadworkCommits } from '../git/log.js';
import { TRAILERS } from '../engine/commit-message.js';

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
}

/** An assumption id (A4) or a goal id (g-…); anything else names a thread. */
export function isAssumptionOrGoal(subject: string): boolean {
  return /^(?:[A-Z]{1,3}\d+|g-[a-z0-9-]+)$/.test(subject);
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
    const changes = c.body.filter((line) => line.startsWith(`${subject} `) || (kind === 'thread' && line.includes(subject)));
    entries.push({ date: c.date, commit: c.commit, subject: c.subject, changes, triggers });
  }
  return { subject, kind, entries };
}
