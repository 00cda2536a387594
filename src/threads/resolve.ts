import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { ThreadworkError } from '../errors.js';
import { LAYOUT, threadOf } from '../workspace/layout.js';

/**
 * Resolves what a user types for a thread — `threads/sales/acme-corp`, `acme-corp`,
 * `./threads/sales/acme-corp/`, a campaign folder name — to the thread's folder path,
 * refusing anything outside `threads/`.
 */
export function resolveThreadPath(root: string, input: string): string {
  const trimmed = input.trim().replace(/[/\\]+$/, '');
  if (!trimmed) throw new ThreadworkError('Missing thread: expected a thread folder such as threads/sales/acme-corp', 'invalid-thread');
  // eslint-disable-next-line no-control-regex -- refusing control characters
  if (/[\u0000-\u001f]/.test(trimmed)) throw new ThreadworkError(`Refused thread ${JSON.stringify(input)}: it contains control characters`, 'invalid-thread');
  if (!trimmed.includes('/') && !trimmed.includes('\\')) {
    const candidates = [LAYOUT.deals, LAYOUT.campaigns, LAYOUT.marketing]
      .map((parent) => `${parent}/${trimmed}`)
      .filter((dir) => isDirectory(join(root, dir)));
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) throw new ThreadworkError(`Ambiguous thread ${JSON.stringify(input)}: expected one of ${candidates.join(', ')}`, 'invalid-thread');
    throw notFound(input);
  }
  const abs = isAbsolute(trimmed) ? normalize(trimmed) : join(root, trimmed);
  const rel = relative(root, abs).split(sep).join('/');
  if (rel.startsWith('..') || isAbsolute(rel) || !threadOf([...rel.split('/'), 'meta.json'])) {
    throw new ThreadworkError(`Refused thread ${JSON.stringify(input)}: expected a thread folder inside ${LAYOUT.threads}/ (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug})`, 'invalid-thread');
  }
  if (!isDirectory(abs)) throw notFound(input);
  return rel;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function notFound(input: string): ThreadworkError {
  return new ThreadworkError(`Unknown thread ${JSON.stringify(input)}: no such folder under ${LAYOUT.threads}/ (create one with \`threadwork deal new\`)`, 'unknown-thread');
}
