import { Type } from 'js-yaml';

// The scalar types of the `yaml` package's core schema (yaml/dist/schema/core/*.js),
// as js-yaml types: js-yaml 4's own CORE_SCHEMA differs on `0b101`, `-.5`, `+0x1F`, `-0o14`.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[0-9]+(?:[eE][-+]?[0-9]+)?)$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** Whether a plain scalar could be a number at all: its first character (cheap; most scalars are words). */
function numberLike(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
}

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) => data === null || (typeof data === 'string' && (data.length === 0 || '~nN'.includes(data[0]!)) && NULL.test(data)),
  construct: () => null,
  predicate: (value: unknown) => value === null,
  represent: () => 'null',
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && 'tTfF'.includes(data[0] ?? ' ') && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: (value: object) => String(value),
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && numberLike(data) && (INT_DEC.test(data) || INT_OCT.test(data) || INT_HEX.test(data)),
  construct: (data: string) => (data[1] === 'o' ? parseInt(data.slice(2), 8) : data[1] === 'x' ? parseInt(data.slice(2), 16) : parseInt(data, 10)),
  predicate: (value: unknown) => Number.isInteger(value),
  represent: (value: object) => String(value),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  // Implicitly an integer-looking scalar is resolved as int first; `!!float 12` is 12.
  resolve: (data: unknown) => typeof data === 'string' && numberLike(data) && (FLOAT.test(data) || FLOAT_SPECIAL.test(data)),
  construct: (data: string) => {
    if (!FLOAT_SPECIAL.test(data)) return parseFloat(data);
    if (data.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
  predicate: (value: unknown) => typeof value === 'number',
  represent: (value: object) => String(value),
});

/** The plain scalars that are null or a boolean: every other one not like a number is a string. */
const WORDS = new Map<string, null | boolean>([
  ['', null],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
]);

/** The implicit scalar types in the order js-yaml tries them on a plain scalar. */
export const CORE_SCALAR_TYPES: readonly Type[] = [nullType, boolType, intType, floatType];

/**
 * A plain (unquoted) scalar's value as js-yaml resolves it with these types: the first
 * type that recognises the text constructs it; otherwise it is the string itself. Only a
 * scalar like a number goes through them: the others are null, a boolean or themselves
 * (the same as the types say, without their regular expressions).
 */
export function resolvePlainScalar(text: string): unknown {
  if (!numberLike(text)) {
    const word = WORDS.get(text);
    return word === undefined ? text : word;
  }
  for (const type of CORE_SCALAR_TYPES) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** Whether a plain scalar is read as null or a boolean (as a key, js-yaml makes it the string "null", "true" or "false"). */
export function isNullOrBoolean(text: string): boolean {
  return WORDS.has(text);
}
