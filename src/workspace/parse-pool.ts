import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { contentHash } from './content-hash.js';
import { classifyPath } from './layout.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import { readScannedFile, type FileStamp } from './read-files.js';

/**
 * Reading and parsing many files on every core. A cold load of 10,000 deals reads and
 * parses 70,000 files — js-yaml, zod and the file's own checks, about 55 µs a file on one
 * core, most of a first `check` or `sync`. Parsing is pure (text in, ParsedFile out), so
 * the chunks of 256 files are dealt round-robin to the main thread (lane 0) and the
 * worker threads (lanes 1…n), and the main thread takes the outcomes chunk by chunk in the
 * order of the paths: the state is filled in exactly the order a serial read gives,
 * whichever lane finished first. The main thread takes a lane because taking in a worker's
 * outcomes (a structured clone) costs it a fifth of parsing them: with two cores, two
 * workers and an idle main thread ran 20% faster than one thread, one worker and the main
 * thread 40%.
 *
 * A worker that cannot start or fails leaves its chunks to the main thread, which parses
 * them itself: the outcome never depends on the pool.
 */
export type ParseOutcome = { path: string; parsed: ParsedFile; hash: string; stamp: FileStamp } | { path: string; error: NodeJS.ErrnoException };

export interface ParseJob {
  root: string;
  paths: readonly string[];
  chunk: number;
  worker: number;
  workers: number;
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

/**
 * Reads and parses `paths` on this thread and `workers` worker threads, handing each
 * outcome to `visit` in the order of `paths`. (`workerUrl`: the worker's module, for a
 * test to give one that fails.) Returns how many chunks the workers parsed.
 */
export async function parseFilesInParallel(root: string, paths: readonly string[], workers: number, visit: (outcome: ParseOutcome) => void, workerUrl = WORKER_URL): Promise<{ byWorkers: number }> {
  const chunks = Math.ceil(paths.length / CHUNK);
  const local = (index: number): ParseOutcome[] => parseChunk(root, paths.slice(index * CHUNK, (index + 1) * CHUNK)).map(fromWire);
  const lanes = workers + 1;
  const received = new Map<number, WireOutcome[]>();
  const stopped = new Set<number>();
  let wake: (() => void) | undefined;
  const pool = Array.from({ length: workers }, (_, i) => {
    const worker = i + 1;
    const thread = new Worker(workerUrl, { workerData: { root, paths, chunk: CHUNK, worker, workers: lanes } satisfies ParseJob });
    thread.on('message', (message: { index: number; outcomes: WireOutcome[] }) => {
      received.set(message.index, message.outcomes);
      wake?.();
    });
    // Messages posted before a worker ends arrive before its `exit`: a chunk still missing then is this thread's to parse.
    const stop = (): void => {
      stopped.add(worker);
      wake?.();
    };
    thread.on('error', stop);
    thread.on('exit', stop);
    return thread;
  });
  // This thread parses its own lane ahead while the workers' chunks are late, and hands
  // every chunk over in order.
  const parsedHere = new Map<number, ParseOutcome[]>();
  let ahead = 0;
  let byWorkers = 0;
  try {
    for (let index = 0; index < chunks; ) {
      const lane = index % lanes;
      const wire = lane === 0 ? undefined : received.get(index);
      const ready = lane === 0 ? parsedHere.get(index) : wire ? wire.map(fromWire) : stopped.has(lane) ? local(index) : undefined;
      if (ready) {
        if (wire) byWorkers += 1;
        parsedHere.delete(index);
        received.delete(index);
        for (const outcome of ready) visit(outcome);
        index += 1;
      } else if (ahead < chunks) {
        parsedHere.set(ahead, local(ahead));
        ahead += lanes;
        // Let the workers' messages in between this lane's chunks: each is deserialized as it comes.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await Promise.all(pool.map((thread) => thread.terminate()));
  }
  return { byWorkers };
}

/** Reads and parses each file, as a load does one at a time. */
export function parseChunk(root: string, paths: readonly string[]): WireOutcome[] {
  return paths.map((path): WireOutcome => {
    try {
      const { text, ...stamp } = readScannedFile(root, path);
      return { path, parsed: parseFile(path, classifyPath(path), text), hash: contentHash(text), stamp };
    } catch (error) {
      // An Error's own properties (its `code`) do not survive a structured clone: sent as data.
      const { message, code } = error as NodeJS.ErrnoException;
      return { path, error: { message, code } };
    }
  });
}

type WireOutcome = { path: string; parsed: ParsedFile; hash: string; stamp: FileStamp } | { path: string; error: { message: string; code: string | undefined } };

function fromWire(outcome: WireOutcome): ParseOutcome {
  if (!('error' in outcome)) return outcome;
  return { path: outcome.path, error: Object.assign(new Error(outcome.error.message), { code: outcome.error.code }) };
}

/**
 * The worker's module. Under the test runner this file is TypeScript that Node cannot run
 * in a worker: the built one in dist/ (`npm test` builds first) serves it there.
 */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? '../../dist/workspace/parse-worker.js' : './parse-worker.js', import.meta.url);
