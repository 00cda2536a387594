import { describe, expect, it } from 'vitest';
import { formatNumber } from '../src/derive/format.js';

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
