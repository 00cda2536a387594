import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { metricTargetsSchema } from '../schema/canvas.js';
import { GOAL_METRICS } from '../schema/goal.js';
import { canvasPath } from '../workspace/layout.js';
import { metricTargetsOf, workspaceCurrency, type WorkspaceModel } from '../workspace/model.js';
import { currencyRemedy } from './currency-remedy.js';
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
  const unknown = Object.keys(targets)
    .filter((key) => key !== 'writtenCurrency' && !TARGETS.includes(key) && !misspelt.has(`targets.${key}`))
    .map((key) => {
      const elsewhere = (GOAL_METRICS as readonly string[]).includes(key) ? `; a goal in goals/ can target \`${key}\`` : '';
      const message = `Unknown target \`${key}\`: 13-metrics shows targets for ${TARGETS.join(', ')} — \`${key}\` is measured by no row of its table, so it is ignored${elsewhere}`;
      return diagnostic(path, locators.key(path, ['targets', key]), 'warning', 'metric-target-unknown', message, `targets.${key}`);
    });
  return [...unknown, ...otherCurrencyTargets(model, path, locators)];
}

/**
 * A money target in another currency than the workspace's (`won_arr: "€500k"` in a USD
 * workspace): read as 500,000, it was shown and compared as dollars. metricTargetsOf leaves
 * it out of every comparison; this says so at its value.
 */
function otherCurrencyTargets(model: WorkspaceModel, path: string, locators: Locators): Diagnostic[] {
  const { otherCurrency } = metricTargetsOf(model);
  if (otherCurrency.length === 0) return [];
  const currency = workspaceCurrency(model);
  return otherCurrency.map(({ key, currency: named }) => {
    const message = `Target \`${key}\` is in ${named}, the workspace counts ${currency} (11-pricing \`currency\`): it is shown as no target and no figure is compared with it, none being in ${named}. ${currencyRemedy(currency, named)}`;
    return diagnostic(path, locators.range(path, ['targets', key]), 'warning', 'amount-other-currency', message, `targets.${key}`);
  });
}
