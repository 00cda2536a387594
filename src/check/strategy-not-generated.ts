import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { strategyPaths } from '../strategy/render.js';
import { canvasPath } from '../workspace/layout.js';
import { formatDataPath } from '../workspace/validate.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import type { Locators } from './locators.js';

/**
 * A segment with none of its strategy files while other segments have theirs: sync and
 * watch refresh only what `threadwork strategy` generated, so a segment added to the canvas
 * later has no ICP, narratives or sales materials until someone runs it — and nothing said
 * so. A workspace that generates no strategy at all is told nothing: that is its choice.
 * At the segment's `id` in the segments section.
 */
export function checkStrategyNotGenerated(model: WorkspaceModel, locators: Locators): Diagnostic[] {
  const path = canvasPath('04-segments');
  if (model.broken.has(path)) return [];
  const generated = (id: string): boolean => strategyPaths(id).some((file) => model.files.has(file));
  const segments = segmentsOf(model);
  const others = segments.filter((s) => generated(s.id)).map((s) => s.id);
  if (others.length === 0) return [];
  return segments.flatMap((segment, index) => {
    if (generated(segment.id)) return [];
    const shown = others.length > 2 ? `${others.slice(0, 2).join(', ')} and ${others.length - 2} more` : others.join(' and ');
    const message = `Segment ${segment.id} has no generated strategy files (ICP, narratives, sales materials), while ${shown} ${others.length === 1 ? 'has' : 'have'}: sync refreshes only generated ones. Run \`threadwork strategy ${segment.id}\``;
    const key = ['segments', index, 'id'];
    return [diagnostic(path, locators.at(path, key), 'warning', 'strategy-not-generated', message, formatDataPath(key))];
  });
}
