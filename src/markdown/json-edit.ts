import { lineEndingOf } from './line-ending.js';

/**
 * Sets or removes top-level keys of a JSON object file in place: only the values that
 * change are rewritten, so every other byte — the person's key order, indentation, line
 * endings, spacing, escapes (`"\u00e9"`), one-line lists and number forms (`1.50`) — stays
 * as written. A removed key goes with its comma; a new key is appended after the last one,
 * laid out like the keys before it.
 */
export function updateJsonObject(text: string, fields: Record<string, unknown>): string {
  // A byte-order mark some editors write is kept, and kept out of the parser's way.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (bom) return bom + updateJsonObject(text.slice(1), fields);
  const members = topLevelMembers(text);
  if (!members || members.length === 0) return rewriteJsonObject(text, fields);

  const byKey = new Map(members.map((member, index) => [member.key, index]));
  const removed = new Set<number>();
  const edits: Edit[] = [];
  const appended: [string, unknown][] = [];
  for (const [key, value] of Object.entries(fields)) {
    const index = byKey.get(key);
    const gone = value === undefined || value === null;
    if (index === undefined) {
      if (!gone) appended.push([key, value]);
    } else if (gone) {
      removed.add(index);
    } else {
      const member = members[index]!;
      const written = text.slice(member.valueStart, member.valueEnd);
      if (JSON.stringify(JSON.parse(written)) !== JSON.stringify(value)) edits.push({ start: member.valueStart, end: member.valueEnd, text: JSON.stringify(value) });
    }
  }

  const kept = members.findIndex((_, index) => !removed.has(index));
  if (kept === -1) return rewriteJsonObject(text, fields);
  // The keys before the first one kept go up to its key; any later one from the end of the value before it (its comma).
  if (kept > 0) edits.push({ start: members[0]!.keyStart, end: members[kept]!.keyStart, text: '' });
  for (const index of removed) if (index > kept) edits.push({ start: members[index - 1]!.valueEnd, end: members[index]!.valueEnd, text: '' });

  if (appended.length > 0) {
    const last = members[members.length - 1]!;
    const between = members.length > 1 ? text.slice(members[members.length - 2]!.valueEnd, last.keyStart) : `,${text.slice(text.indexOf('{') + 1, last.keyStart)}`;
    const colon = text.slice(last.keyEnd, last.valueStart);
    const added = appended.map(([key, value]) => `${between}${JSON.stringify(key)}${colon}${JSON.stringify(value)}`).join('');
    edits.push({ start: last.valueEnd, end: last.valueEnd, text: added });
  }
  return applyEdits(text, edits);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Edits that do not overlap, applied in the order of their start (a deletion ending where an insertion starts comes first). */
function applyEdits(text: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** A file threadwork cannot edit in place (an empty object, every key removed): written anew in the file's own indentation and line ending. */
function rewriteJsonObject(text: string, fields: Record<string, unknown>): string {
  const data = JSON.parse(text) as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) delete data[key];
    else data[key] = value;
  }
  // A one-line file stays on one line; otherwise reuse the file's own indentation.
  const compact = !text.trim().includes('\n');
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = lineEndingOf(text);
  const body = compact ? JSON.stringify(data) : JSON.stringify(data, null, indent).split('\n').join(eol);
  return text.endsWith('\n') || text.length === 0 ? `${body}${eol}` : body;
}

interface Member {
  key: string;
  /** Offsets of the key's opening quote, just after its closing quote, and of the value's first and just after its last character. */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** The members of the top-level object of valid JSON with their offsets; undefined when the text is not one object. */
function topLevelMembers(text: string): Member[] | undefined {
  const members: Member[] = [];
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return undefined;
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return members;
  for (;;) {
    if (text[i] !== '"') return undefined;
    const keyStart = i;
    const keyEnd = endOfString(text, i);
    i = skipSpace(text, keyEnd);
    if (text[i] !== ':') return undefined;
    const valueStart = skipSpace(text, i + 1);
    const valueEnd = endOfValue(text, valueStart);
    members.push({ key: JSON.parse(text.slice(keyStart, keyEnd)) as string, keyStart, keyEnd, valueStart, valueEnd });
    i = skipSpace(text, valueEnd);
    if (text[i] === '}') return members;
    if (text[i] !== ',') return undefined;
    i = skipSpace(text, i + 1);
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** Just after the closing quote of the string opening at `i`. */
function endOfString(text: string, i: number): number {
  for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
  return i + 1;
}

/** Just after the value starting at `i`: a string, an object or list with everything nested in it, or a number, `true`, `false` or `null`. */
function endOfValue(text: string, i: number): number {
  if (text[i] === '"') return endOfString(text, i);
  if (text[i] === '{' || text[i] === '[') {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = endOfString(text, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
    }
    return i;
  }
  while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
  return i;
}
