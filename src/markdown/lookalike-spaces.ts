import { codePointLabel } from '../diagnostics.js';

/**
 * Characters that look like a space, or like nothing, and that neither YAML nor JSON reads
 * as one: a no-break space, the typographic spaces, a zero-width space or joiner, an
 * ideographic (full-width) space, a byte-order mark inside the text. A web page, a word
 * processor, a CRM's rich-text field or a chat client puts them in copied text, where they
 * cannot be seen — `key:` followed by a no-break space is, to YAML, no key at all.
 */
const LOOKALIKES = '\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u2060\\u3000\\ufeff';
export const LOOKALIKE_SPACE = new RegExp(`[${LOOKALIKES}]`);

const NAMES: Readonly<Record<number, string>> = {
  0x00a0: 'a no-break space',
  0x200b: 'a zero-width space',
  0x202f: 'a narrow no-break space',
  0x2060: 'a word joiner',
  0x3000: 'a full-width (ideographic) space',
  0xfeff: 'a zero-width no-break space (a byte-order mark inside the text)',
};

/** "a no-break space (U+00A0)": what the character is, for a person who cannot see it. */
export function lookalikeSpaceName(character: string): string {
  const codePoint = character.codePointAt(0)!;
  return `${NAMES[codePoint] ?? 'a typographic space'} (${codePointLabel(codePoint)})`;
}

/** A full-width colon, which an input method for Chinese or Japanese types for `:`. */
export const FULL_WIDTH_COLON = '\uff1a';

export interface LookalikeProblem {
  /** 1-based, as in the text read. */
  line: number;
  column: number;
  /** Said after "Invalid YAML: ". */
  reason: string;
}

const SPACES = new RegExp(`${LOOKALIKE_SPACE.source}+`, 'g');
const COPIED = 'text copied from a web page, a document or a CRM carries such characters';

/**
 * Where YAML that failed to parse has a lookalike space or a full-width colon in the place
 * of its syntax — in a line's indentation, after a list item's `-`, after a key's colon —
 * and the text with each of them replaced by what was meant (a space, `: `). YAML reads
 * `key:` followed by a no-break space as a line without a key, and a no-break space in the
 * indentation as text: the parser's own words then name neither the character nor the
 * place. A lookalike inside a value is text like any other and is left alone.
 */
export function lookalikeYamlSyntax(text: string): { problems: LookalikeProblem[]; repaired: string } | undefined {
  if (!LOOKALIKE_SPACE.test(text) && !text.includes(FULL_WIDTH_COLON)) return undefined;
  const problems: LookalikeProblem[] = [];
  const lines = text.split('\n').map((line, index) => {
    const found = lookalikeInLine(line);
    if (!found) return line;
    problems.push({ line: index + 1, column: found.column, reason: found.reason });
    return found.repaired;
  });
  return problems.length ? { problems, repaired: lines.join('\n') } : undefined;
}

function lookalikeInLine(line: string): { column: number; reason: string; repaired: string } | undefined {
  const spaced = (run: string): string => run.replace(SPACES, (s) => ' '.repeat(s.length));
  const indentation = new RegExp(`^([ \\t]*)([${LOOKALIKES}][ \\t${LOOKALIKES}]*)`).exec(line);
  if (indentation) {
    const [, before, run] = indentation;
    const rest = line.slice(before!.length + run!.length).replace(/\r$/, '');
    const reason = rest === ''
      ? `${lookalikeSpaceName(run!.match(LOOKALIKE_SPACE)![0])} on a line with nothing else, which YAML reads as text: expected an empty line — delete the character (${COPIED})`
      : `${lookalikeSpaceName(run!.match(LOOKALIKE_SPACE)![0])} in the indentation, which YAML does not read as a space: expected ordinary spaces — retype the indentation (${COPIED})`;
    return { column: before!.length + run!.search(LOOKALIKE_SPACE) + 1, reason, repaired: before! + spaced(run!) + line.slice(before!.length + run!.length) };
  }
  const dash = new RegExp(`^( *)-(${LOOKALIKE_SPACE.source}+)`).exec(line);
  if (dash) {
    const at = dash[1]!.length + 1;
    const reason = `${lookalikeSpaceName(dash[2]!)} after the \`-\` of a list item, which YAML does not read as a space: expected \`- \` with an ordinary space — retype the space (${COPIED})`;
    return { column: at + 1, reason, repaired: `${dash[1]}-${spaced(dash[2]!)}${line.slice(at + dash[2]!.length)}` };
  }
  const key = new RegExp(`^( *(?:- +)?)([A-Za-z_][\\w-]*)(?:(:)(${LOOKALIKE_SPACE.source}+)| *(${FULL_WIDTH_COLON}) ?)`).exec(line);
  if (!key) return undefined;
  const [matched, before, name, colon, run, wide] = key;
  const column = before!.length + name!.length + 1;
  const after = line.slice(matched.length);
  if (colon) {
    const reason = `${lookalikeSpaceName(run!)} after \`${name}:\`, which YAML does not read as a space, so it sees no key on this line: expected an ordinary space — retype the space after the colon (${COPIED})`;
    return { column: column + 1, reason, repaired: `${before}${name}:${spaced(run!)}${after}` };
  }
  const widePosition = before!.length + matched.slice(before!.length).indexOf(wide!) + 1;
  const reason = `a full-width colon (${FULL_WIDTH_COLON}, ${codePointLabel(FULL_WIDTH_COLON.codePointAt(0)!)}) after \`${name}\`, which YAML does not read as a colon: expected \`${name}: \` — an ASCII colon and a space`;
  return { column: widePosition, reason, repaired: `${before}${name}: ${after}` };
}

/**
 * The JSON parser's failure at a lookalike space outside a string (`"stage":` then a
 * no-break space): its offset, when the parser failed there — JSON.parse names it as an
 * unexpected token that prints as a space, or an expected property name, at no useful place.
 */
export function lookalikeJsonFailure(text: string, parserMessage: string): { offset: number; reason: string } | undefined {
  if (!LOOKALIKE_SPACE.test(text)) return undefined;
  const offset = firstOutsideJsonStrings(text);
  if (offset === undefined) return undefined;
  const character = text[offset]!;
  const position = /at position (\d+)/.exec(parserMessage);
  const token = /^Unexpected token '(.)'/u.exec(parserMessage);
  if (position ? Number(position[1]) !== offset : token?.[1] !== character) return undefined;
  return { offset, reason: `${lookalikeSpaceName(character)} outside any string, which JSON does not read as a space: expected an ordinary space — retype it (${COPIED})` };
}

function firstOutsideJsonStrings(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (LOOKALIKE_SPACE.test(c)) return i;
  }
  return undefined;
}
