import { FAILSAFE_SCHEMA, load, YAMLException, type LoadOptions } from 'js-yaml';
import { CORE_SCALAR_TYPES } from './core-scalars.js';
import { DECLINED, readSimpleYaml } from './simple-yaml.js';
import type { Alias, Document, LineCounter, DocumentOptions, Node, ParseOptions, SchemaOptions, YAMLError } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import { codePointLabel, positionAtOffset, type Position } from '../diagnostics.js';
import { bytesOver, formatBytes, MAX_ALIAS_EXPANSION, MAX_YAML_BYTES, MAX_YAML_DEPTH, YAML_LIMIT_RULE } from './limits.js';
import { measureAliases, normalizeYamlValue } from './normalize.js';
import { mergeKeyProblems, type YAML_MERGE_KEY_RULE } from './merge-keys.js';
import { mayHoldUnreadableKey, unreadableKeyProblems } from './unreadable-keys.js';
import { shortened } from '../text-width.js';
import { lookalikeYamlSyntax } from './lookalike-spaces.js';

/**
 * One YAML for reading, locating and editing: YAML 1.2 with its core schema. `012` is
 * 12, `0o14` is 12, `0x1F` is 31, `1_000`, `yes`, `on` and `2026-03-01` are strings,
 * `~`/`null`/empty are null, `.inf`/`.nan` are numbers. Merge keys are YAML 1.1, not 1.2:
 * a plain `<<` key is refused where it is written (`yaml-merge-key`, merge-keys.ts says
 * why) rather than read as a key named `<<`; a quoted `"<<"` is an ordinary key.
 *
 * Reading uses js-yaml 4 (fast) with the schema below; locating a problem and editing
 * front matter use the `yaml` package's Document with these options. The two agree on
 * every scalar (test/yaml-semantics.test.ts).
 */
export const YAML_OPTIONS = { version: '1.2', schema: 'core', merge: false, uniqueKeys: true } as const satisfies DocumentOptions &
  SchemaOptions &
  ParseOptions;

/** js-yaml schema with exactly the `yaml` package's YAML 1.2 core scalars: no timestamps, no merge keys, no `!!binary`/`!!set`. */
export const YAML_CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [...CORE_SCALAR_TYPES] });

/** js-yaml 4.3's `maxDepth` option is not in @types/js-yaml yet. */
const LOAD_OPTIONS: LoadOptions & { maxDepth: number } = { schema: YAML_CORE_SCHEMA, maxDepth: MAX_YAML_DEPTH };

export interface YamlProblem {
  position: Position;
  message: string;
  rule: 'yaml-syntax' | typeof YAML_LIMIT_RULE | typeof YAML_MERGE_KEY_RULE;
}

export type YamlReadResult = { value: unknown; problems?: undefined } | { value?: undefined; problems: YamlProblem[] };

/** Removes a leading byte-order mark; positions stay right because editors do not count it as a column. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads YAML — `text`, or the part of it from `from` to `to` (a front matter inside its
 * file) — within the parsing limits (src/markdown/limits.ts): the value, or the problems
 * with their positions (`yaml-syntax`, `yaml-limit`, `yaml-merge-key`; lines and columns
 * of that part).
 * Never throws. `what` names the text in messages: "Front matter", "File".
 *
 * Three readers, each only when the one before cannot say: simple-yaml.ts, for the plain
 * YAML front matter is nearly always written in (the same value as js-yaml, in less than
 * half its time); js-yaml with the schema above, for any YAML; and, when that fails, the
 * `yaml` package, for the positions of the problems.
 */
export function readYaml(text: string, what = 'File', from = 0, to = text.length): YamlReadResult {
  // Within the size limit whatever the characters' UTF-8 sizes (the limit is checked below otherwise).
  if ((to - from) * 3 <= MAX_YAML_BYTES) {
    const simple = readSimpleYaml(text, from, to);
    if (simple !== DECLINED) return { value: simple };
  }
  return readGeneralYaml(from === 0 && to === text.length ? text : text.slice(from, to), what);
}

function readGeneralYaml(text: string, what: string): YamlReadResult {
  const bytes = bytesOver(text, MAX_YAML_BYTES);
  if (bytes !== undefined) {
    return limit({ line: 1, column: 1 }, `YAML over a limit: ${what.toLowerCase()} is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_YAML_BYTES, true)} threadwork reads`);
  }
  // The simple reader declines any `<<` key: only texts that reach this path can hold one.
  const merges = text.includes('<<') ? findMergeKeys(text) : [];
  let value: unknown;
  try {
    value = load(text, LOAD_OPTIONS);
  } catch (error) {
    if (merges.length) return { problems: merges };
    return { problems: lookalikeProblems(text, what) ?? locateYamlProblems(text, error) };
  }
  if (merges.length) return { problems: merges };
  const unreadable = mayHoldUnreadableKey(text) ? findUnreadableKeys(text) : [];
  if (unreadable.length) return { problems: unreadable };
  // Aliases are the only way to share objects; no `*` in the text, no alias.
  if (value !== null && typeof value === 'object' && text.includes('*')) {
    const shape = measureAliases(value);
    if (shape.problem) return { problems: [aliasProblem(text, shape.problem)] };
    if (shape.shared) value = normalizeYamlValue(value);
  }
  // A list item indented under a value is, to YAML, more of that value: it shows as ` - ` in a string.
  if (value !== null && typeof value === 'object' && holdsListDash(value)) {
    const swallowed = swallowedListItem(text);
    if (swallowed) return { problems: [swallowed] };
  }
  return { value };
}

/**
 * A no-break space (or another lookalike) or a full-width colon where YAML's syntax has a
 * space or a colon, said at the character (lookalike-spaces.ts), with the problems of the
 * text as meant on the other lines: the parser's own words for such a line name a line
 * without a key or an indentation, and its errors on the lines after it follow from it.
 * Undefined when the text has none there.
 */
function lookalikeProblems(text: string, what: string): YamlProblem[] | undefined {
  const lookalikes = lookalikeYamlSyntax(text);
  if (!lookalikes) return undefined;
  const own: YamlProblem[] = lookalikes.problems.map(({ line, column, reason }) => ({ position: { line, column }, message: `Invalid YAML: ${reason}`, rule: 'yaml-syntax' }));
  const lines = new Set(own.map((p) => p.position.line));
  const others = (readGeneralYaml(lookalikes.repaired, what).problems ?? []).filter((p) => !lines.has(p.position.line));
  return [...own, ...others].sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
}

/** Whether a string in `value` holds ` -` where a line of it could have begun `- `. */
function holdsListDash(value: unknown): boolean {
  if (typeof value === 'string') return / -(?: |$)/.test(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsListDash);
}

/**
 * `source: inbound` then `  - item`: the list item, indented under a key that has a value
 * (or under a list item), is to YAML a continuation of that plain value, "inbound - item",
 * which a schema then refuses at the key without a word of the list. It is an
 * indentation mistake, said at the `-`. Undefined when no plain value runs on over a `- ` line.
 */
function swallowedListItem(text: string): YamlProblem | undefined {
  const { visit, isPair, isScalar } = yamlPackage();
  const { doc, lineCounter } = parseYamlDocument(text);
  let problem: YamlProblem | undefined;
  visit(doc, {
    Scalar(_key, node, path) {
      if (node.type !== 'PLAIN' || !node.range) return undefined;
      const raw = text.slice(node.range[0], node.range[1]);
      const item = /\n([ \t]*)(-(?:[ \t][^\n]*)?)(?:\n|$)/.exec(raw);
      if (!item) return undefined;
      const parent = path[path.length - 1];
      const firstLine = raw.slice(0, raw.indexOf('\n')).trim();
      const pair = isPair(parent) && parent.value === node && isScalar(parent.key) ? String(parent.key.source ?? parent.key.value) : undefined;
      if (isPair(parent) && pair === undefined) return undefined;
      const owner = pair === undefined ? `- ${firstLine}` : `${pair}: ${firstLine}`;
      const expected = pair === undefined ? 'the items of one list at the same column — indent them alike' : `the list under a key with nothing after its colon (\`${pair}:\`, then \`  - item\` on the lines below)`;
      const read = String(node.value);
      const position = lineCounter.linePos(node.range[0] + item.index + 1 + item[1]!.length);
      problem = {
        position: { line: position.line, column: position.col },
        message: `Invalid YAML: a list item (\`${item[2]!.trim()}\`) indented under \`${owner}\`, which YAML reads as more of that value (${JSON.stringify(shortened(read))}): expected ${expected}`,
        rule: 'yaml-syntax',
      };
      return visit.BREAK;
    },
  });
  return problem;
}

/** The merge keys of a text (merge-keys.ts), none when the `yaml` package cannot parse it (the readers report why). */
function findMergeKeys(text: string): YamlProblem[] {
  try {
    const { doc, lineCounter } = parseYamlDocument(text);
    return mergeKeyProblems(doc, lineCounter);
  } catch {
    return [];
  }
}

/** The keys of a text that are no name to read (unreadable-keys.ts): a list or map as a key, `__proto__`. */
function findUnreadableKeys(text: string): YamlProblem[] {
  try {
    const { doc, lineCounter } = parseYamlDocument(text);
    return unreadableKeyProblems(doc, lineCounter, text);
  } catch {
    return [];
  }
}

function limit(position: Position, message: string): { problems: YamlProblem[] } {
  return { problems: [{ position, message, rule: YAML_LIMIT_RULE }] };
}

/** A character YAML does not take as text (YAML 1.2, 5.1): a C0 or C1 control other than tab and line breaks, DEL. */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const NON_PRINTABLE = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** The problems of a text the fast parser rejected, located with the `yaml` package where it can. */
function locateYamlProblems(text: string, fastError: unknown): YamlProblem[] {
  const mark = fastError instanceof YAMLException ? (fastError as YAMLException & { mark?: { line: number; column: number } }).mark : undefined;
  const reason = fastError instanceof YAMLException ? fastError.reason : fastError instanceof Error ? fastError.message : String(fastError);
  const markPosition = { line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  if (/^nesting exceeded maxDepth/.test(reason)) {
    return limit(markPosition, `YAML over a limit: nested more than ${MAX_YAML_DEPTH} levels deep (lists and maps)`).problems;
  }
  if (/^null byte/.test(reason) && text.includes('\0')) {
    // js-yaml checks for it before reading lines: its mark is on line 1, at the character's offset.
    return [{ position: positionAtOffset(text, text.indexOf('\0')), message: 'Invalid YAML: a NUL character (byte 0), which is no text: expected text — delete it (was the file written by a program that crashed?)', rule: 'yaml-syntax' }];
  }
  if (/^the stream contains non-printable characters/.test(reason)) {
    const at = NON_PRINTABLE.exec(text);
    if (at) {
      return [{ position: positionAtOffset(text, at.index), message: `Invalid YAML: a control character (${codePointLabel(at[0].codePointAt(0)!)}), which is no text: expected text — delete it (a terminal's colour codes are made of such characters)`, rule: 'yaml-syntax' }];
    }
  }
  if (!(fastError instanceof YAMLException)) {
    // Not a syntax error: the parser itself gave up (a stack overflow on some input the depth limit did not catch).
    return limit(markPosition, `YAML over a limit: too complex to read (${reason})`).problems;
  }
  try {
    const { doc, lineCounter } = parseYamlDocument(text);
    if (doc.errors.length > 0) {
      // A value with several `: ` in it is one mistake however many keys the parser sees in
      // it; so is one key indented differently from the lines after it, which the parser
      // reports at each of them.
      const lineOf = (e: YAMLError): number => e.linePos?.[0].line ?? 0;
      const errors = doc.errors.filter((e, i) => {
        const before = doc.errors.slice(0, i);
        if (e.code === 'BLOCK_AS_IMPLICIT_KEY') return !before.some((f) => f.code === e.code && lineOf(f) === lineOf(e));
        if (e.code === 'BAD_INDENT') return !before.some((f) => f.code === e.code && lineOf(f) === lineOf(e) - 1);
        // The key the parser saw in a value runs on to the next line: the same mistake again.
        if (e.code === 'MULTILINE_IMPLICIT_KEY') return !doc.errors.some((f) => f.code === 'BLOCK_AS_IMPLICIT_KEY' && lineOf(f) === lineOf(e));
        return true;
      });
      return withoutConsequences(
        text,
        errors.map((e) => {
          const slip = gluedDashProblem(text, e);
          if (slip) return { position: slip.position, message: slip.message, indentation: true, generic: false, listFrom: slip.listFrom };
          const itemKey = listItemKeyProblem(text, e);
          if (itemKey) return { position: itemKey.position, message: itemKey.message, indentation: true, generic: false, listFrom: itemKey.listFrom };
          const continued = e.code === 'BLOCK_AS_IMPLICIT_KEY' ? (continuedKeyProblem(text, e) ?? outdentedItemProblem(text, e)) : undefined;
          if (continued) return { position: continued.position, message: continued.message, indentation: true, generic: false };
          const orphan = e.code === 'BLOCK_AS_IMPLICIT_KEY' ? orphanListProblem(text, e) : undefined;
          if (orphan) return { position: orphan.position, message: orphan.message, indentation: true, generic: false, listFrom: orphan.listFrom };
          const specific = (e.code === 'DUPLICATE_KEY' && duplicateKeyReason(doc, lineCounter, e.pos[0])) || (e.code === 'TAB_AS_INDENT' && TAB_REASON) || (e.code === 'BLOCK_AS_IMPLICIT_KEY' && colonInValueReason(text, e)) || (e.code === 'BAD_INDENT' && indentReason(text, e)) || plainReason(e);
          const colonless = specific === NO_KEY_REASON ? missingColonProblem(text, e) : undefined;
          // The lines indented under a key that lost its colon are its value, misread with it: nothing more to say of them.
          if (colonless) return { position: colonless.position, message: `Invalid YAML: ${colonless.reason}`, indentation: true, generic: false };
          return {
            position: e.code === 'BAD_INDENT' ? atFirstCharacter(text, pastCommentLines(text, yamlErrorPosition(text, doc, e))) : yamlErrorPosition(text, doc, e),
            message: `Invalid YAML: ${specific || firstLine(e.message)}`,
            indentation: e.code === 'BAD_INDENT' || e.code === 'TAB_AS_INDENT',
            generic: !specific || specific === NO_KEY_REASON,
            stream: / in YAML stream/.test(e.message),
            unclosed: /^Flow (sequence|map) in block collection/.test(firstLine(e.message)),
          };
        }),
      );
    }
    const unresolved = aliasSites(doc, lineCounter).find((site) => site.target === undefined);
    if (unresolved) {
      return [{ position: unresolved.position, message: `Invalid YAML: alias *${unresolved.alias.source} has no anchor &${unresolved.alias.source} before it`, rule: 'yaml-syntax' }];
    }
  } catch {
    // Fall back to the fast parser's own position.
  }
  if (/^unknown tag /.test(reason)) return [tagProblem(text, markPosition)];
  return [{ position: markPosition, message: `Invalid YAML: ${reason}`, rule: 'yaml-syntax' }];
}

/**
 * A tag (`!!binary`, `!!set`, `!secret`) the core schema has not: js-yaml says "unknown tag
 * !<tag:yaml.org,2002:binary>" at the end of the value. Said at the tag, as written, with
 * what to write: the last tag on the line before where js-yaml stopped.
 */
function tagProblem(text: string, mark: Position): YamlProblem {
  const line = text.split('\n')[mark.line - 1] ?? '';
  const tags = [...line.slice(0, mark.column).matchAll(/(?:^|[\s[{,])(![^\s,[\]{}]*)/g)];
  const tag = tags[tags.length - 1];
  const position = tag ? { line: mark.line, column: tag.index + tag[0].length - tag[1]!.length + 1 } : mark;
  const written = tag ? `, \`${tag[1]}\`,` : '';
  return { position, message: `Invalid YAML: a tag${written} which threadwork does not read: expected a plain value — delete the tag, or put the whole value in quotes`, rule: 'yaml-syntax' };
}

/**
 * The parser's "Nested mappings are not allowed in compact mappings" for the commonest
 * YAML mistake: a value holding `: ` (`signal: Re: your email`), read as a second key.
 * Says which key's value, and how to write it. Undefined when the line is not `key: value`.
 */
function colonInValueReason(text: string, error: YAMLError): string | undefined {
  const line = text.split('\n')[(error.linePos?.[0].line ?? 0) - 1];
  const pair = line === undefined ? null : /^\s*(?:-\s+)?([^\s:#"'][^:#]*?):\s+(.+?)\s*$/.exec(line);
  if (!pair) return undefined;
  const [, key, value] = pair;
  // Curly quotes (an editor's or a word processor's “smart quotes”) are text to YAML, not quotes: written as quoted, the value would keep them.
  const curly = /^[\u201C\u2018](.*)[\u201D\u2019]$/.exec(value!);
  const quoted = JSON.stringify(shortened(curly ? curly[1]! : value!));
  if (curly) return `a \`: \` inside the value of \`${key}\`, whose curly quotes (${value![0]} ${value![value!.length - 1]}) are text to YAML, not quotes: expected straight quotes — \`${key}: ${quoted}\``;
  return `a \`: \` inside the value of \`${key}\`, which YAML reads as a second key: expected the value in quotes — \`${key}: ${quoted}\``;
}

/**
 * The parser's "All mapping items must start at the same column", said with the two lines
 * that disagree: this key and the one above it, and how far each is indented. Undefined
 * when the line above is not found.
 */
function indentReason(text: string, error: YAMLError): string | undefined {
  // A `[` or `{` never closed is reported as a flow collection "not sufficiently indented"
  // at the line after it (the closing `---`, or a key at column 0): what is missing is the
  // `]` or `}` (plainReason), not a `key:` on that line.
  if (/^Flow (sequence|map) in block collection/.test(error.message)) return undefined;
  const lines = text.split('\n');
  const at = pastCommentLines(text, { line: error.linePos?.[0].line ?? 0, column: 1 }).line - 1;
  const key = (line: string): string => /^\s*(?:-\s+)?([^:]*?):/.exec(line)?.[1] ?? line.trim();
  const indent = (line: string): number => /^ */.exec(line)![0].length;
  const here = lines[at];
  let above = at - 1;
  while (above >= 0 && /^\s*(?:#.*)?$/.test(lines[above]!)) above--;
  if (here === undefined) return undefined;
  // Text indented by mistake, not a key: what it lacks is the `key:`, wherever it stands.
  if (!/^\s*(?:-\s+)?[^:]*?:(?:\s|$)/.test(here)) return NO_KEY_REASON;
  if (above < 0 || indent(lines[above]!) === indent(here)) return undefined;
  const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;
  return `\`${key(here)}\` is indented ${spaces(indent(here))} and \`${key(lines[above]!)}\` on line ${above + 1} above it ${spaces(indent(lines[above]!))}: expected the keys of one map at the same column — indent them alike`;
}

/**
 * A key indented more than the key above it (`  name: Ada` then `   title: CFO`) continues
 * that key's value as far as the parser is concerned, which it reports at the value as a
 * `: ` inside it. When that value has no `: ` of its own, the mistake is the next line's
 * indentation: said there, at the key, with the two keys that disagree.
 */
function continuedKeyProblem(text: string, error: YAMLError): { position: Position; message: string } | undefined {
  const lines = text.split('\n');
  const at = (error.linePos?.[0].line ?? 0) - 1;
  const pair = /^(\s*)(?:-\s+)?([^\s:#"'][^:#]*?):\s+(.+?)\s*$/.exec(lines[at] ?? '');
  if (!pair || pair[3]!.includes(': ')) return undefined;
  let next = at + 1;
  while (next < lines.length && /^\s*(?:#.*)?$/.test(lines[next]!)) next++;
  const key = /^( *)([^\s:#"'-][^:#]*?):(?:\s|$)/.exec(lines[next] ?? '');
  if (!key || key[1]!.length <= pair[1]!.length) return undefined;
  const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;
  return {
    position: { line: next + 1, column: key[1]!.length + 1 },
    message: `Invalid YAML: \`${key[2]}\` is indented ${spaces(key[1]!.length)} and \`${pair[2]}\` on line ${at + 1} above it ${spaces(pair[1]!.length)}: expected the keys of one map at the same column — indent them alike`,
  };
}

/**
 * A key of a list item's map indented otherwise than the key after its `- ` (`  - id: x`,
 * then `     name: y` or `  name: y`). The parser reports it as a value's `: `, a mapping
 * item out of column or a "sequence item without - indicator", each then misreading the
 * rest of the list; and the spaces to count are those up to the key after the `- `, not
 * those before the dash (`id` stands at 4, not 2). Said at the key, with the column to
 * put it at. Looked for at the error's line and the one after it (a value's `: ` is
 * reported on the line above the key).
 */
function listItemKeyProblem(text: string, error: YAMLError): { position: Position; message: string; listFrom: number } | undefined {
  const lines = text.split('\n');
  const first = (error.linePos?.[0].line ?? 0) - 1;
  const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;
  for (const at of [first, first + 1]) {
    const key = /^( *)([^\s:#"'-][^:#]*?):(?:\s|$)/.exec(lines[at] ?? '');
    if (!key) continue;
    let above = at - 1;
    while (above >= 0 && /^\s*(?:#.*)?$/.test(lines[above]!)) above--;
    const item = /^( *)(- +)([^\s:#"'][^:#]*?):(?:\s|$)/.exec(lines[above] ?? '');
    if (!item) continue;
    const dash = item[1]!.length;
    const column = dash + item[2]!.length;
    const indent = key[1]!.length;
    if (indent < dash || indent === column) continue;
    // `- id:` with nothing after it: a key indented deeper is its value's, as it should be.
    if (indent > column && !/:\s*[^\s#]/.test(lines[above]!.slice(column))) continue;
    return {
      position: { line: at + 1, column: indent + 1 },
      message: `Invalid YAML: \`${key[2]}\` is indented ${spaces(indent)} and \`${item[3]}\` on line ${above + 1} above it stands at ${spaces(column)} (after its \`- \`): expected the keys of one list item at the same column — indent \`${key[2]}\` ${spaces(column)}`,
      listFrom: dash,
    };
  }
  return undefined;
}

/**
 * A list item's dash with no space after it (`  -id: x`): YAML reads `-id` as a key of the
 * map the list is under, then each key of the item as indented wrongly and each later item
 * as a line without `key:` — one error per line of the list. Said once, at the dash, the
 * rest of the list left unsaid (`listFrom`). Looked for at the error's line and the line
 * with content above it, where the parser's first complaint lands (the item's second key).
 */
function gluedDashProblem(text: string, error: YAMLError): { position: Position; message: string; listFrom: number } | undefined {
  const lines = text.split('\n');
  const at = (error.linePos?.[0].line ?? 0) - 1;
  let above = at - 1;
  while (above >= 0 && /^\s*(?:#.*)?$/.test(lines[above]!)) above--;
  for (const line of [at, above]) {
    const glued = /^( *)-([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)/.exec(lines[line] ?? '');
    if (!glued) continue;
    const dash = glued[1]!.length;
    return {
      position: { line: line + 1, column: dash + 1 },
      message: `Invalid YAML: \`-${glued[2]}\` with no space after its \`-\`, which YAML reads as a key named \`-${glued[2]}\`, not a list item: expected \`- ${glued[2]}:\` — a space after the dash`,
      listFrom: dash,
    };
  }
  return undefined;
}

/**
 * A list with no key above it — most often because that key is still commented out, as the
 * canvas templates leave their examples (`# segments:` over `  - id: …`). The parser says
 * "a block sequence may not be used as an implicit map key" at the comment, then a line
 * without `key:` at the item. Said once, at the item's dash, with the commented-out key when
 * there is one; the rest of the list left unsaid (`listFrom`). Undefined when the first line
 * with content at or after the error is no list item, or a key with nothing after its colon
 * stands above it (another mistake: outdentedItemProblem's).
 */
function orphanListProblem(text: string, error: YAMLError): { position: Position; message: string; listFrom: number } | undefined {
  const lines = text.split('\n');
  const reported = (error.linePos?.[0].line ?? 0) - 1;
  // Reported at a key with a value (`updated: 2026-12-06`) when the key the list belonged to was deleted: the list is below it.
  const valued = /^( *)([a-z_][a-z0-9_]*):[ \t]+([^\s#].*?)\s*\r?$/.exec(lines[reported] ?? '');
  let at = valued ? reported + 1 : reported;
  while (at < lines.length && /^\s*(?:#.*)?\r?$/.test(lines[at]!)) at++;
  const item = /^( *)- +(.*?)\s*\r?$/.exec(lines[at] ?? '');
  if (!item) return undefined;
  if (valued) {
    if (item[1]!.length <= valued[1]!.length) return undefined;
    const shownItem = shortened(`- ${item[2]!.replace(/\s+#.*$/, '')}`);
    const message = `Invalid YAML: a list (\`${shownItem}\`) under \`${valued[2]}\` on line ${reported + 1}, which has a value already: expected the key the list is the value of on its own line above it, with nothing after its colon (\`key:\`)`;
    return { position: { line: at + 1, column: item[1]!.length + 1 }, message, listFrom: item[1]!.length };
  }
  let above = at - 1;
  while (above >= 0 && /^\s*\r?$/.test(lines[above]!)) above--;
  const commented = /^\s*#\s*([a-z_][a-z0-9_]*):\s*\r?$/.exec(lines[above] ?? '');
  if (!commented && /^\s*[^\s#-][^:#]*:\s*\r?$/.test(lines[above] ?? '')) return undefined;
  const dash = item[1]!.length;
  const shown = shortened(`- ${item[2]!.replace(/\s+#.*$/, '')}`);
  const message = commented
    ? `Invalid YAML: a list (\`${shown}\`) under no key: the key above it, \`${commented[1]}:\` on line ${above + 1}, is commented out — expected \`${commented[1]}:\`, without the \`#\``
    : `Invalid YAML: a list (\`${shown}\`) under no key: expected the key it is the value of on the line above it, with nothing after its colon (\`key:\`)`;
  return { position: { line: at + 1, column: dash + 1 }, message, listFrom: dash };
}

/**
 * A line the parser finds no `key:` in that is a key as threadwork writes them without its
 * colon: alone (`segments`, over the list indented under it), before a quoted or bracketed
 * value (`title "Customer segments"`), or before a plain one among the keys of a nested map
 * (`  name Jane Doe` under `contact:`, a key beside it at its column). Said as the colon to
 * add, not as text out of place. A plain value at the top level is left to the general
 * words: a line of prose pasted above the closing `---` reads the same.
 */
function missingColonProblem(text: string, error: YAMLError): { position: Position; reason: string } | undefined {
  const lines = text.split('\n');
  const at = (error.linePos?.[0].line ?? 0) - 1;
  const bare = /^( *)([a-z_][a-z0-9_]*)(?:[ \t]+(["'[{].*?))?[ \t]*\r?$/.exec(lines[at] ?? '') ?? nestedPlainValue(lines, at);
  if (!bare) return undefined;
  const [, indent, key, value] = bare;
  let next = at + 1;
  while (next < lines.length && /^\s*(?:#.*)?$/.test(lines[next]!)) next++;
  const under = value === undefined && /^ */.exec(lines[next] ?? '')![0].length > indent!.length && next < lines.length && !/^(?:---|\.\.\.)\s*$/.test(lines[next]!);
  if (value === undefined && !under) return undefined;
  const written = value === undefined ? `${key}:` : `${key}: ${value}`;
  return {
    position: { line: at + 1, column: indent!.length + 1 },
    reason: `\`${key}\` without a \`:\` after it${under ? ', over lines indented under it' : ''}: expected \`${written}\` — add the colon`,
  };
}

/**
 * `  name Jane Doe`: an indented key and a plain value with no colon between them, where the
 * nearest line above or below that is neither blank nor a comment is a `key:` at the same
 * column — a map's key that lost its colon, not prose. Matched as `missingColonProblem` reads it.
 */
function nestedPlainValue(lines: readonly string[], at: number): RegExpExecArray | null {
  const line = /^( +)([a-z_][a-z0-9_]*)[ \t]+([^\s:#][^:#]*?)[ \t]*\r?$/.exec(lines[at] ?? '');
  if (!line) return null;
  const sibling = new RegExp(`^${line[1]}[a-z_][a-z0-9_]*:(?:\\s|$)`);
  const neighbour = (step: number): string | undefined => {
    let i = at + step;
    while (i >= 0 && i < lines.length && /^\s*(?:#.*)?\r?$/.test(lines[i]!)) i += step;
    return lines[i];
  };
  return sibling.test(neighbour(-1) ?? '') || sibling.test(neighbour(1) ?? '') ? line : null;
}

/**
 * A list item indented less than the item above it, but more than the key the list is under
 * (`    - A4` then `   - A7`): the parser takes it for a key of that key's map, "a block
 * sequence may not be used as an implicit map key", at column 1. Said at its `-`, with the
 * item above it and how far each is indented. Undefined when the line is no such item.
 */
function outdentedItemProblem(text: string, error: YAMLError): { position: Position; message: string } | undefined {
  const lines = text.split('\n');
  const at = (error.linePos?.[0].line ?? 0) - 1;
  const item = /^( *)(- .*?)\s*$/.exec(lines[at] ?? '');
  if (!item) return undefined;
  const indent = item[1]!.length;
  let above: { line: number; indent: number; text: string } | undefined;
  for (let line = at - 1; line >= 0; line--) {
    const written = lines[line]!;
    if (/^\s*(?:#.*)?$/.test(written)) continue;
    const own = /^( *)(- .*?)\s*$/.exec(written);
    const spaces = /^ */.exec(written)![0].length;
    if (spaces <= indent) break;
    if (own) {
      above = { line: line + 1, indent: spaces, text: own[2]! };
      break;
    }
  }
  if (!above) return undefined;
  const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;
  return {
    position: { line: at + 1, column: indent + 1 },
    message: `Invalid YAML: a list item (\`${item[2]}\`) indented ${spaces(indent)} and \`${above.text}\` on line ${above.line} above it ${spaces(above.indent)}: expected the items of one list at the same column — indent them alike`,
  };
}

/**
 * The parser reports a key indented by mistake at the comment or blank lines above it, when
 * there are some (they belong to the node it starts): the line to fix is the key's. A
 * position on a line with content is kept.
 */
function pastCommentLines(text: string, position: Position): Position {
  const lines = text.split('\n');
  let line = position.line;
  while (line <= lines.length && /^\s*(?:#.*)?$/.test(lines[line - 1] ?? '')) line++;
  return line > lines.length || line === position.line ? position : { line, column: 1 };
}

/** The parser points at the start of a badly indented line; the person needs the key (or text) that is misplaced. */
function atFirstCharacter(text: string, position: Position): Position {
  const line = text.split('\n')[position.line - 1];
  const first = line === undefined ? -1 : line.search(/\S/);
  return first < 0 || position.column > first + 1 ? position : { line: position.line, column: first + 1 };
}

interface LocatedProblem {
  position: Position;
  message: string;
  /** An indentation error: the lines indented under it are misread by the parser. */
  indentation: boolean;
  /** Said in general words (a line without `key:`): another error on its line says more. */
  generic: boolean;
  /** A token the parser found outside any node: everything after it is read as stray too. */
  stream?: boolean;
  /** A `[` or `{` never closed: the parser reads the lines after it, up to the next less indented one, inside it. */
  unclosed?: boolean;
  /** A key of a list item misplaced: the parser misreads the rest of the list, every line indented this far or more. */
  listFrom?: number;
}

/**
 * The parser's errors less those that follow from an earlier one: on one line, the most
 * specific; under a badly indented line, nothing until a line indented no deeper (the
 * parser read those lines as part of the misplaced one); under and beside a `[` or `{`
 * never closed, nothing until a line indented less (read inside the brackets); after a token outside any node,
 * no other such token (the parser gave up on the document there).
 */
function withoutConsequences(text: string, located: LocatedProblem[]): YamlProblem[] {
  const lines = text.split('\n');
  const indent = (line: number): number => /^\s*/.exec(lines[line - 1] ?? '')![0].length;
  const blank = (line: number): boolean => /^\s*(?:#.*)?$/.test(lines[line - 1] ?? '');
  const kept: LocatedProblem[] = [];
  let shadow: { from: number; to: number } | undefined;
  // In the order of the lines: the parser says a `[` is never closed where the text ends, after the errors it met inside.
  const inOrder = [...located].sort((a, b) => a.position.line - b.position.line);
  for (const problem of inOrder) {
    const line = problem.position.line;
    if (shadow && line > shadow.from && line <= shadow.to) continue;
    if (problem.stream && kept.some((k) => k.stream)) continue;
    const same = kept.findIndex((k) => k.position.line === line);
    if (same >= 0) {
      if (kept[same]!.generic && !problem.generic) kept[same] = problem;
      continue;
    }
    kept.push(problem);
    if (problem.indentation || problem.unclosed) {
      // Under a `[` never closed, its siblings too (`description:` under `name: [Mid…`): read
      // inside the brackets, a sound line was said to hold a second key. After a list item's
      // key misplaced, the rest of the list: its next items were said to be lines without `key:`.
      const { listFrom } = problem;
      const under = (next: number): boolean => (listFrom !== undefined ? indent(next) >= listFrom : problem.unclosed ? indent(next) >= indent(line) : indent(next) > indent(line));
      let to = line;
      while (to < lines.length && (blank(to + 1) || under(to + 1))) to++;
      shadow = { from: line, to };
    }
  }
  return kept.map(({ position, message }) => ({ position, message, rule: 'yaml-syntax' as const }));
}

/**
 * The parser's words for the other common mistakes, said as what to write: a quote or a
 * `[`/`{` never closed (reported where it opened: yamlErrorPosition), a line of text with
 * no `key:`, a value starting with a character YAML reserves.
 */
function plainReason(error: YAMLError): string | undefined {
  const message = firstLine(error.message);
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (quote) return `a ${quote} opened here is never closed: expected the closing ${quote} at the end of the value`;
  const flow = /^Flow (sequence|map) in block collection/.exec(message)?.[1];
  if (flow === 'sequence') return 'a `[` opened here is never closed: expected `]` at the end of the list, on the same line';
  if (flow === 'map') return 'a `{` opened here is never closed: expected `}` at the end of the map, on the same line';
  if (error.code === 'MULTILINE_IMPLICIT_KEY' || /^Implicit map keys need to be followed by map values/.test(message)) return NO_KEY_REASON;
  if (/^(Unexpected block-seq-ind on same line with key|A block sequence may not be used as an implicit map key)/.test(message)) return LIST_ITEM_REASON;
  if (/^Unexpected .* at node end/.test(message)) return 'text after the end of a quoted or bracketed value: expected the line to end there — put the whole value inside the quotes or brackets (a comment starts with ` #`)';
  const closer = /^Unexpected flow-(seq|map)-end token/.exec(message)?.[1];
  if (closer) return closer === 'seq' ? 'a `]` that closes no `[`: expected a `[` where the list starts, or no `]`' : 'a `}` that closes no `{`: expected a `{` where the map starts, or no `}`';
  const reserved = /^Plain value cannot start with reserved character (.)/.exec(message)?.[1];
  if (reserved) return `a value starting with \`${reserved}\`, which YAML reserves: expected the value in quotes ("${reserved}…")`;
  return undefined;
}

const NO_KEY_REASON = 'a line without `key:` — expected `key: value` (text belongs below the closing `---`, or in quotes as the value of a key)';
const LIST_ITEM_REASON = 'a list item (`- …`) where a key was expected: expected `key: value`, or the list under a key with nothing after its colon (`key:`, then `  - item` on the lines below)';

/** The parser's "Tabs are not allowed as indentation" says what not to write: this says what to write. */
const TAB_REASON = 'a tab as indentation: expected spaces — YAML indents with spaces only (replace the tab with two spaces per level)';

/**
 * For a key written twice in one map, whose second occurrence starts at `offset`: which key
 * and where the first one is, which the parser's "Map keys must be unique" leaves the person
 * to find (meta.json's duplicate keys say as much: parse-file.ts). Undefined if not found.
 */
function duplicateKeyReason(doc: Document, lineCounter: LineCounter, offset: number): string | undefined {
  const { visit, isScalar } = yamlPackage();
  let reason: string | undefined;
  visit(doc, {
    Map(_key, map) {
      const at = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (at < 0) return undefined;
      const key = (map.items[at]!.key as { value: unknown }).value;
      const first = map.items.find((pair, i) => i < at && isScalar(pair.key) && pair.key.value === key);
      if (first) {
        const { line, col } = lineCounter.linePos((first.key as { range?: [number, number, number] }).range?.[0] ?? 0);
        // In a one-line map (`{a: 1, a: 2}`) both are on one line: the first is said by its column, and what to delete is the pair, not a line.
        const where = line === lineCounter.linePos(offset).line ? `first at column ${col} of this line` : `first on line ${line}`;
        const remove = map.flow ? `the other \`${String(key)}: …\` with its comma` : 'the other line';
        reason = `duplicate key \`${String(key)}\` (${where}): expected each key once in a map — keep the value you mean and delete ${remove}`;
      }
      return visit.BREAK;
    },
  });
  return reason;
}

interface AliasSite {
  alias: Alias;
  /** The node the alias names: the latest node anchored with its name before it, if any. */
  target: Node | undefined;
  /** Nesting level of the alias, counted as js-yaml does: 2 for a value of the top-level map. */
  level: number;
  position: Position;
}

/** Every alias in document order, with what it names (anchors may be redefined: the latest before the alias wins). */
function aliasSites(doc: Document, lineCounter: LineCounter): AliasSite[] {
  const { visit, isAlias, isCollection } = yamlPackage();
  const anchors = new Map<string, Node>();
  const sites: AliasSite[] = [];
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
        const level = path.filter((p) => isCollection(p)).length + 1;
        sites.push({ alias: node, target: anchors.get(node.source), level, position: { line, column: col } });
      } else if (node.anchor) {
        // Pre-order: a collection's anchor is known inside it, as in js-yaml (`&a [*a]` is a cycle).
        anchors.set(node.anchor, node);
      }
    },
  });
  return sites;
}

interface NodeMeasure {
  size: number;
  height: number;
}

/**
 * Where an alias problem that `measureAliases` found on the fast parser's value is
 * written: the same measure on the `yaml` Document, alias by alias in document order,
 * stopping at the alias that closes a cycle, nests too deep or takes the repetition
 * past the limit.
 */
function aliasProblem(text: string, kind: 'cycle' | 'expansion' | 'depth'): YamlProblem {
  const { isAlias, isMap, isSeq } = yamlPackage();
  const generic = {
    cycle: 'YAML over a limit: an alias is inside the value its anchor names, so it would repeat without end',
    expansion: `YAML over a limit: aliases repeat more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} values (a "billion laughs" document?)`,
    depth: `YAML over a limit: with its aliases written out, the data is nested more than ${MAX_YAML_DEPTH} levels deep`,
  }[kind];
  let sites: AliasSite[];
  try {
    const { doc, lineCounter } = parseYamlDocument(text);
    sites = aliasSites(doc, lineCounter);
  } catch {
    return { position: { line: 1, column: 1 }, message: generic, rule: YAML_LIMIT_RULE };
  }
  const targets = new Map<Node, Node | undefined>(sites.map((site) => [site.alias, site.target]));
  const memo = new Map<Node, NodeMeasure | 'busy'>();
  let closing: Alias | undefined;
  const measure = (node: unknown, depth: number): NodeMeasure | 'cycle' | 'deep' => {
    if (depth > MAX_YAML_DEPTH) return 'deep';
    let target = node;
    if (isAlias(node)) {
      target = targets.get(node);
      if (memo.get(target as Node) === 'busy') {
        closing = node;
        return 'cycle';
      }
    }
    if (!isMap(target) && !isSeq(target)) return { size: 1, height: 1 };
    const known = memo.get(target);
    if (known && known !== 'busy') return known;
    memo.set(target, 'busy');
    let size = 1;
    let height = 1;
    for (const item of target.items) {
      const inner = isMap(target) ? (item as { value: unknown }).value : item;
      const m = measure(inner, depth + 1);
      if (typeof m === 'string') return m;
      size += m.size;
      height = Math.max(height, m.height + 1);
    }
    const result = { size, height };
    memo.set(target, result);
    return result;
  };
  let added = 0;
  for (const site of sites) {
    if (!isMap(site.target) && !isSeq(site.target)) continue;
    const m = measure(site.alias, 1);
    const name = `*${site.alias.source}`;
    if (m === 'cycle') {
      const at = sites.find((s) => s.alias === closing) ?? site;
      return { position: at.position, message: `YAML over a limit: alias *${at.alias.source} is inside the value its anchor &${at.alias.source} names, so it would repeat without end`, rule: YAML_LIMIT_RULE };
    }
    if (m === 'deep' || site.level + m.height - 1 > MAX_YAML_DEPTH) {
      return { position: site.position, message: `YAML over a limit: with alias ${name} written out, the data is nested more than ${MAX_YAML_DEPTH} levels deep`, rule: YAML_LIMIT_RULE };
    }
    added += m.size;
    if (added > MAX_ALIAS_EXPANSION) {
      return {
        position: site.position,
        message: `YAML over a limit: with ${name}, aliases repeat ${added.toLocaleString('en-US')} values, more than the ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} allowed (a "billion laughs" document?)`,
        rule: YAML_LIMIT_RULE,
      };
    }
  }
  return { position: sites[0]?.position ?? { line: 1, column: 1 }, message: generic, rule: YAML_LIMIT_RULE };
}

/**
 * Where to point for a YAML error. An unclosed quote or flow collection (`[a, b`) is
 * reported by the parser where the text ends; the character that opened it is what
 * the person needs to see.
 */
export function yamlErrorPosition(text: string, doc: Document, error: YAMLError): Position {
  const fallback = { line: error.linePos?.[0].line ?? 1, column: error.linePos?.[0].col ?? 1 };
  const unclosed = (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) || /^Flow (sequence|map)\b/.test(error.message);
  if (!unclosed) return fallback;
  let opened: number | undefined;
  const consider = (node: { range?: [number, number, number] | null | undefined }): void => {
    // The innermost node that opened before the error and was still open when the text ended.
    if (node.range && node.range[0] < error.pos[0] && node.range[1] >= error.pos[0] && (opened === undefined || node.range[0] > opened)) opened = node.range[0];
  };
  yamlPackage().visit(doc, {
    Scalar(_key, node) {
      if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') consider(node);
    },
    Seq(_key, node) {
      if (node.flow) consider(node);
    },
    Map(_key, node) {
      if (node.flow) consider(node);
    },
  });
  return opened === undefined ? fallback : positionAtOffset(text, opened);
}

/** The `yaml` package's Document of a text, with YAML_OPTIONS: for positions and surgical edits, not for reading. */
export function parseYamlDocument(text: string): { doc: Document; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, Object.assign({}, YAML_OPTIONS, { lineCounter, keepSourceTokens: false, prettyErrors: true }));
  return { doc, lineCounter };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
