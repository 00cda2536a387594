import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { contentHash } from './content-hash.js';
import { classifyPath } from './layout.js';
import type { ParsedFile } from './parse-file.js';
import { parseDecidedByText, parseFileOnDisk } from './parse-on-disk.js';
import { readScannedFile, type FileStamp } from './read-files.js';

/**
 * Reading and parsing many files on every core. A cold load of 10,000 deals reads and
 * parses 70,000 files — js-yaml, zod and the file's own checks, about 55 µs a file on one
 * core, most of a first `check` or `sync`. Parsing is pure (text in, ParsedFile out), so
 * the paths are cut into chunks of 256 files, and the main thread and the worker threads
 * (the lanes) each take the next chunk from a shared counter when free; the main thread
 * takes the outcomes chunk by chunk in the order of the paths: the state is filled in
 * exactly the order a serial read gives, whichever lane finished first. The main thread,
 * which also takes in every outcome, so parses fewer chunks than a worker (dealt
 * round-robin, the worker waited on it: a cold check of 10,000 deals took 3.6 s, now
 * 2.9–3.3 s). The main thread takes a lane because taking in a worker's outcomes (a
 * structured clone) costs it a fifth of parsing them: with two cores, two workers and an
 * idle main thread ran 20% faster than one thread, one worker and the main thread 40%.
 *
 * A worker that cannot start or fails leaves its chunks to the main thread, which parses
 * them itself: the outcome never depends on the pool.
 */
/** `parsed` is undefined when the content is the one `knownHashes` gave: the caller holds its parse already. */
export type ParseOutcome = { path: string; parsed: ParsedFile | undefined; hash: string; stamp: FileStamp; text?: string } | { path: string; error: NodeJS.ErrnoException };

export interface ParseJob {
  root: string;
  paths: readonly string[];
  /** Send each meta.json's text back too (see parseChunk). */
  metaTexts: boolean;
  /** By the index of `paths`: the hash of a content whose parse the caller holds (see PoolOptions). */
  knownHashes: readonly (string | undefined)[] | undefined;
  chunk: number;
  /** The next chunk to take, shared by every lane. */
  next: Int32Array;
}

/** The next chunk a lane takes: an index, or -1 when all are taken. */
export function takeChunk(job: Pick<ParseJob, 'paths' | 'chunk' | 'next'>): number {
  const index = Atomics.add(job.next, 0, 1);
  return index * job.chunk < job.paths.length ? index : -1;
}

/**
 * Below this many files a worker's start-up (~0.15 s: it loads the parser and the schemas,
 * its JIT starts cold) costs more than it saves: at 7,000 files (1,000 deals) a cold check
 * took 0.71–0.78 s with one worker and 0.62–0.69 s without (at 70,000: 3.7 s and 4.5 s).
 */
export const PARALLEL_FROM = 20_000;
const CHUNK = 256;

/** How many worker threads a load of `files` files uses besides the main thread: none on one core or for a few files. */
export function parseWorkers(files: number): number {
  const forced = Number(process.env.THREADWORK_PARSE_WORKERS);
  if (process.env.THREADWORK_PARSE_WORKERS && Number.isInteger(forced) && forced >= 0) return forced;
  return files < PARALLEL_FROM ? 0 : Math.min(availableParallelism(), 4) - 1;
}

export interface PoolOptions {
  /** Each meta.json's text comes back with its outcome (a load for a sync's plan: WorkspaceState.text). */
  metaTexts?: boolean;
  /**
   * By the index of `paths`, the content hash of a parse the caller holds already (a cold
   * load's parse cache, for a file whose stamp moved): a file read with that content is not
   * parsed again, and its outcome's `parsed` is undefined.
   */
  knownHashes?: readonly (string | undefined)[];
  /** The worker's module (a test gives one that fails). */
  workerUrl?: URL;
  /** This thread takes its first chunk only once a worker has delivered one (a test's way to see both at work). */
  workerFirst?: boolean;
}

/**
 * Reads and parses `paths` on this thread and `workers` worker threads, handing each
 * outcome to `visit` in the order of `paths`. Returns how many chunks the workers parsed.
 */
export async function parseFilesInParallel(root: string, paths: readonly string[], workers: number, visit: (outcome: ParseOutcome) => void, options: PoolOptions = {}): Promise<{ byWorkers: number }> {
  const chunks = Math.ceil(paths.length / CHUNK);
  const metaTexts = options.metaTexts === true;
  const knownHashes = options.knownHashes;
  const job: ParseJob = { root, paths, metaTexts, knownHashes, chunk: CHUNK, next: new Int32Array(new SharedArrayBuffer(4)) };
  const local = (index: number): ParseOutcome[] => parseChunk(job, index).map(fromWire);
  const received = new Map<number, WireOutcome[]>();
  let running = workers;
  let wake: (() => void) | undefined;
  const pool = Array.from({ length: workers }, () => {
    const thread = new Worker(options.workerUrl ?? WORKER_URL, { workerData: job });
    thread.on('message', (message: { index: number; outcomes: WireOutcome[] }) => {
      received.set(message.index, message.outcomes);
      wake?.();
    });
    // Messages posted before a worker ends arrive before its `exit`; `error` comes before it.
    thread.on('exit', () => {
      running -= 1;
      wake?.();
    });
    thread.on('error', () => undefined);
    return thread;
  });
  // This thread hands every chunk over in order; while the next one is not in, it parses
  // the next chunk no lane has taken yet.
  const parsedHere = new Map<number, ParseOutcome[]>();
  let byWorkers = 0;
  try {
    while (options.workerFirst && received.size === 0 && running > 0) await new Promise<void>((resolve) => (wake = resolve));
    for (let index = 0; index < chunks; ) {
      const wire = received.get(index);
      const ready = wire ? wire.map(fromWire) : parsedHere.get(index);
      if (ready) {
        if (wire) byWorkers += 1;
        parsedHere.delete(index);
        received.delete(index);
        for (const outcome of ready) visit(outcome);
        index += 1;
        continue;
      }
      const mine = takeChunk(job);
      if (mine >= 0) {
        parsedHere.set(mine, local(mine));
        // Let the workers' messages in between this lane's chunks: each is deserialized as it comes.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else if (running === 0) {
        // Every chunk is taken and every worker gone: this one's worker failed before delivering it.
        parsedHere.set(index, local(index));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await Promise.all(pool.map((thread) => thread.terminate()));
  }
  return { byWorkers };
}

/**
 * Reads and parses each file, as a load does one at a time. With `metaTexts`, a
 * meta.json's text comes back too: a first sync edits nearly every one, and the state
 * keeps them for its plan (WorkspaceState.text) rather than reading 10,000 files again
 * (~0.35 s at 10,000 deals).
 */
export function parseChunk(job: Pick<ParseJob, 'root' | 'paths' | 'metaTexts' | 'knownHashes' | 'chunk'>, index: number): WireOutcome[] {
  const { root, metaTexts, knownHashes } = job;
  const from = index * job.chunk;
  return job.paths.slice(from, from + job.chunk).map((path, i): WireOutcome => {
    try {
      const { text, ...stamp } = readScannedFile(root, path);
      const kind = classifyPath(path);
      const hash = contentHash(text);
      const known = knownHashes?.[from + i] === hash && parseDecidedByText(text);
      const parsed = known ? undefined : parseFileOnDisk(root, path, kind, text);
      return metaTexts && kind.kind === 'thread-meta' ? { path, parsed, hash, stamp, text } : { path, parsed, hash, stamp };
    } catch (error) {
      // An Error's own properties (its `code`) do not survive a structured clone: sent as data.
      const { message, code } = error as NodeJS.ErrnoException;
      return { path, error: { message, code } };
    }
  });
}

type WireOutcome = { path: string; parsed: ParsedFile | undefined; hash: string; stamp: FileStamp; text?: string } | { path: string; error: { message: string; code: string | undefined } };

function fromWire(outcome: WireOutcome): ParseOutcome {
  if (!('error' in outcome)) return outcome;
  return { path: outcome.path, error: Object.assign(new Error(outcome.error.message), { code: outcome.error.code }) };
}

/**
 * The worker's module, dist/workspace/parse-worker.js: named from one folder up, so that it
 * is the same file from dist/workspace/ and from the bundled CLI's chunks in dist/bundle/.
 * Under the test runner this file is TypeScript that Node cannot run in a worker: the built
 * one in dist/ (`npm test` builds first) serves it there.
 */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/workspace/parse-worker.js' : '../workspace/parse-worker.js', import.meta.url);
