import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT } from '../workspace/layout.js';

/**
 * The thread folders a cold read of one thread loads to check it as `check` does: the
 * thread, the campaigns (a `source: campaign:…` is checked against them, and a campaign's
 * sends against its prospects) and the thread its `source: thread:…` names. Loading the
 * thread alone warned of an unknown campaign that exists — an answer a running server,
 * which has every thread, never gave.
 */
export function threadsToCheckWith(root: string, thread: string): (dir: string) => boolean {
  const source = sourceThreadOf(root, thread);
  return (dir) => dir === thread || dir === source || dir.startsWith(`${LAYOUT.campaigns}/`);
}

/** The thread a thread's meta.json names as its source (`thread:…`), when it can be read. */
function sourceThreadOf(root: string, thread: string): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(root, thread, 'meta.json'), 'utf8')) as { source?: unknown };
    return typeof meta.source === 'string' && meta.source.startsWith('thread:') ? meta.source.slice('thread:'.length) : undefined;
  } catch {
    // Missing or broken: the thread's own check says so; no source thread to load.
    return undefined;
  }
}
