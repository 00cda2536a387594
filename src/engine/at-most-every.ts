/**
 * `check`, skipped while it last passed less than `ms` ago (`now`: a clock in
 * milliseconds). A check that throws has not passed: it runs again on the next call, so
 * once it fails every call fails.
 */
export function atMostEvery(ms: number, check: () => void, now: () => number = () => performance.now()): () => void {
  let passedAt = Number.NEGATIVE_INFINITY;
  return () => {
    if (now() - passedAt < ms) return;
    check();
    passedAt = now();
  };
}
