import { diagnostic, START, type Diagnostic, type Position } from '../diagnostics.js';
import type { AssumptionState } from '../derive/assumptions.js';
import { CANVAS_SECTIONS, type CanvasSection } from '../schema/canvas.js';
import { canvasPath } from '../workspace/layout.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import { guardWrites, type GuardedFile, type GuardedPlan } from './guard.js';
import { decideFromHashes, remember, renderKey, type RenderMemo } from './render-memo.js';
import { renderInputs, segmentStrategyInputs, strategyPaths } from './render.js';
import type { MissingInput } from './context.js';
import type { UnmergedFiles } from '../markdown/conflict-markers.js';

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
  options: { segments?: readonly string[]; force?: boolean; onlyExisting?: boolean; memo?: RenderMemo | undefined; unmerged?: UnmergedFiles | undefined } = {},
): StrategyPlan {
  const plan: StrategyPlan = { writes: [], files: [], segments: [], diagnostics: [] };
  const texts = readCanvasTexts(readText);
  // What a segment rendered to before decides alone while nothing it is rendered from changed (render-memo.ts): sync's refresh only.
  const memo = options.onlyExisting && !options.force ? options.memo : undefined;
  for (const segment of segmentsOf(model)) {
    if (options.segments && !options.segments.includes(segment.id)) continue;
    // Sync and watch only refresh what `threadwork strategy` generated before: no rendering otherwise.
    const paths = strategyPaths(segment.id);
    if (options.onlyExisting && paths.every((path) => readText(path) === undefined)) continue;
    try {
      const inputs = segmentStrategyInputs(model, segment, texts, assumptions);
      const key = memo && renderKey(memo, [inputs.context, inputs.icp, inputs.templates]);
      const known = key === undefined ? undefined : memo!.segments.get(segment.id);
      const decided = known && known.key === key ? decideFromHashes(paths, known.hashes, readText, options.unmerged) : undefined;
      if (decided) {
        if (decided.every((f) => f.action === 'skipped-missing')) continue;
        plan.files.push(...decided.filter((f) => f.action !== 'skipped-missing'));
        plan.segments.push({ id: segment.id, missing: inputs.context.missing });
        continue;
      }
      const strategy = renderInputs(inputs);
      if (memo && key !== undefined) remember(memo, segment.id, key, strategy.outputs);
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
  return files.flatMap((f) => {
    if (f.strayMarker !== undefined && f.conflictLine !== undefined) {
      const { column, marker } = f.strayMarker;
      return [
        diagnostic(f.path, { line: f.conflictLine, column }, 'warning', 'strategy-stale',
          `Git's marker \`${marker}\` (line ${f.conflictLine}) is still in this generated file without the rest of its conflict — resolved part-way: kept as it is. Delete this line and check that the lines around it hold the version you want, not both, or run \`threadwork strategy --force\` to regenerate it`),
      ];
    }
    if (f.conflictLine !== undefined) {
      return [
        diagnostic(f.path, { line: f.conflictLine, column: 1 }, 'warning', 'strategy-stale',
          "Git's conflict markers are still in this generated file (from line " + f.conflictLine + '), and a side of the merge may hold a hand edit: kept as it is. Keep the lines you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, or run `threadwork strategy --force` to regenerate it'),
      ];
    }
    return f.stale ? [diagnostic(f.path, START, 'warning', 'strategy-stale', 'Edited by hand and now behind the canvas: kept as it is. Merge the changes yourself, or run `threadwork strategy --force` to regenerate it')] : [];
  });
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
