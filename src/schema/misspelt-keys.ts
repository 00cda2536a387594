import * as z from 'zod';

/** A key of the data that its schema does not read, written almost as one it does. */
export interface MisspeltKey {
  /** The data path of the key as written (`validations[1].assumptoin` as `['validations', 1, 'assumptoin']`). */
  path: PropertyKey[];
  /** The key it looks like, which the same object lacks. */
  meant: string;
}

/**
 * The keys of `raw` that look like a misspelling of a key the schema reads (`outcom:` for
 * `outcome:`, `Loss-Reason:` for `loss_reason:`). Unknown keys are the person's own and
 * never an error, so such a key was ignored without a word: a won deal read as open, a
 * deal counted towards no goal. A key is reported only when the key it looks like is not
 * in the same object — `outcomes:` beside `outcome:` is a field of the person's. Lists of
 * objects (`validations`, `actions`) are walked; records (`criteria`) are not: their keys
 * are data.
 */
export function misspeltKeys(raw: unknown, schema: z.ZodType, path: PropertyKey[] = []): MisspeltKey[] {
  const found: MisspeltKey[] = [];
  collect(raw, schema, [...path], found);
  return found;
}

/**
 * Runs on every file parsed (a cold check parses 60,000 front matters: 280 ms when each
 * object listed its schema's absent keys and each key made its path): an object's absent
 * keys are listed only once it has a key its schema does not read, each schema's shape
 * and list item are looked up once, and `path` is one array the walk pushes onto and pops
 * — a path is copied only for a key found (a copy for each object or list walked into was
 * most of what the walk allocated).
 */
function collect(raw: unknown, schema: z.ZodType, path: PropertyKey[], found: MisspeltKey[]): void {
  if (Array.isArray(raw)) {
    const element = arrayElement(schema);
    if (!element) return;
    for (let index = 0; index < raw.length; index++) {
      const item: unknown = raw[index];
      if (!isWalkable(item)) continue;
      path.push(index);
      collect(item, element, path, found);
      path.pop();
    }
    return;
  }
  if (!isWalkable(raw)) return;
  const shape = objectShape(schema);
  if (!shape) return;
  let absent: string[] | undefined;
  for (const key of Object.keys(raw)) {
    if (Object.hasOwn(shape, key)) {
      const value = raw[key];
      if (isWalkable(value)) {
        path.push(key);
        collect(value, shape[key]!, path, found);
        path.pop();
      }
      continue;
    }
    absent ??= Object.keys(shape).filter((known) => !Object.hasOwn(raw, known));
    const meant = nearestKey(key, absent) ?? synonymOf(key, absent);
    if (meant) found.push({ path: [...path, key], meant });
  }
}

/**
 * Keys that name the same thing under another file's word: a segment's technologies are
 * `filters.tech_stack`, a deal's are `company.technologies`, and each is written in the
 * other's place (the icp-generator skill itself once said `technologies`) — the ICP then
 * came out with no technographics and nothing said. Such a key is reported like a slip.
 */
const KEY_SYNONYMS: readonly (readonly [string, string])[] = [['tech_stack', 'technologies']];

function synonymOf(written: string, absent: readonly string[]): string | undefined {
  const typed = normalised(written);
  for (const pair of KEY_SYNONYMS) {
    const at = pair.indexOf(typed);
    if (at >= 0 && absent.includes(pair[1 - at]!)) return pair[1 - at];
  }
  return undefined;
}

/** Whether `written` is a slip of `meant`, as misspeltKeys judges one (a key of the person's own otherwise). */
export function isSlipOf(written: string, meant: string): boolean {
  return nearestKey(written, [meant]) === meant;
}

/** The word of `options` that `written` is one or two slips from (`win_rte` for `win_rate`), by the rule a misspelt key is judged by. */
export function nearestWord(written: string, options: readonly string[]): string | undefined {
  return nearestKey(written, options);
}

/** The absent key `written` is a slip of: the same once case and separators are ignored, or one or two typing slips away. */
function nearestKey(written: string, absent: readonly string[]): string | undefined {
  const typed = normalised(written);
  let best: { key: string; distance: number } | undefined;
  for (const key of absent) {
    const wanted = normalised(key);
    // Short keys (`arr`) are near too many words of one's own: only a case or separator slip counts.
    const allowed = wanted.length >= 8 ? 2 : wanted.length >= 4 ? 1 : 0;
    const distance = typed === wanted ? 0 : slipsBetween(typed, wanted, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

function normalised(key: string): string {
  return key.toLowerCase().replace(/[\s-]/g, '_');
}

/** The optimal-string-alignment distance (insertions, deletions, substitutions, swaps of two neighbours), or `max + 1` once over `max`. */
function slipsBetween(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, rows[i - 2]![j - 2]! + 1);
      row[j] = cost;
    }
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

/** The schema under its optional, nullable, default, prefault and pipe wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) inner = inner.unwrap() as z.ZodType;
    // A preprocess is a pipe from a transform into the schema (13-metrics' targets): the keys are the schema's.
    else if (inner instanceof z.ZodPipe) inner = (inner.in instanceof z.ZodTransform ? inner.out : inner.in) as z.ZodType;
    else return inner;
  }
}

const shapeCache = new WeakMap<z.ZodType, Record<string, z.ZodType> | null>();

/** The keys of an object schema, or of the one object alternative of a union (`target_list`: a sentence or `{source, count, criteria}`). */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let shape = shapeCache.get(schema);
  if (shape === undefined) shapeCache.set(schema, (shape = shapeOf(schema) ?? null));
  return shape ?? undefined;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const inner = unwrapped(schema);
  if (inner instanceof z.ZodObject) return inner.shape as Record<string, z.ZodType>;
  if (inner instanceof z.ZodUnion) {
    const shapes = (inner.options as z.ZodType[]).map(objectShape).filter((shape) => shape !== undefined);
    return shapes.length === 1 ? shapes[0] : undefined;
  }
  return undefined;
}

const elementCache = new WeakMap<z.ZodType, z.ZodType | null>();

/** The items' schema of a list schema (under its wrappers), or undefined. Worked out once a schema, as its shape is. */
export function arrayElement(schema: z.ZodType): z.ZodType | undefined {
  let element = elementCache.get(schema);
  if (element === undefined) {
    const inner = unwrapped(schema);
    elementCache.set(schema, (element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : null));
  }
  return element ?? undefined;
}

/** An object or a list: what may hold keys to look at. */
function isWalkable(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
