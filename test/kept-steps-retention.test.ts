import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../bench/generate.js';
import { checkModel } from '../src/check/check.js';
import { WorkspaceState } from '../src/engine/state.js';
import type { WorkspaceModel } from '../src/workspace/model.js';
import { testdir } from './helpers/testdir.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The same files in new records: a warm state's model after a save elsewhere, as the memos of a check see it. */
function sameFilesNewRecords(model: WorkspaceModel): WorkspaceModel {
  return { ...model, threads: new Map([...model.threads].map(([path, thread]) => [path, { ...thread }])) } as WorkspaceModel;
}

describe("the steps a thread's check keeps between checks", () => {
  // A long-lived process (watch, mcp) checks after every save, and each thread keeps its steps
  // while its files are the same objects (check/references.ts, thread-memo.ts). Made as
  // closures inside the call that listed them, they kept that call's scope — the thread, and
  // the ids of the check, whose lookups hold its whole model and the texts it located: every
  // model a save's check made stayed alive as long as any thread checked by it was not
  // checked anew (at 10,000 deals, 20 saves and a check left 164–178 MB of heap, 144 without).
  it('do not keep the model of the check that made them', async () => {
    vi.stubEnv('THREADWORK_TODAY', '2029-01-10');
    const dir = testdir();
    generateWorkspace(dir, { deals: 8, seed: 3 });
    const state = await WorkspaceState.load(dir, { cache: false });
    const base = state.currentModel();
    let first: WorkspaceModel | undefined = sameFilesNewRecords(base);
    const firstChecked = checkModel(first);
    const gone = new WeakRef(first);
    first = undefined;
    // The same files again: every thread's kept steps are taken, not made anew.
    const second = sameFilesNewRecords(base);
    expect(checkModel(second)).toEqual(firstChecked);
    for (let i = 0; i < 3 && gone.deref() !== undefined; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
    }
    expect(gone.deref()).toBeUndefined();
  });
});
