import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { CANVAS_SECTIONS, type CanvasSection } from '../schema/canvas.js';
import { configSchema, type Config } from '../schema/config.js';
import { threadOf } from './layout.js';
import { configValue, type ThreadRecord, type WorkspaceModel } from './model.js';
import type { ParsedFile } from './parse-file.js';

/** Builds the indexes from parsed files. Pure: the engine's state decides which version of each file goes in. */
export function buildModel(
  root: string,
  files: Map<string, ParsedFile>,
  threadDirs: readonly string[],
  diagnostics: Diagnostic[],
  text: (path: string) => string | undefined,
  broken: ReadonlySet<string> = new Set(),
): WorkspaceModel {
  const canvas = new Map<CanvasSection, ParsedFile>();
  const goals = new Map<string, ParsedFile>();
  const threads = new Map<string, ThreadRecord>();
  for (const dir of threadDirs) {
    const family = threadOf([...dir.split('/'), 'meta.json'])?.family;
    if (family) threads.set(dir, { path: dir, family, meta: undefined, stages: new Array(6).fill(undefined) });
  }
  let config: Config = configSchema.parse({});
  for (const file of files.values()) {
    const kind = file.kind;
    if (kind.kind === 'config') config = configValue(file) ?? config;
    else if (kind.kind === 'canvas') canvas.set(kind.section, file);
    else if (kind.kind === 'canvas-unknown') {
      diagnostics.push(
        diagnostic(file.path, START, 'warning', 'canvas-unknown', `Unexpected canvas file \`${kind.name}.md\`: expected one of ${CANVAS_SECTIONS.join(', ')}`),
      );
    } else if (kind.kind === 'goal') goals.set(kind.id, file);
    else if (kind.kind === 'thread-meta' || kind.kind === 'stage') {
      let thread = threads.get(kind.thread);
      if (!thread) {
        thread = { path: kind.thread, family: kind.family, meta: undefined, stages: new Array(6).fill(undefined) };
        threads.set(kind.thread, thread);
      }
      if (kind.kind === 'thread-meta') thread.meta = file;
      else thread.stages[kind.stage - 1] = file;
    }
  }
  return { root, config, files, canvas, goals, threads, diagnostics, text, broken };
}
