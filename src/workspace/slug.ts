import { isAbsolute } from 'node:path';
import { ThreadworkError } from '../errors.js';

const MAX_SLUG_LENGTH = 60;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Bidirectional controls and zero-width characters: U+200B–U+200F (zero-width space,
 * joiners, LRM/RLM), U+202A–U+202E (embeddings and overrides: U+202E makes
 * `acme\u202Etxt.exe` display as `acmeexe.txt`), U+2060–U+2064 (word joiner, invisible
 * operators), U+2066–U+2069 (isolates) and U+FEFF (a BOM inside text). Invisible, they
 * make two names that look the same differ, or a name display as something it is not.
 */
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Whether `text` carries a bidi control or zero-width character (see INVISIBLE). */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source).test(text);
}

/**
 * A name or title as typed, made safe to store and display: the invisible and bidi
 * characters are removed (not refused: they arrive by copy-paste far more often than by
 * malice, and removing them changes nothing a person can see), then whitespace is trimmed.
 * Used for company names, campaign names and titles written to meta.json.
 */
export function cleanName(name: string): string {
  return name.replace(INVISIBLE, '').trim();
}

/**
 * Turns a name people type ("Café Zürich AG", "AT&T") into a folder name
 * ("cafe-zurich-ag", "at-and-t"). Anything that could escape its folder — path
 * separators, `..`, absolute paths, control characters — is refused rather than
 * silently rewritten, so a hostile or mistyped name never lands somewhere unexpected.
 */
export function slugify(typed: string, what = 'name'): string {
  const name = cleanName(typed);
  if (CONTROL.test(name)) throw refused(what, name, 'it contains control characters');
  if (name.includes('/') || name.includes('\\')) throw refused(what, name, 'it contains a path separator (/ or \\)');
  if (name.includes('..')) throw refused(what, name, 'it contains `..`');
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name) || name.startsWith('~')) throw refused(what, name, 'it is an absolute path');
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw refused(what, name, 'it has no letters or digits to make a folder name from');
  return trimSlug(slug);
}

function trimSlug(slug: string): string {
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 20 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

function refused(what: string, name: string, why: string): ThreadworkError {
  return new ThreadworkError(
    `Refused ${what} ${JSON.stringify(name)}: ${why}. Expected a plain name such as "Acme Corp"; it becomes a folder under threads/.`,
    'invalid-name',
    { name },
  );
}
