import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { metricTargetsSchema } from '../schema/canvas.js';
import { GOAL_METRICS } from '../schema/goal.js';
import { canvasPath } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import type { Locators } from './locators.js';

const TARGETS: readonly string[] = Object.keys(metricTargetsSchema.shape);

/**
 * A target 13-metrics does not show (`mrr: 20000`, a goal's metric) was taken and ignored:
 * no row of the table measures it and nothing said so. Warned at its key, with the targets
 * the file has and, for a goal's metric, where it can be targeted. A key written almost as
 * one of them (`win_rat:` with no `win_rate:`) is the file's `key-misspelt`, not said twice.
 */
export function checkMetricTargets(model: WorkspaceModel, locators: Locators): Diagnostic[] {
  const path = canvasPath('13-metrics');
  const file = model.canvas.get('13-metrics');
  const targets = (file?.value as { targets?: Record<string, unknown> } | undefined)?.targets;
  if (!file || !targets) return [];
  const misspelt = new Set(file.diagnostics.filter((d) => d.rule === 'key-misspelt').map((d) => d.field));
  return Object.keys(targets)
    .filter((key) => !TARGETS.includes(key) && !misspelt.has(`targets.${key}`))
    .map((key) => {
      const elsewhere = (GOAL_METRICS as readonly string[]).includes(key) ? `; a goal in goals/ can target \`${key}\`` : '';
      const message = `Unknown target \`${key}\`: 13-metrics shows targets for ${TARGETS.join(', ')} — \`${key}\` is measured by no row of its table, so it is ignored${elsewhere}`;
      return diagnostic(path, locators.key(path, ['targets', key]), 'warning', 'metric-target-unknown', message, `targets.${key}`);
    });
}
