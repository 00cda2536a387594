import { Locators } from '../check/locators.js';
import { referenceErrors } from '../check/references.js';
import type { Diagnostic } from '../diagnostics.js';
import type { IncrementalDerivation } from '../derive/incremental.js';
import { deriveWorkspace, type DerivedWorkspace } from '../derive/workspace.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { cacheEnabled } from './cache.js';
import { crossFileErrorsSince, readCrossFileRecord, type ChangedSince, type CrossFileRecord } from './cross-file-record.js';
import { seededDerivation } from './facts-cache.js';
import { fingerprint } from './fingerprint.js';
import { brokenThreadFiles, holdThreadsInError } from './hold-in-error.js';
import { WorkspaceState } from './state.js';

/**
 * The workspace derived the way `sync` derives it, for a reader (a report): broken files
 * at their last valid version, and every thread with a cross-file error or a stage file
 * under a wrong name at its version in HEAD (hold-in-error.ts). A report drawn from the
 * files as they are would show numbers sync refuses to commit — a won deal reopened by a
 * `6-learnings.md` — with nothing saying so; `held` lists sync's `derived-held` warnings,
 * one per file or thread held, each naming the error that holds it. Takes no lock and
 * writes nothing: the threads changed since the last sync's cross-file record and those it
 * found in error are checked, as that sync would (every thread without a record that holds).
 * `includeThread` reads only the threads it accepts (one thread's reader: `read_thread`),
 * judged with the canvas and goals as the whole workspace would judge them.
 */
export async function deriveAsSyncHolds<T>(root: string, use: (model: WorkspaceModel, derived: DerivedWorkspace, held: Diagnostic[]) => T, options: { includeThread?: (dir: string) => boolean } = {}): Promise<{ value: T; held: Diagnostic[] }> {
  // Loaded as sync loads: the fingerprint's two-thread scan and stamps, and each thread's
  // facts from the facts cache — a report at 10,000 deals scored every thread anew (1.5 s).
  // The fingerprint and the cache are the whole workspace's: not for a load of some threads.
  const { includeThread } = options;
  const cache = includeThread === undefined && cacheEnabled(undefined);
  const state = await WorkspaceState.load(root, includeThread ? { includeThread } : cache ? { prescan: (await fingerprint(root)).scan } : {});
  const seeded = state.cached ? await seededDerivation(state) : undefined;
  // The threads unchanged since the last sync's cross-file record are as it found them: as
  // that sync, only the changed ones and those it found in error are checked again.
  const since = cache ? state.sinceParseCache : undefined;
  const record = since ? await readCrossFileRecord(root) : undefined;
  const lastSync = record && since ? { record, count: { changed: since.paths, since: since.identity } } : undefined;
  const derived = await deriveHeldIn(state, seeded?.derivation, use, lastSync);
  if (seeded?.warning) derived.held.push(seeded.warning);
  return derived;
}

/** deriveAsSyncHolds on a state already loaded (a warm session's, with its derivation). */
export async function deriveHeldIn<T>(
  state: WorkspaceState,
  derivation: IncrementalDerivation | undefined,
  use: (model: WorkspaceModel, derived: DerivedWorkspace, held: Diagnostic[]) => T,
  lastSync?: { record: CrossFileRecord; count: ChangedSince },
): Promise<{ value: T; held: Diagnostic[] }> {
  const model = state.derivationModel();
  const brokenHeld = model.diagnostics.filter((d) => d.rule === 'derived-held');
  const crossFile = lastSync ? crossFileErrorsSince(model, lastSync.record, lastSync.count).crossFile : referenceErrors(model, new Locators((path) => model.text(path)), () => model.threads.keys()).diagnostics;
  // As sync holds them (transaction.ts): a misnamed stage file's thread, a nested thread folder's origin.
  const misplaced = model.diagnostics.filter((d) => d.rule === 'stage-file-name' || d.rule === 'thread-folder-nested');
  const hold = await holdThreadsInError(state, model, [...crossFile, ...misplaced, ...brokenThreadFiles(model.diagnostics, state.brokenPaths(), model.threads)]);
  try {
    const heldModel = state.derivationModel();
    const held = [...brokenHeld, ...(hold?.diagnostics ?? [])];
    const derived = deriveWorkspace(heldModel, derivation);
    // A read writes nothing: the threads it saw change are still the next sync's to write.
    derivation?.notPlanned(derived.changedThreads);
    return { value: use(heldModel, derived, held), held };
  } finally {
    hold?.release();
  }
}
