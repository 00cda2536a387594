export type Settled<T> = Promise<{ value: T } | { error: unknown }>;

/**
 * `promise` as one that never rejects: a process started alongside another (git's status
 * beside its prefix, git/status.ts) is dropped unawaited when the other fails first, and
 * must not become an unhandled rejection then.
 */
export function settled<T>(promise: Promise<T>): Settled<T> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
