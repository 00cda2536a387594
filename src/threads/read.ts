import type { ThreadFacts } from '../derive/thread-facts.js';
import type { Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { STAGE_FILES, STAGES } from '../schema/stages.js';
import type { DerivedWorkspace } from '../derive/workspace.js';
import { bodyOffsetOf, parseFrontMatter, unreadableFrontMatter } from '../markdown/front-matter.js';
import { metaOf, stageOf, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import { stageVersion } from './stage-version.js';

export interface StageView {
  stage: number;
  name: string;
  file: string;
  exists: boolean;
  /** The parsed front matter as written (also when it has schema errors); null when the file is missing or unparseable. */
  frontMatter: Record<string, unknown> | null;
  /**
   * The front matter block as written, `---` lines included, when it does not parse (a YAML
   * error, a block never closed); null when it parses or there is no file. The diagnostics'
   * lines and columns are the file's, so they point into it: an agent repairs the block it is
   * shown, where `frontMatter` alone (null) left it nothing to repair.
   */
  unreadFrontMatter: string | null;
  /** Markdown after the front matter. */
  body: string | null;
  /** The file's version (a hash of its bytes), to give write_stage so that it refuses to write over a change made since; null when there is no file. */
  version: string | null;
  /** The JSON Schema this stage's front matter must satisfy (file name under the package's `schemas/`). */
  schema: string;
  /** What `check` reports for this stage file. */
  diagnostics: Diagnostic[];
}

export interface ThreadView {
  path: string;
  id: string;
  type: string;
  stage: number;
  meta: Record<string, unknown> | null;
  stages: StageView[];
  /** Values the engine derives from the thread's sources, as the next sync will write them; null when meta.json is invalid. */
  derived: ThreadFacts | null;
  /** Every problem `check` reports for the thread's files: its stage files, meta.json, a misnamed stage file, drafts and replies. */
  diagnostics: Diagnostic[];
  /**
   * Sync's `derived-held` warnings for what this thread's values follow from (the thread, the
   * canvas, the goals), each naming the error that holds it: `derived` is then the held
   * value, as sync counts it, while `meta` and `stages` are the files as written. [] when
   * nothing is held.
   */
  held: Diagnostic[];
}

const SCHEMA_PREFIX = { deal: 'deal', campaign: 'campaign', marketing: 'marketing' } as const;

/**
 * One thread as an agent needs to read it: meta, every stage's front matter and body, and
 * its derived values. `checked` is what `check` reports for the workspace as it is: the
 * thread's diagnostics are those of its files — not only the parse of each stage file, but
 * a stage file under a wrong name, a cross-file error, a draft's quality, as `check` says.
 */
export function readThread(model: WorkspaceModel, derived: DerivedWorkspace, threadPath: string, held: readonly Diagnostic[], checked: readonly Diagnostic[]): ThreadView {
  const thread = model.threads.get(threadPath);
  if (!thread) throw new ThreadworkError(`Unknown thread ${threadPath}`, 'unknown-thread');
  const meta = metaOf(thread);
  const diagnostics = checked.filter((d) => d.path.startsWith(`${thread.path}/`));
  const stages = STAGES.map((name, i) => stageView(model, thread, i, name, diagnostics));
  return {
    path: thread.path,
    id: meta?.id ?? thread.path.slice(thread.path.lastIndexOf('/') + 1),
    type: meta?.type ?? thread.family,
    stage: stageOf(thread),
    meta: thread.meta ? asWritten(model, thread.meta) : null,
    stages,
    derived: derived.threads.find((t) => t.path === thread.path) ?? null,
    diagnostics,
    held: [...held],
  };
}

function stageView(model: WorkspaceModel, thread: ThreadRecord, index: number, name: string, threadDiagnostics: readonly Diagnostic[]): StageView {
  const file = thread.stages[index];
  const view = { stage: index + 1, name, file: `${thread.path}/${STAGE_FILES[index]}`, schema: `${SCHEMA_PREFIX[thread.family]}-${index + 1}-${name}.schema.json` };
  if (!file) return unreadStage(model, view, threadDiagnostics);
  const diagnostics = threadDiagnostics.filter((d) => d.path === file.path);
  let text: string | undefined;
  try {
    text = model.text(file.path);
  } catch {
    // Vanished since the workspace was read: the front matter read then is still the best answer.
  }
  // The body is cut from the text as it is: a broken file's record is its last valid version
  // (held), whose front matter may end elsewhere — its offset cut a person's half-saved lines into the body.
  return { ...view, exists: true, frontMatter: asWritten(model, file), unreadFrontMatter: text === undefined ? null : unreadableFrontMatter(text), body: text === undefined ? null : text.slice(bodyOffsetOf(text)), version: text === undefined ? null : stageVersion(text), diagnostics };
}

/**
 * A stage derivation has no record of: missing, or on disk but never valid (derivation leaves
 * such a file out). The latter is shown as written — there, its body and its errors — so an
 * agent fixes it rather than writes the stage afresh over it.
 */
function unreadStage(model: WorkspaceModel, view: Pick<StageView, 'stage' | 'name' | 'file' | 'schema'>, threadDiagnostics: readonly Diagnostic[]): StageView {
  let text: string | undefined;
  try {
    text = model.text(view.file);
  } catch {
    // Unreadable: reported by check as its own error, listed below when it is there.
  }
  const diagnostics = threadDiagnostics.filter((d) => d.path === view.file);
  if (text === undefined && diagnostics.length === 0) return { ...view, exists: false, frontMatter: null, unreadFrontMatter: null, body: null, version: null, diagnostics: [] };
  const parsed = text === undefined ? undefined : parseFrontMatter(text);
  return { ...view, exists: true, frontMatter: parsed?.data ?? null, unreadFrontMatter: text === undefined ? null : unreadableFrontMatter(text), body: parsed ? text!.slice(parsed.bodyOffset) : null, version: text === undefined ? null : stageVersion(text), diagnostics };
}

/**
 * A file's data as written (no schema defaults filled in): kept by the parse only for a
 * file that fails its schema, read again from the text otherwise — one thread at a time.
 */
function asWritten(model: WorkspaceModel, file: ParsedFile): Record<string, unknown> | null {
  if (file.raw !== undefined) return file.raw as Record<string, unknown>;
  const text = model.text(file.path);
  if (text === undefined) return null;
  if (file.path.endsWith('.json')) {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    } catch {
      return null;
    }
  }
  return parseFrontMatter(text).data ?? null;
}
