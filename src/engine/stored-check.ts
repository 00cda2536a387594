import { today } from '../clock.js';
import type { Diagnostic } from '../diagnostics.js';
import { cacheEnabled, readCache } from './cache.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';
import { fileHasContent } from '../workspace/content-hash.js';
import type { CheckResult } from '../check/check.js';

export interface StoredCheck {
  /** The stored result, when the workspace is exactly as it was when it was stored. */
  result?: CheckResult | undefined;
  /** The workspace's fingerprint (its scan and stamps serve the load on a miss); none with the cache off. */
  print?: Fingerprint | undefined;
  /** The stored entry was damaged and discarded. */
  warning?: Diagnostic | undefined;
}

/**
 * The result a check stored for the workspace as it is now (engine/cache.ts: keyed by
 * every file's stamp and the engine), found without loading the engine that computes one:
 * a check with nothing changed costs a scan and an lstat of each file, and this module's
 * few imports.
 */
export async function storedCheck(root: string, cache: boolean | undefined): Promise<StoredCheck> {
  if (!cacheEnabled(cache)) return {};
  const print = await fingerprint(root);
  const hit = await readCache<CheckRecord>(root, 'check', checkKey(print));
  const result = hit.value && stillAsRead(root, hit.value.racy) ? hit.value.result : undefined;
  return { result, print, warning: hit.warning };
}

/** Each file too fresh to trust its times, with the hash of the text that was read of it. */
export type RacyFiles = [path: string, hash: string][];

/** Whether each of `racy` still holds the text it held when read. */
export function stillAsRead(root: string, racy: RacyFiles | undefined): boolean {
  return Array.isArray(racy) && racy.every(([path, hash]) => fileHasContent(root, path, hash));
}

/** Each too-fresh file with the hash of the text `state` read; undefined when there are too many, or one was not read. */
export function racyAsRead(state: { diskHashOf(path: string): string | undefined }, files: readonly string[]): RacyFiles | undefined {
  if (files.length > RACY_FILES_KEPT) return undefined;
  const racy: RacyFiles = [];
  for (const path of files) {
    const hash = state.diskHashOf(path);
    if (hash === undefined) return undefined;
    racy.push([path, hash]);
  }
  return racy;
}

/**
 * A check's result as stored (a sync's fixed point likewise: sync/run.ts), with the content
 * hash of each file that was too fresh for its timestamps to be trusted (git's "racily clean" files: a second save within the same tick
 * of the clock, of the same size, leaves the stamp as it was). Those few files are read and
 * hashed again before the result is served; a result is stored whenever they are few.
 */
export interface CheckRecord {
  result: CheckResult;
  racy: RacyFiles;
}

/** More files this fresh, and nothing is stored (as after a first sync): hashing them all again would cost what checking does. */
const RACY_FILES_KEPT = 200;

/**
 * A stored check stands for the files as they are and for today: `date-in-future` is
 * judged against today's date, so a new day (or another THREADWORK_TODAY) is a new key —
 * one full check a day, not a result that still flags a date that has since come.
 */
export function checkKey(print: Fingerprint): string {
  return `${print.digest}:${today()}`;
}
