import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { CANVAS_SECTIONS, type CanvasSection } from '../schema/canvas.js';
import { configSchema, type Config } from '../schema/config.js';
import { classifyPath, threadOf } from './layout.js';
import type { ThreadRecord, WorkspaceModel } from './model.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import { forEachFile } from './read-files.js';
import { scanWorkspace } from './scan.js';

export interface LoadOptions {
  /** Which thread folders to read; all by default. Commands that touch one thread read only that one. */
  includeThread?: (dir: string) => boolean;
}

/**
 * Reads and validates the whole workspace in one pass. Never throws for bad content:
 * every problem becomes a diagnostic and the rest of the workspace is still loaded.
 */
export async function loadWorkspace(root: string, options: LoadOptions = {}): Promise<WorkspaceModel> {
  const { files: paths, threadDirs } = scanWorkspace(root, options.includeThread);
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, ParsedFile>();
  await forEachFile(root, paths, (outcome) => {
    if ('error' in outcome) {
      diagnostics.push(diagnostic(outcome.path, START, 'error', 'read', `Cannot read file: ${outcome.error.code ?? outcome.error.message}`));
      return;
    }
    const parsed = parseFile(outcome.path, classifyPath(outcome.path), outcome.text);
    files.set(outcome.path, parsed);
    diagnostics.push(...parsed.diagnostics);
  });
  return buildModel(root, files, threadDirs, diagnostics);
}

/** Builds the indexes from parsed files. Separate from reading so watch mode can update files one at a time. */
export function buildModel(
  root: string,
  files: Map<string, ParsedFile>,
  threadDirs: readonly string[],
  diagnostics: Diagnostic[],
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
    if (kind.kind === 'config' && file.value) config = file.value as Config;
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
  return { root, config, files, canvas, goals, threads, diagnostics };
}
