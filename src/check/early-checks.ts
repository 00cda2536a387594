import type { ThreadRecord, WorkspaceModel } from '../workspace/model.js';
import { decisionsAhead } from './decisions.js';
import { Locators } from './locators.js';
import { threadStepsAhead } from './references.js';

/**
 * A cold `check`'s per-thread work, done while the parse is still running. The parse
 * pool's workers read and parse the threads in chunks; the main thread takes their
 * outcomes in the scan's order, and once a thread's files are all in, it makes that
 * thread's own checks (the references' kept steps, the decision's findings — what
 * thread-memo.ts keeps per thread) and locates what they report, while the workers parse
 * the threads after it. `checkModel`, given the same `locators`, then finds them kept and
 * located, and is left with what reads other threads (ids unique across the workspace,
 * `source:` links, the drafts marked sent) and the files outside any thread.
 *
 * Nothing here decides what is reported: each kept result is taken only while the
 * thread's files and whatever else it read are those it was made from (thread-memo.ts),
 * and the check reports in its own order; a thread made ahead from a file that is then
 * found broken, or from ids that are not the check's, is made again by the check.
 */
export interface EarlyChecks {
  /**
   * The locators the threads' findings were located in, for the check (each file read and
   * located once): they read the model's texts, as the check's own do. Undefined when no
   * thread was checked ahead (a load on one thread).
   */
  locators: () => Locators | undefined;
  /** The state's `threadLoaded` (engine/state.ts). */
  threadLoaded: (model: WorkspaceModel, thread: ThreadRecord) => void;
}

export function earlyChecks(): EarlyChecks {
  let ahead: { locators: Locators; steps: (thread: ThreadRecord) => void } | undefined;
  return {
    locators: () => ahead?.locators,
    threadLoaded: (model, thread) => {
      if (!ahead) {
        const locators = new Locators((path) => model.text(path));
        ahead = { locators, steps: threadStepsAhead(model, locators) };
      }
      ahead.steps(thread);
      decisionsAhead(thread, ahead.locators);
    },
  };
}
