import { describe, expect, it } from 'vitest';
import { dateAdvice } from '../src/clock.js';

// What check and every --date say after "expected a date such as 2026-03-01".
describe('the advice for a date written another way', () => {
  it.each([
    ['04.12.2026', ' — write 04.12.2026 as 2026-12-04'],
    ['2026/12/04', ' — write 2026/12/04 as 2026-12-04'],
    ['2026-12-4', ' — write 2026-12-4 as 2026-12-04'],
    ['20261204', ' — write 20261204 as 2026-12-04'],
    ['25/12/2026', ' — write 25/12/2026 as 2026-12-25'],
    ['12/25/2026', ' — write 12/25/2026 as 2026-12-25'],
    ['05/05/2026', ' — write 05/05/2026 as 2026-05-05'],
    ['December 4, 2026', ' — write December 4, 2026 as 2026-12-04'],
    ['4 Dec 2026', ' — write 4 Dec 2026 as 2026-12-04'],
    // Read as `migrate` reads a date in words (one reader, src/clock.ts wordDate).
    ['Dec 4th 2026', ' — write Dec 4th 2026 as 2026-12-04'],
    ['4th Sept. 2026', ' — write 4th Sept. 2026 as 2026-09-04'],
    ['04/05/2026', ' — 04/05/2026 reads two ways, May 4 or April 5: write 2026-05-04 or 2026-04-05'],
  ])('%s', (written, advice) => {
    expect(dateAdvice(written)).toBe(advice);
  });

  // `closed: "2026-09-24 "` was told to "write 2026-09-24 as 2026-09-24": the blanks are the fault, and named.
  it.each([
    ['2026-09-24 ', ' — unexpected space after the date: write 2026-09-24 with nothing around it'],
    [' 2026-11-20', ' — unexpected space before the date: write 2026-11-20 with nothing around it'],
    [' 2026-11-20  ', ' — unexpected spaces before and after the date: write 2026-11-20 with nothing around it'],
    ['2026-11-20\t', ' — unexpected tab after the date: write 2026-11-20 with nothing around it'],
    ['2026-11-20\u00a0', ' — unexpected blank characters after the date: write 2026-11-20 with nothing around it'],
    [' 04.12.2026', ' — unexpected space before the date, and write 04.12.2026 as 2026-12-04'],
    ['04/05/2026 ', ' — unexpected space after the date, and 04/05/2026 reads two ways, May 4 or April 5: write 2026-05-04 or 2026-04-05'],
    // The form of a date and no day of the calendar: the blank is still the first thing to remove.
    [' 2026-02-30', ' — unexpected space before the date'],
  ])('%j: the blanks around the date', (written, advice) => {
    expect(dateAdvice(written)).toBe(advice);
  });

  it.each([' yesterday ', '   '])('none for %j: blanks around what is no date are not its fault', (written) => {
    expect(dateAdvice(written)).toBe('');
  });

  it.each(['31.02.2026', '2026-13-01', '20261340', 'next week', 'yesterday', 'Smarch 4, 2026', 'December 4, 2026 at noon', 'February 30, 2026', ''])('none for %j, which names no real day', (written) => {
    expect(dateAdvice(written)).toBe('');
  });
});
