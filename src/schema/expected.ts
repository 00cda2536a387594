import type * as z from 'zod';

/**
 * What a schema expected where a value was refused, in the words of the file the person
 * wrote: "a list", "one of high, medium, low", "a number of at least 0" — never zod's own
 * wording ("Invalid option", "expected record, received array", "Too small: expected
 * number to be >=0"), which names a library's types rather than what to write.
 *
 * A message a schema wrote itself (they all begin "expected …") is kept as it is; only
 * zod's built-in ones are said again from the issue's structure.
 */
export function expectedText(issue: z.core.$ZodIssue): string {
  if (/^expected /.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `expected ${plain(issue.values[0])}` : `expected one of ${issue.values.map(plain).join(', ')}`;
    case 'too_small':
      return `expected ${bound(issue.origin, issue.minimum, issue.inclusive ? 'at least' : 'more than')}`;
    case 'too_big':
      return `expected ${bound(issue.origin, issue.maximum, issue.inclusive ? 'at most' : 'less than')}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return unionText(issue);
    case 'invalid_key':
      return `expected every key ${expectedText(issue.issues[0]!).replace(/^expected /, 'to be ')}`;
    case 'invalid_element':
      return `expected every value ${expectedText(issue.issues[0]!).replace(/^expected /, 'to be ')}`;
    default:
      // invalid_format, unrecognized_keys, custom: zod's text here is the schema's or names the format.
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** zod's type names, as what to write in YAML or JSON. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list (`- item` lines, or `[a, b]`)',
  tuple: 'a list (`- item` lines, or `[a, b]`)',
  object: '`key: value` pairs',
  record: '`key: value` pairs',
  map: '`key: value` pairs',
  null: 'nothing (null)',
  date: 'a date such as 2026-03-01',
};

function plain(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function bound(origin: string, limit: number | bigint | Date | unknown, relation: string): string {
  const n = Number(limit);
  if (origin === 'string') return n === 1 && relation === 'at least' ? 'text, not empty' : `text of ${relation} ${n} characters`;
  if (origin === 'array' || origin === 'set') return n === 1 && relation === 'at least' ? 'at least one item' : `${relation} ${n} items`;
  const number = { 'at least': `${n} or more`, 'more than': `above ${n}`, 'at most': `${n} or less`, 'less than': `below ${n}` }[relation] ?? `${relation} ${n}`;
  return `a number ${number.includes(' or ') ? `of ${number}` : number}`;
}

/**
 * A value no alternative took: each alternative's expectation once, joined by "or"
 * (`true or false, or a date such as 2026-03-01`). An alternative whose problem is deeper
 * in the value (a range's `min`) is left out: the others say what the value itself may be.
 */
function unionText(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  const options: string[] = [];
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first || first.path.length > 0) continue;
    const option = expectedText(first).replace(/^expected /, '');
    if (!options.includes(option)) options.push(option);
  }
  if (options.length === 0) return 'expected a different value';
  return `expected ${options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`}`;
}
