import { compareDiagnostics, diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { CANVAS_SECTIONS } from '../schema/canvas.js';
import { configSchema, type Config } from '../schema/config.js';
import { isMisnamedFile, threadFamilyOf, type MisnamedFileKind } from '../workspace/layout.js';
import { configValue, type ThreadChangeLog, type WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import { missingMetaMessage } from '../check/references.js';

const DEFAULT_CONFIG: Config = configSchema.parse({});
const noHash = (): undefined => undefined;

/**
 * A WorkspaceModel kept up to date one file at a time, so that a watch cycle does not
 * rebuild the indexes of 70,000 files to change one. It holds, per path, the version of
 * the file derivation uses (chosen by the state's broken-file policy) and the diagnostics
 * of the file as it is; everything else — canvas, goals, thread records, the config, the
 * diagnostics list — follows from those.
 */
export class LiveModel {
  readonly model: WorkspaceModel;
  private readonly threadDirs = new Set<string>();
  private readonly threadFiles = new Map<string, number>();
  private readonly perPath = new Map<string, Diagnostic[]>();
  private readonly misnamed = new Map<string, MisnamedFileKind>();
  private readonly misnamedGoals = new Map<string, string>();
  private readonly misnamedMetas = new Map<string, string>();
  private scanDiagnostics: Diagnostic[] = [];
  private held: Diagnostic[] = [];
  private diagnosticsList: Diagnostic[] | undefined;
  private readonly changes = new ThreadChanges();

  constructor(root: string, text: (path: string) => string | undefined, broken: ReadonlySet<string>, hashOf?: (path: string) => string | undefined) {
    const live: WorkspaceModel = {
      root,
      config: DEFAULT_CONFIG,
      files: new Map(),
      canvas: new Map(),
      goals: new Map(),
      misnamedGoals: this.misnamedGoals,
      misnamedMetas: this.misnamedMetas,
      threads: new Map(),
      diagnostics: [],
      text,
      // One shape for every model: a model without hashes answers none.
      hashOf: hashOf ?? noHash,
      broken,
      threadChanges: this.changes,
    };
    Object.defineProperty(live, 'diagnostics', { get: () => this.diagnostics(), enumerable: true });
    this.model = live;
  }

  /** Sets (or with undefined removes) the version of `path` derivation uses. */
  setFile(path: string, file: ParsedFile | undefined): void {
    const previous = this.model.files.get(path);
    if (previous === file) return;
    const kind = (file ?? previous)?.kind;
    if (file) this.model.files.set(path, file);
    else this.model.files.delete(path);
    if (!kind) return;
    if (kind.kind === 'config') this.model.config = configValue(file) ?? DEFAULT_CONFIG;
    else if (kind.kind === 'canvas') {
      if (file) this.model.canvas.set(kind.section, file);
      else this.model.canvas.delete(kind.section);
    } else if (kind.kind === 'goal') {
      if (file) this.model.goals.set(kind.id, file);
      else this.model.goals.delete(kind.id);
      // A goal file come or gone turns a misnamed one of its id from slip to copy, or back.
      if (this.misnamed.size > 0) this.diagnosticsList = undefined;
    } else if (kind.kind === 'thread-meta' || kind.kind === 'stage') {
      const count = (this.threadFiles.get(kind.thread) ?? 0) + (file ? (previous ? 0 : 1) : -1);
      if (count > 0) this.threadFiles.set(kind.thread, count);
      else this.threadFiles.delete(kind.thread);
      let thread = this.model.threads.get(kind.thread);
      if (!thread && file) {
        thread = { path: kind.thread, family: kind.family, meta: undefined, stages: new Array(6).fill(undefined) };
        this.model.threads.set(kind.thread, thread);
      }
      if (!thread) return;
      this.changes.record(kind.thread);
      if (kind.kind === 'thread-meta') thread.meta = file;
      else thread.stages[kind.stage - 1] = file;
      // A stage file or meta.json come or gone turns a near-named file beside it from copy to slip, or back.
      if (this.misnamed.size > 0) this.diagnosticsList = undefined;
      this.dropThreadIfEmpty(kind.thread);
    }
  }

  /** The diagnostics of `path` as it is (its own parse and schema problems). */
  setDiagnostics(path: string, list: readonly Diagnostic[], kind: ParsedFile['kind'] | undefined): void {
    // A misnamed file's diagnostic depends on whether the file it was meant to be is there (diagnostics()).
    if (isMisnamedFile(kind)) {
      this.misnamed.set(path, kind);
      if (kind.kind === 'goal-misnamed') this.misnamedGoals.set(kind.id, path);
      if (kind.kind === 'meta-misnamed' && !this.misnamedMetas.has(kind.thread)) this.misnamedMetas.set(kind.thread, path);
      this.diagnosticsList = undefined;
    } else if (this.misnamed.size > 0 && this.misnamed.has(path)) {
      const gone = this.misnamed.get(path)!;
      if (gone.kind === 'goal-misnamed' && this.misnamedGoals.get(gone.id) === path) this.misnamedGoals.delete(gone.id);
      if (gone.kind === 'meta-misnamed' && this.misnamedMetas.get(gone.thread) === path) this.misnamedMetas.delete(gone.thread);
      this.misnamed.delete(path);
      this.diagnosticsList = undefined;
    }
    const had = this.perPath.has(path);
    // Most files have none: no copy made (a load sets 70,000 files).
    const named = kind && nameDiagnostic(path, kind);
    if (!had && list.length === 0 && !named) return;
    const all = named ? [...list, named] : [...list];
    if (all.length) this.perPath.set(path, all);
    else this.perPath.delete(path);
    if (had || all.length) this.diagnosticsList = undefined;
  }

  setScanDiagnostics(list: Diagnostic[]): void {
    this.scanDiagnostics = list;
    this.diagnosticsList = undefined;
  }

  /** The `derived-held` warnings, one per broken file. */
  setHeld(list: Diagnostic[]): void {
    this.held = list;
    this.diagnosticsList = undefined;
  }

  private misnamedDiagnostic(path: string, kind: MisnamedFileKind): Diagnostic {
    if (kind.kind === 'stage-misnamed') return misnamedStageDiagnostic(path, kind, this.hasStage(kind.thread, kind.expected));
    if (kind.kind === 'meta-misnamed') return misnamedMetaDiagnostic(path, kind.thread, this.hasMeta(kind.thread));
    return misnamedGoalDiagnostic(path, kind.id, this.model.goals.has(kind.id));
  }

  /**
   * A deleted meta.json's stand-in error (engine/state.ts), naming the file beside it that is
   * the meta.json under another name, when there is one: the one message a person reads said
   * "missing" while `meta (1).json` was there. Made here, as the list is, so it follows the
   * file coming and going in any order.
   */
  private namingMisnamedMeta(d: Diagnostic): Diagnostic {
    if (d.rule !== 'thread-meta-missing' || this.misnamedMetas.size === 0) return d;
    const thread = d.path.slice(0, d.path.lastIndexOf('/'));
    const misnamed = this.misnamedMetas.get(thread);
    return misnamed ? Object.assign({}, d, { message: missingMetaMessage(thread, misnamed) }) : d;
  }

  /**
   * Whether the thread's meta.json is on disk, valid or not: not a stand-in for one deleted
   * (engine/state.ts holds its last valid version, with `thread-meta-missing`).
   */
  private hasMeta(thread: string): boolean {
    const own = this.perPath.get(`${thread}/meta.json`);
    if (own?.some((d) => d.rule === 'thread-meta-missing')) return false;
    return own !== undefined || this.model.threads.get(thread)?.meta !== undefined;
  }

  /** Whether the thread has a file (read, or held) of the stage file named `expected`. */
  private hasStage(thread: string, expected: string): boolean {
    return this.model.threads.get(thread)?.stages[Number(expected[0]) - 1] !== undefined;
  }

  addThreadDir(dir: string): void {
    if (this.threadDirs.has(dir)) return;
    this.threadDirs.add(dir);
    if (!this.model.threads.has(dir)) {
      const family = threadFamilyOf(dir);
      if (family) this.model.threads.set(dir, { path: dir, family, meta: undefined, stages: new Array(6).fill(undefined) });
      this.changes.record(dir);
    }
  }

  removeThreadDir(dir: string): void {
    if (!this.threadDirs.delete(dir)) return;
    this.dropThreadIfEmpty(dir);
  }

  hasThreadDir(dir: string): boolean {
    return this.threadDirs.has(dir);
  }

  threadDirList(): string[] {
    return [...this.threadDirs];
  }

  private dropThreadIfEmpty(dir: string): void {
    if (!this.threadDirs.has(dir) && !this.threadFiles.has(dir) && this.model.threads.delete(dir)) this.changes.record(dir);
  }

  private diagnostics(): Diagnostic[] {
    if (!this.diagnosticsList) {
      const own = [...this.perPath.values()].flat().map((d) => this.namingMisnamedMeta(d));
      for (const [path, kind] of this.misnamed) own.push(this.misnamedDiagnostic(path, kind));
      own.sort(compareDiagnostics);
      this.diagnosticsList = [...this.scanDiagnostics, ...own, ...this.held];
    }
    return this.diagnosticsList;
  }
}

/**
 * The thread paths changed, in order, the oldest forgotten past a bound: a watcher's
 * derivation reads the few changed since its last cycle (O(changes), where comparing every
 * thread's files cost 7 ms a cycle at 10,000 deals).
 */
class ThreadChanges implements ThreadChangeLog {
  private static readonly KEPT = 20_000;
  private log: string[] = [];
  /** How many changes were forgotten: `log[0]` is change number `base + 1`. */
  private base = 0;

  get seq(): number {
    return this.base + this.log.length;
  }

  record(path: string): void {
    if (this.log.length >= ThreadChanges.KEPT) {
      this.base += this.log.length / 2;
      this.log = this.log.slice(this.log.length / 2);
    }
    this.log.push(path);
  }

  since(seq: number): readonly string[] | undefined {
    if (seq < this.base || seq > this.seq) return undefined;
    return this.log.slice(seq - this.base);
  }
}

/** What a file's name alone earns it: a warning for a canvas file of no section. */
function nameDiagnostic(path: string, kind: ParsedFile['kind']): Diagnostic | undefined {
  if (kind.kind === 'canvas-unknown') return diagnostic(path, START, 'warning', 'canvas-unknown', `Unexpected canvas file \`${kind.name}.md\`: expected one of ${CANVAS_SECTIONS.join(', ')}`);
  return undefined;
}

/**
 * A thread file named almost like a stage file. When the thread has no file of that stage it
 * is a slip: an error, since the thread read without that stage is wrong (a won deal
 * reopened), and a thread in error is held until the file is renamed. When the stage file is
 * there beside it, it is a copy (`6-learning2.md`, `6-Learning.md` kept from an editor): the
 * thread is read right, and renaming the copy as told would overwrite the stage — a warning.
 */
export function misnamedStageDiagnostic(path: string, kind: { expected: string }, stageThere: boolean): Diagnostic {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (stageThere) {
    return diagnostic(path, START, 'warning', 'stage-file-copy', `Not a stage file name: \`${name}\` is ignored beside the thread's \`${kind.expected}\`, which is read; move what it holds into \`${kind.expected}\`, or rename it away from the stage's name if it is notes`);
  }
  return diagnostic(path, START, 'error', 'stage-file-name', `Not a stage file name: \`${name}\` is ignored, so nothing in it counts for the thread; expected \`${kind.expected}\` — rename it`);
}

/**
 * A thread file that is its meta.json under a name a desktop or an editor gave it (`meta (1).json`,
 * `meta.json.txt`, `Meta.json`). Without a meta.json it is why the thread has none
 * (`thread-meta-missing`, which never named the file there): an error saying to rename it.
 * Beside the meta.json, which is read, it is a copy: a warning, since renaming it would overwrite that file.
 */
export function misnamedMetaDiagnostic(path: string, thread: string, metaThere: boolean): Diagnostic {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (metaThere) {
    return diagnostic(path, START, 'warning', 'meta-file-name', `Not a meta.json name: \`${name}\` is ignored beside the thread's \`meta.json\`, which is read; move what it holds into \`meta.json\` by hand, or delete it`);
  }
  return diagnostic(path, START, 'error', 'meta-file-name', `Not a meta.json name: \`${name}\` is ignored, so thread ${thread} has no meta.json; expected \`meta.json\` — rename it`);
}

/**
 * A goal file saved under a name that is not `.md` (`g-x.md.txt`, `g-x.txt`). Without
 * `goals/g-x.md` the goal is not defined and each thread naming it is an `unknown-goal` error:
 * an error here saying to rename it. Beside `goals/g-x.md`, which is read, it is a copy: a warning.
 */
export function misnamedGoalDiagnostic(path: string, id: string, goalThere: boolean): Diagnostic {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (goalThere) {
    return diagnostic(path, START, 'warning', 'goal-file-name', `Not a goal file name: \`${name}\` is ignored beside \`${id}.md\`, which is read; move what it holds into \`${id}.md\` by hand, or delete it`);
  }
  return diagnostic(path, START, 'error', 'goal-file-name', `Not a goal file name: \`${name}\` is ignored, so goal \`${id}\` is not defined; expected \`${id}.md\` — rename it`);
}
