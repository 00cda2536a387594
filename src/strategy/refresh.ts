import { diagnostic, START, type Diagnostic, type Position } from '../diagnostics.js';
import type { AssumptionState } from '../derive/assumptions.js';
import { CANVAS_SECTIONS, type CanvasSection } from '../schema/canvas.js';
import { canvasPath } from '../workspace/layout.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import { guardWrites, type GuardedFile, type GuardedPlan } from './guard.js';
import { renderSegmentStrategy, strategyPaths } from './render.js';
import type { MissingInput } from './context.js';

export function readCanvasTexts(readText: (path: string) => string | undefined): Map<CanvasSection, string> {
  const texts = new Map<CanvasSection, string>();
  for (const section of CANVAS_SECTIONS) {
    // A missing section is reported by check; the context says what to fill in.
    const text = readText(canvasPath(section));
    if (text !== undefined) texts.set(section, text);
  }
  return texts;
}

export interface StrategyPlan extends GuardedPlan {
  segments: { id: string; missing: MissingInput[] }[];
  diagnostics: Diagnostic[];
}

/**
 * Renders the strategy of the chosen segments (all by default) and decides what may be
 * written. A template error for one segment is a diagnostic; the other segments go on.
 */
export function planStrategy(
  model: WorkspaceModel,
  assumptions: readonly AssumptionState[],
  readText: (path: string) => string | undefined,
  options: { segments?: readonly string[]; force?: boolean; onlyExisting?: boolean } = {},
): StrategyPlan {
  const plan: StrategyPlan = { writes: [], files: [], segments: [], diagnostics: [] };
  const texts = readCanvasTexts(readText);
  for (const segment of segmentsOf(model)) {
    if (options.segments && !options.segments.includes(segment.id)) continue;
    // Sync and watch only refresh what `threadwork strategy` generated before: no rendering otherwise.
    if (options.onlyExisting && strategyPaths(segment.id).every((path) => readText(path) === undefined)) continue;
    try {
      const strategy = renderSegmentStrategy(model, segment, texts, assumptions);
      const guarded = guardWrites(strategy.outputs, readText, options);
      if (options.onlyExisting && guarded.files.every((f) => f.action === 'skipped-missing')) continue;
      plan.writes.push(...guarded.writes);
      plan.files.push(...guarded.files.filter((f) => f.action !== 'skipped-missing'));
      plan.segments.push({ id: segment.id, missing: strategy.missing });
    } catch (error) {
      plan.diagnostics.push(renderErrorDiagnostic(segment.id, error));
    }
  }
  plan.diagnostics.push(...staleDiagnostics(plan.files));
  return plan;
}

/** A segment whose strategy cannot be rendered (a broken template override): the same words from sync and `check`. */
export function renderErrorDiagnostic(segmentId: string, error: unknown): Diagnostic {
  return diagnostic(canvasPath('04-segments'), START, 'error', 'strategy-render', `Cannot generate the strategy of segment ${segmentId}: ${error instanceof Error ? error.message : String(error)}`);
}

export function staleDiagnostics(files: readonly GuardedFile[]): Diagnostic[] {
  return files
    .filter((f) => f.stale)
    .map((f) => diagnostic(f.path, START, 'warning', 'strategy-stale', 'Edited by hand and now behind the canvas: kept as it is. Merge the changes yourself, or run `threadwork strategy --force` to regenerate it'));
}

/**
 * check's warnings: what the canvas lacks for segments whose strategy has been generated,
 * at the file to fill it in. Not for a file that is itself in error (`broken`): an emptied
 * or unparsable config already says so, and its company name is not missing but unread.
 * `place` says where in the file (check locates the key, or the section's prose).
 */
export function missingInputDiagnostics(missing: readonly MissingInput[], broken: (path: string) => boolean = () => false, place: (input: MissingInput) => { at: Position; field?: string } = () => ({ at: START })): Diagnostic[] {
  const seen = new Set<string>();
  return missing.flatMap((m) => {
    const key = `${m.path}\0${m.key}`;
    if (seen.has(key) || broken(m.path)) return [];
    seen.add(key);
    const { at, field } = place(m);
    return [diagnostic(m.path, at, 'warning', 'strategy-input-missing', `${m.message} (the generated sales files say so where it is needed)`, field)];
  });
}
