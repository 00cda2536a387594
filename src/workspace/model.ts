import type { Diagnostic } from '../diagnostics.js';
import type { Assumption, CanvasSection, Segment } from '../schema/canvas.js';
import type { Config } from '../schema/config.js';
import type { Goal } from '../schema/goal.js';
import type { ThreadMeta } from '../schema/meta.js';
import type { ThreadFamily } from './layout.js';
import type { ParsedFile } from './parse-file.js';

export interface ThreadRecord {
  /** Folder path relative to the workspace root, e.g. `threads/sales/acme-corp`. */
  path: string;
  family: ThreadFamily;
  meta: ParsedFile | undefined;
  /** Index 0 is `1-input.md`; undefined where the stage file does not exist. */
  stages: (ParsedFile | undefined)[];
}

/** Everything read from a workspace: the parsed files and the indexes built from them. */
export interface WorkspaceModel {
  root: string;
  config: Config;
  files: Map<string, ParsedFile>;
  canvas: Map<CanvasSection, ParsedFile>;
  goals: Map<string, ParsedFile>;
  threads: Map<string, ThreadRecord>;
  /** Diagnostics found while reading (I/O errors, syntax, schema). */
  diagnostics: Diagnostic[];
  /** A file's text as the engine sees it: what a write in flight is about to put there, else the disk. */
  text(path: string): string | undefined;
  /** Files whose current version cannot be read or does not validate (see engine/state.ts). */
  broken: ReadonlySet<string>;
}

export function segmentsOf(model: WorkspaceModel): Segment[] {
  const value = model.canvas.get('04-segments')?.value as { segments?: Segment[] } | undefined;
  return value?.segments ?? [];
}

export function assumptionsOf(model: WorkspaceModel): Assumption[] {
  const value = model.canvas.get('10-assumptions')?.value as { assumptions?: Assumption[] } | undefined;
  return value?.assumptions ?? [];
}

export function goalsOf(model: WorkspaceModel): Goal[] {
  return [...model.goals.values()].flatMap((file) => (file.value ? [file.value as Goal] : []));
}

export function metaOf(thread: ThreadRecord): ThreadMeta | undefined {
  return thread.meta?.value as ThreadMeta | undefined;
}

/** A thread's stage is its highest stage file present. */
export function stageOf(thread: ThreadRecord): number {
  for (let i = thread.stages.length - 1; i >= 0; i--) if (thread.stages[i]) return i + 1;
  return 0;
}
