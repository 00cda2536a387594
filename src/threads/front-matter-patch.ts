import { ThreadworkError } from '../errors.js';

/**
 * A stage write's front matter as a patch on what the file holds, the way an agent means
 * it: the fields it sends are set, every other field stays as the user wrote it. A map
 * given where the file has a map is merged key by key (`{contact: {email}}` sets the email
 * and keeps the name); anything else — a list, a text, a number, null — replaces the value
 * whole (a list is sent with every item). A field goes only when named in `remove`, as a
 * dotted path (`contact.title`), so that a field left out is never lost by accident.
 *
 * Pure: the file's data in, the data to write and what `remove` took out.
 */
export interface PatchedFrontMatter {
  data: Record<string, unknown>;
  removed: { field: string; value: unknown }[];
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function merged(before: Record<string, unknown>, set: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(set)) {
    const current = Object.hasOwn(before, key) ? before[key] : undefined;
    // defineProperty, not `out[key] =`: a key named `__proto__` is data here, as in the file.
    Object.defineProperty(out, key, { value: isPlainMap(current) && isPlainMap(value) ? merged(current, value) : value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The field paths a map holds, dotted, for the error that names what could be removed. */
function fieldPaths(data: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(data).flatMap(([key, value]) => [`${prefix}${key}`, ...(isPlainMap(value) ? fieldPaths(value, `${prefix}${key}.`) : [])]);
}

/** `field` split into the keys that lead to it in `data`: a top-level key written with a dot is taken as that key. */
function keysOf(data: Record<string, unknown>, field: string): string[] {
  return Object.hasOwn(data, field) ? [field] : field.split('.');
}

function sets(set: Record<string, unknown>, keys: string[]): boolean {
  let node: unknown = set;
  for (const key of keys) {
    if (!isPlainMap(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

function without(data: Record<string, unknown>, keys: string[]): { data: Record<string, unknown>; value: unknown } | undefined {
  const [key, ...rest] = keys;
  if (key === undefined || !Object.hasOwn(data, key)) return undefined;
  const value = data[key];
  if (rest.length === 0) {
    const { [key]: _gone, ...kept } = data;
    return { data: kept, value };
  }
  if (!isPlainMap(value)) return undefined;
  const inner = without(value, rest);
  return inner && { data: { ...data, [key]: inner.data }, value: inner.value };
}

/**
 * `set` merged onto `before`, then each field of `remove` taken out. A field to remove
 * that the file does not hold is refused (`unknown-field`, with the fields it does hold):
 * a misspelt path removed nothing and said nothing. A field both set and removed is
 * refused (`field-conflict`): which one was meant cannot be told.
 */
export function patchFrontMatter(path: string, before: Record<string, unknown>, set: Record<string, unknown>, remove: readonly string[] = []): PatchedFrontMatter {
  let data = merged(before, set);
  const removed: PatchedFrontMatter['removed'] = [];
  for (const field of remove) {
    const keys = keysOf(before, field);
    if (sets(set, keys)) throw new ThreadworkError(`Cannot both set and remove \`${field}\` in ${path}: send it in \`front_matter\` to change it, or in \`remove\` to delete it`, 'field-conflict', { path, field });
    const taken = without(data, keys);
    if (!taken) {
      const known = fieldPaths(before);
      throw new ThreadworkError(`Cannot remove \`${field}\` from ${path}: its front matter has no such field; expected one of ${known.map((k) => `\`${k}\``).join(', ') || '(none: the front matter is empty)'}`, 'unknown-field', { path, field, known });
    }
    data = taken.data;
    removed.push({ field, value: taken.value });
  }
  return { data, removed };
}
