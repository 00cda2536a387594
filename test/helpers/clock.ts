import { vi } from 'vitest';
import { RACY_MS } from '../../src/engine/cache.js';
import { atEveryFileEnd } from './file-end.js';

let restore: (() => void) | undefined;
atEveryFileEnd(() => {
  restore?.();
  restore = undefined;
});

/**
 * Runs this process's `Date.now()` RACY_MS (and a margin) ahead of the real clock until the
 * test file ends: every file written in this process's tests is then "modified more than two
 * seconds before the key was taken", as it is after a real 2.1 s wait (the settle the cache
 * tests used to make before each load), and no cache entry is racy unless a test makes it so
 * (a modification time set ahead with utimesSync). The engine reads the time with
 * `Date.now()` alone (engine/cache.ts RACY_MS users: state, parse-cache, fingerprint,
 * change-feed); the offset is far under the workspace lock's STALE_MS. A CLI child process
 * keeps the real clock: a test that runs one after its writes still waits for real.
 */
export function settledClock(): void {
  if (restore) return;
  const realNow = Date.now.bind(Date);
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + RACY_MS + 100);
  restore = () => spy.mockRestore();
}
