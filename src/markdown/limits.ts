/**
 * The limits on what threadwork parses, in one place. Input past a limit becomes a
 * `yaml-limit` diagnostic on that file — never a hang, an out-of-memory or a stack
 * overflow — and the other files are checked as usual. Documented in
 * docs/file-formats.md ("Parsing limits and YAML version").
 */

/**
 * The largest front-matter block, YAML file (`threadwork.config.yaml`, ICP files) or
 * `meta.json` read, in bytes of UTF-8: 1 MiB. A Markdown file's body does not count.
 */
export const MAX_YAML_BYTES = 1024 * 1024;

/**
 * The deepest nesting of values: a map holding a list holding a map … counts one level
 * per value, the top-level map included (`a: [[x]]` is 4 deep). Hand-written files
 * stay far below; JSON files are held to the same limit.
 */
export const MAX_YAML_DEPTH = 100;

/**
 * How many values aliases (`*name`) may add by repeating what their anchor (`&name`)
 * names: an alias of a list of 9 values adds 10. Bounds the expansion of a "billion
 * laughs" document, whose aliases of aliases grow exponentially while the text stays
 * small. Scalars repeated by an alias count 1 each.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/** The rule of a diagnostic for input past one of these limits. */
export const YAML_LIMIT_RULE = 'yaml-limit';

/** A size for a message: `1,048,583 bytes`; a limit: `1 MiB (1,048,576 bytes)`. */
export function formatBytes(bytes: number, asLimit = false): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  return asLimit && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB (${exact})` : exact;
}

/** The UTF-8 size of `text` when it is larger than `limit` bytes, else undefined (cheap for short texts). */
export function bytesOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

/**
 * The first key of `data` whose value nests maps and lists more than MAX_YAML_DEPTH deep
 * (`data` itself the first level), else undefined. Walked without recursion: data nested
 * thousands of levels (an agent's front matter) overflows the stack of a recursive walk, as
 * it did the YAML writer's. Scalars are not counted, so it never refuses what the reader
 * takes: the last levels are left to the reader, which places its error in the text.
 */
export function keyNestedTooDeep(data: Record<string, unknown>): string | undefined {
  const stack: { value: unknown; depth: number; key: string }[] = Object.entries(data).map(([key, value]) => ({ value, depth: 2, key }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > MAX_YAML_DEPTH) return next.key;
    for (const inner of Object.values(next.value)) stack.push({ value: inner, depth: next.depth + 1, key: next.key });
  }
  return undefined;
}
