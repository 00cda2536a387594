import { describe, expect, it } from 'vitest';
import { classifySignal, geographyMatches, technologyMatches } from '../src/scoring/index.js';
import { keptPerPair, keptPerText } from '../src/scoring/text.js';

describe('scoring results kept per text', () => {
  it('computes a pair once, and keys it by both texts in order', () => {
    const calls: string[] = [];
    const joined = keptPerPair((a: string, b: string) => {
      calls.push(`${a}|${b}`);
      return `${a}+${b}`;
    });
    expect(joined('a', 'b')).toBe('a+b');
    expect(joined('a', 'b')).toBe('a+b');
    expect(joined('b', 'a')).toBe('b+a');
    expect(joined('a', 'c')).toBe('a+c');
    expect(calls).toEqual(['a|b', 'b|a', 'a|c']);
  });

  it('keeps a result of undefined or false like any other', () => {
    let calls = 0;
    const none = keptPerText((value: string) => {
      calls += 1;
      return value === 'known' ? 1 : undefined;
    });
    const never = keptPerPair(() => {
      calls += 1;
      return false;
    });
    expect([none('x'), none('x'), none('known'), none('known')]).toEqual([undefined, undefined, 1, 1]);
    expect([never('a', 'b'), never('a', 'b')]).toEqual([false, false]);
    expect(calls).toBe(3);
  });

  it('forgets everything past its limit and computes anew, with the same results', () => {
    let calls = 0;
    const length = keptPerPair((a: string, b: string) => {
      calls += 1;
      return a.length + b.length;
    }, 2);
    expect([length('a', 'b'), length('aa', 'b'), length('aaa', 'b'), length('a', 'b')]).toEqual([2, 3, 4, 2]);
    expect(calls).toBe(4);
  });

  it('answers the matchers the same whatever was asked before', () => {
    // Asked in an order where a pair keyed by one text alone would answer wrongly.
    expect(geographyMatches('Berlin, Germany', 'DACH')).toBe(true);
    expect(geographyMatches('Paris, France', 'DACH')).toBe(false);
    expect(geographyMatches('Berlin, Germany', 'North America')).toBe(false);
    expect(geographyMatches('Berlin, Germany', 'DACH')).toBe(true);
    expect(technologyMatches('Node.js', 'nodejs')).toBe(true);
    expect(technologyMatches('C++', 'C#')).toBe(false);
    expect(classifySignal('Series B raised')).toBe('funding');
    expect(classifySignal('a quiet quarter')).toBeUndefined();
    expect(classifySignal('a quiet quarter')).toBeUndefined();
  });

  it('reads a Latin letter written with or without its ASCII form as one letter', () => {
    // ø, Ł, Æ have no accent to drop: folded, not lost, so `Tromsø` is the ICP's `Tromso`.
    expect(geographyMatches('Tromsø, Norway', 'Tromso')).toBe(true);
    expect(geographyMatches('Łódź, Poland', 'Lodz')).toBe(true);
    expect(geographyMatches('Tromsø, Norway', 'Lodz')).toBe(false);
  });
});
