import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { STAGE_FILES } from '../schema/stages.js';
import type { ThreadRecord, WorkspaceModel } from '../workspace/model.js';
import { hasValue } from '../workspace/parse-file.js';

interface Held {
  thread: ThreadRecord;
  path: string;
  created: string;
}

/**
 * A stage file byte for byte the same as another thread's (`stage-file-copied`): a deal
 * folder copied by hand to start another carries the old deal's input, hypothesis and
 * learning, and each would count twice — the same signal scored, the same evidence for an
 * assumption. Templates name the thread (its title, company, id), so two threads opened
 * apart never write the same bytes. Reported at the copy — the thread created later, by its
 * meta.json `created`; on the same day (or without one), the later in path order — naming
 * the file it copies.
 *
 * Compared by the content hash the state already keeps of each file (model.hashOf): no file
 * is read. Only valid files that are not broken (a broken one is held at another version than
 * the hash is of). With a scope, only the hashes of its threads' files are collected before
 * the pass over the rest: a map of a few entries, not of every stage file.
 */
export function checkCopiedStageFiles(model: WorkspaceModel, inScope: (thread: string) => boolean): Diagnostic[] {
  const hashOf = model.hashOf;
  if (!hashOf) return [];
  const held = (thread: ThreadRecord, stage: number): { path: string; hash: string } | undefined => {
    const file = thread.stages[stage];
    if (!file || model.broken.has(file.path) || !hasValue(file)) return undefined;
    const hash = hashOf(file.path);
    return hash === undefined ? undefined : { path: file.path, hash };
  };
  const wanted = new Set<string>();
  for (const thread of model.threads.values()) {
    if (!inScope(thread.path)) continue;
    for (let stage = 0; stage < STAGE_FILES.length; stage++) {
      const file = held(thread, stage);
      if (file) wanted.add(file.hash);
    }
  }
  if (wanted.size === 0) return [];
  const byHash = new Map<string, Held[]>();
  for (const thread of model.threads.values()) {
    for (let stage = 0; stage < STAGE_FILES.length; stage++) {
      const file = held(thread, stage);
      if (!file || !wanted.has(file.hash)) continue;
      const same = byHash.get(file.hash);
      const entry = { thread, path: file.path, created: createdOf(thread) };
      if (same) same.push(entry);
      else byHash.set(file.hash, [entry]);
    }
  }
  const out: Diagnostic[] = [];
  for (const same of byHash.values()) {
    if (same.length < 2) continue;
    same.sort((a, b) => (a.created !== b.created ? (a.created < b.created ? -1 : 1) : a.path < b.path ? -1 : 1));
    const first = same[0]!;
    for (const copy of same.slice(1)) {
      if (copy.thread === first.thread || !inScope(copy.thread.path)) continue;
      out.push(diagnostic(copy.path, START, 'warning', 'stage-file-copied', copiedMessage(copy, first)));
    }
  }
  return out;
}

function copiedMessage(copy: Held, first: Held): string {
  const when = (entry: Held): string => (entry.created === '' ? 'no `created`' : `created ${entry.created}`);
  const which = copy.created === first.created ? `both ${when(copy)}; the later in path order is named` : `this thread ${when(copy)}, that one ${when(first)}`;
  return `Same bytes as ${first.path} (${which}): expected this thread's own ${copy.path.slice(copy.path.lastIndexOf('/') + 1)}. A folder copied from another deal carries that deal's stage files, and each would count twice (the same signal scored, the same evidence for its assumptions): write this thread's own, or delete the stage files it has not reached`;
}

function createdOf(thread: ThreadRecord): string {
  const created = (thread.meta?.value as { created?: unknown } | undefined)?.created;
  return typeof created === 'string' ? created.slice(0, 10) : '';
}
