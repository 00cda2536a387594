import type * as z from 'zod';
import { codePointLabel, diagnostic, positionAtOffset, START, type Diagnostic } from '../diagnostics.js';
import { findConflictMarkers, findStrayMarker, type ConflictMarkers } from '../markdown/conflict-markers.js';
import { derivedBlockOfEachConflict, derivedBlocksHoldingConflicts } from './derived-block-conflict.js';
import { derivedMetaConflictWords, derivedOnlyMetaConflict, metaConflictAdvice, openedTwiceConflict, openedTwiceMetaConflict, openedTwiceMetaWords, openedTwiceWords } from './meta-conflict.js';
import { bodyOffsetOf, parseFrontMatter } from '../markdown/front-matter.js';
import { bytesOver, formatBytes, MAX_YAML_BYTES, MAX_YAML_DEPTH, YAML_LIMIT_RULE } from '../markdown/limits.js';
import type { Locator } from '../markdown/locate.js';
import { locatorOf } from '../markdown/simple-locate.js';
import { findDuplicateKeys } from '../markdown/json-keys.js';
import { LOOKALIKE_SPACE, lookalikeJsonFailure, lookalikeSpaceName } from '../markdown/lookalike-spaces.js';
import { measureAliases } from '../markdown/normalize.js';
import { readYaml, stripBom } from '../markdown/yaml.js';
import { canvasSectionSchemas } from '../schema/canvas.js';
import { configSchema, unknownConfigKeys } from '../schema/config.js';
import { goalSchema } from '../schema/goal.js';
import { icpSchema } from '../schema/icp.js';
import { misspeltKeys, type MisspeltKey } from '../schema/misspelt-keys.js';
import { threadMetaSchema } from '../schema/meta.js';
import { replySchema } from '../schema/reply.js';
import { draftSchema, stageSchemas } from '../schema/stages.js';
import { suppressionSchema, type Suppression } from '../schema/suppression.js';
import { suppressionConflictMerged } from '../outreach/suppression-conflict.js';
import { THREAD_TYPE_BY_FAMILY, type FileKind } from './layout.js';
import { withDottedThousands } from './dotted-thousands.js';
import { withNonDecimalNumbers } from './non-decimal-numbers.js';
import { withCountDecimals } from './count-decimals.js';
import { metaFieldsInStage } from './meta-fields-in-stage.js';
import { formatDataPath, validateData } from './validate.js';

export interface ParsedFile {
  path: string;
  kind: FileKind;
  /** Validated front matter / JSON / YAML, or undefined when the file is invalid. */
  value: unknown;
  /**
   * Parsed but not validated data, kept only for a file that fails its schema, so reference
   * checks can still run on it. A valid file's data is `value` alone: holding both doubled
   * the memory of a watcher on 10,000 threads (a reader wanting the text as written
   * parses it again: `frontMatterAsWritten`).
   */
  raw: unknown;
  /** For Markdown: the offset where the body starts. */
  bodyOffset: number;
  diagnostics: Diagnostic[];
  /**
   * Set on a file read back from the parse cache, whose value is deserialized only when it
   * is read (engine/parse-cache.ts): whether it has one. Ask `hasValue`, which never makes
   * it deserialize.
   */
  readonly valid?: boolean;
}

/** Whether `file` parsed and validated, without deserializing a value the parse cache keeps as bytes. */
export function hasValue(file: ParsedFile): boolean {
  return file.valid ?? file.value !== undefined;
}

/**
 * Parses and validates one file. Pure: text in, data and diagnostics out. Never throws:
 * whatever goes wrong parsing one file is a diagnostic on that file (`parse-failed` when
 * it is not a syntax error or a limit), and the other files are checked as usual.
 */
export function parseFile(path: string, kind: FileKind, text: string): ParsedFile {
  try {
    const conflict = kind.kind === 'other' || kind.kind === 'canvas-unknown' ? undefined : mergeConflictProblem(path, kind, text);
    if (conflict?.diagnostic.severity === 'error') return parsedFile(path, kind, 0, undefined, undefined, [conflict.diagnostic]);
    if (conflict?.readAs !== undefined) {
      // A meta.json whose sides differ only in derived fields, a content thread opened on both sides: read as the version sync writes; unless that is invalid, then it is the plain error.
      const side = parseFileOfKind(path, kind, conflict.readAs);
      if (side.value === undefined) return parsedFile(path, kind, 0, undefined, undefined, [plainConflictError(path, kind, text)]);
      return parsedFile(path, kind, side.bodyOffset, side.value, side.raw, [conflict.diagnostic]);
    }
    const parsed = parseFileOfKind(path, kind, text);
    // Conflicts only in derived blocks: the file is read as it is, and sync writes the blocks anew.
    return conflict ? parsedFile(path, kind, parsed.bodyOffset, parsed.value, parsed.raw, [conflict.diagnostic, ...parsed.diagnostics]) : parsed;
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return parsedFile(path, kind, 0, undefined, undefined, [diagnostic(path, START, 'error', 'parse-failed', `Cannot parse file: ${reason}`)]);
  }
}

/**
 * What becomes of a file sync resolves: committed like any derived write — whether the markers
 * are a merge's under way or one committed with them in (`git commit -a`) — but never during
 * a merge or rebase, which the person finishes.
 */
const COMMITTED_UNLESS_MERGING = 'and commits the file unless a merge or rebase is still under way (then `git add` the file and finish it)';

/** Where git's markers are in a file, indented ones counted where a formatter may have indented them. */
function markersIn(path: string, text: string): ConflictMarkers | undefined {
  // Indented markers count in JSON and YAML, a Markdown file's front matter with them (a formatter re-indented it); in a Markdown body an indented quote of them is a code block.
  return text.includes('<<<<<<<') ? findConflictMarkers(text, { indentedBefore: structuredLines(path, text) }) : undefined;
}

/** The lines of a file read as data — all of a JSON or YAML file, a Markdown file's front matter — where any marker line is git's. */
function structuredLines(path: string, text: string): number {
  return path.endsWith('.md') ? frontMatterLines(text) : Infinity;
}

/**
 * `merge-conflict` at a marker line left alone when the rest of its conflict was deleted (a
 * conflict resolved part-way): an error, since what is around it may still hold both versions —
 * but a warning inside a block sync derives, which it writes anew, the line with it.
 */
function strayMarkerProblem(path: string, kind: FileKind, text: string): Diagnostic | undefined {
  const stray = findStrayMarker(text, { indentedBefore: structuredLines(path, text) });
  if (!stray) return undefined;
  const at = { line: stray.line, column: stray.column };
  const found = `git's marker \`${stray.marker}\` (line ${stray.line}) is still in the file without the rest of its conflict — resolved part-way`;
  const derived = derivedBlocksHoldingConflicts(text, kind, [{ openLine: stray.line, closeLine: stray.line }]);
  if (derived) {
    return diagnostic(path, at, 'warning', 'merge-conflict', `Git's conflict markers are still in this file: ${found}, in the \`${derived[0]}\` block, which threadwork computes from the threads: \`threadwork sync\` replaces the block, the line with it, ${COMMITTED_UNLESS_MERGING}`);
  }
  const message = `Unresolved merge conflict: ${found}: expected one version and no marker line — delete this line, and check that the lines around it hold the version you want, not both`;
  return diagnostic(path, at, 'error', 'merge-conflict', message);
}

/**
 * `merge-conflict` at the first `<<<<<<<` line of a file git left conflicted; else undefined.
 * A warning when there is no version to choose, sync deriving again what the sides differ in:
 * every conflict lies in a block sync derives, or a meta.json's sides differ only in derived
 * fields (`readAs`: the side the file is read as).
 */
function mergeConflictProblem(path: string, kind: FileKind, text: string): { diagnostic: Diagnostic; readAs?: string } | undefined {
  const markers = markersIn(path, text);
  if (!markers) {
    const stray = strayMarkerProblem(path, kind, text);
    return stray && { diagnostic: stray };
  }
  const at = { line: markers.openLine, column: markers.openColumn };
  const found = `\`${markers.open}\` (line ${markers.openLine}) … \`${markers.close}\` (line ${markers.closeLine})`;
  const more = markers.count > 1 ? `, and ${markers.count - 1} more conflict${markers.count > 2 ? 's' : ''} below` : '';
  const derived = derivedBlocksHoldingConflicts(text, kind, markers.spans);
  if (derived) {
    const blocks = derived.map((name) => `\`${name}\``).join(' and ');
    const where = markers.count > 1 ? `${more} — all in the ${blocks} block${derived.length > 1 ? 's' : ''}` : ` in the ${blocks} block`;
    const recompute =
      `Git's conflict markers are still in this file: ${found}${where}, which threadwork computes from the threads, so there is no version to choose: ` +
      `\`threadwork sync\` replaces the block${derived.length > 1 ? 's' : ''}, markers and both versions, with what the merged threads give, ${COMMITTED_UNLESS_MERGING}`;
    return { diagnostic: diagnostic(path, at, 'warning', 'merge-conflict', recompute) };
  }
  const derivedOnly = kind.kind === 'thread-meta' ? derivedOnlyMetaConflict(text) : undefined;
  if (derivedOnly) {
    return { diagnostic: diagnostic(path, at, 'warning', 'merge-conflict', `Git's conflict markers are still in this file: ${found}${more}; ${derivedMetaConflictWords(derivedOnly.derived)}, ${COMMITTED_UNLESS_MERGING}`), readAs: derivedOnly.oursText };
  }
  const openedTwiceMeta = kind.kind === 'thread-meta' ? openedTwiceMetaConflict(text) : undefined;
  if (openedTwiceMeta) {
    return { diagnostic: diagnostic(path, at, 'warning', 'merge-conflict', `Git's conflict markers are still in this file: ${found}${more}; ${openedTwiceMetaWords(openedTwiceMeta)}, ${COMMITTED_UNLESS_MERGING}`), readAs: openedTwiceMeta.readAs };
  }
  const openedTwice = kind.kind === 'stage' && kind.family === 'marketing' && kind.stage === 1 ? openedTwiceConflict(text) : undefined;
  if (openedTwice) {
    return { diagnostic: diagnostic(path, at, 'warning', 'merge-conflict', `Git's conflict markers are still in this file: ${found}${more}; ${openedTwiceWords(openedTwice.sources, openedTwice.opened)}, ${COMMITTED_UNLESS_MERGING}`), readAs: openedTwice.merged };
  }
  const suppression = kind.kind === 'suppression' ? mergedSuppressionConflict(path, text) : undefined;
  if (suppression) {
    const added = suppression.added.length ? `${suppression.added.join(', ')} (their side's) after the entries of this side` : 'the entries of this side, which hold all of theirs';
    const words = `both sides added to the do-not-contact list: no version to choose, since keeping one would let the other side's addresses be contacted — \`threadwork sync\` writes it with ${added}`;
    return { diagnostic: diagnostic(path, at, 'warning', 'merge-conflict', `Git's conflict markers are still in this file: ${found}${more}; ${words}, ${COMMITTED_UNLESS_MERGING}`), readAs: suppression.merged };
  }
  return { diagnostic: plainConflictError(path, kind, text, markers) };
}

/** The do-not-contact list both sides of a merge added to, as sync writes it (suppression-conflict.ts); undefined when there is a version to choose by hand. */
export function mergedSuppressionConflict(path: string, text: string): { merged: string; added: string[] } | undefined {
  return suppressionConflictMerged(text, (side) => validSuppression(path, side));
}

/** One side of a conflicted do-not-contact list, when it is valid on its own. */
function validSuppression(path: string, text: string): Suppression | undefined {
  const parsed = parseYamlFile(path, { kind: 'suppression' }, text, suppressionSchema);
  return parsed.diagnostics.some((d) => d.severity === 'error') ? undefined : (parsed.value as Suppression | undefined);
}

/** The `merge-conflict` error: a version to choose, and (in meta.json) which values differ. */
function plainConflictError(path: string, kind: FileKind, text: string, markers = markersIn(path, text)!): Diagnostic {
  const more = markers.count > 1 ? `, and ${markers.count - 1} more conflict${markers.count > 2 ? 's' : ''} below` : '';
  const advice = kind.kind === 'thread-meta' ? metaConflictAdvice(text) : '';
  const message =
    `Unresolved merge conflict: git's markers \`${markers.open}\` (line ${markers.openLine}) … \`${markers.close}\` (line ${markers.closeLine}) are still in the file${more}: ` +
    `expected one version — keep the lines you want and delete the \`<<<<<<<\`, \`=======\` and \`>>>>>>>\` lines${advice}${derivedOnesToLeave(text, kind, markers)}`;
  return diagnostic(path, { line: markers.openLine, column: markers.openColumn }, 'error', 'merge-conflict', message);
}

/**
 * The conflicts of a file that lie in a block threadwork derives, when others are a person's
 * choice: nothing to choose there — sync replaces the block once the rest is resolved. Without
 * it the error asked to hand-merge every conflict, a goal's `state` block (both sides' progress
 * bars) among them.
 */
function derivedOnesToLeave(text: string, kind: FileKind, markers: ConflictMarkers): string {
  const each = markers.count > 1 ? derivedBlockOfEachConflict(text, kind, markers.spans) : undefined;
  const derived = (each ?? []).flatMap((name, i) => (name === undefined ? [] : [{ name, line: markers.spans[i]!.openLine }]));
  if (derived.length === 0) return '';
  const lines = derived.map((d) => d.line).join(', ');
  const blocks = [...new Set(derived.map((d) => `\`${d.name}\``))].join(' and ');
  const one = derived.length === 1;
  return `; the conflict${one ? '' : 's'} at line${one ? '' : 's'} ${lines}, in the ${blocks} block${blocks.includes(' and ') ? 's' : ''} threadwork computes from the threads, ${one ? 'has' : 'have'} no version to choose: leave ${one ? 'it' : 'them'} — \`threadwork sync\` replaces ${one ? 'it' : 'them'}, markers and both versions, once the rest is resolved`;
}

/** How many lines a Markdown file's front matter takes, its `---` lines with it (0 without one). */
function frontMatterLines(text: string): number {
  const offset = bodyOffsetOf(text);
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function parseFileOfKind(path: string, kind: FileKind, text: string): ParsedFile {
  switch (kind.kind) {
    case 'config':
      return withUnknownConfigKeys(parseYamlFile(path, kind, text, configSchema), text);
    case 'icp':
      return parseYamlFile(path, kind, text, icpSchema);
    case 'suppression':
      return parseYamlFile(path, kind, text, suppressionSchema);
    case 'thread-meta':
      return parseJsonFile(path, kind, text, threadMetaSchema);
    case 'canvas':
      return parseMarkdownFile(path, kind, text, canvasSectionSchemas[kind.section]);
    case 'goal':
      return parseMarkdownFile(path, kind, text, goalSchema);
    case 'stage':
      return parseMarkdownFile(path, kind, text, stageSchemas[THREAD_TYPE_BY_FAMILY[kind.family]][kind.stage - 1]!);
    case 'draft':
      return parseDraftFile(path, kind, text);
    case 'reply':
      return parseMarkdownFile(path, kind, text, replySchema);
    default:
      return parsedFile(path, kind, 0, undefined, undefined, []);
  }
}

function parseMarkdownFile(path: string, kind: FileKind, text: string, schema: z.ZodType): ParsedFile {
  const fm = parseFrontMatter(text);
  if (fm.errors) return parsedFile(path, kind, fm.bodyOffset, undefined, undefined, fm.errors.map((e) => diagnostic(path, e.position, 'error', e.rule, e.message)));
  // Without front matter a stage file is the method's older prose and validates (every
  // field may be empty); an empty file or bytes that are not text is a save cut short or
  // the wrong file, and counting it as valid would let it wipe what the thread stated. A
  // control character after valid front matter is damage (or a write) all the same.
  const notText = fm.present ? controlCharacterProblem(path, text) : notTextProblem(path, text);
  if (notText) return parsedFile(path, kind, fm.present ? fm.bodyOffset : 0, undefined, undefined, [notText]);
  // `arr_potential: 36.000` unquoted: YAML's 36, valid to the schema, an error all the same (dotted-thousands.ts).
  const validated = withDottedThousands(validateData(schema, fm.data, path, () => locatorOf(fm.yamlText)), path, schema, fm.data, () => locatorOf(fm.yamlText));
  // A count written `12.000` (a goal's, a 13-metrics target): YAML's 12, whole to the schema, an error all the same (count-decimals.ts).
  const countsIn = kind.kind === 'goal' ? 'goal' : kind.kind === 'canvas' && kind.section === '13-metrics' ? 'metrics-targets' : undefined;
  const counted = countsIn ? withCountDecimals(validated, path, fm.data, countsIn, () => locatorOf(fm.yamlText)) : validated;
  // `resource_cost_hours: 0x10`, a campaign's `sent: 0x10`: YAML's 16, valid to the schema, an error all the same (non-decimal-numbers.ts).
  const { value, diagnostics } = withNonDecimalNumbers(counted, path, fm.yamlText, fm.data, () => locatorOf(fm.yamlText));
  const misspelt = misspeltKeyWarnings(path, schema, fm.data, () => locatorOf(fm.yamlText));
  diagnostics.push(...misspelt);
  if (kind.kind === 'stage') {
    const named = new Set(misspelt.flatMap((d) => (d.field ? [d.field] : [])));
    diagnostics.push(...metaFieldsInStage(path, schema, fm.data, () => locatorOf(fm.yamlText), named));
  }
  if (!fm.present && diagnostics.length > 0) {
    diagnostics.unshift(
      diagnostic(path, START, 'error', 'front-matter-missing', 'Missing front matter: expected the file to start with a `---` line, its YAML keys, then `---`'),
    );
  }
  return parsedFile(path, kind, fm.bodyOffset, value, rawIfInvalid(value, fm.data), diagnostics);
}

/** Any C0 control character but tab, line feed, form feed and carriage return: no text file of the workspace holds one. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/** `file-empty` for a file with nothing but white space, `not-text` for one holding a control character; else undefined. */
function notTextProblem(path: string, text: string): Diagnostic | undefined {
  if (stripBom(text).trim() === '') return diagnostic(path, START, 'error', 'file-empty', 'Empty file: expected front matter (`---`, its keys, `---`) and the text of the file; an empty file is often a save cut short');
  return controlCharacterProblem(path, text);
}

/** `not-text` at the first control character (other than tab, line feed, form feed, carriage return) of `text`; else undefined. */
function controlCharacterProblem(path: string, text: string): Diagnostic | undefined {
  const control = CONTROL_CHARACTER.exec(text);
  if (!control) return undefined;
  const code = codePointLabel(control[0].charCodeAt(0));
  return diagnostic(path, positionAtOffset(text, control.index), 'error', 'not-text', `Not a text file: control character ${code} here; expected Markdown text (the file may be binary, or damaged)`);
}

/** A YAML file (config, ICP, suppression list): the fast reader (YAML 1.2 core, within the limits); the `yaml` Document only to locate a problem. */
function parseYamlFile(path: string, kind: FileKind, fileText: string, schema: z.ZodType): ParsedFile {
  const text = stripBom(fileText);
  if (text.trim() === '') return parsedFile(path, kind, 0, undefined, undefined, [diagnostic(path, START, 'error', 'file-empty', emptyYamlMessage(kind))]);
  const read = readYaml(text);
  if (read.problems) return parsedFile(path, kind, 0, undefined, undefined, read.problems.map((p) => diagnostic(path, p.position, 'error', p.rule, p.message)));
  const raw = read.value ?? {};
  // An ICP's `revenue: {min: 20.000}` unquoted: YAML's 20, as in front matter (dotted-thousands.ts).
  const thousands = withDottedThousands(validateData(schema, raw, path, () => locatorOf(text)), path, schema, raw, () => locatorOf(text));
  const { value, diagnostics } = withNonDecimalNumbers(thousands, path, text, raw, () => locatorOf(text));
  return parsedFile(path, kind, 0, value, rawIfInvalid(value, raw), diagnostics);
}

/**
 * A valid config's keys that no section has (`daily_caps: {linkedn: 30}`), as warnings at
 * the key: ignored, the setting meant stays at its default with nothing said.
 */
function withUnknownConfigKeys(parsed: ParsedFile, fileText: string): ParsedFile {
  if (parsed.value === undefined) return parsed;
  const text = stripBom(fileText);
  const raw = readYaml(text).value;
  const unknown = unknownConfigKeys(raw);
  let locator: Locator | undefined;
  const locate = (): Locator => (locator ??= locatorOf(text));
  const warnings = unknown.map(({ path, known }) => {
    const key = path[path.length - 1]!;
    const message = `Unknown key \`${key}\` in \`${path.slice(0, -1).join('.')}\`: expected one of ${known.join(', ')} — it is ignored, so its setting has no effect (a typo?)`;
    return diagnostic(parsed.path, locate().locateRange(path), 'warning', 'config-unknown-key', message, path.join('.'));
  });
  // The top level is the workspace's own to extend, but `confidance:` or `compnay:` is a
  // slip of a key threadwork reads (its settings unread), as `outcom:` is in front matter.
  const topLevel = misspeltKeys(raw, configSchema).filter((m) => m.path.length === 1);
  warnings.push(...misspeltKeyWarnings(parsed.path, configSchema, raw, locate, topLevel));
  if (warnings.length === 0) return parsed;
  return Object.assign({}, parsed, { diagnostics: [...parsed.diagnostics, ...warnings] });
}

/**
 * The keys written almost as a key the file's schema reads (`outcom:`), as warnings at the
 * key: threadwork ignores them as the person's own, and the value meant goes unread.
 */
function misspeltKeyWarnings(path: string, schema: z.ZodType, data: unknown, makeLocator: () => Locator, misspelt: MisspeltKey[] = misspeltKeys(data, schema)): Diagnostic[] {
  if (misspelt.length === 0) return [];
  const locator = makeLocator();
  return misspelt.map(({ path: keyPath, meant }) => {
    const key = String(keyPath[keyPath.length - 1]);
    // `outcome` with a no-break space pasted after it reads `outcome ` here: the character, not a typo, is what to delete.
    const invisible = LOOKALIKE_SPACE.exec(key);
    const message = invisible && key.replace(new RegExp(LOOKALIKE_SPACE.source, 'g'), '').trim() === meant
      ? `Unknown key \`${meant}\` with ${lookalikeSpaceName(invisible[0])} in it, which cannot be seen (copied text carries such characters): expected \`${meant}\` — threadwork ignores the key as written, so its value has no effect; delete the character`
      : `Unknown key \`${key}\`: expected \`${meant}\` — threadwork reads \`${meant}\` and ignores \`${key}\` as a field of yours, so its value has no effect (a typo?)`;
    return diagnostic(path, locator.locateKey(keyPath), 'warning', 'key-misspelt', message, formatDataPath(keyPath));
  });
}

/**
 * An empty YAML file is a save cut short or the wrong file, as an empty Markdown file is: read
 * as `{}`, an ICP would say "Missing `segment`", a suppression list would contact everyone
 * it listed and a config would drop every setting without a word.
 */
function emptyYamlMessage(kind: FileKind): string {
  const cut = 'an empty file is often a save cut short';
  if (kind.kind === 'config') return `Empty file: expected YAML settings (the workspace's keys); ${cut} — to use the built-in defaults, delete the file (it is optional) or write \`{}\``;
  if (kind.kind === 'suppression') return `Empty file: expected YAML \`suppressed:\` and its list of addresses (\`suppressed: []\` for none); ${cut}`;
  return `Empty file: expected YAML keys (\`segment\`, \`name\`, …: the segment's ICP); ${cut}`;
}

function parseJsonFile(path: string, kind: FileKind, fileText: string, schema: z.ZodType): ParsedFile {
  // A byte-order mark (some Windows editors write one) is not part of the JSON.
  const text = stripBom(fileText);
  const broken = (problem: Diagnostic): ParsedFile => parsedFile(path, kind, 0, undefined, undefined, [problem]);
  const bytes = bytesOver(text, MAX_YAML_BYTES);
  if (bytes !== undefined) {
    const message = `YAML over a limit: the file is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_YAML_BYTES, true)} threadwork reads`;
    return broken(diagnostic(path, START, 'error', YAML_LIMIT_RULE, message));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return broken(jsonSyntaxDiagnostic(path, text, error));
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return broken(diagnostic(path, START, 'error', 'json-syntax', 'Unexpected JSON value: expected an object `{ … }`'));
  }
  if (measureAliases(raw).problem) {
    // JSON has no aliases: the only limit it can pass here is the nesting depth.
    const message = `YAML over a limit: nested more than ${MAX_YAML_DEPTH} levels deep (objects and arrays)`;
    return broken(diagnostic(path, jsonDepthPosition(text), 'error', YAML_LIMIT_RULE, message));
  }
  // After the depth limit: the key count walks the value.
  const duplicates = findDuplicateKeys(text, raw);
  if (duplicates.length > 0) {
    return parsedFile(
      path,
      kind,
      0,
      undefined,
      undefined,
      duplicates.map((duplicate) => {
        const first = positionAtOffset(text, duplicate.first);
        const message = `Invalid JSON: duplicate key ${JSON.stringify(duplicate.key)} (first on line ${first.line}): expected each key once in an object; JSON keeps only the last value, and sync's rewrite of the file would drop the other`;
        return diagnostic(path, positionAtOffset(text, duplicate.offset), 'error', 'json-syntax', message);
      }),
    );
  }
  // JSON is YAML 1.2, so the same locator maps zod paths to JSON positions.
  const { value, diagnostics } = validateData(schema, raw, path, () => locatorOf(text));
  diagnostics.push(...misspeltKeyWarnings(path, schema, raw, () => locatorOf(text)));
  return parsedFile(path, kind, 0, value, rawIfInvalid(value, raw), diagnostics);
}

/** Where JSON first opens an object or array nested deeper than the limit allows (values count as levels, as in js-yaml). */
function jsonDepthPosition(text: string): { line: number; column: number } {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') {
      depth += 1;
      if (depth >= MAX_YAML_DEPTH) return { line, column: i - lineStart + 1 };
    } else if (c === ']' || c === '}') depth -= 1;
  }
  return START;
}

/** A JSON.parse error as a diagnostic at its line and column (JSON.parse says only `position 34`); `expected`: what an empty file should hold. */
export function jsonSyntaxDiagnostic(path: string, text: string, error: unknown, expected = 'an object `{ … }`'): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const plain = plainJsonMistake(text, message);
  if (plain) return diagnostic(path, positionAtOffset(text, plain.offset), 'error', 'json-syntax', `Invalid JSON: ${plain.reason}`);
  const at = /position (\d+)/.exec(message);
  // JSON.parse gives no position for a bare word (`"stage": one`), only a snippet of the text around it.
  const bare = at || !/^Unexpected token/.test(message) ? undefined : bareWord(text);
  // An empty file is said at its start: its end is past whatever blank lines it has.
  const { line, column } = text.trim() === '' ? START : positionAtOffset(text, at ? Number(at[1]) : bare ? bare.offset : text.length);
  const reason =
    text.trim() === ''
      ? `the file is empty: expected ${expected}; an empty file is often a save cut short`
      : bare
        ? `a value without quotes (\`${bare.word}\`): expected text in double quotes (${JSON.stringify(bare.word)}), a number, true, false or null`
        : firstLineOf(message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''));
  return diagnostic(path, { line, column }, 'error', 'json-syntax', `Invalid JSON: ${reason}`);
}

/**
 * The two mistakes a hand edit of a JSON file makes most, which JSON.parse names in its own
 * terms: a file saved half-way ("Unexpected end of JSON input", "Unterminated string", or
 * what was expected after the last value: nothing said of the file ending there) and a comma left after the last entry ("Expected double-quoted property
 * name", at the `}` after it). Said as what the person did, at the place to fix.
 */
function plainJsonMistake(text: string, message: string): { offset: number; reason: string } | undefined {
  const position = /position (\d+)/.exec(message);
  const endsEarly = /^Unexpected end of JSON input/.test(message) || (position !== null && Number(position[1]) >= text.trimEnd().length);
  if (text.trim() !== '' && endsEarly) {
    return { offset: text.length, reason: 'the file ends before its JSON does (was it saved half-way?): expected the rest of the object, up to its closing `}`' };
  }
  const control = /^Bad control character in string literal in JSON at position (\d+)/.exec(message);
  const character = control ? text.codePointAt(Number(control[1])) : undefined;
  if (control && character !== undefined) {
    return { offset: Number(control[1]), reason: `a control character (${codePointLabel(character)}) inside a string: expected text — delete it, or write it escaped (\\n for a line break, \\t for a tab)` };
  }
  const lookalike = lookalikeJsonFailure(text, message);
  if (lookalike) return lookalike;
  const handWritten = handWrittenJsonMistake(text, message);
  if (handWritten) return handWritten;
  const at = /^Expected double-quoted property name in JSON at position (\d+)/.exec(message);
  if (!at || text[Number(at[1])] !== '}') return undefined;
  const comma = text.slice(0, Number(at[1])).trimEnd();
  if (!comma.endsWith(',')) return undefined;
  return { offset: comma.length - 1, reason: 'a comma after the last entry: expected another "key": value after it, or no comma before the closing `}`' };
}

/**
 * What a person used to JavaScript or YAML writes in a JSON file by hand, which JSON.parse
 * names in its grammar's terms ("Expected property name or '}'", "Expected ',' or '}' after
 * property value"): a comment, single quotes, a key without quotes, a comma left out
 * between two entries. Said as what was written and what to write instead.
 */
function handWrittenJsonMistake(text: string, message: string): { offset: number; reason: string } | undefined {
  const position = /at position (\d+)/.exec(message);
  if (!position) return undefined;
  const offset = Number(position[1]);
  const rest = text.slice(offset);
  if (rest.startsWith('//') || rest.startsWith('/*')) {
    const comment = rest.startsWith('//') ? rest.split(/\r?\n/)[0]! : rest.slice(0, rest.includes('*/') ? rest.indexOf('*/') + 2 : undefined).split(/\r?\n/)[0]!;
    return { offset, reason: `a comment (\`${comment.trimEnd()}\`): JSON has none — delete it, or keep the note as a key of your own ("note": "…")` };
  }
  if (rest.startsWith("'")) {
    const quoted = /^'[^'\n]*'?/.exec(rest)![0];
    return { offset, reason: `text in single quotes (\`${quoted}\`): expected double quotes (${JSON.stringify(quoted.replace(/^'|'$/g, ''))})` };
  }
  if (/^Expected (?:property name or '}'|double-quoted property name)/.test(message)) {
    const key = /^[\p{L}\p{N}_$-]+/u.exec(rest)?.[0];
    if (key) return { offset, reason: `a key without quotes (\`${key}\`): expected it in double quotes (${JSON.stringify(key)})` };
  }
  if (/^Expected ',' or '[}\]]' after (?:property value|array element)/.test(message) && /^["{[\p{N}tfn-]/u.test(rest)) {
    const before = text.slice(0, offset).trimEnd();
    return { offset: before.length, reason: 'a comma missing between two entries: expected `,` after this value, before the next one' };
  }
  return undefined;
}

/** The first word outside a string that JSON does not allow (not a number, true, false or null: `one`, `tru`). */
function bareWord(text: string): { word: string; offset: number } | undefined {
  const token = /"(?:[^"\\]|\\.)*"?|[^\s,:{}[\]"]+/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const word = match[0];
    if (word.startsWith('"') || /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(word)) continue;
    return { word, offset: match.index };
  }
  return undefined;
}

/** A diagnostic is one line: a parser's message spread over several (a quoted snippet) keeps its first. */
function firstLineOf(message: string): string {
  return message.split('\n')[0]!.trimEnd();
}

/** A campaign draft: its front matter and its body, which the quality gate reads. */
function parseDraftFile(path: string, kind: FileKind, text: string): ParsedFile {
  const parsed = parseMarkdownFile(path, kind, text, draftSchema);
  if (parsed.value) parsed.value = Object.assign({}, parsed.value, { body: text.slice(parsed.bodyOffset) });
  return parsed;
}

/**
 * A parsed file, every one built here with the same properties in the same order: one
 * shape for the 70,000 of a load, which everything reading them then reads at one speed.
 * (Not `{ ...base, value, … }`: this V8 copies a spread object and then adds properties
 * to it about fifteen times slower than it builds a literal — 3 µs a file.)
 */
export function parsedFile(path: string, kind: FileKind, bodyOffset: number, value: unknown, raw: unknown, diagnostics: Diagnostic[]): ParsedFile {
  return { path, kind, value, raw, bodyOffset, diagnostics };
}

function rawIfInvalid(value: unknown, raw: unknown): unknown {
  return value === undefined ? raw : undefined;
}
