import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, HELD_FILE_ADVICE, START, type Diagnostic } from '../diagnostics.js';
import { readAtHead, readLastValidInHistory } from '../git/head-files.js';
import { missingMetaMessage } from '../check/references.js';
import { classifyPath, isMisnamedFile, threadOf, type FileKind } from '../workspace/layout.js';
import { PhaseTimer } from '../timing.js';
import { LiveModel } from './live-model.js';
import type { ThreadRecord, WorkspaceModel } from '../workspace/model.js';
import { hasValue, parseFile, type ParsedFile } from '../workspace/parse-file.js';
import { parseDecidedByText, parseFileOnDisk } from '../workspace/parse-on-disk.js';
import { forEachFile, readDiagnostic, readWorkspaceFile, readWorkspaceText, type FileStamp } from '../workspace/read-files.js';
import { cacheEnabled, cacheUnwritable, RACY_MS } from './cache.js';
import type { Prescan, StampTable } from './fingerprint.js';
import { readParseCache, sameStamp, settleRacyEntries, writeParseCache, type CachedFile, type CachedFiles } from './parse-cache.js';
import { isIgnoredName, scanWorkspace } from '../workspace/scan.js';
import { contentHash, fileHasContent } from '../workspace/content-hash.js';
import { parseFilesInParallel, parseWorkers } from '../workspace/parse-pool.js';
import { progress } from '../progress.js';

/**
 * Where the version derivation uses for a broken file came from: this process (`memory`),
 * HEAD, or an older commit when HEAD has the file broken (`history`: committed as it was).
 */
export type HeldFrom = 'memory' | 'HEAD' | 'history';

interface Entry extends FileStamp {
  current: ParsedFile;
  /** The last version that parsed and validated; derivation uses it while the file is broken. */
  good: ParsedFile | undefined;
  heldFrom: HeldFrom | undefined;
  /** The commit the version held came from, when `heldFrom` is `history`. */
  heldCommit?: string | undefined;
  /** Whether HEAD was already asked for a valid version of this broken file. */
  headChecked: boolean;
  /** A hash, not the text: 10,000 threads would otherwise keep 40 MB of Markdown in memory. */
  hash: string;
}

/** The stamp of text that is not on disk (staged, or unreadable): never matches a file, never cached. */
const NO_STAMP: FileStamp = { mtimeMs: 0, ctimeMs: 0, ino: 0, size: -1 };
/** No racy cache entry a long-lived load could settle (see racySettleable). */
const NONE_SETTLEABLE = { count: 0, before: Number.NEGATIVE_INFINITY };

/** Whether a file's content and its inode last changed before `time` (its mtime and its ctime). */
const modifiedBefore = (stamp: FileStamp, time: number): boolean => stamp.mtimeMs < time && stamp.ctimeMs < time;
/** The content hash of the entry standing for a thread's missing meta.json (holdMissingMeta). */
const MISSING_META = 'missing-meta';

export type FileUpdate = 'unchanged' | 'changed' | 'removed' | 'ignored';

export interface StateOptions {
  /** Which thread folders to read; all by default. Commands that touch one thread read only that one. */
  includeThread?: (dir: string) => boolean;
  /** false: no persistent parse cache (`--no-cache`; engine/parse-cache.ts). On by default. */
  cache?: boolean | undefined;
  /**
   * A scan with every file's stamp taken under the same workspace lock (the fixed-point
   * fingerprint, engine/cache.ts): the first load uses it instead of scanning again.
   */
  prescan?: Prescan | undefined;
  /** The load leaves a stale parse cache to its caller (`saveParseCacheIfStale`): a transaction saves once, after its writes. */
  deferCacheSave?: boolean | undefined;
  /** A state kept for long (a watcher): cached values share their strings, less memory for a little more load time. */
  longLived?: boolean | undefined;
  /** A cold load keeps the meta.json texts it reads, for the plan of the sync that loads it (see text). */
  keepMetaTexts?: boolean | undefined;
  /**
   * Called on the main thread for each thread folder whose meta.json and stage files are all
   * in the state, while the parse workers go on with the files after it: a cold `check` runs
   * that thread's own checks then (engine/run-check.ts). Only a load that parses on worker
   * threads calls it — on one thread it would gain nothing — and never for the last thread
   * (nothing is left to overlap it with). The model is the derivation's (a broken file there
   * is its last valid version or absent), the thread's record one of it.
   */
  threadLoaded?: ((model: WorkspaceModel, thread: ThreadRecord) => void) | undefined;
}

export interface CacheSaveOptions {
  /** Let the event loop turn after each chunk written (see writeTableChunksBetweenTurns); the files it saves are those of the call. */
  betweenTurns?: boolean | undefined;
}

/** A cold load rewrites the parse cache when at least this share of the files was parsed anew (or removed). */
const CACHE_REWRITE_SHARE = 0.02;
const CACHE_REWRITE_MIN = 64;

/**
 * The one in-memory workspace. `sync`, `check`, the CLI and the MCP server load it cold;
 * `watch` keeps one warm and feeds it one file at a time. Either way the same rules
 * apply, and in particular the broken-file policy: a file that cannot be read or does not
 * validate never bends what is derived from it. Derivation sees its last valid version —
 * the one seen earlier in this process, else the one in `HEAD`, else nothing at all —
 * while `check` and every diagnostic see the file as it is.
 */
export class WorkspaceState {
  private readonly entries = new Map<string, Entry>();
  /** Broken files (current version unreadable or invalid), and those not yet looked up in HEAD. */
  private readonly broken = new Set<string>();
  private readonly unresolved = new Set<string>();
  /** Broken files held at a version seen before: asked whether HEAD has them as they are (brought by a checkout), which a command would hold at HEAD. */
  private readonly heldSeenBefore = new Set<string>();
  /** Of the broken files held at a version seen in this process: the content hash of that version. */
  private readonly memoryHeldHashes = new Map<string, string>();
  /** Of those, the ones no commit at HEAD has as they are held (heldAheadOfHead). */
  private readonly heldAhead = new Set<string>();
  /** How many files each thread folder holds, so removing one never scans them all. */
  private readonly threadFiles = new Map<string, number>();
  /** What the last scan refused (symbolic links, special files): reported, never read. */
  private scanDiagnostics: Diagnostic[] = [];
  /** Text the engine wrote or is about to write, not yet on disk, read through `text()`. */
  private readonly overlay = new Map<string, string | null>();
  /** The derivation model, kept up to date file by file (see live-model.ts). */
  private readonly live: LiveModel;
  private heldDirty = true;
  /** Files read anew (or gone) since the parse cache was last read or written: how stale it is (infinite: there is none). */
  private readSinceCacheSaved = 0;
  /**
   * A watcher's racy cache entries (a first sync's 10,000 meta.json files, written just
   * before it saved the cache) that its load read and found unchanged, modified more than
   * RACY_MS before that load began — so no later save can share their timestamps: each
   * start-up would read them again, until their marks are cleared as the watcher stops
   * (settleRacyCacheEntries). `before`: that load's start less RACY_MS.
   */
  private racySettleable = NONE_SETTLEABLE;
  /** What names the parse cache as this state last read or wrote it (chunked-table.ts: its checksum and save time). */
  private cacheIdentity: string | undefined;
  /**
   * During a cold load, the parse cache's place of each file whose stamp moved (a copy, a
   * `touch`, a checkout that wrote the same bytes): read anyway, it is taken from the cache
   * when its content hash is the cached one, not parsed again (cachedParse).
   */
  private restamped: { cached: CachedFiles; places: Map<string, number> } | undefined;
  /** The parse cache a cold load read (its identity) and the paths it found changed or gone since, when it read one. */
  private sinceCache: { identity: string; paths: string[] } | undefined;
  /** When the last load began: a file modified less than RACY_MS before it is read again at the next (see moved). */
  private lookedAt: number | undefined;
  /** Folders already checked for links, while a pass reads many files (checkingFoldersOnce). */
  private checkedFolders: Map<string, boolean> | undefined;
  /**
   * The meta.json texts a cold load read, when asked to keep them (a transaction's load; a
   * check's or a long-lived state's keeps none): a first sync edits nearly every one, and
   * its plan takes each from here while the file is still the one read (its entry
   * unchanged, its stamp unmoved) instead of reading it again.
   */
  private readonly keptTexts = new Map<string, string>();

  constructor(
    readonly root: string,
    private readonly options: StateOptions = {},
  ) {
    this.live = new LiveModel(root, (path) => this.text(path), this.broken, (path) => this.entries.get(path)?.hash);
  }

  /** A state read cold from disk, broken files held at their version in `HEAD`. */
  static async load(root: string, options: StateOptions = {}): Promise<WorkspaceState> {
    const state = new WorkspaceState(root, options);
    await state.loadAll();
    return state;
  }

  /**
   * Reads everything (cold load, watch start-up, the periodic reconcile). Files whose
   * size and mtime did not move since the last read are not read again. Returns the
   * paths whose content changed, in no set order (a cold load's 70,000 are not sorted for
   * nothing: a caller that wants them in order sorts them). `scan`: a fingerprint's scan,
   * taken under the lock this load runs under — for the first load (a watcher's start) as
   * the options' prescan, or for a reload (a warm session's call): each file is compared
   * with its stamp there, not lstat-ed again.
   */
  async loadAll(scan?: Prescan): Promise<string[]> {
    const timer = new PhaseTimer();
    const startedAt = Date.now();
    // The options' prescan serves the first load only: later ones look afresh, or at the scan given.
    const prescan = this.options.includeThread === undefined ? (scan ?? (this.entries.size === 0 ? this.options.prescan : undefined)) : undefined;
    const { files, threadDirs, diagnostics } = prescan ?? scanWorkspace(this.root, this.options.includeThread);
    timer.mark(prescan ? 'scan (shared)' : 'scan');
    this.scanDiagnostics = diagnostics;
    this.live.setScanDiagnostics(diagnostics);
    const changed: string[] = [];
    const dirs = new Set(threadDirs);
    if (this.entries.size > 0) {
      // A reload (a watcher's reconcile): the files gone since (a missing meta.json's stand-in
      // stays while its folder does: settleMissingMeta below decides).
      const seen = new Set(files);
      for (const [path, entry] of [...this.entries]) {
        if (!seen.has(path) && (entry.hash !== MISSING_META || !dirs.has(path.slice(0, -'/meta.json'.length)))) {
          this.setEntry(path, undefined);
          changed.push(path);
        }
      }
    }
    for (const dir of this.live.threadDirList()) if (!dirs.has(dir)) this.live.removeThreadDir(dir);
    for (const dir of threadDirs) this.live.addThreadDir(dir);
    const cold = this.entries.size === 0;
    const cache = cold && this.usesCache() ? await readParseCache(this.root, { longLived: this.options.longLived, damagedValues: (warning) => this.warnOfCache(warning) }) : undefined;
    if (cache?.warning) {
      this.scanDiagnostics = [...diagnostics, cache.warning];
      this.live.setScanDiagnostics(this.scanDiagnostics);
    }
    timer.mark('read cache');
    let stale: string[];
    let racyRead = 0;
    if (cache?.files) {
      const settledBefore = this.options.longLived ? startedAt - RACY_MS : undefined;
      const taken = this.takeFromCache(files, cache.files, changed, prescan?.stamps, settledBefore);
      stale = taken.stale;
      // A run that ends writes the cache again at its end (below); a watcher writing it at
      // start-up would lift its peak by 30 MB: it clears their marks as it stops.
      if (settledBefore !== undefined) this.racySettleable = { count: taken.racySettled, before: settledBefore };
      else racyRead = taken.racyRead;
      this.cacheIdentity = cache.identity;
      if (cache.identity !== undefined) this.sinceCache = { identity: cache.identity, paths: [...stale, ...goneSinceCache(files, cache.files, taken.cachedHere)] };
    } else if (cold) stale = files;
    else {
      // A file modified from shortly before the last look on may have changed again without its
      // timestamps moving (a file system that keeps them coarsely): read again and compared by
      // content — only the recent edits, since no entry records when its own stamp was taken.
      const racyFrom = (this.lookedAt ?? Number.NEGATIVE_INFINITY) - RACY_MS;
      const scanned = prescan?.stamps.files === files ? prescan.stamps : undefined;
      stale = files.filter((path, index) => this.moved(path, racyFrom, scanned?.stampAt(index)));
    }
    this.lookedAt = startedAt;
    timer.mark('stat');
    progress('reading', stale.length);
    // Many files to parse (a load with no cache, or after a checkout) go to every core.
    const workers = cold ? parseWorkers(stale.length) : 0;
    const keepTexts = cold && this.options.keepMetaTexts === true;
    if (workers > 0) {
      const restamped = this.restamped;
      const knownHashes = restamped && restamped.places.size > 0 ? stale.map((path) => restamped.cached.hashAtPlace(restamped.places.get(path))) : undefined;
      const threadLoaded = this.options.threadLoaded;
      // The files come in the scan's order, a thread folder's together: a thread is all in once a file of another comes.
      let reading: string | undefined;
      await parseFilesInParallel(
        this.root,
        stale,
        workers,
        (outcome) => {
          if (threadLoaded && !('error' in outcome)) {
            const kind = outcome.parsed?.kind;
            const thread = kind?.kind === 'thread-meta' || kind?.kind === 'stage' ? kind.thread : undefined;
            if (thread !== undefined && thread !== reading) {
              const done = reading === undefined ? undefined : this.live.model.threads.get(reading);
              if (done) threadLoaded(this.live.model, done);
              reading = thread;
            }
          }
          const stored = 'error' in outcome ? this.storeUnreadable(outcome.path, outcome.error) : this.storeParsed(outcome.path, outcome.hash, outcome.stamp, () => outcome.parsed ?? restamped!.cached.parsedAt(restamped!.places.get(outcome.path)!, outcome.path));
          if (stored) changed.push(outcome.path);
          if ('text' in outcome && outcome.text !== undefined) this.keptTexts.set(outcome.path, outcome.text);
        },
        { metaTexts: keepTexts, knownHashes },
      );
    } else {
      await forEachFile(this.root, stale, (outcome) => {
        const stored = 'error' in outcome ? this.storeUnreadable(outcome.path, outcome.error) : this.store(outcome.path, outcome.text, { stat: outcome });
        if (stored) changed.push(outcome.path);
        if (keepTexts && 'text' in outcome && outcome.path.endsWith('/meta.json') && classifyPath(outcome.path).kind === 'thread-meta') this.keptTexts.set(outcome.path, outcome.text);
      });
    }
    this.restamped = undefined;
    timer.mark(`read ${stale.length}${workers ? ` on ${workers} workers` : ''}`);
    for (const dir of threadDirs) if (this.settleMissingMeta(dir)) changed.push(`${dir}/meta.json`);
    await this.resolveHeld();
    // A cache missing, damaged or grown stale by many edits is written again (not after every run: writing 10,000 entries costs more than re-parsing a few).
    // Racy entries read to compare their content count too: after a first sync wrote 10,000
    // files, 5,000 entries were racy, and every later run read and hashed them (0.1 s) until
    // something else made the cache worth writing; written again now, they are racy no more.
    const parsedAnew = cache?.files ? stale.length + racyRead + Math.max(0, cache.files.size - (files.length - stale.length)) : files.length;
    if (cold && this.usesCache()) {
      this.readSinceCacheSaved = cache?.files ? parsedAnew : Number.POSITIVE_INFINITY; // no cache at all: write one
      // A transaction that may write many files saves once, after its writes (not twice: 1 s at 10,000 deals).
      if (!this.options.deferCacheSave) await this.saveParseCacheIfStale();
    }
    timer.mark('held+cache');
    timer.report(`load of ${files.length} files`);
    return changed;
  }

  /**
   * Fills the state from the parse cache: every file whose stamp (size, mtime, ctime,
   * inode — one lstat) is the cached one is taken as parsed; a racy entry only when its
   * content hash still matches. Returns the files to read, how many scanned files the
   * cache holds (taken or not), how many racy entries were read and taken, and — for a
   * long-lived load, given `settledBefore` — how many of those were modified before it.
   */
  private takeFromCache(files: readonly string[], cached: CachedFiles, changed: string[], stamps: StampTable | undefined, settledBefore: number | undefined): { stale: string[]; cachedHere: number; racyRead: number; racySettled: number } {
    const stale: string[] = [];
    let cachedHere = 0;
    let racyRead = 0;
    let racySettled = 0;
    // The prescan's stamps, when they are of these very files (the first load's scan).
    const scanned = stamps?.files === files ? stamps : undefined;
    const restamped = new Map<string, number>();
    this.restamped = { cached, places: restamped };
    for (let index = 0; index < files.length; index++) {
      const path = files[index]!;
      // Asked by place, column by column: a load takes 70,000 files, and makes only the objects it keeps.
      const place = cached.placeOf(path);
      if (place >= 0) cachedHere += 1;
      const racy = place >= 0 && cached.isRacy(place);
      if (place < 0 || !(scanned ? cached.stampIs(place, scanned, index) : this.hasStamp(path, cached.stampAt(place))) || (racy && !this.contentIs(path, cached.hashAt(place)))) {
        stale.push(path);
        if (place >= 0) restamped.set(path, place);
        continue;
      }
      if (racy) racyRead += 1;
      if (racy && settledBefore !== undefined && modifiedBefore(cached.stampAt(place), settledBefore)) racySettled += 1;
      const parsed = cached.parsedAt(place, path);
      const valid = hasValue(parsed);
      this.setEntry(path, entryOf(parsed, valid ? parsed : undefined, undefined, false, cached.hashAt(place), cached.stampAt(place)));
      changed.push(path);
    }
    return { stale, cachedHere, racyRead, racySettled };
  }

  /**
   * A cache found damaged after the load (a chunk of values read when first asked for):
   * warned of with the scan's diagnostics, so every result computed from here on says so.
   */
  private warnOfCache(warning: Diagnostic): void {
    this.scanDiagnostics = [...this.scanDiagnostics, warning];
    this.live.setScanDiagnostics(this.scanDiagnostics);
  }

  private hasStamp(path: string, stamp: FileStamp): boolean {
    try {
      const now = lstatSync(join(this.root, path), { throwIfNoEntry: false });
      return now !== undefined && sameStamp(stamp, now);
    } catch {
      return false; // unreadable now: read anew, and the read reports why
    }
  }

  private contentIs(path: string, hash: string): boolean {
    return fileHasContent(this.root, path, hash);
  }

  /**
   * The content hash of the file as this state read it from disk; undefined when it holds
   * none (not read, unreadable, a stand-in for a missing meta.json, or staged over).
   */
  diskHashOf(path: string): string | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.size < 0 || this.overlay.has(path) || entry.hash === MISSING_META || entry.hash.startsWith('unreadable:')) return undefined;
    return entry.hash;
  }

  private usesCache(): boolean {
    // A state of some threads only (a command on one thread) must not overwrite the whole workspace's cache.
    return this.options.includeThread === undefined && cacheEnabled(this.options.cache);
  }

  /**
   * The key of a thread's sources as derivation sees them — the content hash of each of
   * its files, in order — or undefined when one of them is held at an earlier version
   * (its facts must not be cached under its current content).
   */
  threadKey(thread: ThreadRecord): string | undefined {
    // Built by concatenation, not from an array of parts: called for every thread of a cold run.
    let key = this.sourceKey(thread.meta);
    if (key === undefined) return undefined;
    for (const file of thread.stages) {
      const part = this.sourceKey(file);
      if (part === undefined) return undefined;
      key += `:${part}`;
    }
    return key;
  }

  /** A file's part of its thread's key: its content hash, `-` when it is missing, undefined when it is held. */
  private sourceKey(file: ParsedFile | undefined): string | undefined {
    if (!file) return '-';
    const entry = this.entries.get(file.path);
    return entry && entry.current === file ? entry.hash : undefined;
  }

  /** Whether the persistent caches are used by this state. */
  get cached(): boolean {
    return this.usesCache();
  }

  /**
   * The parse cache the cold load read (its identity — though the state may have written
   * another since), and the files the load found changed or gone since it: each file not
   * among them has the stamp that cache gave it. Undefined when the load read no cache.
   */
  get sinceParseCache(): { identity: string; paths: readonly string[] } | undefined {
    return this.sinceCache;
  }

  /** What names the parse cache as this state last read or wrote it. */
  get parseCacheIdentity(): string | undefined {
    return this.cacheIdentity;
  }

  /** Whether this state is kept for long (a watcher): see StateOptions.longLived. */
  get longLived(): boolean {
    return this.options.longLived === true;
  }

  /** Writes every file as the state holds it (read from disk, not staged) to the persistent parse cache. */
  async saveParseCache(options: CacheSaveOptions = {}): Promise<void> {
    if (!this.usesCache()) return;
    // A generator, not an array of 70,000 rows: the table is written one chunk at a time.
    const entries = this.entries;
    const overlay = this.overlay;
    const files = function* (): Generator<[string, CachedFile]> {
      for (const [path, entry] of entries) {
        if (entry.size < 0 || overlay.has(path)) continue;
        yield [path, { mtimeMs: entry.mtimeMs, ctimeMs: entry.ctimeMs, ino: entry.ino, size: entry.size, hash: entry.hash, parsed: entry.current }];
      }
    };
    try {
      this.cacheIdentity = await writeParseCache(this.root, files(), Date.now(), options.betweenTurns);
    } catch (error) {
      // Not written (a read-only git directory): no cache, and no second try in this process.
      if (!cacheUnwritable(error)) throw error;
    }
    this.readSinceCacheSaved = 0;
    this.racySettleable = NONE_SETTLEABLE;
  }

  /**
   * Writes the parse cache when there is none, when enough files were read anew since it
   * was read or written to be worth it (a cold load, a transaction's end, a watcher
   * stopping), or when `force`: a few stale entries cost the next run only those files,
   * while rewriting 70,000 entries costs a second and a peak of memory.
   */
  async saveParseCacheIfStale(options: CacheSaveOptions & { force?: boolean } = {}): Promise<void> {
    if (options.force || this.readSinceCacheSaved >= this.worthRewriting()) await this.saveParseCache(options);
  }

  private worthRewriting(): number {
    return Math.max(CACHE_REWRITE_MIN, this.entries.size * CACHE_REWRITE_SHARE);
  }

  /**
   * Clears the racy marks of the cache entries this long-lived state's load found unchanged
   * (see racySettleable), when they are many and each is still as the state holds it — the
   * rest of the cache left byte for byte (parse-cache.ts: settleRacyEntries). For a watcher
   * that stops: the next start-up trusts them from their stamps.
   */
  async settleRacyCacheEntries(): Promise<void> {
    const { count, before } = this.racySettleable;
    const identity = this.cacheIdentity;
    if (!this.usesCache() || identity === undefined || count < this.worthRewriting()) return;
    const settled = (path: string, stamp: FileStamp, hash: string): boolean => {
      const entry = this.entries.get(path);
      return entry !== undefined && !this.overlay.has(path) && entry.hash === hash && sameStamp(entry, stamp) && modifiedBefore(stamp, before);
    };
    const written = await settleRacyEntries(this.root, identity, settled);
    if (written !== undefined) this.cacheIdentity = written;
    this.racySettleable = NONE_SETTLEABLE;
  }

  /** Re-reads one file after a watcher event. */
  update(path: string): FileUpdate {
    if (!isWorkspacePath(path)) return 'ignored';
    const kind = classifyPath(path);
    if (kind.kind === 'other') {
      this.trackThreadDir(path);
      return 'ignored';
    }
    let text: string;
    try {
      // Never a plain read: a FIFO arriving through a watcher event would block for good.
      text = readWorkspaceFile(this.root, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return this.remove(path);
      return this.storeUnreadable(path, error as NodeJS.ErrnoException) ? 'changed' : 'unchanged';
    }
    this.trackThreadDir(path);
    return this.store(path, text) ? 'changed' : 'unchanged';
  }

  /** Whether the file on disk is no longer the one read (saved, created or deleted since), by its stamp: no read of its content. */
  changedOnDisk(path: string): boolean {
    const entry = this.entries.get(path);
    let now: FileStamp | undefined;
    try {
      now = lstatSync(join(this.root, path), { throwIfNoEntry: false });
    } catch {
      return true;
    }
    if (!entry) return now !== undefined;
    return now === undefined || !sameStamp(entry, now);
  }

  /** Of `paths`, those whose file on disk is no longer the one read or written (by its stamp), each once: files the engine does not read are not asked. */
  movedSinceRead(paths: readonly string[]): string[] {
    return [...new Set(paths)].filter((path) => classifyPath(path).kind !== 'other' && this.changedOnDisk(path));
  }

  /** Records text the engine itself wrote, so the state matches the disk without a re-read. */
  written(path: string, text: string): void {
    this.overlay.delete(path);
    if (classifyPath(path).kind === 'other') return;
    this.trackThreadDir(path);
    this.store(path, text);
  }

  remove(path: string): FileUpdate {
    const previous = this.entries.get(path);
    const thread = threadOf(path.split('/'))?.thread;
    if (previous?.hash === MISSING_META) return 'unchanged';
    this.setEntry(path, undefined);
    // A meta.json deleted from a folder that keeps its stage files is held, not the thread dropped.
    const held = thread !== undefined && this.settleMissingMeta(thread, previous);
    if (thread && !this.threadFiles.has(thread)) this.live.removeThreadDir(thread);
    this.live.removeThreadDir(path);
    return held ? 'changed' : previous ? 'removed' : 'unchanged';
  }

  /**
   * A thread folder that has files but no meta.json — deleted by mistake, replaced by a
   * folder, lost in a merge — is broken like a file that does not validate, not a thread
   * that is gone: an entry stands for its meta.json, with the `thread-meta-missing` error
   * and the last valid version (the one before the deletion, else the one in HEAD), so
   * every value derived from the thread is held and the deletion is never committed
   * (docs/derivation.md). Once the folder has no other file, the stand-in goes too.
   * Returns whether the thread's meta entry changed.
   */
  private settleMissingMeta(thread: string, removed?: Entry): boolean {
    const path = `${thread}/meta.json`;
    const entry = this.entries.get(path);
    const standIn = entry?.hash === MISSING_META;
    const others = (this.threadFiles.get(thread) ?? 0) - (entry ? 1 : 0);
    if (!entry && others > 0) {
      const current: ParsedFile = { path, kind: classifyPath(path), value: undefined, raw: undefined, bodyOffset: 0, diagnostics: [diagnostic(path, START, 'error', 'thread-meta-missing', missingMetaMessage(thread))] };
      const good = removed && hasValue(removed.current) ? removed.current : removed?.good;
      const heldHash = removed ? this.heldVersionHash(path, removed) : undefined;
      this.setEntry(path, entryOf(current, good, good ? (removed?.current === good ? 'memory' : (removed?.heldFrom ?? 'memory')) : undefined, removed?.headChecked ?? false, MISSING_META, NO_STAMP, good && removed?.current !== good ? removed?.heldCommit : undefined));
      if (good && this.entries.get(path)?.heldFrom === 'memory') this.heldSeenBefore.add(path);
      this.rememberHeldHash(path, heldHash);
      return true;
    }
    if (standIn && others === 0) {
      this.setEntry(path, undefined);
      return true;
    }
    return false;
  }

  /** A folder that disappeared (a thread deleted or renamed): forget everything under it. */
  removeFolder(dir: string): string[] {
    const gone = [...this.entries.keys()].filter((p) => p.startsWith(`${dir}/`));
    for (const path of gone) this.setEntry(path, undefined);
    for (const thread of this.live.threadDirList()) if (thread === dir || thread.startsWith(`${dir}/`)) this.live.removeThreadDir(thread);
    return gone;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Looks up, in `HEAD`, a valid version of every broken file that has none yet: what a
   * cold run holds a broken file at. One `git cat-file --batch` for all of them.
   */
  async resolveHeld(): Promise<void> {
    if (this.unresolved.size === 0 && this.heldSeenBefore.size === 0) return;
    const seenBefore = [...this.heldSeenBefore];
    const paths = [...this.unresolved];
    this.unresolved.clear();
    this.heldSeenBefore.clear();
    const texts = await readAtHead(this.root, [...paths, ...seenBefore]);
    // Broken files HEAD has broken too: searched for in the commits before.
    const committedBroken: string[] = [];
    // A file broken as HEAD has it was not broken by a save here: a checkout (or a commit)
    // brought it, and the version seen before is another commit's. Held as a command holds
    // it: at HEAD, and since HEAD has it broken, at the last commit with a valid version.
    for (const path of seenBefore) {
      const entry = this.entries.get(path);
      const text = texts.get(path);
      if (!entry || entry.heldFrom !== 'memory') continue;
      const atHead = text === undefined ? undefined : headVersionHashes(text);
      if (atHead?.has(entry.hash)) {
        this.setEntry(path, Object.assign({}, entry, { good: undefined, heldFrom: undefined, headChecked: true }));
        this.heldDirty = true;
        committedBroken.push(path);
        continue;
      }
      // The version held is one no commit at HEAD has (read, then broken before a cycle committed it).
      const heldHash = this.memoryHeldHashes.get(path);
      if (atHead === undefined || heldHash === undefined || !atHead.has(heldHash)) this.heldAhead.add(path);
      else this.heldAhead.delete(path);
      // Its derived-held warning names the version by what HEAD was just found to have (heldVersionName).
      this.heldDirty = true;
    }
    for (const path of paths) {
      const entry = this.entries.get(path);
      if (!entry || entry.good) continue;
      entry.headChecked = true;
      const text = texts.get(path);
      if (text === undefined) continue;
      const parsed = validVersion(path, text);
      if (parsed) this.holdAt(path, entry, parsed, 'HEAD');
      else committedBroken.push(path);
    }
    if (committedBroken.length === 0) return;
    const found = await readLastValidInHistory(this.root, committedBroken, validVersion);
    for (const [path, { commit, value }] of found) {
      const entry = this.entries.get(path);
      if (entry && !entry.good && this.broken.has(path)) this.holdAt(path, entry, value, 'history', commit);
    }
  }

  /** Derivation reads `path` at `good` from now on, a commit's version (HEAD's or an older one's). */
  private holdAt(path: string, entry: Entry, good: ParsedFile, from: 'HEAD' | 'history', commit?: string): void {
    entry.good = good;
    entry.heldFrom = from;
    entry.heldCommit = commit;
    this.live.setFile(path, good);
    this.heldDirty = true;
  }

  /** Files whose current version is unreadable or invalid: never committed by threadwork, never edited by a sync. */
  brokenPaths(): ReadonlySet<string> {
    return this.broken;
  }

  /**
   * Broken files held at a version seen in this process that HEAD does not have (as far as
   * `resolveHeld` last asked): what is derived from them has no source in any commit, so a
   * transaction writes it but does not commit it until the file is whole again.
   */
  heldAheadOfHead(): string[] {
    return [...this.heldAhead].sort();
  }

  /** The content hash of the version a file is held at when it breaks now: the entry's own when it was valid. */
  private heldVersionHash(path: string, previous: Entry): string | undefined {
    if (!previous.good) return undefined;
    return previous.good === previous.current ? previous.hash : this.memoryHeldHashes.get(path);
  }

  private rememberHeldHash(path: string, hash: string | undefined): void {
    if (this.entries.get(path)?.heldFrom !== 'memory' || !this.broken.has(path)) return;
    if (hash === undefined) this.heldAhead.add(path); // a version not known: taken as no commit's
    else this.memoryHeldHashes.set(path, hash);
  }

  /**
   * The workspace as derivation sees it: each broken file replaced by its last valid
   * version (or left out when it never had one). Diagnostics are those of the files as
   * they are, plus one `derived-held` warning per held file saying what was held and why.
   * The same object from call to call, updated file by file: a watch cycle does not
   * rebuild it.
   */
  derivationModel(): WorkspaceModel {
    if (this.heldDirty) {
      this.live.setHeld(this.heldDiagnostics());
      this.heldDirty = false;
    }
    return this.live.model;
  }

  /** The workspace as it is on disk (and in the overlay): what `check` validates. */
  currentModel(): WorkspaceModel {
    // With no file broken, derivation uses every file as it is: the live model is that
    // model (indexing 70,000 files a second time cost a check and every validated write
    // 0.15 s at 10,000 deals). Otherwise it is indexed the same way, from the files as they are.
    if (this.broken.size === 0) return this.derivationModel();
    const current = new LiveModel(this.root, (path) => this.text(path), new Set(this.broken), (path) => this.entries.get(path)?.hash);
    current.setScanDiagnostics(this.scanDiagnostics);
    for (const dir of this.live.threadDirList()) current.addThreadDir(dir);
    for (const [path, entry] of this.entries) {
      current.setFile(path, entry.current);
      current.setDiagnostics(path, entry.current.diagnostics, entry.current.kind);
    }
    return current.model;
  }

  /** One warning per broken file whose derived values are held (or left out). */
  private heldDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const path of [...this.broken].sort()) {
      const entry = this.entries.get(path);
      const good = entry?.good;
      const error = entry ? firstErrorOf(entry.current) : undefined;
      // The error is printed beside this warning (sync and every write command print both): named by its place and rule, not
      // quoted again — one typo read as two long lines saying the same.
      const place = error?.path === path ? `its error at ${error.line}:${error.column}` : error && `the error at ${error.path}:${error.line}:${error.column}`;
      const why = error ? `of ${place} (${error.rule})` : entry ? 'it is not valid' : 'it cannot be read';
      const held = good
        ? `values derived from it are held at its last valid version (${heldVersionName(entry, this.heldMatchesHead(path, entry))})`
        : 'it has no valid version yet, so nothing is derived from it';
      // At the error it names, as an editor shows it: at 1:1 it sat on a line that had nothing wrong.
      const at = error?.path === path ? { line: error.line, column: error.column } : START;
      out.push(diagnostic(path, at, 'warning', 'derived-held', `Held: ${held}, because ${why}. ${HELD_FILE_ADVICE}`));
    }
    return out;
  }

  /**
   * Whether a file held at a version seen in this process is held at HEAD's very text (its
   * hash compared by the last `resolveHeld`): then it is named as a cold run names it, "the
   * one in HEAD" — a served answer says the words of a cold one when the values are the same.
   */
  private heldMatchesHead(path: string, entry: Entry | undefined): boolean {
    if (entry?.heldFrom !== 'memory' || this.heldSeenBefore.has(path) || this.heldAhead.has(path)) return false;
    return this.memoryHeldHashes.has(path);
  }

  /**
   * Text of a workspace file as the engine sees it: what a transaction is about to write
   * (the overlay), else the disk.
   */
  text(path: string): string | undefined {
    if (this.overlay.has(path)) return this.overlay.get(path) ?? undefined;
    // A kept text stands while its entry does (setEntry drops it) and the file's stamp has not moved.
    const kept = this.keptTexts.get(path);
    if (kept !== undefined) {
      if (!this.changedOnDisk(path)) return kept;
      this.keptTexts.delete(path);
    }
    return readWorkspaceText(this.root, path, this.checkedFolders);
  }

  /**
   * Runs `work` (a plan: it reads the meta.json of every thread it updates, 10,000 at a
   * first sync) with each folder on the way checked for a link once, not once per file
   * read — four lstat-s a file, 0.12 s at 10,000 deals. For one pass under the workspace
   * lock: a write checks its folders again (write.ts).
   */
  async checkingFoldersOnce<T>(work: () => Promise<T>): Promise<T> {
    if (this.checkedFolders) return work();
    this.checkedFolders = new Map();
    try {
      return await work();
    } finally {
      this.checkedFolders = undefined;
    }
  }

  /** Text of a file on disk, whatever a transaction in flight is about to write. */
  diskText(path: string): string | undefined {
    return readWorkspaceText(this.root, path);
  }

  /**
   * Applies changes in memory only (no disk): `null` deletes. Used to validate a write
   * against the workspace as it would be. Returns a function that undoes them.
   */
  stage(changes: ReadonlyMap<string, string | null>): () => void {
    const saved = new Map<string, { entry: Entry | undefined; overlay: string | null | undefined; hadOverlay: boolean; thread: boolean }>();
    // Whether each thread folder was known before any of the changes: asked after staging the
    // first file of a folder gone from disk (a renamed thread held at HEAD), it would be the
    // staged folder's own, and undoing would leave it behind, a thread with no files.
    const threadOfChange = (path: string): string | undefined => threadOf([...path.split('/'), 'meta.json'])?.thread ?? threadOf(path.split('/'))?.thread;
    const knownBefore = new Map<string, boolean>();
    for (const path of changes.keys()) {
      const thread = threadOfChange(path);
      if (thread !== undefined && !knownBefore.has(thread)) knownBefore.set(thread, this.live.hasThreadDir(thread));
    }
    for (const [path, text] of changes) {
      const thread = threadOfChange(path);
      saved.set(path, { entry: this.entries.get(path), overlay: this.overlay.get(path), hadOverlay: this.overlay.has(path), thread: thread !== undefined && knownBefore.get(thread) === true });
      this.overlay.set(path, text);
      if (text === null) this.setEntry(path, undefined);
      else if (classifyPath(path).kind !== 'other') {
        this.trackThreadDir(path);
        this.store(path, text, { stat: false });
      }
    }
    return () => {
      for (const [path, s] of saved) {
        this.setEntry(path, s.entry);
        if (s.hadOverlay) this.overlay.set(path, s.overlay ?? null);
        else this.overlay.delete(path);
        const thread = threadOf(path.split('/'))?.thread;
        if (thread && !s.thread && !this.threadFiles.has(thread)) this.live.removeThreadDir(thread);
      }
    };
  }

  /**
   * The one place an entry changes: the broken and unresolved sets, the per-thread file
   * counts and the live derivation model follow it.
   */
  private setEntry(path: string, entry: Entry | undefined): void {
    const previous = this.entries.get(path);
    if (this.keptTexts.size > 0) this.keptTexts.delete(path);
    // A thread file's kind names its thread; any other path is split (a load sets 70,000 files).
    const kind = (entry ?? previous)?.current.kind;
    const thread = kind?.kind === 'thread-meta' || kind?.kind === 'stage' ? kind.thread : threadOf(path.split('/'))?.thread;
    if (entry) this.entries.set(path, entry);
    else this.entries.delete(path);
    if (thread && !previous !== !entry) {
      const count = (this.threadFiles.get(thread) ?? 0) + (entry ? 1 : -1);
      if (count > 0) this.threadFiles.set(thread, count);
      else this.threadFiles.delete(thread);
    }
    const isBroken = entry !== undefined && !hasValue(entry.current) && holdsValue(entry.current.kind);
    // The sets are asked only when they hold something: a load sets 70,000 files, nearly all valid.
    const wasBroken = this.broken.size > 0 && this.broken.has(path);
    if (isBroken !== wasBroken || isBroken) this.heldDirty = true;
    if (isBroken) this.broken.add(path);
    else if (wasBroken) this.broken.delete(path);
    if (isBroken && !entry.good && !entry.headChecked) this.unresolved.add(path);
    else if (this.unresolved.size > 0) this.unresolved.delete(path);
    if ((this.memoryHeldHashes.size > 0 || this.heldAhead.size > 0) && !(isBroken && entry.heldFrom === 'memory')) {
      this.memoryHeldHashes.delete(path);
      this.heldAhead.delete(path);
    }
    const derivation = entry ? (hasValue(entry.current) || !holdsValue(entry.current.kind) ? entry.current : entry.good) : undefined;
    this.live.setFile(path, derivation);
    this.live.setDiagnostics(path, entry?.current.diagnostics ?? [], entry?.current.kind);
  }

  /** Whether a file may differ from its entry: its stamp moved (`scanned`: taken by a fingerprint, else lstat-ed now), or is too recent to tell. */
  private moved(path: string, racyFrom: number, scanned?: FileStamp): boolean {
    const entry = this.entries.get(path);
    if (!entry || entry.mtimeMs >= racyFrom) return true;
    try {
      const now = scanned ?? lstatSync(join(this.root, path));
      return !sameStamp(entry, now);
    } catch {
      return true;
    }
  }

  /** `stat`: true to stat the file now, false for text not on disk (a staged write), or the stat the read already took. */
  private store(path: string, text: string, options: { stat: boolean | FileStamp } = { stat: true }): boolean {
    let stat: FileStamp = typeof options.stat === 'object' ? options.stat : NO_STAMP;
    if (options.stat === true) {
      try {
        stat = statSync(join(this.root, path));
      } catch {
        // vanished between read and stat: the next event or reconcile settles it
      }
    }
    // Text on disk (not a staged write) is checked for bytes that are not UTF-8.
    const hash = contentHash(text);
    const parse = options.stat === false ? () => parseFile(path, classifyPath(path), text) : (this.cachedParse(path, hash, text) ?? (() => parseFileOnDisk(this.root, path, classifyPath(path), text)));
    return this.storeParsed(path, hash, stat, parse, options.stat !== false);
  }

  /**
   * The cached parse of a file a cold load reads because its stamp moved, when its content
   * is the one cached (same hash): parsing depends on nothing but the path and the text.
   */
  private cachedParse(path: string, hash: string, text: string): (() => ParsedFile) | undefined {
    const place = this.restamped?.places.get(path);
    if (place === undefined || !parseDecidedByText(text)) return undefined;
    const cached = this.restamped!.cached;
    return cached.hashAt(place) === hash ? () => cached.parsedAt(place, path) : undefined;
  }

  /**
   * Stores a file by its content's hash: parsed (`parse`: now, or by the parse pool) only
   * when the content is not the entry's already. `read` counts it for the parse cache.
   */
  private storeParsed(path: string, hash: string, stat: FileStamp, parse: () => ParsedFile, read = true): boolean {
    const previous = this.entries.get(path);
    if (read) this.readSinceCacheSaved += 1;
    if (previous && previous.hash === hash) {
      Object.assign(previous, stampOf(stat));
      return false;
    }
    const current = parse();
    const valid = current.value !== undefined;
    // git's conflict markers are a stopped merge's or rebase's, not a save's: the version seen
    // before may be another branch's (the one rebased), so the file is held at HEAD's, as a command holds it.
    const kept = valid || current.diagnostics.some((d) => d.rule === 'merge-conflict') ? undefined : previous;
    if (kept?.good) this.heldSeenBefore.add(path);
    else if (this.heldSeenBefore.size > 0) this.heldSeenBefore.delete(path);
    const heldHash = kept ? this.heldVersionHash(path, kept) : undefined;
    this.setEntry(
      path,
      entryOf(current, valid ? current : kept?.good, valid ? undefined : kept?.good ? (kept.heldFrom ?? 'memory') : undefined, valid ? false : (kept?.headChecked ?? false), hash, stat, valid ? undefined : kept?.heldCommit),
    );
    this.rememberHeldHash(path, heldHash);
    return true;
  }

  /** A file that exists but cannot be read (permissions, a special file): broken like an invalid one. */
  private storeUnreadable(path: string, error: NodeJS.ErrnoException): boolean {
    const previous = this.entries.get(path);
    const problem = readDiagnostic(path, error);
    const message = problem.message;
    if (previous && previous.hash === `unreadable:${message}`) return false;
    const current: ParsedFile = { path, kind: classifyPath(path), value: undefined, raw: undefined, bodyOffset: 0, diagnostics: [problem] };
    this.trackThreadDir(path);
    const heldHash = previous ? this.heldVersionHash(path, previous) : undefined;
    this.setEntry(path, entryOf(current, previous?.good, previous?.good ? (previous.heldFrom ?? 'memory') : undefined, previous?.headChecked ?? false, `unreadable:${message}`, NO_STAMP, previous?.heldCommit));
    if (previous?.good) this.heldSeenBefore.add(path);
    this.rememberHeldHash(path, heldHash);
    return true;
  }

  private trackThreadDir(path: string): void {
    const thread = threadOf([...path.split('/'), 'meta.json'])?.thread ?? threadOf(path.split('/'))?.thread;
    if (thread && (this.options.includeThread?.(thread) ?? true)) this.live.addThreadDir(thread);
  }
}

/**
 * Whether a file of this kind has a value to validate, and so can be broken: not a file the
 * engine only lists (a thread's notes) or a canvas file of no known section, which nothing
 * is derived from (its \`canvas-unknown\` warning says so; holding it said "not valid"), or a
 * thread file named almost like a stage file (\`stage-file-name\`), or a meta.json or goal
 * file under a name a desktop gave it (\`meta-file-name\`, \`goal-file-name\`).
 */
function holdsValue(kind: FileKind): boolean {
  return kind.kind !== 'other' && kind.kind !== 'canvas-unknown' && !isMisnamedFile(kind);
}

/**
 * The hashes a file on disk has when it is HEAD's version: the blob's text, and that text
 * with CRLF line endings — what a checkout writes under `core.autocrlf=true` (or `eol=crlf`),
 * where git stores LF. A Windows user's committed CRLF file, broken under a running watcher,
 * was taken for a version no commit has: the watcher said "not yet committed" and stopped
 * committing every other save (`source-held`) until the file was fixed. Line endings change
 * no value, so figures derived from either text are the same.
 */
function headVersionHashes(headText: string): ReadonlySet<string> {
  return new Set([contentHash(headText), contentHash(headText.replace(/\r?\n/g, '\r\n'))]);
}

/** A committed text of `path` parsed, when it is valid: a version a broken file can be held at. */
function validVersion(path: string, text: string): ParsedFile | undefined {
  const parsed = parseFile(path, classifyPath(path), text);
  return parsed.value === undefined ? undefined : parsed;
}

/**
 * Which version a broken file is held at, in words. `sameAsHead`: a version seen in this
 * process whose text HEAD has — the one a cold run holds, so named as it names it. One that
 * HEAD does not have says so: a cold run holds HEAD's, and its values differ.
 */
function heldVersionName(entry: Entry | undefined, sameAsHead: boolean): string {
  if (entry?.heldFrom === 'HEAD' || sameAsHead) return 'the one in HEAD';
  if (entry?.heldFrom === 'history') return `the one in commit ${entry.heldCommit?.slice(0, 10) ?? '?'}: HEAD has it broken, committed as it is`;
  return 'the one seen before this edit, not yet committed';
}

/** An entry, every one with the same properties in the same order (see parse-file.ts's parsedFile). */
function entryOf(current: ParsedFile, good: ParsedFile | undefined, heldFrom: HeldFrom | undefined, headChecked: boolean, hash: string, stamp: FileStamp, heldCommit?: string): Entry {
  return { current, good, heldFrom, heldCommit, headChecked, hash, mtimeMs: stamp.mtimeMs, ctimeMs: stamp.ctimeMs, ino: stamp.ino, size: stamp.size };
}

function stampOf(stat: FileStamp): FileStamp {
  return { mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, size: stat.size };
}

/** Paths the engine reads: no hidden parts, no editor swap or backup files. */
function isWorkspacePath(path: string): boolean {
  return !path.split('/').some((part) => isIgnoredName(part));
}

/** The first error of a file: what its `derived-held` warning names, and where it sits. */
function firstErrorOf(file: ParsedFile): Diagnostic | undefined {
  return file.diagnostics.find((d) => d.severity === 'error');
}

/** The cached paths no longer scanned: none when every cached path is one of the `cachedHere` scanned ones. */
function goneSinceCache(files: readonly string[], cached: CachedFiles, cachedHere: number): string[] {
  if (cached.size === cachedHere) return [];
  const scanned = new Set(files);
  return [...cached.paths()].filter((path) => !scanned.has(path));
}
