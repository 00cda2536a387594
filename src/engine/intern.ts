/**
 * Shares equal short strings between the values a cache hands back. v8.deserialize makes
 * a new string for every occurrence — 70,000 copies of "stage", 37,000 of "completed",
 * seven of each thread's path — which was half of a watcher's strings at 10,000 deals.
 * Long strings (prose) are rarely equal and are left as they are.
 */
export class StringInterner {
  private readonly strings = new Map<string, string>();

  /** `value` with every short string inside it (keys of objects excepted: V8 shares those) replaced by its shared copy. */
  intern<T>(value: T): T {
    return this.visit(value, 0) as T;
  }

  private visit(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.string(value);
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.visit(value[i], depth + 1);
      return value;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return value; // a Map, a Date…: not what a parsed file holds
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'string') record[key] = this.string(item);
      else if (item !== null && typeof item === 'object') record[key] = this.visit(item, depth + 1);
    }
    return value;
  }

  /** `value`'s shared copy (a long string is its own). */
  shared(value: string): string {
    return this.string(value);
  }

  private string(value: string): string {
    if (value.length > MAX_LENGTH) return value;
    const shared = this.strings.get(value);
    if (shared !== undefined) return shared;
    this.strings.set(value, value);
    return value;
  }
}

const MAX_LENGTH = 64;
/** Parsed values are bounded in depth by the YAML limits; this only stops a pathological cycle-free chain. */
const MAX_DEPTH = 200;
