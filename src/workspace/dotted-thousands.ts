import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { YamlLocator } from '../markdown/locate.js';
import { moneyProblems } from '../schema/money.js';
import { formatDataPath } from './validate.js';

/** A deal's money, by stage: what the pipeline, won ARR and the ICP score count. */
const DEAL_MONEY: Readonly<Record<number, readonly (readonly string[])[]>> = {
  1: [['company', 'revenue'], ['company', 'revenue', 'min'], ['company', 'revenue', 'max']],
  3: [['arr_potential'], ['arr_potential', 'min'], ['arr_potential', 'max']],
  6: [['arr']],
};

/** One to three digits, then groups of a dot and three digits: how much of Europe writes 36000. */
const DOTTED_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;

/**
 * A deal's amount written without quotes as `36.000` is YAML's number 36 before threadwork
 * sees it: the pipeline counted 36 where 36,000 was meant, with nothing said, while the
 * same text in quotes is refused as reading two ways (schema/money.ts). The same error
 * here, at the value. Only a number under 1000 can be such a slip, so a file is located
 * (parsed a second time) only when it holds one.
 */
export function dottedThousandsProblems(path: string, stage: number, value: unknown, makeLocator: () => YamlLocator): Diagnostic[] {
  const suspects = (DEAL_MONEY[stage] ?? []).filter((at) => {
    const amount = at.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
    return typeof amount === 'number' && amount > 0 && amount < 1000;
  });
  if (suspects.length === 0) return [];
  const locator = makeLocator();
  return suspects.flatMap((at) => {
    const written = locator.writtenAt(at);
    if (written === undefined || !DOTTED_THOUSANDS.test(written)) return [];
    const problem = moneyProblems(written)[0];
    if (!problem) return [];
    const field = formatDataPath(at);
    return [diagnostic(path, locator.locateRange(at), 'error', 'schema', `Invalid \`${field}\`: ${problem.message} (got ${written})`, field)];
  });
}
