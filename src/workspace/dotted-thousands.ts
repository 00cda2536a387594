import * as z from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locator } from '../markdown/locate.js';
import { isMoneySchema } from '../schema/common.js';
import { arrayElement, objectShape } from '../schema/misspelt-keys.js';
import { DOTTED_THOUSANDS, READS_TWO_WAYS } from '../schema/money.js';
import { formatDataPath, withValueAt } from './validate.js';

/**
 * An amount written without quotes as `36.000` is YAML's number 36 before threadwork sees
 * it: a deal's pipeline counted 36, a metrics target of `avg_deal_size: 42.000` moved deals'
 * priorities, where 36,000 and 42,000 were meant, with nothing said — while the same text
 * in quotes is refused as reading two ways (schema/money.ts). The same error here, at the
 * value, in every field whose schema is money (schema/common.ts `money`), in any file.
 *
 * Runs on every file a check parses (70,000 in a cold one): a file whose schema holds no
 * money is passed over at once, the data is walked only where its schema holds money, and
 * a file is located (parsed a second time) only when such a field holds a number from 1 to
 * 999 — all such a slip can read as (a goal's figure only for a money metric). Whether the
 * text as written is refused is asked of the file's own schema with it in quotes, so the
 * error is the one the quoted text gets.
 */
function dottedThousandsProblems(path: string, schema: z.ZodType, raw: unknown, makeLocator: () => Locator): Diagnostic[] {
  if (!holdsMoney(schema)) return [];
  const suspects: PropertyKey[][] = [];
  collect(raw, schema, [], suspects);
  if (suspects.length === 0) return [];
  const locator = makeLocator();
  return suspects.flatMap((at) => {
    const written = locator.writtenAt(at);
    if (written === undefined || !DOTTED_THOUSANDS.test(written)) return [];
    const field = formatDataPath(at);
    const refused = schema.safeParse(withValueAt(raw, at, written)).error?.issues.find((issue) => formatDataPath(issue.path) === field && issue.message.startsWith(READS_TWO_WAYS));
    if (!refused) return [];
    return [diagnostic(path, locator.locateRange(at), 'error', 'schema', `Invalid \`${field}\`: ${refused.message} (got ${written})`, field)];
  });
}

/**
 * A file's validation with its dotted-thousands slips (dottedThousandsProblems) added: its
 * value is dropped when there is one, as for any schema error. A value already refused is
 * not looked at again.
 */
export function withDottedThousands<T>(validated: { value: T | undefined; diagnostics: Diagnostic[] }, path: string, schema: z.ZodType, raw: unknown, makeLocator: () => Locator): { value: T | undefined; diagnostics: Diagnostic[] } {
  if (validated.value === undefined) return validated;
  const slips = dottedThousandsProblems(path, schema, raw, makeLocator);
  return slips.length === 0 ? validated : { value: undefined, diagnostics: [...validated.diagnostics, ...slips] };
}

/**
 * The paths in `raw` of numbers from 1 to 999 where `schema` reads money; `holder` the object
 * holding `raw`. `path` is one array the walk pushes onto and pops, copied for a number found
 * only; an object's fields are the few its schema reads money in (moneyFields), not its
 * whole shape asked field by field of every file.
 */
function collect(raw: unknown, schema: z.ZodType, path: PropertyKey[], found: PropertyKey[][], holder?: Record<string, unknown>): void {
  if (typeof raw === 'number') {
    if (raw >= 1 && raw < 1000 && isMoney(schema, holder ?? {})) found.push([...path]);
    return;
  }
  if (raw === null || typeof raw !== 'object') return;
  if (Array.isArray(raw)) {
    const element = arrayElement(schema);
    if (!element || !holdsMoney(element)) return;
    for (let index = 0; index < raw.length; index++) {
      path.push(index);
      collect(raw[index], element, path, found);
      path.pop();
    }
    return;
  }
  const object = raw as Record<string, unknown>;
  const record = recordValue(schema);
  if (record) {
    if (!holdsMoney(record)) return;
    for (const key of Object.keys(object)) {
      path.push(key);
      collect(object[key], record, path, found, object);
      path.pop();
    }
    return;
  }
  for (const [key, field] of moneyFields(schema)) {
    if (!Object.hasOwn(object, key)) continue;
    path.push(key);
    collect(object[key], field, path, found, object);
    path.pop();
  }
}

const moneyFieldsCache = new WeakMap<z.ZodType, readonly (readonly [string, z.ZodType])[]>();

/** The fields of an object schema that read money somewhere, in the shape's order: worked out once a schema. */
function moneyFields(schema: z.ZodType): readonly (readonly [string, z.ZodType])[] {
  let fields = moneyFieldsCache.get(schema);
  if (fields === undefined) {
    fields = Object.entries(objectShape(schema) ?? {}).filter(([, field]) => holdsMoney(field));
    moneyFieldsCache.set(schema, fields);
  }
  return fields;
}

/** The wrappers a schema may be found under: optional, nullable, default, prefault, and a pipe (its input; a preprocess, its output). */
function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return schema.unwrap() as z.ZodType;
  // A preprocess is a pipe from a transform into the schema (13-metrics' targets): what it reads is the schema's.
  if (schema instanceof z.ZodPipe) return (schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType;
  return undefined;
}

/**
 * Whether `schema`, or one it wraps, is marked as money (`amountSchema(...).nullish()` is):
 * held by `holder`, as that object says (a goal's figure is money for a money metric), or
 * without one, whether it may be.
 */
function isMoney(schema: z.ZodType, holder?: Readonly<Record<string, unknown>>): boolean {
  for (let inner: z.ZodType | undefined = schema; inner; inner = unwrapOnce(inner)) if (isMoneySchema(inner, holder)) return true;
  return false;
}

const recordValueCache = new WeakMap<z.ZodType, z.ZodType | null>();

/** A record schema's value schema, under its wrappers: worked out once a schema. */
function recordValue(schema: z.ZodType): z.ZodType | undefined {
  let value = recordValueCache.get(schema);
  if (value === undefined) {
    let inner: z.ZodType = schema;
    for (let next = unwrapOnce(inner); next; next = unwrapOnce(inner)) inner = next;
    recordValueCache.set(schema, (value = inner instanceof z.ZodRecord ? (inner.valueType as z.ZodType) : null));
  }
  return value ?? undefined;
}

const holds = new WeakMap<z.ZodType, boolean>();

/** Whether money is read anywhere in what `schema` reads: worked out once a schema. */
function holdsMoney(schema: z.ZodType): boolean {
  let known = holds.get(schema);
  if (known === undefined) {
    holds.set(schema, false); // a schema that holds itself (z.lazy) holds no more through itself
    known = isMoney(schema) || parts(schema).some(holdsMoney);
    holds.set(schema, known);
  }
  return known;
}

/** The schemas `schema` reads its parts with: its object's fields, its list's items, its record's values. */
function parts(schema: z.ZodType): z.ZodType[] {
  const element = arrayElement(schema);
  if (element) return [element];
  const record = recordValue(schema);
  if (record) return [record];
  return Object.values(objectShape(schema) ?? {});
}
