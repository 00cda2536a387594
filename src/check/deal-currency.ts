import type { RuleId } from '../diagnostics.js';
import { writtenCurrency } from '../schema/money.js';
import { currencyRemedy } from './currency-remedy.js';
import type { ThreadRecord } from '../workspace/model.js';

type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

/** A deal amount the figures add, with the currency written on it. */
export interface WrittenAmount {
  file: string;
  key: 'arr_potential' | 'arr';
  currency: string;
}

/** What each amount is left out of (derive/thread-facts.ts, inCurrency). */
const LEFT_OUT_OF: Record<WrittenAmount['key'], string> = {
  arr_potential: 'the pipeline value, the weighted pipeline, the goals\' forecasts and the deal\'s priority',
  arr: 'won ARR, MRR, the average deal size and the goals\' money figures',
};

/**
 * A deal's amounts that name a currency: Stage 3's `arr_potential`, a won deal's `arr` (on
 * another outcome no figure reads it). Read from the deal's own files, so it is kept with
 * the thread's other findings; which of them are in another currency than the workspace's
 * is asked at each check (`reportOtherCurrency`), as the currency is the canvas's.
 */
export function writtenAmounts(thread: ThreadRecord): WrittenAmount[] {
  if (thread.family !== 'deal') return [];
  const found: WrittenAmount[] = [];
  const implication = thread.stages[2];
  const potential = writtenCurrency((implication?.value as Record<string, unknown> | undefined)?.arr_potential);
  if (implication && potential) found.push({ file: implication.path, key: 'arr_potential', currency: potential });
  const learning = thread.stages[5];
  const data = learning?.value as Record<string, unknown> | undefined;
  const arr = data?.outcome === 'closed-won' ? writtenCurrency(data.arr) : undefined;
  if (learning && arr) found.push({ file: learning.path, key: 'arr', currency: arr });
  return found;
}

/** Each amount written in a currency other than the workspace's: a warning at its value, saying what it is left out of. */
export function reportOtherCurrency(amounts: readonly WrittenAmount[], currency: string, report: Report): void {
  for (const amount of amounts) {
    if (amount.currency === currency) continue;
    report(
      amount.file,
      [amount.key],
      'amount-other-currency',
      `\`${amount.key}\` is in ${amount.currency}, the workspace counts ${currency} (11-pricing \`currency\`): it is left out of ${LEFT_OUT_OF[amount.key]}, not added as if it were ${currency}. ${currencyRemedy(currency, amount.currency)}`,
      'warning',
    );
  }
}
