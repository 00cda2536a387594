import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { ThreadworkError } from '../errors.js';
import { pathRefused } from '../workspace/contain.js';
import { LAYOUT, threadOf } from '../workspace/layout.js';

const THREAD_FOLDERS = 'threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug}';

/**
 * Resolves what a user types for a thread — `threads/sales/acme-corp`, `acme-corp`,
 * `./threads/sales/acme-corp/`, a campaign folder name — to the thread's folder path.
 * A path with `..` segments or one leading outside `threads/` is refused as
 * `path-refused`, naming it as typed: normalising `threads/../x` to `x` would answer a
 * question nobody asked (`Unknown thread "x"`). An absolute path is taken only when it
 * lands in `threads/` (a person's shell completes to one; agents get none, src/mcp/paths.ts).
 */
export function resolveThreadPath(root: string, input: string): string {
  const trimmed = input.trim().replace(/[/\\]+$/, '');
  if (!trimmed) throw new ThreadworkError('Missing thread: expected a thread folder such as threads/sales/acme-corp', 'invalid-thread');
  // eslint-disable-next-line no-control-regex -- refusing control characters
  if (/[\u0000-\u001f]/.test(trimmed)) throw new ThreadworkError(`Refused thread ${JSON.stringify(input)}: it contains control characters`, 'invalid-thread');
  refuseParentSegments(input);
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
  if (rel !== LAYOUT.threads && !rel.startsWith(`${LAYOUT.threads}/`)) {
    throw pathRefused(input.trim(), `it leads outside ${LAYOUT.threads}/; a thread is a folder there (${THREAD_FOLDERS}) or its bare id`);
  }
  if (!threadOf([...rel.split('/'), 'meta.json'])) {
    throw new ThreadworkError(`Refused thread ${JSON.stringify(input)}: expected a thread folder inside ${LAYOUT.threads}/ (${THREAD_FOLDERS})`, 'invalid-thread');
  }
  if (!isDirectory(abs)) throw notFound(input);
  return rel;
}

/** `..` is refused wherever it stands, even when the path would come back inside `threads/`: a thread is named plainly. */
export function refuseParentSegments(input: string): void {
  if (input.trim().split(/[/\\]/).includes('..')) {
    throw pathRefused(input.trim(), `".." segments are not accepted in a thread argument; give the thread folder (${THREAD_FOLDERS}) or its bare id`);
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function notFound(input: string): ThreadworkError {
  return new ThreadworkError(`Unknown thread ${JSON.stringify(input)}: no such folder under ${LAYOUT.threads}/ (create one with \`threadwork deal new\`)`, 'unknown-thread');
}
