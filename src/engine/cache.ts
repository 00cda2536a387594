import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { lockDirectory } from '../workspace/lock.js';
import { writeFileAtomicSync } from '../workspace/write.js';

/**
 * The persistent cache: results computed from the whole workspace (a `check`, a sync
 * that found nothing to do), kept in the git directory under `threadwork-cache/` and
 * served again only when nothing they were computed from can have changed.
 *
 * How an entry is keyed, so that it can never be served stale:
 * - **an edit**: every file the engine reads is in the key with its size, mtime and ctime
 *   (to the fraction of a millisecond the file system keeps) and its inode — an edit moves the mtime and ctime, a save by rename
 *   the inode, a file added or deleted the list of paths;
 * - **a checkout or a rebase**: git writes each file it changes anew (new mtime, ctime and
 *   usually inode), and the sync entry also records the commit `HEAD` points to, since a
 *   sync holds a broken file at its version in HEAD;
 * - **a different threadwork**: the key holds the package version and a hash of the size
 *   and mtime of every file of the installed engine, so a rebuilt or upgraded engine
 *   misses;
 * - **a file changed within the timestamp granularity of the last write** (git's "racily
 *   clean" problem): when any file was modified in the two seconds before the key was
 *   taken, a check or a fixed point is stored with the hash of each such file's text,
 *   compared again before it is served (stored-check.ts).
 *
 * An entry that cannot be parsed or whose checksum does not match (a truncated write, a
 * disk error) is discarded with a `cache-discarded` warning and the result is computed
 * anew. `--no-cache` (or `THREADWORK_NO_CACHE=1`) bypasses the cache altogether.
 */
const FORMAT = 1;
/** A file modified this recently before a key is taken may change again within its timestamp's granularity. */
export const RACY_MS = 2000;

/** Whether the cache may be used in this process (`THREADWORK_NO_CACHE=1` turns it off everywhere). */
export function cacheEnabled(requested: boolean | undefined): boolean {
  return requested !== false && process.env.THREADWORK_NO_CACHE !== '1';
}

interface Stored<T> {
  format: number;
  key: string;
  checksum: string;
  value: T;
}

export async function cacheFile(root: string, name: string, extension = 'json'): Promise<string> {
  return join(await lockDirectory(root), 'threadwork-cache', `${name}.${extension}`);
}

/**
 * Whether a sync's fingerprint would serve nothing in this checkout: no fixed point stored
 * to look up, no parse cache to compare the files with — a fresh clone, a
 * new workspace. Its 70,000 lstat-s at 10,000 deals (0.35–0.45 s of a first sync) are then
 * left out: the load reads every file and takes each stamp as it reads it. The run writes
 * the caches; the next one fingerprints.
 */
export async function nothingCachedYet(root: string): Promise<boolean> {
  return !existsSync(await cacheFile(root, 'sync')) && !existsSync(await cacheFile(root, PARSE_CACHE.name, PARSE_CACHE.extension));
}

/** Where the parse cache (parse-cache.ts) is kept, named here for those that only ask whether it exists. */
export const PARSE_CACHE = { name: 'parsed', extension: 'v8' } as const;

/**
 * The value stored under `name` for exactly this key; a `warning` when the entry was damaged
 * and discarded, whatever its key. The checksum is taken of the value's text as stored, not
 * of the value parsed and serialised again, and the value is parsed only for its key (a
 * check's result at 10,000 deals is 1.5 MB of JSON; a check after an edit parsed it for
 * nothing).
 */
export async function readCache<T>(root: string, name: string, key: string): Promise<{ value?: T; warning?: Diagnostic }> {
  const file = await cacheFile(root, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const { header, valueText } = splitEntry(text);
    if (header.format !== FORMAT || typeof header.key !== 'string' || typeof header.checksum !== 'string') throw new Error('not a threadwork cache entry');
    if (checksum(valueText) !== header.checksum) throw new Error('its checksum does not match its content');
    return header.key === key ? { value: JSON.parse(valueText) as T } : {};
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged cache entry (${why}): the result was computed anew`) };
  }
}

/** Where an entry's value begins: after its header's fields, which writeCache writes first (a JSON string never holds this unescaped). */
const VALUE_FIELD = ',"value":';

/**
 * An entry's header fields and its value's text, as writeCache lays them out: one JSON
 * object, `{"format":…,"key":…,"checksum":…,"value":…}`. Throws when it is not so laid out.
 */
function splitEntry(text: string): { header: Partial<Omit<Stored<unknown>, 'value'>>; valueText: string } {
  const at = text.indexOf(VALUE_FIELD);
  if (at < 0 || !text.endsWith('}')) throw new Error('not a threadwork cache entry');
  return { header: JSON.parse(`${text.slice(0, at)}}`) as Partial<Omit<Stored<unknown>, 'value'>>, valueText: text.slice(at + VALUE_FIELD.length, -1) };
}

export async function writeCache<T>(root: string, name: string, key: string, value: T): Promise<void> {
  const file = await cacheFile(root, name);
  // The value serialised once: its checksum is of this very text, which readCache finds after the header.
  const valueText = JSON.stringify(value);
  const header: Omit<Stored<T>, 'value'> = { format: FORMAT, key, checksum: checksum(valueText) };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileAtomicSync(dirname(file), basename(file), `${JSON.stringify(header).slice(0, -1)}${VALUE_FIELD}${valueText}}`);
  } catch (error) {
    if (!cacheUnwritable(error)) throw error;
  }
}

/**
 * A cache the system will not let be written — a read-only git directory, a full disk —
 * is no cache: the next run reads and parses what it would have served. Never a failed
 * command: `check` and `report` died with EACCES on a read-only `.git`.
 */
export function cacheUnwritable(error: unknown): boolean {
  // As the system said it, or as a write named it (write-failure.ts keeps the errno in its details).
  const code = (error as { details?: { errno?: unknown } } | undefined)?.details?.errno ?? (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOSPC' || code === 'EDQUOT';
}

function checksum(valueText: string): string {
  return createHash('sha1').update(valueText).digest('hex');
}

export function relativeToGit(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.slice(-3).join('/');
}

let identity: string | undefined;

/** The engine's own files: modules, JSON and templates; not `.d.ts` declarations. */
const ENGINE_FILE = /(?<!\.d)\.(js|ts|json|hbs)$/;

/**
 * The installed engine: its version and the size and mtime of each of its own files — the
 * code (not its type declarations or source maps, which do not run) and the built-in
 * templates — so a rebuild, an upgrade or an edited template never reads a cache a
 * different engine wrote. Computed in every process that reads a cache: only the files
 * hashed are stat-ed (the 1,887 files of dist/ took 24 ms, its 629 modules take a third).
 */
export function engineIdentity(): string {
  identity ??= installedEngineIdentity();
  return identity;
}

/**
 * The identity of the engine installed where this one was loaded from, as it is on disk now:
 * not engineIdentity() once an upgrade or a rebuild replaced the files this process runs.
 * A long-lived process (a watcher) asks it to learn that it has become an older engine.
 */
export function installedEngineIdentity(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const top = dirname(here);
  const hash = createHash('sha1');
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (ENGINE_FILE.test(entry.name)) {
        const stat = statSync(path);
        hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(top);
  walk(join(dirname(top), 'templates'));
  let version = '0';
  try {
    version = (JSON.parse(readFileSync(join(dirname(top), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // an engine outside its package: the files' hash alone tells it apart
  }
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}
