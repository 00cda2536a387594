import type { RuleId } from '../diagnostics.js';
import type { CurrencyWritten, Goal } from '../schema/goal.js';
import { currencyRemedy } from './currency-remedy.js';

type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

/**
 * A goal's money figures written in another currency than the workspace's: a target of
 * `"€500k"` in a USD workspace was compared with the dollars the figures add, 42,000 of it
 * read as 8% of the way. goalsOf marks such a figure and the goal's state compares nothing
 * with it (derive/goals.ts); this says so at the value. A goal file that does not validate
 * (`goal` undefined) is left to its schema errors.
 */
export function checkGoalCurrency(path: string, goal: Goal | undefined, currency: string, report: Report): void {
  if (!goal) return;
  const look = (list: 'metrics' | 'subgoals', figures: readonly CurrencyWritten[], what: (i: number) => string, leftOutOf: (i: number) => string): void => {
    figures.forEach((figure, i) => {
      for (const [key, named] of Object.entries(figure.writtenCurrency ?? {})) {
        if (named === currency) continue;
        report(
          path,
          [list, i, key],
          'amount-other-currency',
          `\`${key}\` of ${what(i)} is in ${named}, the workspace counts ${currency} (11-pricing \`currency\`): no figure is compared with it, none being in ${named} — ${leftOutOf(i)}. ${currencyRemedy(currency, named)}`,
          'warning',
        );
      }
    });
  };
  look('metrics', goal.metrics, (i) => goal.metrics[i]!.name, (i) => `${goal.metrics[i]!.name} is left out of the goal's progress and forecast, and the goal is not achieved while it stands`);
  look('subgoals', goal.subgoals, (i) => `subgoal ${goal.subgoals[i]!.id}`, (i) => `subgoal ${goal.subgoals[i]!.id} is not completed by its value`);
}
