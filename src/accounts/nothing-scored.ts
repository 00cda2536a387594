import { extname } from 'node:path';
import { ThreadworkError } from '../errors.js';

/**
 * A list that gives nothing to rank is an error, not a ranking: an empty table (with the
 * skipped rows under it) and exit 0 told a person, and an agent reading the exit code or
 * `ok`, that the list was scored. Every row refused: the error lists each with why (as
 * `rejected` in JSON), so the fix is in one answer. No row at all (an empty file, a header
 * row alone, `[]`): most likely the wrong file or a failed export, and the error says so,
 * `rejected` empty. `list` names the list as its caller gave it: a file's path (`path` in
 * the details), or what the rows given as data are (`account`).
 */
export function refuseWhenNothingScored(result: { ranked: readonly unknown[]; rejected: readonly { row: number; error: string }[] }, list: { path: string } | { given: string }): void {
  if (result.ranked.length > 0) return;
  const details = { ...('path' in list ? { path: list.path } : {}), rejected: result.rejected };
  if (result.rejected.length === 0) throw new ThreadworkError(`Nothing scored: ${noRows(list)}`, 'nothing-scored', details);
  const n = result.rejected.length;
  const what = 'path' in list ? `${n === 1 ? 'the one row' : `each of the ${n} rows`} of ${list.path}` : `${n === 1 ? `the one ${list.given}` : `each of the ${n} ${list.given}s`} given`;
  const lines = [...byReason(result.rejected)].map(([error, rows]) => `  ${rowsText(rows)}: ${error}`);
  throw new ThreadworkError([`Nothing scored: ${what} was refused; fix ${n === 1 ? 'it' : 'them'} and score again:`, ...lines].join('\n'), 'nothing-scored', details);
}

/**
 * The refused rows by why, in the order of their first row. An export whose header the
 * score does not read (a German CRM's `Firmenname`, a file with no company column) refuses
 * every row for that one reason: said once with the rows it holds, not once per row — two
 * thousand identical lines pushed the reason and the fix off the screen. `rejected` in
 * JSON keeps each row.
 */
function byReason(rejected: readonly { row: number; error: string }[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const { row, error } of rejected) groups.set(error, [...(groups.get(error) ?? []), row]);
  return groups;
}

/** `row 3`, `rows 2–2001`, `rows 2, 5, 9–12`: runs of consecutive rows as ranges, at most eight runs named. */
function rowsText(rows: readonly number[]): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  const shown = runs.slice(0, 8).map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`));
  return `rows ${shown.join(', ')}${runs.length > 8 ? `, … (${rows.length} rows)` : ''}`;
}

/** What a list with no rows is, and what was expected instead. */
function noRows(list: { path: string } | { given: string }): string {
  if (!('path' in list)) return `no ${list.given} was given (an empty list): expected at least one`;
  if (extname(list.path).toLowerCase() === '.json') return `${list.path} has no rows to score (an empty list): expected at least one row in the list`;
  return `${list.path} has no rows to score (an empty file, or a header row alone): expected a header row and at least one row below it`;
}
