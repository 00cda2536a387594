/**
 * Duplicate keys in a JSON object. `JSON.parse` keeps the last of them without a word, and
 * a later rewrite of the file (sync's derived fields in meta.json) drops the others, so a
 * person's `"segment"` written twice would silently become one of the two. YAML front
 * matter refuses a duplicate key; this makes JSON agree.
 *
 * The common path costs a count of the text's `:` (indexOf, no regular expression) and a
 * walk of the parsed value's keys: every key is followed by a `:`, so a text with no more
 * colons than the parsed value has keys has no duplicate. Only when it has more (a
 * duplicate, or a string value holding a colon, such as a timestamp) is the text scanned
 * key by key.
 */

export interface DuplicateKey {
  key: string;
  /** 0-based offsets of the opening quote of the first and of the repeated key. */
  first: number;
  offset: number;
}

/** Every repeated key of the objects of `text`, already parsed as `value`, in the order written; none when every key is unique. */
export function findDuplicateKeys(text: string, value: unknown): DuplicateKey[] {
  if (colons(text) <= keyCount(value)) return [];
  return scanForDuplicates(text);
}

/** How many `:` the text holds: at least one per key, more only when a string value holds one. */
function colons(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) count++;
  return count;
}

function keyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += keyCount(item);
    return count;
  }
  for (const key in value) count += 1 + keyCount((value as Record<string, unknown>)[key]);
  return count;
}

/**
 * Walks valid JSON (it parsed) keeping the keys seen in each open object. A key is the
 * string right after `{` or `,` inside an object; its text is decoded with JSON.parse, so
 * `"a"` and `"\u0061"` are the same key, as they are to JSON.parse.
 */
function scanForDuplicates(text: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: ({ keys: Map<string, number> } | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      stack.push({ keys: new Map() });
      expectKey = true;
    } else if (c === '[') {
      stack.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    } else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        const first = top.keys.get(key);
        // A third copy is named against the first, as the second is.
        if (first !== undefined) found.push({ key, first, offset: start });
        else top.keys.set(key, start);
      }
      expectKey = false;
    }
  }
  return found;
}
