import { describe, expect, it } from 'vitest';
import { classifyPath } from '../src/workspace/layout.js';
import { parseFile } from '../src/workspace/parse-file.js';
import { amountProblems, moneyProblems, revenueProblems } from '../src/schema/money.js';

/**
 * The money checks remember the texts they found nothing wrong with (schema/money.ts,
 * `unlessKnownFine`): a cold check reads the same few amounts thousands of times. What they
 * say of a text must not depend on what they saw before — a text with a problem is told it
 * every time, in the same words, whatever was read before it.
 */

/** Fine and broken amounts, revenues and ranges, as people and exports write them. */
const TEXTS = [
  '$13M',
  'lots',
  '$13M',
  '> $1B',
  '> lots',
  '1M+',
  'Under $1M',
  '€2M ARR',
  '$150k MRR',
  '$40k/year',
  '~€50k',
  '$30k-$50k',
  '$30k-€50k',
  '50k-30k',
  '1.200',
  '€1.200',
  '36.000',
  '-$5k',
  'CHF 40M',
  '₹40k',
  '1e400',
  '99999999999999999',
  '',
  '   ',
  '€50k+',
  'USD 30k - 50k $',
  '1,2 Mio. €',
  '$1.250M',
];

describe('money checks that remember the texts they passed', () => {
  it.each([
    ['revenueProblems', (text: string) => revenueProblems(text)],
    ['moneyProblems', (text: string) => moneyProblems(text)],
    ['amountProblems', (text: string) => amountProblems(text, 'which amount?')],
  ])('%s says the same of a text the first time and every time after, in any order', (_name, problemsOf) => {
    // Fresh strings each time, as a parser gives them (not the same string object).
    const again = (text: string) => problemsOf(`${text} `.slice(0, -1));
    const first = TEXTS.map((text) => again(text));
    expect(first.some((problems) => problems.length > 0)).toBe(true);
    expect(first.some((problems) => problems.length === 0)).toBe(true);
    expect(TEXTS.map((text) => again(text))).toEqual(first);
    expect([...TEXTS].reverse().map((text) => again(text))).toEqual([...first].reverse());
  });

  it('tells every deal whose revenue is no amount, after a deal whose revenue was fine', () => {
    const stage1 = (revenue: string) => `---\nsource: inbound\ncompany:\n  name: Acme\n  revenue: "${revenue}"\n---\n\n# Input\n`;
    const parse = (deal: string, revenue: string) => {
      const path = `threads/sales/${deal}/1-input.md`;
      return parseFile(path, classifyPath(path), stage1(revenue));
    };
    expect(parse('acme', '$13M').diagnostics).toEqual([]);
    const broken = ['beta', 'gamma'].map((deal) => parse(deal, '$13M a month'));
    for (const parsed of broken) {
      expect(parsed.value).toBeUndefined();
      expect(parsed.diagnostics.map((d) => [d.rule, d.field, d.line])).toEqual([['schema', 'company.revenue', 5]]);
    }
    expect(broken[1]!.diagnostics[0]!.message).toBe(broken[0]!.diagnostics[0]!.message.replace('threads/sales/beta', 'threads/sales/gamma'));
    expect(parse('delta', '$13M').value).toBeDefined();
  });
});
