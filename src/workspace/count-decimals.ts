import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locator } from '../markdown/locate.js';
import { COUNT_METRICS, wholeCountMessage } from '../schema/goal.js';
import { DOTTED_THOUSANDS } from '../schema/money.js';
import { formatDataPath } from './validate.js';

type Data = Record<string, unknown>;

/** The files that hold counts: a goal (its metrics and subgoals) and 13-metrics (its targets). */
export type CountsIn = 'goal' | 'metrics-targets';

/** Each count `raw` holds as a whole number, where it is and which metric it counts. */
function wholeCounts(raw: unknown, countsIn: CountsIn): { at: PropertyKey[]; metric: string }[] {
  const figures: { at: PropertyKey[]; metric: string }[] = [];
  if (countsIn === 'metrics-targets') {
    // 13-metrics's targets are keyed by metric: `pipeline_count: 12.000`.
    const targets = (raw as Data | undefined)?.targets;
    if (targets !== null && typeof targets === 'object') for (const [metric, figure] of Object.entries(targets)) if (COUNT_METRICS.has(metric) && Number.isInteger(figure)) figures.push({ at: ['targets', metric], metric });
    return figures;
  }
  const look = (list: unknown, metricKey: string, keys: readonly string[], at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((item: Data | null, i) => {
      const metric = String(item?.[metricKey]);
      if (!COUNT_METRICS.has(metric)) return;
      for (const key of keys) if (Number.isInteger(item?.[key])) figures.push({ at: [at, i, key], metric });
    });
  };
  look((raw as Data | undefined)?.metrics, 'name', ['target', 'baseline'], 'metrics');
  look((raw as Data | undefined)?.subgoals, 'metric', ['target'], 'subgoals');
  return figures;
}

/**
 * A count written with a decimal point: `target: 12.000` (or `12.0`) is YAML's number 12
 * before the schema sees it, a whole number, so the schema's whole-number rule passes it.
 * It reads two ways — 12, or 12,000 with a dot between thousands — as an unquoted `36.000`
 * does where money is meant (dotted-thousands.ts), which is an error: so is this, at the
 * value, said as a count of 2.5 is (schema/goal.ts, schema/canvas.ts). Only a valid file is
 * looked at, and located (parsed a second time) only when it has a count: goals are few,
 * 13-metrics is one file.
 */
function countsWrittenAsDecimals(path: string, raw: unknown, countsIn: CountsIn, makeLocator: () => Locator): Diagnostic[] {
  const figures = wholeCounts(raw, countsIn);
  if (figures.length === 0) return [];
  const locator = makeLocator();
  return figures.flatMap(({ at, metric }) => {
    const written = locator.writtenAt(at);
    if (written === undefined || !/[.eE]/.test(written)) return [];
    const field = formatDataPath(at);
    // `12.000` may be twelve thousand with a dot between thousands; `12.0` is only a float.
    const meant = DOTTED_THOUSANDS.test(written) ? `, or ${written.replaceAll('.', '')} with a dot between thousands` : '';
    const message = `${wholeCountMessage(metric)}, written without a decimal point: ${written} is read as ${Number(written)}${meant}`;
    return [diagnostic(path, locator.locateRange(at), 'error', 'schema', `Invalid \`${field}\`: ${message} (got ${written})`, field)];
  });
}

/** A validation with its counts written as decimals added: its value dropped when there is one, as for any schema error. */
export function withCountDecimals<T>(validated: { value: T | undefined; diagnostics: Diagnostic[] }, path: string, raw: unknown, countsIn: CountsIn, makeLocator: () => Locator): { value: T | undefined; diagnostics: Diagnostic[] } {
  if (validated.value === undefined) return validated;
  const found = countsWrittenAsDecimals(path, raw, countsIn, makeLocator);
  return found.length === 0 ? validated : { value: undefined, diagnostics: [...validated.diagnostics, ...found] };
}
