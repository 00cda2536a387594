import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, posix } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LAYOUT } from '../workspace/layout.js';
import { scanLayout, type ScanResult } from '../workspace/scan.js';
import { listingsToRemember, type RememberedListings } from '../workspace/folder-listings.js';
import { FOLDERS_PER_CHUNK, memoOf, stampFiles, stampFolders, type StampedFolders, type StampJob } from '../workspace/stamp-folders.js';
import { engineIdentity, RACY_MS } from './cache.js';
import type { FileStamp } from '../workspace/read-files.js';
import { readListingsCache, writeListingsCache } from './listings-cache.js';

/**
 * The key of everything the engine reads (engine/cache.ts says how it keeps an entry from
 * ever being served stale): each scanned file's path, size, mtime, ctime and inode — one
 * lstat, no file opened — plus the engine's own identity. A check with nothing changed
 * costs this and nothing else, so it is taken on two threads when the workspace is large.
 */
export interface Fingerprint {
  digest: string;
  files: number;
  /** A file changed too recently to trust its timestamps: a result is stored only with those files' content (racyFiles). */
  racy: boolean;
  /** The files changed too recently to trust their timestamps (workspace-relative); empty unless racy. */
  racyFiles: string[];
  /**
   * The scan and each file's stamp it was taken from: a load under the same lock reuses
   * them instead of walking and stat-ing 70,000 files a second time.
   */
  scan: Prescan;
  /** How many chunks of thread folders a worker thread listed and stat-ed: 0 on one thread. */
  byWorker: number;
  /** How many folders were not listed: their remembered listing still stood (folder-listings.ts). */
  listingsServed: number;
}

/** A scan of the workspace with every scanned file's stamp (one lstat each). */
export interface Prescan extends ScanResult {
  stamps: StampTable;
}

/**
 * The stamps of a scan's files, in the scan's order, as four numbers each (size, mtime,
 * ctime, inode) in one array: hashed as bytes, and compared per file only by a load that
 * needs them (a check served from the cache never makes 70,000 stamp objects).
 */
export class StampTable {
  constructor(
    readonly files: readonly string[],
    private readonly numbers: Float64Array,
  ) {}

  /**
   * Whether `files[index]` had, at the scan, the stamp at `at` of `stamps` (four numbers,
   * as here): compared in place, no object made (a load asks for 70,000 files).
   */
  matchesAt(index: number, stamps: Float64Array, at: number): boolean {
    const i = index * 4;
    const n = this.numbers;
    return n[i]! >= 0 && n[i] === stamps[at] && n[i + 1] === stamps[at + 1] && n[i + 2] === stamps[at + 2] && n[i + 3] === stamps[at + 3];
  }

  /** The stamp of `files[index]` at the scan; undefined when it could not be taken. */
  stampAt(index: number): FileStamp | undefined {
    const i = index * 4;
    const n = this.numbers;
    return n[i]! >= 0 ? { size: n[i]!, mtimeMs: n[i + 1]!, ctimeMs: n[i + 2]!, ino: n[i + 3]! } : undefined;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.numbers.buffer, this.numbers.byteOffset, this.numbers.byteLength);
  }
}

/** The layout of the hashed bytes: another layout is another key, never a damaged entry. */
const KEY_FORMAT = 2;

export interface FingerprintOptions {
  now?: number;
  /** The engine's identity (a test gives another to see the key move). */
  engine?: string;
  /** From this many thread folders a worker thread shares the listing and stat-ing (a test sets 0). */
  parallelFrom?: number;
  /** The worker's module (a test gives one that fails). */
  workerUrl?: URL;
  /** This thread takes its first chunk only once the worker has taken one (a test's way to see both at work). */
  workerFirst?: boolean;
  /** List thread folders through the listings remembered in the git directory (folder-listings.ts); true unless false. */
  rememberListings?: boolean;
}

/**
 * Below this many thread folders (14,000 files) a worker's start-up, ~30 ms, is most of
 * what it would save; at 10,000 deals the listing and lstat-s took 350 ms on one thread
 * and 260 ms on two.
 */
const PARALLEL_FROM = 2000;

export async function fingerprint(root: string, options: FingerprintOptions = {}): Promise<Fingerprint> {
  const since = (options.now ?? Date.now()) - RACY_MS;
  const remembering = options.rememberListings !== false;
  const cached = remembering ? await readListingsCache(root) : {};
  const layout = scanLayout(root);
  const job: Omit<StampJob, 'next'> = { root, dirs: layout.threadDirs, since, ...(remembering ? { listings: { remembered: cached.remembered } } : {}) };
  const head = stampFiles(root, layout.files, since);
  const parallel = layout.threadDirs.length >= (options.parallelFrom ?? PARALLEL_FROM) && availableParallelism() > 1;
  const { parts, byWorker } = parallel ? await stampFoldersOnTwoThreads(job, options) : { parts: [stampFolders(root, layout.threadDirs, since, memoOf(job))], byWorker: 0 };
  if (remembering) await rememberListings(root, cached.remembered, parts);
  const files = [...layout.files];
  const numbers = new Float64Array((files.length + parts.reduce((n, p) => n + p.files.length, 0)) * 4);
  numbers.set(head.numbers);
  const diagnostics = [...layout.diagnostics, ...(cached.warning ? [cached.warning] : [])];
  let racy = head.racy;
  for (const part of parts) {
    numbers.set(part.numbers, files.length * 4);
    for (const file of part.files) files.push(file);
    diagnostics.push(...part.diagnostics);
    racy ||= part.racy;
  }
  const stamps = new StampTable(files, numbers);
  // Generated strategy files and template overrides are read by a sync too (a hand edit is
  // reported as stale, an edited template regenerates): they are part of the key.
  const templates = await templatesFolder(root);
  const extraFiles = [...walkFiles(root, 'artifacts'), ...walkFiles(root, DEFAULT_TEMPLATES), ...(templates === DEFAULT_TEMPLATES ? [] : walkFiles(root, templates))];
  const extra = stampFiles(root, extraFiles, since);
  // Paths as one string and stamps as their bytes: formatting four numbers per file into a
  // line of text cost more than the lstat-s themselves.
  const hash = createHash('sha1').update(`${KEY_FORMAT}\0${options.engine ?? engineIdentity()}\0${root}\n`);
  hash.update(files.join('\n')).update('\0files\n').update(stamps.bytes());
  hash.update(extraFiles.join('\n')).update('\0extra\n').update(bytesOf(extra.numbers));
  hash.update(layout.threadDirs.join('\n')).update('\0dirs\n');
  for (const d of diagnostics) hash.update(`scan\0${d.path}\0${d.rule}\n`);
  const racyFiles = racy || extra.racy ? [...stampedSince(files, numbers, since), ...stampedSince(extraFiles, extra.numbers, since)] : [];
  return { digest: hash.digest('hex'), files: files.length, racy: racy || extra.racy, racyFiles, scan: { files, threadDirs: layout.threadDirs, diagnostics, stamps }, byWorker, listingsServed: parts.reduce((n, part) => n + (part.served?.length ?? 0), 0) };
}

/** The files of `files` whose mtime or ctime (in `numbers`, four per file as stampFiles writes them) is after `since`. */
function* stampedSince(files: readonly string[], numbers: Float64Array, since: number): Generator<string> {
  for (let i = 0; i < files.length; i++) if (numbers[i * 4 + 1]! > since || numbers[i * 4 + 2]! > since) yield files[i]!;
}

/**
 * The thread folders listed and stat-ed by this thread and a worker, each taking the next
 * chunk of 250 folders until none is left (a worker that starts late simply takes fewer).
 * A chunk the worker took and did not deliver — it failed or never started — is done here:
 * the outcome never depends on the worker.
 */
async function stampFoldersOnTwoThreads(work: Omit<StampJob, 'next'>, options: FingerprintOptions): Promise<{ parts: StampedFolders[]; byWorker: number }> {
  const { root, dirs, since } = work;
  const count = Math.ceil(dirs.length / FOLDERS_PER_CHUNK);
  const memo = memoOf(work);
  const chunk = (index: number): StampedFolders => stampFolders(root, dirs.slice(index * FOLDERS_PER_CHUNK, (index + 1) * FOLDERS_PER_CHUNK), since, memo);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const parts: (StampedFolders | undefined)[] = new Array(count);
  let worker: Worker | undefined;
  let ended = false;
  let byWorker = 0;
  let wake: (() => void) | undefined;
  try {
    worker = new Worker(options.workerUrl ?? WORKER_URL, { workerData: Object.assign({}, work, { next }) satisfies StampJob });
    worker.on('message', (message: { index: number; part: StampedFolders }) => {
      parts[message.index] = message.part;
      byWorker += 1;
      wake?.();
    });
    const end = (): void => {
      ended = true;
      wake?.();
    };
    worker.on('error', end);
    worker.on('exit', end);
  } catch {
    ended = true;
  }
  try {
    while (options.workerFirst && byWorker === 0 && !ended) await new Promise<void>((resolve) => (wake = resolve));
    for (let index = Atomics.add(next, 0, 1); index < count; index = Atomics.add(next, 0, 1)) parts[index] = chunk(index);
    // The chunks still missing are the worker's: taken, and delivered or about to be.
    while (parts.includes(undefined) && !ended) await new Promise<void>((resolve) => (wake = resolve));
    for (let index = 0; index < count; index++) parts[index] ??= chunk(index);
  } finally {
    // Done with it: nothing is left for it to take, whether it ever started or not.
    await worker?.terminate();
  }
  return { parts: parts as StampedFolders[], byWorker };
}

/**
 * Stores the listings to remember when this fingerprint listed any folder afresh. A cache
 * that cannot be written (a read-only git directory) is no cache: the next run lists again.
 */
async function rememberListings(root: string, previous: RememberedListings | undefined, parts: readonly StampedFolders[]): Promise<void> {
  const listings = listingsToRemember(
    previous,
    parts.flatMap((part) => part.served ?? []),
    parts.flatMap((part) => part.fresh ?? []),
  );
  if (!listings) return;
  try {
    await writeListingsCache(root, listings);
  } catch {
    // not remembered: nothing is served stale for it
  }
}

function bytesOf(numbers: Float64Array): Uint8Array {
  return new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}

/** Every file under `rel` (relative paths), without following links. */
const DEFAULT_TEMPLATES = '.threadwork/templates';

/**
 * The folder the config names as `templates_dir` (schema/config.ts), or the default: its
 * overrides are read by a sync and a check like the default folder's, so they are part of
 * the key too. Read without the config's schema (a check at rest loads none): a value the
 * schema refuses — empty, absolute, climbing out with `..` — is the config's error and
 * the default is used, as the engine does.
 */
async function templatesFolder(root: string): Promise<string> {
  let text: string;
  try {
    text = readFileSync(join(root, LAYOUT.config), 'utf8');
  } catch {
    return DEFAULT_TEMPLATES;
  }
  if (!text.includes('templates_dir')) return DEFAULT_TEMPLATES;
  // The YAML readers (and js-yaml, whose scalar types the plain reader shares) are loaded only
  // for a config that names a folder: a check served from the cache reads no other YAML.
  const { DECLINED, readSimpleYaml } = await import('../markdown/simple-yaml.js');
  let config = readSimpleYaml(text);
  if (config === DECLINED) config = (await import('../markdown/yaml.js')).readYaml(text).value;
  const configured = typeof config === 'object' && config !== null ? (config as Record<string, unknown>).templates_dir : undefined;
  if (typeof configured !== 'string' || configured.trim() === '') return DEFAULT_TEMPLATES;
  const normal = posix.normalize(configured.replace(/\\/g, '/')).replace(/\/+$/, '');
  // eslint-disable-next-line no-control-regex -- control characters are refused
  if (posix.isAbsolute(normal) || /^[a-zA-Z]:|^~|[\u0000-\u001f]/.test(normal) || normal === '..' || normal.startsWith('../') || normal === '.') return DEFAULT_TEMPLATES;
  return normal;
}

function walkFiles(root: string, rel: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(rel);
  return out;
}

/**
 * The worker's module. Under the test runner this file is TypeScript that Node cannot run
 * in a worker: the built one in dist/ (`npm test` builds first) serves it there.
 */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/workspace/fingerprint-worker.js' : '../workspace/fingerprint-worker.js', import.meta.url);
