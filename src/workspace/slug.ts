import { isAbsolute } from 'node:path';
import { ThreadworkError } from '../errors.js';

const MAX_SLUG_LENGTH = 60;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Turns a name people type ("Café Zürich AG", "AT&T") into a folder name
 * ("cafe-zurich-ag", "at-and-t"). Anything that could escape its folder — path
 * separators, `..`, absolute paths, control characters — is refused rather than
 * silently rewritten, so a hostile or mistyped name never lands somewhere unexpected.
 */
export function slugify(name: string, what = 'name'): string {
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
