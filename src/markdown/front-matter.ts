import type { Position } from '../diagnostics.js';
import type { YAML_LIMIT_RULE } from './limits.js';
import type { YAML_MERGE_KEY_RULE } from './merge-keys.js';
import { misplacedOpening } from './front-matter-opening.js';
import { readYaml } from './yaml.js';

export { parseYamlDocument } from './yaml.js';

export interface FrontMatterError {
  position: Position;
  message: string;
  rule: 'yaml-syntax' | typeof YAML_LIMIT_RULE | typeof YAML_MERGE_KEY_RULE | 'front-matter-unclosed' | 'front-matter-not-object' | 'line-endings-cr' | 'front-matter-opening';
}

export interface ParsedFrontMatter {
  /** The parsed and normalised data, or `undefined` when the front matter could not be parsed. */
  data: Record<string, unknown> | undefined;
  /** Whether the file opens with a `---` front-matter block at all. */
  present: boolean;
  /** Character offset where the Markdown body starts (after the closing `---` line). */
  bodyOffset: number;
  /** The raw YAML between the delimiters, beginning with the rest of the opening line so lines align with the file. */
  yamlText: string;
  /** Why the front matter could not be read: every duplicate key, say, each at its place; undefined when it was read. */
  errors?: FrontMatterError[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m;
/** A `---` opening line ended by a lone carriage return (classic Mac OS): the whole file is one line. */
const OPENING_LONE_CR = /^\uFEFF?---[ \t]*\r(?!\n)/;

/**
 * The front matter's place in `text`: undefined when the file does not open with a `---`
 * line; `closeStart` undefined when no closing `---` (or `...`) line follows. `yamlStart`
 * is the opening line's line break, so that YAML line n is file line n.
 */
function delimit(text: string): { yamlStart: number; closeStart: number | undefined; bodyOffset: number } | undefined {
  const open = OPENING.exec(text);
  if (!open) return undefined;
  const afterOpen = open[0].length;
  const yamlStart = open[0].indexOf('\n');
  const close = CLOSING.exec(text.slice(afterOpen));
  if (!close) return { yamlStart, closeStart: undefined, bodyOffset: text.length };
  const closeStart = afterOpen + close.index;
  const end = closeStart + close[0].length;
  return { yamlStart, closeStart, bodyOffset: text[end] === '\n' ? end + 1 : end };
}

/**
 * Where the body of `text` starts, as parseFrontMatter finds it, without parsing the YAML
 * (a sync places its managed blocks in files it has already parsed).
 */
export function bodyOffsetOf(text: string): number {
  return delimit(text)?.bodyOffset ?? 0;
}

/**
 * The longest a front matter block with nothing in it plausibly is (`---`, a few blank
 * lines, `---`): a caller that knows a file's body offset reads its text again only below it.
 */
export const UNFILLED_BLOCK_MAX_LENGTH = 32;

/**
 * The prose of a file that carries no front matter fields: the whole text when it opens
 * with no block, or the text after a block with nothing but blank lines between its fences
 * (the empty "properties" block some editors and note apps put atop every new file).
 * `blockLines` is how many lines that empty block takes. Undefined when the file has a
 * block with anything in it — keys, comments, or YAML that does not parse.
 */
export function unfilledFrontMatter(text: string): { prose: string; blockLines: number } | undefined {
  const place = delimit(text);
  if (!place) return OPENING_LONE_CR.test(text) ? undefined : { prose: text, blockLines: 0 };
  if (place.closeStart === undefined || text.slice(place.yamlStart, place.closeStart).trim() !== '') return undefined;
  const block = text.slice(0, place.bodyOffset);
  return { prose: text.slice(place.bodyOffset), blockLines: block.split('\n').length - 1 };
}

/**
 * The front matter block of `text` as written, `---` lines included, when it does not parse
 * (a YAML error; a block never closed, which runs to the end): what a person or an agent has
 * to repair, at the errors' lines. Null when it parses, or when there is none — a block
 * misplaced below the first line is no front matter and the whole text the body.
 */
export function unreadableFrontMatter(text: string): string | null {
  const parsed = parseFrontMatter(text);
  return parsed.present && parsed.errors && parsed.bodyOffset > 0 ? text.slice(0, parsed.bodyOffset) : null;
}

/**
 * Split a Markdown file into front matter and body and parse the front matter with the
 * engine's YAML readers (YAML 1.2 core schema: src/markdown/yaml.ts), within the
 * parsing limits. Only when that fails is the front matter re-parsed with the `yaml`
 * package, which gives the exact position of the problem.
 */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  const place = delimit(text);
  if (!place) {
    // Lone CR line endings: said as such, not as a file without front matter (`migrate` would write a second block).
    if (OPENING_LONE_CR.test(text)) {
      const message = 'Lines end in a lone carriage return (CR, as classic Mac OS saved text): threadwork reads the file as one line, so its front matter cannot be found; expected LF (or CRLF) line endings — re-save the file with them in your editor';
      return { data: undefined, present: true, bodyOffset: text.length, yamlText: '', errors: [{ position: { line: 1, column: 1 }, message, rule: 'line-endings-cr' }] };
    }
    // A block below blank lines or opened with `--`: said as such, not read as a file without front matter that counts for nothing.
    const misplaced = misplacedOpening(text);
    if (misplaced) return { data: undefined, present: true, bodyOffset: 0, yamlText: '', errors: [{ position: misplaced.position, message: misplaced.message, rule: 'front-matter-opening' }] };
    return { data: {}, present: false, bodyOffset: 0, yamlText: '' };
  }
  const { yamlStart, closeStart, bodyOffset } = place;
  if (closeStart === undefined) {
    return {
      data: undefined,
      present: true,
      bodyOffset,
      yamlText: text.slice(yamlStart),
      errors: [
        {
          position: { line: 1, column: 1 },
          message: 'Unclosed front matter: the `---` on line 1 has no closing `---` line: expected one after the last key, above the prose (was the file saved half-way?)',
          rule: 'front-matter-unclosed',
        },
      ],
    };
  }
  const yamlText = text.slice(yamlStart, closeStart);
  const found = (data: Record<string, unknown> | undefined, ...errors: FrontMatterError[]): ParsedFrontMatter =>
    errors.length ? { data, present: true, bodyOffset, yamlText, errors } : { data, present: true, bodyOffset, yamlText };

  // The block we already delimited, parsed directly: going through gray-matter's matter()
  // builds a file object and a content cache per call, a third of the parse time on 70,000 files.
  const read = readYaml(text, 'Front matter', yamlStart, closeStart);
  if (read.problems) return found(undefined, ...read.problems);
  const raw = read.value;
  if (raw === null || raw === undefined) return found({});
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return found(undefined, {
      position: { line: 2, column: 1 },
      message: 'Unexpected front matter: expected `key: value` pairs, not a list or a single value',
      rule: 'front-matter-not-object',
    });
  }
  const swallowed = swallowedProse(raw as Record<string, unknown>, yamlText);
  if (swallowed) return found(undefined, swallowed);
  return found(raw as Record<string, unknown>);
}

/**
 * Front matter whose closing `---` was lost, closed instead by a `---` line further down the
 * prose (a thematic break): the prose parses as YAML when its heading reads as a comment and
 * its lines as keys. Told apart by both signs at once — a key with a space in it (no field of
 * any schema has one) and, before it, a Markdown heading after a blank line — so a comment in
 * front matter is never taken for it. The check costs one look at the keys when none has a
 * space.
 */
function swallowedProse(data: Record<string, unknown>, yamlText: string): FrontMatterError | undefined {
  let key: string | undefined;
  for (const k in data) {
    if (k.includes(' ')) {
      key = k;
      break;
    }
  }
  if (key === undefined) return undefined;
  const heading = /\n[ \t]*\n(#{1,6} [^\n]*)/.exec(yamlText);
  if (!heading || yamlText.indexOf(`\n${key}`, heading.index) < 0) return undefined;
  // The YAML text starts with the opening line's line break: its line n is the file's.
  const title = heading[1]!;
  const line = yamlText.slice(0, heading.index + heading[0].length - title.length).split('\n').length;
  return {
    position: { line, column: 1 },
    message: `Unclosed front matter: the Markdown heading \`${title.trimEnd()}\` here is read as a YAML comment and the prose below it as keys (\`${key}\`), up to a \`---\` line further down: expected a \`---\` line closing the front matter before the text`,
    rule: 'front-matter-unclosed',
  };
}
