/**
 * Git's merge-conflict markers left in a file after a merge, rebase or cherry-pick stopped
 * on a conflict: a `<<<<<<< ours` line, a `=======` line (after an optional diff3
 * `||||||| base` section) and a `>>>>>>> theirs` line, each at the start of a line. Read as
 * YAML or JSON they give a parser's riddle far from the cause, and in a Markdown body they
 * pass unseen; found first, the file gets one message that says what happened.
 *
 * All three lines must be there, in order: a lone `=======` is a Markdown heading underline,
 * and prose may quote seven `<` of its own.
 *
 * `indentedBefore`: on lines before this one (0-based; all of a JSON or YAML file, a Markdown
 * file's front matter) the markers may follow spaces or tabs — a file re-indented by an
 * editor's formatter after the merge stopped. Not in a Markdown body, where an indented
 * quote of git's lines is a code block.
 */
export interface ConflictMarkers {
  /** 1-based lines of the first conflict's opening and closing markers. */
  openLine: number;
  /** 1-based column of the opening marker's first `<` (after any indentation). */
  openColumn: number;
  closeLine: number;
  /** The marker lines as written (their labels: `HEAD`, a branch, a commit). */
  open: string;
  close: string;
  /** How many conflicts the file holds. */
  count: number;
  /** Every conflict's opening and closing marker lines (1-based), the first one's among them. */
  spans: ConflictSpan[];
}

export interface ConflictSpan {
  openLine: number;
  closeLine: number;
}

const OPEN = /^<{7}(?:[ \t]|$)/;
const SEPARATOR = /^={7}$/;
const CLOSE = /^>{7}(?:[ \t]|$)/;

export function findConflictMarkers(text: string, options: { indentedBefore?: number } = {}): ConflictMarkers | undefined {
  // Nearly every file: one search, no split.
  if (!text.includes('<<<<<<<')) return undefined;
  const lines = text.split('\n');
  let found: ConflictMarkers | undefined;
  let open = -1;
  let openIndent = 0;
  let separated = false;
  for (let i = 0; i < lines.length; i++) {
    const whole = lines[i]!.replace(i === 0 ? /^\uFEFF|\r$/g : /\r$/, '');
    const indent = i < (options.indentedBefore ?? 0) ? /^[ \t]*/.exec(whole)![0].length : 0;
    const line = whole.slice(indent);
    if (OPEN.test(line)) {
      open = i;
      openIndent = indent;
      separated = false;
    } else if (open >= 0 && SEPARATOR.test(line)) separated = true;
    else if (open >= 0 && separated && CLOSE.test(line)) {
      const span = { openLine: open + 1, closeLine: i + 1 };
      if (found) {
        found.count += 1;
        found.spans.push(span);
      } else found = { openLine: span.openLine, openColumn: openIndent + 1, closeLine: span.closeLine, open: lines[open]!.replace(/^\uFEFF|\r$/g, '').trim(), close: line.trimEnd(), count: 1, spans: [span] };
      open = -1;
    }
  }
  return found;
}

const BASE = /^\|{7}(?:[ \t]|$)/;

/** A marker line left alone: where it is, and the line as written. */
export interface StrayMarker {
  line: number;
  column: number;
  marker: string;
}

/**
 * Git's label after a marker as a merge, rebase, cherry-pick or stash pop writes it: none,
 * one word (`HEAD`, a branch, `ours`), a commit with its subject (`1a2b3c4 (Add terms)`), or a
 * stash's `Updated upstream` / `Stashed changes`. Prose quoting seven `<` has other words after them.
 */
const GIT_LABEL = /^(?:<{7}|>{7})(?:$|[ \t]+(?:\S+(?:[ \t]+\(.*\))?|Updated upstream|Stashed changes)[ \t]*$)/;

/**
 * The first marker line of a conflict resolved part-way — the `<<<<<<<` or `>>>>>>>` line (in
 * JSON, YAML or front matter, a `=======` or `|||||||` one too) left when the rest of its
 * conflict was deleted — in a text findConflictMarkers finds no whole conflict in. Read as
 * YAML or JSON it gave a parser's riddle ("a line without `key:`"), and in a Markdown body it
 * passed unseen and was committed. In a body only a line git could have written counts
 * (GIT_LABEL): a lone `=======` is a heading underline, and prose may quote seven `<`.
 */
export function findStrayMarker(text: string, options: { indentedBefore?: number } = {}): StrayMarker | undefined {
  // Nearly every file: four searches, no split.
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>') && !text.includes('=======') && !text.includes('|||||||')) return undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const whole = lines[i]!.replace(i === 0 ? /^\uFEFF|\r$/g : /\r$/, '');
    const structured = i < (options.indentedBefore ?? 0);
    const indent = structured ? /^[ \t]*/.exec(whole)![0].length : 0;
    const line = whole.slice(indent);
    const stray = structured ? OPEN.test(line) || CLOSE.test(line) || SEPARATOR.test(line) || BASE.test(line) : GIT_LABEL.test(line);
    if (stray) return { line: i + 1, column: indent + 1, marker: line.trimEnd() };
  }
  return undefined;
}

/**
 * The two versions a merge that stopped left in `text` (git's default and diff3 styles):
 * each conflict replaced by its `ours` lines, or by its `theirs` lines. Undefined when the
 * text holds no complete conflict — or a marker out of order, which no side can be read from.
 */
export function conflictSides(text: string): { ours: string; theirs: string } | undefined {
  if (!text.includes('<<<<<<<')) return undefined;
  const ours: string[] = [];
  const theirs: string[] = [];
  let part: 'both' | 'ours' | 'base' | 'theirs' = 'both';
  let conflicts = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const bare = line.replace(/\r?\n$/, '');
    if (OPEN.test(bare)) {
      if (part !== 'both') return undefined;
      part = 'ours';
    } else if (BASE.test(bare) && part === 'ours') part = 'base';
    else if (SEPARATOR.test(bare) && (part === 'ours' || part === 'base')) part = 'theirs';
    else if (CLOSE.test(bare) && part === 'theirs') {
      part = 'both';
      conflicts += 1;
    } else {
      if (part !== 'theirs' && part !== 'base') ours.push(line);
      if (part !== 'ours' && part !== 'base') theirs.push(line);
    }
  }
  return part === 'both' && conflicts > 0 ? { ours: ours.join(''), theirs: theirs.join('') } : undefined;
}

/**
 * The versions of one file a stopped merge or rebase left in git's index (git/unmerged.ts):
 * the common ancestor's (stage 1), ours (stage 2) and theirs (stage 3), each undefined where
 * that side has no such file.
 */
export interface MergeSides {
  base?: string;
  ours?: string;
  theirs?: string;
}

/** The unmerged files of a stopped merge, by workspace path. */
export type UnmergedFiles = ReadonlyMap<string, MergeSides>;

/**
 * Whether every line of `text` but git's marker lines is a line of one of `versions`: the
 * file is git's merge of them, untouched since (a line typed in while resolving, or changed,
 * is in none of them).
 */
export function onlyLinesOf(text: string, versions: readonly (string | undefined)[]): boolean {
  const known = new Set(versions.flatMap((version) => (version === undefined ? [] : version.split('\n').map((line) => line.replace(/\r$/, '')))));
  return text.split('\n').every((whole) => {
    const line = whole.replace(/\r$/, '');
    return known.has(line) || OPEN.test(line) || BASE.test(line) || SEPARATOR.test(line) || CLOSE.test(line);
  });
}
