import { Locators } from '../check/locators.js';
import { referenceErrors } from '../check/references.js';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { headCommit, readAtHead } from '../git/head-files.js';
import { slugSchema } from '../schema/common.js';
import { STAGE_FILES } from '../schema/names.js';
import { classifyPath, threadOf } from '../workspace/layout.js';
import { THREAD_FOLDERS } from '../workspace/nested-threads.js';
import type { WorkspaceModel } from '../workspace/model.js';
import type { WorkspaceState } from './state.js';
import { misnamedStageDiagnostic } from './live-model.js';
import { holdDefinitionsLosingIds, threadsNamingHeldAwayIds } from './held-definitions.js';
import { foldersRenamedByHand } from './renamed-thread-folders.js';

/** A thread held for naming an id whose definition is held: why, and its `derived-held` warning. */
export interface HeldAway {
  why: string;
  warning: Diagnostic;
}

/** Threads held at their version in HEAD while they have a cross-file error. */
export interface ThreadHold {
  threads: ReadonlySet<string>;
  /** The files of those threads the engine reads: never edited, never committed while held. */
  paths: readonly string[];
  /** Whether any file was staged at another version than the one on disk (derivation must run again). */
  staged: boolean;
  /** One `derived-held` warning per thread held. */
  diagnostics: Diagnostic[];
  /** The threads held only for naming an id whose definition is held (threadsNamingHeldAwayIds), each with its warning: a write into one is refused. */
  heldAway: ReadonlyMap<string, HeldAway>;
  /** Puts the files back as they are on disk: called once the plan is made. */
  release: () => void;
}

/**
 * A thread with a cross-file error (an unknown id, a stage without its predecessor, a
 * close date before the creation date, a thread id that is not its folder's) is left out of
 * the commit; its values must not go into the derived files committed either, or HEAD would
 * hold derived values its sources do not give (a clone's sync would undo them). So, like a
 * broken file, the whole thread is held: derivation sees every file of it as committed in
 * HEAD (absent where HEAD has none). A stage file under a wrong name (`stage-file-name`)
 * holds its thread the same way: read without that stage, the thread is wrong. A thread whose id names a sibling folder that is gone
 * (a renamed folder) holds that folder too: the rename is committed whole, once fixed.
 *
 * Outside git, or before the first commit, nothing is held: there is no committed version
 * to keep consistent, and the values count as written. Costs two git processes, only in a
 * run that finds such an error.
 */
export async function holdThreadsInError(state: WorkspaceState, model: WorkspaceModel, errors: readonly Diagnostic[]): Promise<ThreadHold | undefined> {
  const { threads, renamedTo, moves } = threadsInError(model, errors);
  // A segment renamed in 04-segments.md while only the canvas (an assumption, a problem) still names the old id holds the canvas all the same.
  if (threads.size === 0 && !errors.some((e) => e.rule === 'unknown-segment' && e.severity === 'error' && classifyPath(e.path).kind === 'canvas')) return undefined;
  const filesOf = (thread: string): string[] => [`${thread}/meta.json`, ...STAGE_FILES.map((file) => `${thread}/${file}`)];
  const [head, atHead] = await Promise.all([headCommit(state.root), readAtHead(state.root, [...threads].flatMap(filesOf))]);
  const inHead = (thread: string): boolean => filesOf(thread).some((path) => atHead.has(path));
  // An id that names a sibling folder HEAD does not have either is no rename (the id was
  // edited, or the folder never committed): there is nothing of that folder to hold. A
  // folder of another family's is where the thread came from only if the thread is new to HEAD.
  for (const [from, to] of renamedTo) {
    if (!inHead(from) || (moves.has(from) && inHead(to))) {
      threads.delete(from);
      renamedTo.delete(from);
    }
  }
  // A folder renamed by hand with its id edited to follow, while the thread has another
  // error: nothing else names the folder it came from, which is held with it as above.
  const newToHead = head ? [...threads].filter((thread) => model.threads.has(thread) && !inHead(thread) && ![...renamedTo.values()].includes(thread)) : [];
  if (newToHead.length > 0) {
    const found = await foldersRenamedByHand(state.root, model, (path) => state.text(path), newToHead);
    for (const [to, from] of found.renamedFrom) {
      threads.add(from);
      renamedTo.set(from, to);
      for (const path of filesOf(from)) if (found.atHead.has(path)) atHead.set(path, found.atHead.get(path)!);
    }
  }
  // A goal or segment renamed while these threads name the old id is held with them, and
  // so is a thread that names the new id already (valid on disk, not against HEAD).
  const definitions = head ? await holdDefinitionsLosingIds(state.root, model, errors, threads) : undefined;
  const heldAway = definitions ? threadsNamingHeldAwayIds(model, definitions, threads) : new Map<string, string>();
  if (heldAway.size > 0) {
    for (const [path, text] of await readAtHead(state.root, [...heldAway.keys()].flatMap(filesOf))) atHead.set(path, text);
    for (const thread of heldAway.keys()) threads.add(thread);
  }
  const paths = [...threads].flatMap(filesOf);
  const changes = new Map<string, string | null>();
  if (head) {
    const broken = state.brokenPaths();
    for (const path of paths) {
      // A broken file stays at the version its hold chose (its last valid one: HEAD's, or an older commit's when HEAD has it broken).
      if (broken.has(path)) continue;
      const committed = atHead.get(path) ?? null;
      if ((state.text(path) ?? null) !== committed) changes.set(path, committed);
    }
    for (const [path, committed] of definitions?.changes ?? []) if ((state.text(path) ?? null) !== committed) changes.set(path, committed);
  }
  const release = changes.size > 0 ? state.stage(changes) : () => undefined;
  // A nested folder is no thread: its error holds only the folder it was moved from.
  const held = [...threads].filter((thread) => model.threads.has(thread) || renamedTo.has(thread));
  // A thread held only for a broken file of its own: that file's own `derived-held` says so; a second warning at it would say it again.
  const brokenPaths = state.brokenPaths();
  const onlyBroken = (thread: string): boolean => !renamedTo.has(thread) && errors.filter((e) => e.path === thread || e.path.startsWith(`${thread}/`)).every((e) => brokenPaths.has(e.path));
  const warnedOf = new Map(
    held
      .sort()
      .filter((thread) => heldAway.has(thread) || !onlyBroken(thread))
      .map((thread) => [thread, heldAway.has(thread) ? heldAwayWarning(thread, heldAway.get(thread)!, inHead(thread)) : heldWarning(thread, errors, renamedTo.get(thread), inHead(thread))] as const),
  );
  const warnings = [...warnedOf.values()];
  const diagnostics = head ? [...warnings, ...goneFolderWarnings(renamedTo, atHead, warnedOf), ...(definitions?.diagnostics ?? [])] : [];
  const heldAwayWarnings = new Map([...heldAway].map(([thread, why]) => [thread, { why, warning: warnings.find((d) => d.path === `${thread}/meta.json`)! }]));
  return { threads, paths: [...paths, ...(definitions?.paths ?? [])], staged: changes.size > 0, diagnostics, heldAway: heldAwayWarnings, release };
}

/**
 * The threads in error, and each folder gone from disk that a thread in error came from,
 * with the folder it became: a folder renamed (its meta.json still names the old folder),
 * a folder moved into another family's folder (`thread-type-folder`: the same name under
 * threads/sales/, threads/sales/campaigns/ or threads/marketing/ — `moves`, kept only when
 * the thread is new to HEAD), or a thread folder nested in another (`thread-folder-nested`:
 * the folder it belongs at).
 */
function threadsInError(model: WorkspaceModel, errors: readonly Diagnostic[]): { threads: Set<string>; renamedTo: Map<string, string>; moves: Set<string> } {
  const threads = new Set<string>();
  const renamedTo = new Map<string, string>();
  const moves = new Set<string>();
  const cameFrom = (origin: string, folder: string, move: boolean): void => {
    if (model.threads.has(origin) || origin === folder) return;
    threads.add(origin);
    if (!renamedTo.has(origin)) renamedTo.set(origin, folder);
    if (move) moves.add(origin);
  };
  for (const error of errors) {
    if (error.rule === 'thread-folder-nested') {
      // Dragged out of its own family's folder, or another's (a deal dropped into a campaign's folder).
      const folder = error.path.slice(0, -'/meta.json'.length);
      for (const family of THREAD_FOLDERS) cameFrom(`${family}/${folder.slice(folder.lastIndexOf('/') + 1)}`, folder, false);
      continue;
    }
    // An error at a thread folder itself (it cannot be listed) is its thread's.
    const thread = threadOf(error.path.split('/'))?.thread ?? (model.threads.has(error.path) ? error.path : undefined);
    if (!thread) continue;
    threads.add(thread);
    const id = (model.threads.get(thread)?.meta?.value as { id?: unknown } | undefined)?.id;
    // A slug, as meta.json's schema wants it: never a path that leads out of the parent folder.
    if (typeof id !== 'string' || !slugSchema.safeParse(id).success) continue;
    const parent = thread.slice(0, thread.lastIndexOf('/'));
    // A folder renamed: the meta.json still names the old folder, gone from disk.
    if (id !== thread.slice(parent.length + 1)) cameFrom(`${parent}/${id}`, thread, false);
    // A folder moved into another family's folder: the same name, gone from its own.
    if (error.rule === 'thread-type-folder') for (const family of THREAD_FOLDERS) if (family !== parent) cameFrom(`${family}/${id}`, thread, true);
  }
  return { threads, renamedTo, moves };
}

/**
 * A Held line at each folder gone from disk that is held with the folder it became (renamed
 * or moved by hand, not committed): its warning is put on the new folder's error, so the
 * old folder's deleted files carried none and sync listed them as ones to commit by hand
 * (`git rm`) beside the line holding them. At the first file HEAD has of it, the way a goal
 * file renamed by hand has its deleted file's own Held line (held-definitions.ts).
 */
function goneFolderWarnings(renamedTo: ReadonlyMap<string, string>, atHead: ReadonlyMap<string, string>, warnedOf: ReadonlyMap<string, Diagnostic>): Diagnostic[] {
  return [...warnedOf].flatMap(([thread, warning]) => {
    const to = renamedTo.get(thread);
    const at = [`${thread}/meta.json`, ...STAGE_FILES.map((file) => `${thread}/${file}`)].find((path) => atHead.has(path));
    // renamedTo names only folders no thread is read from (threadsInError). The warning at the old folder already (no error of the new folder's to put it on) says so itself.
    if (to === undefined || at === undefined || warning.path.startsWith(`${thread}/`)) return [];
    const told = warning.path;
    const why = `Held: ${thread} is held at its version in HEAD, the deletion of its files not committed, while ${to}, the folder it was renamed or moved to, has an error (the Held line of ${told} says what releases it); the next sync commits the rename whole once it is fixed`;
    return [diagnostic(at, START, 'warning', 'derived-held', why)];
  });
}

function heldAwayWarning(thread: string, why: string, committed: boolean): Diagnostic {
  const held = committed ? `values derived from ${thread} are held at its version in HEAD` : `${thread} is left out of every derived value (HEAD has no version of it)`;
  return diagnostic(`${thread}/meta.json`, START, 'warning', 'derived-held', `Held: ${held}, because ${why}. It is released, and committed, with the rename once those files are fixed; threadwork will not commit its changes until then`);
}

function heldWarning(thread: string, errors: readonly Diagnostic[], renamedTo: string | undefined, committed: boolean): Diagnostic {
  const own = errors.find((e) => e.path.startsWith(`${thread}/`) || e.path === thread);
  // A folder gone from disk is held because of its new folder's error: the warning is put there, on a file that exists.
  const first = own ?? (renamedTo === undefined ? undefined : errors.find((e) => e.path.startsWith(`${renamedTo}/`)));
  const at = first ? first.path : `${thread}/meta.json`;
  const where = first ? `the error at ${first.path}:${first.line}:${first.column} (${first.rule})` : `an error`;
  const why = own || renamedTo === undefined ? where : `${where} in ${renamedTo}, the folder it was renamed or moved to`;
  // A thread HEAD has no file of (a folder new since, in error) is left out, not held at anything.
  const held = committed ? `values derived from ${thread} are held at its version in HEAD` : `${thread} is left out of every derived value (HEAD has no version of it)`;
  // At the error it names, as an editor shows it: at 1:1 it sat on a line that had nothing wrong.
  return diagnostic(at, first ? { line: first.line, column: first.column } : START, 'warning', 'derived-held', `Held: ${held}, because of ${why}. Fix it to release the hold; threadwork will not commit the thread's changes (deletions and renames included) while it has an error`);
}

/**
 * The error of each broken file of a thread (its meta.json or a stage: invalid JSON or
 * YAML, a schema error, a file saved half-way), as the thread-holding errors: the file is
 * held at its last valid version, and its thread with it, as for a cross-file error.
 * Otherwise the thread's other files were read as they are — a 1-input.md edit moved the
 * lead score, a 6-learning.md edit the confidences — and committed as triggers beside a
 * meta.json that could not be written: HEAD held values its own files do not give.
 */
export function brokenThreadFiles(diagnostics: readonly Diagnostic[], broken: ReadonlySet<string>, threads?: ReadonlyMap<string, unknown>): Diagnostic[] {
  // A thread folder that cannot be listed (`read`, at the folder itself): its files unknown, the thread held at HEAD.
  const unlisted = threads ? diagnostics.filter((d) => d.rule === 'read' && threads.has(d.path)) : [];
  if (broken.size === 0) return unlisted;
  const seen = new Set<string>();
  return [...unlisted, ...diagnostics.filter((d) => {
    if (d.severity !== 'error' || !broken.has(d.path) || seen.has(d.path)) return false;
    const kind = classifyPath(d.path).kind;
    if (kind !== 'thread-meta' && kind !== 'stage') return false;
    seen.add(d.path);
    return true;
  })];
}

/**
 * The errors that hold a thread a write goes into (into its meta.json, a stage, a draft
 * or a reply record), judged on `model`, the workspace as it would be: a file of the thread
 * that is broken (held at its last valid version) or a cross-file error (the whole thread
 * held at HEAD). A command that wrote into such a thread would read it as it is on disk
 * while every derived value counts it as held, and commit a file whose effects the
 * committed derived files do not show (a clone's sync would write them): it refuses
 * instead (engine/transaction.ts). Only the thread's meta.json and stage files count, as
 * for the hold itself, and a file named almost like a stage file (`stage-file-name`), which
 * holds the thread too; the first thread in error is named.
 */
export function errorsHoldingWrite(model: WorkspaceModel, paths: Iterable<string>, creates: ReadonlySet<string> = new Set()): { thread: string; errors: Diagnostic[] } | undefined {
  const threads = new Set<string>();
  for (const path of paths) {
    const kind = classifyPath(path);
    if ('thread' in kind && model.threads.has(kind.thread)) threads.add(kind.thread);
  }
  if (threads.size === 0) return undefined;
  const heldFile = (path: string): string | undefined => {
    const kind = classifyPath(path);
    return (kind.kind === 'thread-meta' || kind.kind === 'stage' || kind.kind === 'stage-misnamed') && threads.has(kind.thread) ? kind.thread : undefined;
  };
  // A copy beside a stage file (`stage-file-copy`) is a copy only because of the stage file
  // this very write creates: before it, the file was the thread's misnamed stage, in error —
  // `advance` would put a template beside the hypothesis the person wrote under a slip of a name.
  const own = model.diagnostics.flatMap((d) => (d.severity === 'error' && heldFile(d.path) ? [d] : d.rule === 'stage-file-copy' && heldFile(d.path) ? slipBeforeWrite(d.path, creates) : []));
  const crossFile = referenceErrors(model, new Locators((path) => model.text(path)), () => threads).diagnostics.filter((d) => heldFile(d.path));
  const errors = [...own, ...crossFile];
  if (errors.length === 0) return undefined;
  const thread = [...threads].sort().find((t) => errors.some((d) => heldFile(d.path) === t))!;
  return { thread, errors: errors.filter((d) => heldFile(d.path) === thread) };
}

/** The `stage-file-name` error a near-named file was before the write created its stage file, or nothing. */
function slipBeforeWrite(path: string, creates: ReadonlySet<string>): Diagnostic[] {
  const kind = classifyPath(path);
  if (kind.kind !== 'stage-misnamed' || !creates.has(`${kind.thread}/${kind.expected}`)) return [];
  return [misnamedStageDiagnostic(path, kind, false)];
}
