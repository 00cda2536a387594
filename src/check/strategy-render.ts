import type { Diagnostic } from '../diagnostics.js';
import { deriveAssumptions } from '../derive/assumptions.js';
import { readCanvasTexts, renderErrorDiagnostic } from '../strategy/refresh.js';
import { renderSegmentStrategy, strategyPaths } from '../strategy/render.js';
import { hasOverridesIn, workspaceTemplatesDir } from '../templates/render.js';
import { LAYOUT } from '../workspace/layout.js';
import { assumptionsOf, segmentsOf, type WorkspaceModel } from '../workspace/model.js';

/**
 * The segments whose generated strategy the next sync could not render: it reports
 * `strategy-render` and leaves their files as they are. The built-in templates render
 * whatever the canvas holds (their tests say so); an override may not — an unclosed
 * `{{#if}}`, a variable the context lacks — so the segments sync refreshes (those with a
 * generated file) are rendered only when the workspace overrides a strategy template.
 * Rendered with the canvas's assumptions at their priors: the evidence of the threads
 * changes their values, not which there are, and deriving every thread is not check's job.
 */
export function checkStrategyTemplates(model: WorkspaceModel): Diagnostic[] {
  if (!hasOverridesIn(workspaceTemplatesDir(model.root, model.config.templates_dir), 'strategy')) return [];
  // As sync: while a file the strategy is generated from is broken, it is held, not rendered.
  if ([...model.broken].some((p) => p.startsWith(`${LAYOUT.canvas}/`) || p.startsWith(`${LAYOUT.icp}/`) || p === LAYOUT.config)) return [];
  const text = (path: string): string | undefined => model.text(path);
  const texts = readCanvasTexts(text);
  const assumptions = deriveAssumptions(assumptionsOf(model), [], model.config);
  const found: Diagnostic[] = [];
  for (const segment of segmentsOf(model)) {
    if (strategyPaths(segment.id).every((path) => text(path) === undefined)) continue;
    try {
      renderSegmentStrategy(model, segment, texts, assumptions);
    } catch (error) {
      found.push(renderErrorDiagnostic(segment.id, error));
    }
  }
  return found;
}
