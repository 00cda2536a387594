import * as z from 'zod';
import { TOOL_ARGUMENTS, toolArgumentNames } from './inputs.js';
import { argumentExample } from './argument-examples.js';
import { valueAt } from '../value-at.js';

/** One argument a tool's input schema refused, in the tool's terms. */
export interface ArgumentProblem {
  /** The argument (`stage`), or an item of it (`segments[1]`). */
  argument: string;
  /** The value sent; absent when the argument was left out. */
  given?: unknown;
  /** What the argument takes, in words: `a whole number from 1 to 6`. */
  expected: string;
  /** A value it takes, as JSON would send it. */
  example: unknown;
}

export interface ArgumentProblems {
  /** One line per problem, each naming the argument, what was given, what it takes and an example. */
  lines: string[];
  arguments: ArgumentProblem[];
  /** The required arguments left out, by name. */
  missing: string[];
  /** The arguments given that the tool does not take, by name. */
  unknown: string[];
}

/**
 * Why a tool's input schema refused `args`, said in the tool's terms. The SDK answers such a
 * call in zod's words — "Invalid input: expected number, received string at stage", "Too big:
 * expected number to be <=6" — naming neither what was sent nor a value that would do: an
 * agent retried with the same mistake. The arguments are checked again against the same
 * schema and each problem said as `stage`: given "2" (a string), expected a whole number from
 * 1 to 6, e.g. "stage": 2. Undefined for a tool the server does not have, or arguments the
 * schema takes (the SDK refused them for a reason of its own: its text is kept).
 */
export function argumentProblems(tool: string, args: unknown): ArgumentProblems | undefined {
  if (toolArgumentNames(tool) === undefined) return undefined;
  const schema = TOOL_ARGUMENTS[tool as keyof typeof TOOL_ARGUMENTS] as z.ZodObject;
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return undefined;
  const found: ArgumentProblems = { lines: [], arguments: [], missing: [], unknown: [] };
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      found.unknown.push(...issue.keys);
      found.lines.push(...issue.keys.map((key) => `unknown argument ${JSON.stringify(key)}: ${tool} does not take it`));
      continue;
    }
    const name = String(issue.path[0]);
    const argument = issue.path.map((part, i) => (i === 0 ? String(part) : typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
    const given = valueAt(args, issue.path);
    const item = issue.path.length > 1;
    // A message threadwork's schemas write themselves ("expected one of inbound, … or campaign:{campaign-id}") says it best; zod's own are rebuilt from the schema.
    const expected = /^expected /.test(issue.message) ? issue.message.replace(/^expected /, '') : expectedOf(schema.shape[name]!, item);
    const example = item ? (argumentExample(tool, name) as unknown[])[0] : argumentExample(tool, name);
    const shown = `e.g. ${JSON.stringify(name)}: ${JSON.stringify(argumentExample(tool, name))}`;
    if (given === undefined && !item) {
      found.missing.push(name);
      found.lines.push(`missing required argument \`${name}\`: expected ${expected} — ${shown}`);
      found.arguments.push({ argument, expected, example });
    } else {
      found.lines.push(`\`${argument}\`: given ${givenText(given)}, expected ${expected} — ${shown}`);
      found.arguments.push({ argument, given, expected, example });
    }
  }
  return found;
}

/** A value as sent, with its kind: `"2" (a string)`, `42 (a number)`, `null`. */
function givenText(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  const shown = json.length > 60 ? `${json.slice(0, 57)}…` : json;
  return value === null ? 'null' : `${shown} (${kindOf(value)})`;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a number with a fraction';
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : `a ${typeof value}`;
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  items?: JsonSchema;
}

/** What an argument (or, `item`, one item of a list argument) takes, in words, from its JSON Schema as tools/list gives it. */
function expectedOf(schema: z.ZodType, item: boolean): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return inWords(item && json.items ? json.items : json);
}

function inWords(json: JsonSchema): string {
  if (json.enum) return `one of ${json.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  switch (json.type) {
    case 'integer':
      return json.minimum !== undefined && json.maximum !== undefined ? `a whole number from ${json.minimum} to ${json.maximum}` : 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array': {
      const items = json.items ? inWords(json.items).replace(/^an? /, '') : 'item';
      return json.minItems ? `a list of at least ${json.minItems} ${plural(items, json.minItems)}` : `a list of ${plural(items, 2)}`;
    }
    case 'string':
      if (json.format === 'date') return 'a date as a string, YYYY-MM-DD';
      return json.minLength ? 'a string, not empty' : 'a string';
    default:
      return 'a value';
  }
}

function plural(noun: string, n: number): string {
  if (n === 1) return noun;
  return noun.replace(/^(string|number|whole number|object|item)(s?)\b/, '$1s');
}
