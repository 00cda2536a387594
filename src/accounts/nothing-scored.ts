import { ThreadworkError } from '../errors.js';

/**
 * A list whose every row was refused is an error, not a ranking: an empty table with the
 * skipped rows under it and exit 0 told a person, and an agent reading the exit code or
 * `ok`, that the list was scored. The error lists each row with why (as `rejected` in
 * JSON), so the fix is in one answer. A list with no rows at all is not this: it is
 * ranked empty with a note (`threadwork score`), the file being most likely the wrong one.
 * `list` names the list as its caller gave it: a file's path (`path` in the details), or
 * what the rows given as data are (`account`).
 */
export function refuseWhenNothingScored(result: { ranked: readonly unknown[]; rejected: readonly { row: number; error: string }[] }, list: { path: string } | { given: string }): void {
  if (result.ranked.length > 0 || result.rejected.length === 0) return;
  const n = result.rejected.length;
  const what = 'path' in list ? `${n === 1 ? 'the one row' : `each of the ${n} rows`} of ${list.path}` : `${n === 1 ? `the one ${list.given}` : `each of the ${n} ${list.given}s`} given`;
  const lines = result.rejected.map((r) => `  row ${r.row}: ${r.error}`);
  throw new ThreadworkError([`Nothing scored: ${what} was refused; fix ${n === 1 ? 'it' : 'them'} and score again:`, ...lines].join('\n'), 'nothing-scored', {
    ...('path' in list ? { path: list.path } : {}),
    rejected: result.rejected,
  });
}
