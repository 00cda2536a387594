import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locator } from '../markdown/locate.js';
import { DERIVED_META_FIELDS, threadMetaSchema } from '../schema/meta.js';
import { objectShape } from '../schema/misspelt-keys.js';
import type { z } from 'zod';

/** The keys of a thread's meta.json: its identity and links (`segment`, `goal_id`…) and what sync derives (`status`, `stage`…). */
const META_FIELDS: readonly string[] = Object.keys(threadMetaSchema.shape);

/** What the derived fields a person is most likely to write by hand follow. */
const DERIVED_FROM: Record<string, string> = {
  status: ' from `decision` in 4-decision.md and `outcome` in 6-learning.md',
  stage: ' from the highest stage file written',
};

/** The meta.json fields among `keys` that a stage of `schema` does not read itself (a campaign's 1-input.md reads `segment`). */
export function metaFieldsNotRead(schema: z.ZodType, keys: readonly string[]): string[] {
  const read = objectShape(schema);
  return keys.filter((key) => META_FIELDS.includes(key) && !(read && Object.hasOwn(read, key)));
}

/** Where a meta.json field comes from, said after "a thread's `key`": sync derives it from …, or it is read from meta.json. */
export function whereMetaFieldComesFrom(key: string): string {
  return DERIVED_META_FIELDS.has(key) ? `sync derives a thread's \`${key}\` into meta.json${DERIVED_FROM[key] ?? ' from its stage files'}` : `a thread's \`${key}\` is read from its meta.json`;
}

/**
 * The meta.json fields written at the top of a stage file's front matter that the stage
 * does not read itself (`status: closed-won` in 6-learning.md, `segment:` in a deal's
 * 1-input.md, where a campaign's does read it), as warnings at the key. Unknown keys are
 * the person's own and kept, so such a line was read by nothing: the deal stayed open, or
 * counted in the segment its meta.json names, with nothing said. `skip` holds the keys
 * another warning already names (a misspelt key).
 */
export function metaFieldsInStage(path: string, schema: z.ZodType, data: unknown, makeLocator: () => Locator, skip: ReadonlySet<string>): Diagnostic[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const found = metaFieldsNotRead(schema, Object.keys(data)).filter((key) => !skip.has(key));
  if (found.length === 0) return [];
  const locator = makeLocator();
  return found.map((key) => {
    const message = `\`${key}\` is not read here: ${whereMetaFieldComesFrom(key)} — written in a stage file it is a field of yours and has no effect`;
    return diagnostic(path, locator.locateKey([key]), 'warning', 'meta-field-in-stage', message, key);
  });
}
