/** First index of a sorted array whose value is not below `value` (numbers or strings, in `<` order). */
export function lowerBound<T extends number | string>(sorted: readonly T[], value: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index of an array sorted by `key` (in `<` order) whose key is not below `value`. */
export function lowerBoundBy<T>(sorted: readonly T[], value: string, key: (item: T) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(sorted[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Paths kept sorted, for outputs that list them in order. The list handed out is never
 * changed afterwards: the next change copies it first, so an unchanged group hands out the
 * same list every cycle (nothing copied) and a changed one copies once.
 */
export class SortedPaths {
  private paths: string[] = [];
  private handedOut = false;

  add(path: string): void {
    const at = lowerBound(this.paths, path);
    if (this.paths[at] === path) return;
    this.writable().splice(at, 0, path);
  }

  delete(path: string): void {
    const at = lowerBound(this.paths, path);
    if (this.paths[at] === path) this.writable().splice(at, 1);
  }

  /** The paths in order; the caller may keep it: it does not change. */
  list(): readonly string[] {
    this.handedOut = true;
    return this.paths;
  }

  get size(): number {
    return this.paths.length;
  }

  /** Where `path` is (or would go) in the order; hands nothing out. */
  position(path: string): number {
    return lowerBound(this.paths, path);
  }

  /** Each path mapped, in order; hands nothing out. */
  map<T>(fn: (path: string) => T): T[] {
    return this.paths.map(fn);
  }

  private writable(): string[] {
    if (this.handedOut) {
      this.paths = this.paths.slice();
      this.handedOut = false;
    }
    return this.paths;
  }
}
