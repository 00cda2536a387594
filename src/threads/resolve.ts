import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { controlCharactersIn, hasControlCharacter } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { isSlipOf } from '../schema/misspelt-keys.js';
import { pathRefused } from '../workspace/contain.js';
import { LAYOUT, threadOf } from '../workspace/layout.js';

const THREAD_FOLDERS = 'threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug}';

/**
 * Resolves what a user types for a thread — `threads/sales/acme-corp`, `acme-corp`,
 * `./threads/sales/acme-corp/`, a campaign folder name — to the thread's folder path.
 * A path with `..` segments or one leading outside `threads/` is refused as
 * `path-refused`, naming it as typed: normalising `threads/../x` to `x` would answer a
 * question nobody asked (`Unknown thread "x"`). An absolute path is taken only when it
 * lands in this workspace's `threads/` (a person's shell completes to one; agents get none,
 * src/mcp/paths.ts); one outside the workspace is refused as such.
 */
export function resolveThreadPath(root: string, input: string, wanted: WantedThread = 'thread'): string {
  const existing = existingThreads(root, input);
  if (existing.length === 1) return existing[0]!;
  if (existing.length > 1) throw new ThreadworkError(`Ambiguous thread ${JSON.stringify(input)}: expected one of ${existing.join(', ')}`, 'invalid-thread');
  throw threadNotFound(root, input, ` (create one with ${OPENED_BY[wanted]})`);
}

/**
 * The thread folders `input` names that exist. A name typed in one Unicode normalisation
 * (`café` composed, from a keyboard) finds a folder written in the other (`cafe` + U+0301, as
 * macOS writes names, or a hand-made folder copied from there) when the typed spelling finds
 * none: to git and Linux they are two names, to the person one. Where both folders exist,
 * the spelling typed wins (check names such twins as an error: normalization-twins.ts).
 */
function existingThreads(root: string, input: string): string[] {
  const found = (typed: string): string[] => threadPathCandidates(root, typed).filter((dir) => isDirectory(join(root, dir)));
  const asTyped = found(input);
  if (asTyped.length > 0) return asTyped;
  const otherForms = [...new Set([input.normalize('NFC'), input.normalize('NFD')])].filter((form) => form !== input);
  return [...new Set(otherForms.flatMap(found))];
}

/** What the command asks for: any thread, or a campaign (`campaign draft`, `reply`), which `campaign new` opens, not `deal new`. */
export type WantedThread = 'thread' | 'campaign';

const OPENED_BY: Record<WantedThread, string> = { thread: '`threadwork deal new`', campaign: '`threadwork campaign new`' };

/**
 * The thread folders `input` may name, refused as resolveThreadPath refuses it but whether
 * or not they exist: one for a path, one per thread family for a bare id. `history` asks
 * git about them when the folder is gone (a deal deleted or renamed keeps its trail).
 */
export function threadPathCandidates(root: string, input: string): string[] {
  const trimmed = input.trim().replace(/[/\\]+$/, '');
  if (!trimmed) throw new ThreadworkError('Missing thread: expected a thread folder such as threads/sales/acme-corp', 'invalid-thread');
  refuseControlCharacters(input);
  refuseParentSegments(input);
  // `.` left as typed is the current folder where it is no thread's (the workspace's top):
  // read as a bare id it named `threads/sales/.`, the deals' folder itself.
  if (trimmed === '.') throw new ThreadworkError(`Refused thread ".": the current folder is not a thread folder; give a thread folder (${THREAD_FOLDERS}) or its bare id`, 'invalid-thread');
  if (!trimmed.includes('/') && !trimmed.includes('\\')) {
    // Only thread folders: `campaigns` under threads/sales is the campaigns' folder, no deal.
    return [LAYOUT.deals, LAYOUT.campaigns, LAYOUT.marketing].map((parent) => `${parent}/${trimmed}`).filter((dir) => threadOf([...dir.split('/'), 'meta.json']));
  }
  // `threads\sales\acme`, as Windows writes a path (a colleague's note, a copied path): no
  // thread folder's name holds a backslash, so it is a separator here too — on Linux and
  // macOS it was one odd name, refused as "leading outside threads/".
  const typed = isAbsolute(trimmed) ? trimmed : trimmed.replace(/\\/g, '/');
  const abs = isAbsolute(typed) ? normalize(typed) : join(root, typed);
  const rel = (isAbsolute(typed) ? insideWorkspace(root, abs, input.trim()) : relative(root, abs)).split(sep).join('/');
  if (rel !== LAYOUT.threads && !rel.startsWith(`${LAYOUT.threads}/`)) {
    const refused = pathRefused(input.trim(), `it leads outside ${LAYOUT.threads}/; a thread is a folder there (${THREAD_FOLDERS}) or its bare id`);
    throw withThreadMeant(root, rel, refused);
  }
  if (!threadOf([...rel.split('/'), 'meta.json'])) {
    // A stage file (`threads/sales/acme/4-decision.md`, as an editor's tab or a shell completes it): its folder is the thread meant.
    const folder = rel.slice(0, rel.lastIndexOf('/'));
    const inThread = threadOf([...folder.split('/'), 'meta.json']) ? `: it is a file of the thread ${folder}, give that folder` : '';
    throw new ThreadworkError(`Refused thread ${JSON.stringify(input)}: expected a thread folder inside ${LAYOUT.threads}/ (${THREAD_FOLDERS})${inThread}`, 'invalid-thread');
  }
  return [rel];
}

/**
 * `sales/acme` written relative to threads/ — as the thread resource's URI
 * (`threadwork://threads/sales/acme`) and its completion spell it — names the thread
 * `threads/sales/acme` when that folder is one: the refusal says so (`meant`), as an
 * unknown id's does, instead of leaving nothing to retry with.
 */
function withThreadMeant(root: string, rel: string, refused: ThreadworkError): ThreadworkError {
  const meant = `${LAYOUT.threads}/${rel}`;
  if (rel.startsWith('..') || isAbsolute(rel) || !threadOf([...meant.split('/'), 'meta.json']) || !existsSync(join(root, meant))) return refused;
  return new ThreadworkError(`${refused.message}; did you mean ${meant}?`, refused.code, { ...refused.details, meant });
}

/**
 * An absolute path as a path relative to the workspace, or `path-refused` naming it. A
 * shell's `$PWD` keeps the symbolic links a person came through (`/tmp` is `/private/tmp`
 * on macOS, a home folder may be a link), so the workspace is recognised by its real path
 * too: the nearest folder on the way that is the workspace's own decides. Links inside the
 * workspace are not followed here; the rest of the path stays as typed.
 */
function insideWorkspace(root: string, abs: string, typed: string): string {
  const lexical = relative(root, abs);
  if (!lexical.startsWith('..') && !isAbsolute(lexical)) return lexical;
  const realRoot = realPath(root);
  for (let folder = abs; realRoot !== undefined; folder = dirname(folder)) {
    if (realPath(folder) === realRoot) return relative(folder, abs);
    if (dirname(folder) === folder) break;
  }
  throw pathRefused(typed, `it is outside the workspace ${root}; give a thread folder of this workspace (${THREAD_FOLDERS}) or its bare id`);
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * A thread argument with a control character is no thread name (an agent's or a shell's):
 * refused before it is taken for a path, wherever the character stands — a trailing line
 * break included, as `deal new` refuses a name with one, rather than trimmed away or
 * answered as an unknown thread.
 */
export function refuseControlCharacters(input: string): void {
  if (hasControlCharacter(input)) {
    throw new ThreadworkError(`Refused thread ${JSON.stringify(input)}: ${controlCharactersIn(input)}. Expected a thread folder such as threads/sales/acme-corp, or its folder name, on one line.`, 'invalid-thread');
  }
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

/**
 * No thread by that name; `absent` says what to do when none is near (history, which reads
 * a deleted thread's trail, has no thread to create). When one is near it — the same id in another case, a campaign's
 * name without its date, the first word of a deal's — the error names it: "create one with
 * `threadwork deal new`" would send a newcomer to open a second thread for one they have.
 */
export function threadNotFound(root: string, input: string, absent = ` (create one with ${OPENED_BY.thread})`): ThreadworkError {
  const near = nearThreads(root, input.trim().replace(/[/\\]+$/, '').split(/[/\\]/).pop()!);
  if (near.length === 0) return new ThreadworkError(`Unknown thread ${JSON.stringify(input)}: no such folder under ${LAYOUT.threads}/${absent}`, 'unknown-thread');
  const meant = near.length === 1 ? { meant: near[0]! } : {};
  return new ThreadworkError(
    `Unknown thread ${JSON.stringify(input)}: no such folder under ${LAYOUT.threads}/; did you mean ${near.join(' or ')}? (a thread is named by its folder, as written: lower-case, a campaign's with its date)`,
    'unknown-thread',
    meant,
  );
}

/**
 * Thread folders whose name is `typed` in another case, `typed` after a campaign's date,
 * `typed` and more words, or `typed` with a typing slip or two (`keel-neobnak`, by the rule a
 * misspelt key is judged by) of the name or, for one word typed, of its first (`nortwind`):
 * at most five.
 */
function nearThreads(root: string, typed: string): string[] {
  const name = typed.toLowerCase();
  if (!name) return [];
  const oneWord = !name.includes('-');
  const near = (folder: string): boolean => {
    const undated = folder.replace(/^\d{4}-\d{2}-\d{2}-/, '');
    const firstWordSlip = oneWord && undated.includes('-') && isSlipOf(name, undated.split('-')[0]!);
    return folder === name || undated === name || folder.startsWith(`${name}-`) || isSlipOf(name, folder) || isSlipOf(name, undated) || firstWordSlip;
  };
  return [LAYOUT.deals, LAYOUT.campaigns, LAYOUT.marketing]
    .flatMap((parent) => folderNames(join(root, parent)).filter((folder) => near(folder) && threadOf([...parent.split('/'), folder, 'meta.json'])).map((folder) => `${parent}/${folder}`))
    .sort()
    .slice(0, 5);
}

function folderNames(path: string): string[] {
  try {
    return readdirSync(path, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}
