import type { Diagnostic, RuleId } from '../diagnostics.js';
import type { ThreadRecord } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';

/**
 * What a per-thread check found, without a position: a position is read from the file's
 * text (Locators), which a held ParsedFile does not pin — so it is located afresh at each
 * check, and only the finding is kept (a few per workspace: locating them costs little).
 */
export interface ThreadFinding {
  path: string;
  dataPath: readonly PropertyKey[];
  rule: RuleId;
  message: string;
  severity: Diagnostic['severity'];
  /** The diagnostic's field as the check words it. */
  field: string;
}

interface Kept<T> {
  thread: string;
  inputs: readonly (ParsedFile | undefined)[];
  context: string;
  value: T;
}

/**
 * Per-thread results kept while the thread's files are the same objects. A warm process
 * (engine/session.ts) checks the whole workspace after every edit; the checks that read
 * one thread's own files alone (its decision's score, its dates) need not run again for
 * the 9,999 threads that did not change.
 *
 * Never stale: a ThreadRecord is mutated in place as files change (engine/live-model.ts),
 * so the record is no key; its inputs are — meta.json and the six stage files, compared by
 * identity (a file that changes is parsed into a new ParsedFile), with the thread's path
 * (its family) and `context`: whatever else the check reads, as a string (today for
 * `date-in-future`; the canvas's and goals' ids and which files are broken for references).
 * Kept in a WeakMap under the thread's first file: released with the state that holds it,
 * and a state rebuilt from the same files (WorkspaceState.currentModel while a file is
 * broken: new records, same files) still finds it.
 */
export class ThreadMemo<T> {
  private readonly kept = new WeakMap<ParsedFile, Kept<T>>();

  get(thread: ThreadRecord, context: string, compute: () => T): T {
    const key = thread.meta ?? thread.stages.find((file) => file !== undefined);
    // A thread with no file has nothing of its own to check: nothing worth keeping.
    if (!key) return compute();
    const kept = this.kept.get(key);
    if (kept && kept.thread === thread.path && kept.context === context && sameFiles(kept.inputs, thread)) return kept.value;
    const value = compute();
    this.kept.set(key, { thread: thread.path, inputs: [thread.meta, ...thread.stages], context, value });
    return value;
  }
}

/** Whether the thread's files are those kept (compared in place: a check asks 20,000 times, and most are the same). */
function sameFiles(kept: readonly (ParsedFile | undefined)[], thread: ThreadRecord): boolean {
  if (kept.length !== thread.stages.length + 1 || kept[0] !== thread.meta) return false;
  for (let i = 0; i < thread.stages.length; i++) if (kept[i + 1] !== thread.stages[i]) return false;
  return true;
}
