import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { bodyOffsetOf } from '../markdown/front-matter.js';
import { findManagedBlocks, loadMarkdownParser, markdownParserLoaded, markersOnOwnLines, type MarkerProblem } from '../markdown/managed-blocks.js';
import { derivedBlockNames } from '../workspace/derived-block-conflict.js';
import type { FileKind } from '../workspace/layout.js';
import { metaOf, type WorkspaceModel } from '../workspace/model.js';

/** A file sync writes managed blocks into, and the names of its blocks there (engine/sync-plan.ts). */
interface BlockFile {
  path: string;
  names: readonly string[];
}

/** The `managed-block` error of a damaged marker: the same words from `check` and from the sync that leaves the file alone. */
export function markerDiagnostic(path: string, problem: MarkerProblem): Diagnostic {
  return diagnostic(path, problem.position, 'error', 'managed-block', `${problem.message}. The file is left as it is.`);
}

/**
 * The damaged markers of the blocks sync writes, in every file it writes them into: what the
 * next sync would refuse to touch, told by `check` before it. Only the engine's own blocks
 * of each file count, as for sync: a marker of another name is no block of the engine's.
 */
export function checkManagedBlocks(model: WorkspaceModel, inScope: (thread: string) => boolean): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const file of blockFiles(model, inScope)) {
    const text = model.text(file.path);
    if (text === undefined || !text.includes('threadwork:')) continue;
    for (const problem of findManagedBlocks(text, bodyOffsetOf(text)).problems) {
      if (file.names.includes(problem.name)) found.push(markerDiagnostic(file.path, problem));
    }
  }
  return found;
}

/**
 * Loads remark when a block file's markers can only be found by parsing it (a code fence
 * in its body, a marker not on a line of its own): `checkModel` is synchronous, and its
 * callers call this first.
 */
export async function loadParserForBlocks(model: WorkspaceModel): Promise<void> {
  // Each block file's text is read from disk to decide: nothing to decide once remark is loaded.
  if (markdownParserLoaded()) return;
  for (const file of blockFiles(model, () => true)) {
    const text = model.text(file.path);
    if (text === undefined || !text.includes('threadwork:')) continue;
    const bodyOffset = bodyOffsetOf(text);
    if (markersOnOwnLines(text.slice(bodyOffset), bodyOffset) === undefined) return loadMarkdownParser();
  }
}

function blockFiles(model: WorkspaceModel, inScope: (thread: string) => boolean): BlockFile[] {
  const files: BlockFile[] = [];
  const add = (file: { path: string; kind: FileKind } | undefined): void => {
    if (file) files.push({ path: file.path, names: derivedBlockNames(file.kind) });
  };
  add(model.canvas.get('10-assumptions'));
  add(model.canvas.get('13-metrics'));
  for (const goal of model.goals.values()) add(goal);
  for (const thread of model.threads.values()) {
    const learning = thread.stages[5];
    if (learning && metaOf(thread)?.type === 'sales-campaign' && inScope(thread.path)) add(learning);
  }
  return files;
}
