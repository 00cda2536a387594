import { describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../src/engine/session.js';
import { heapTuned, keepHeapTightOnceLoaded } from '../src/long-lived-heap.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

process.env.THREADWORK_TODAY = '2026-11-20';

/**
 * `threadwork watch` and `threadwork mcp` keep a workspace for hours and ask V8 to keep
 * their heap close to what they hold (src/long-lived-heap.ts), once their first call is
 * done. The library alone never sets a V8 flag for the application embedding it. (One
 * file, in order: the flag, once set, holds for the process.)
 */
describe('heap of a long-lived process', () => {
  it('is left as V8 sets it by a session the library opens on its own', async () => {
    const session = new WorkspaceSession(exampleWorkspaceCopy());
    try {
      expect(await session.read(({ model }) => model.threads.size)).toBeGreaterThan(0);
      expect(heapTuned()).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('is tuned once the first call (the load) of a process that asked for it is done, not before', async () => {
    keepHeapTightOnceLoaded();
    expect(heapTuned()).toBe(false);
    const session = new WorkspaceSession(exampleWorkspaceCopy());
    try {
      // Loaded, the call still under way (a watcher's start-up sync would be): not yet.
      expect(await session.read(() => heapTuned())).toBe(false);
      expect(heapTuned()).toBe(true);
    } finally {
      await session.close();
    }
  });
});
