import { describe, expect, it } from 'vitest';
import { round2 } from '../src/derive/assumptions.js';
import { formatNumber, formatPercent, progressBar } from '../src/derive/format.js';

/** What the blocks wrote before their integers were grouped by hand: the reference. */
function asLocale(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

describe('formatNumber', () => {
  it('writes every number as toLocaleString("en-US") does', () => {
    const values = [0, -0, 1, -1, 12, 123, 999, 1000, -1000, 1234, 999_999, 1_000_000, 123_456_789, -987_654_321, 2 ** 53, -(2 ** 53), 1e20, 9.99e20, 1e21, -1e22, 1.005, 2.675, -1.005, 0.125, 1234.5, 1_234_567.125, 0.001, -0.001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    // Integers of every length, and fractions, from a fixed sequence (no flakiness, every run the same).
    let seed = 12345;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      const scale = 10 ** Math.floor(next() * 21);
      values.push(Math.round((next() - 0.5) * scale), (next() - 0.5) * scale);
    }
    const differing = values.filter((v) => formatNumber(v) !== asLocale(v));
    expect(differing.map((v) => [v, formatNumber(v), asLocale(v)])).toEqual([]);
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-0)).toBe('-0');
  });

  it('writes a dash for no value', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('rounds a half percent up, as the metrics and goal blocks round it, whatever its binary form', () => {
    // 23/40 = 0.575 is 57.49999…% in binary; each of these halves is a little under in binary.
    const halves = [[23 / 40, '58%'], [0.575, '58%'], [0.145, '15%'], [0.285, '29%'], [1 / 8, '13%'], [0.005, '1%']] as const;
    for (const [rate, shown] of halves) expect(formatPercent(rate), String(rate)).toBe(shown);
    // The block's route (round2, then the percent) and the report's (the exact rate) agree.
    for (let won = 0; won <= 200; won++) expect(formatPercent(won / 200), `${won}/200`).toBe(formatPercent(round2(won / 200)));
    expect(formatPercent(0.57499)).toBe('57%');
    expect(formatPercent(null)).toBe('—');
  });
});

/*
 * progressBar rounded its percent with a Math.round of its own: a progress of 0.145 is
 * 14.4999…% in binary, so the bar said 14% where formatPercent (a half up, on the decimal
 * value) says 15% for the same number. A goal's metric progress reaches the bar already
 * round2'd (goals.ts), where both agree; the bar now cannot print a value another way.
 */
describe('progressBar', () => {
  it('prints its percent as formatPercent does, a half percent rounded up', () => {
    expect(progressBar(0.145)).toBe(`█░░░░░░░░░ ${formatPercent(0.145)}`);
    expect(progressBar(0.145)).toMatch(/ 15%$/);
    expect(progressBar(23 / 40)).toMatch(/ 58%$/);
    expect(progressBar(1.2, 20)).toBe(`${'█'.repeat(20)} 100%`);
    expect(progressBar(-0.1)).toBe(`${'░'.repeat(10)} 0%`);
  });
});
