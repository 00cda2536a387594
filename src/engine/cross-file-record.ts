import { Locators } from '../check/locators.js';
import { referenceErrors } from '../check/references.js';
import type { Diagnostic } from '../diagnostics.js';
import { threadOf } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { readCache, writeCache } from './cache.js';

/**
 * What the last sync knew of cross-file errors (kept in the cache): the ids threads may name
 * when it checked, the threads it found in error, and the parse cache its state held —
 * "changed since the parse cache" is "changed since this record" only while the parse cache
 * is that one: a reader (`check`, a report) that rewrites it with a teammate's pulled threads
 * would otherwise hide them from the next sync's cross-file check.
 */
export interface CrossFileRecord {
  ids: string;
  flagged: string[];
  parseCache?: string | undefined;
}

const NAME = 'cross-file';
const KEY = 'v1';

export async function readCrossFileRecord(root: string): Promise<CrossFileRecord | undefined> {
  const record = (await readCache<CrossFileRecord>(root, NAME, KEY)).value;
  return record && typeof record.ids === 'string' && Array.isArray(record.flagged) ? record : undefined;
}

export async function writeCrossFileRecord(root: string, record: CrossFileRecord): Promise<void> {
  await writeCache<CrossFileRecord>(root, NAME, KEY, record);
}

/** What a run knows changed: the sources, and the parse cache they are counted from (undefined: a warm state's own last run). */
export interface ChangedSince {
  changed: readonly string[] | undefined;
  since?: string | undefined;
}

/**
 * The cross-file errors of the canvas, the goals and the threads in question: those of
 * `inQuestion` and the sources changed since the record, those in error at the record (until
 * they are fixed), and every thread when the ids they may name moved since — a new, renamed
 * or removed segment, assumption, goal or subgoal — or when what changed is not known. A
 * canvas section or a goal rewritten with the same ids (a derived block, a statement) is no
 * reason to check 10,000 threads. `known`: whether the record held (the threads not checked
 * are as it found them).
 */
export function crossFileErrorsSince(model: WorkspaceModel, record: CrossFileRecord | undefined, count: ChangedSince, inQuestion: readonly string[] = []): { crossFile: Diagnostic[]; checked: ReadonlySet<string>; known: boolean; idsKey: string } {
  let known = false;
  let checked: ReadonlySet<string> = new Set();
  const { diagnostics: crossFile, idsKey } = referenceErrors(model, new Locators((path) => model.text(path)), (ids) => {
    const sameCount = count.since === undefined || record?.parseCache === count.since;
    known = record !== undefined && record.ids === ids && count.changed !== undefined && sameCount;
    checked = known ? threadsOf([...inQuestion, ...count.changed!, ...record!.flagged.map((thread) => `${thread}/`)]) : new Set(model.threads.keys());
    return checked;
  });
  return { crossFile, checked, known, idsKey };
}

/**
 * A cold transaction's parse cache saved, its cross-file record follows: the state saved is
 * the one that run checked (every source changed since the cache it read was in question),
 * so the record is as true of the new cache — the next run counts what changed from it
 * without checking every thread once more.
 */
export async function followParseCache(root: string, before: string | undefined, after: string | undefined): Promise<void> {
  if (after === undefined || after === before) return;
  const record = await readCrossFileRecord(root);
  if (record && record.parseCache === before) await writeCrossFileRecord(root, { ids: record.ids, flagged: record.flagged, parseCache: after });
}

/** The thread folders `paths` lie in. */
export function threadsOf(paths: Iterable<string>): Set<string> {
  const threads = new Set<string>();
  for (const path of paths) {
    const thread = threadOf(path.split('/'))?.thread;
    if (thread) threads.add(thread);
  }
  return threads;
}
