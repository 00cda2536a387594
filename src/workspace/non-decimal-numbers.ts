import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Locator } from '../markdown/locate.js';
import { formatDataPath } from './validate.js';

/** YAML 1.2 core's other bases (markdown/core-scalars.ts): `0x10` is read as 16, `0o20` as 16. */
const NON_DECIMAL = /^0([xo])[0-9a-fA-F]+$/;
/** A cheap look at the text first: a file with no `0x` or `0o` after a key, a dash or a bracket is passed over at once. */
const MAY_HOLD_ONE = /(?:^|[\s:[,{-])0[xo][0-9a-fA-F]/m;

/**
 * A number written in hexadecimal or octal: `resource_cost_hours: 0x10` is YAML's 16 before
 * the schema sees it, a whole number every integer field takes. No figure a workspace keeps
 * (hours, touches, counts, targets, amounts) is written in another base on purpose: it is a
 * slip (a pasted id, an editor's value), and 16 read for it silently moves scores, plans
 * and goals. One rule for every number in every file: an error at the value, which is
 * dropped as for any schema error. Located (parsed a second time) only when the text holds
 * such a scalar.
 */
function nonDecimalNumbers(path: string, yamlText: string, raw: unknown, makeLocator: () => Locator): Diagnostic[] {
  if (!MAY_HOLD_ONE.test(yamlText)) return [];
  const numbers: PropertyKey[][] = [];
  collectNumbers(raw, [], numbers);
  if (numbers.length === 0) return [];
  const locator = makeLocator();
  return numbers.flatMap((at) => {
    const written = locator.writtenAt(at);
    const base = written === undefined ? undefined : NON_DECIMAL.exec(written)?.[1];
    if (written === undefined || base === undefined) return [];
    const field = formatDataPath(at);
    const read = Number(written);
    const message = `expected a number written in decimal: ${written} is ${base === 'x' ? 'hexadecimal' : 'octal'}, read as ${read} (write ${read}, or quote it if it is not a number)`;
    return [diagnostic(path, locator.locateRange(at), 'error', 'schema', `Invalid \`${field}\`: ${message} (got ${written})`, field)];
  });
}

/** The paths in `raw` of every number. */
function collectNumbers(raw: unknown, path: PropertyKey[], found: PropertyKey[][]): void {
  if (typeof raw === 'number') found.push(path);
  else if (Array.isArray(raw)) raw.forEach((item, index) => collectNumbers(item, [...path, index], found));
  else if (raw !== null && typeof raw === 'object') for (const [key, value] of Object.entries(raw)) collectNumbers(value, [...path, key], found);
}

/** A validation with its numbers written in another base than decimal added: its value dropped when there is one, as for any schema error. */
export function withNonDecimalNumbers<T>(validated: { value: T | undefined; diagnostics: Diagnostic[] }, path: string, yamlText: string, raw: unknown, makeLocator: () => Locator): { value: T | undefined; diagnostics: Diagnostic[] } {
  if (validated.value === undefined) return validated;
  const found = nonDecimalNumbers(path, yamlText, raw, makeLocator);
  return found.length === 0 ? validated : { value: undefined, diagnostics: [...validated.diagnostics, ...found] };
}
