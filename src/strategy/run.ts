import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { commitPaths, type CommitOutcome } from '../git/commit.js';
import { deriveWorkspace } from '../sync/derive-all.js';
import { loadWorkspace } from '../workspace/load.js';
import { segmentsOf } from '../workspace/model.js';
import { writeFileIfChanged } from '../workspace/write.js';
import type { MissingInput } from './context.js';
import type { GuardedFile } from './guard.js';
import { planStrategy } from './refresh.js';

export interface StrategyOptions {
  /** Segment ids; all segments when empty. */
  segments?: string[];
  /** Overwrite files edited by hand. */
  force?: boolean;
  commit?: boolean;
}

export interface StrategyResult {
  segments: { id: string; missing: MissingInput[] }[];
  files: GuardedFile[];
  written: string[];
  diagnostics: Diagnostic[];
  commit: CommitOutcome | null;
}

/** `threadwork strategy`: ICP, narratives and materials per segment, guarded against overwriting hand edits. */
export async function runStrategy(root: string, options: StrategyOptions = {}): Promise<StrategyResult> {
  const model = await loadWorkspace(root);
  const known = segmentsOf(model).map((s) => s.id);
  const unknown = (options.segments ?? []).filter((s) => !known.includes(s));
  if (unknown.length) {
    throw new ThreadworkError(`Unknown segment ${unknown.map((s) => JSON.stringify(s)).join(', ')}: expected ${known.length ? `one of ${known.join(', ')}` : 'a segment in strategy/canvas/04-segments.md (none are defined)'}`, 'unknown-segment', { known });
  }
  const derived = deriveWorkspace(model);
  const plan = planStrategy(model, derived.assumptions, (path) => readOrUndefined(root, path), {
    ...(options.segments?.length ? { segments: options.segments } : {}),
    force: options.force === true,
  });
  const written = plan.writes.filter((w) => writeFileIfChanged(root, w.path, w.after)).map((w) => w.path);
  let commit: CommitOutcome | null = null;
  if (written.length && options.commit !== false && model.config.git.commit) {
    const ids = plan.segments.map((s) => s.id);
    const body = plan.files.filter((f) => written.includes(f.path)).map((f) => `${f.action} ${f.path}`);
    const message = [`threadwork: strategy ${ids.join(', ')}`, '', ...body, '', ...ids.map((id) => `Threadwork-Segment: ${id}`)].join('\n');
    commit = await commitPaths({ cwd: root, paths: written, message, author: model.config.git.author });
  }
  return { segments: plan.segments, files: plan.files, written, diagnostics: plan.diagnostics, commit };
}

function readOrUndefined(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
