import { describe, expect, it, vi } from 'vitest';
import { classifyPath } from '../src/workspace/layout.js';
import { parseFile } from '../src/workspace/parse-file.js';
import type * as MoneyModule from '../src/schema/money.js';

/**
 * The money checks remember the texts they found nothing wrong with, and the reader of an
 * amount what it read in each text (schema/money.ts, `unlessKnownFine`, `readBounds`): a
 * cold check or a first sync reads the same few amounts thousands of times. What they say
 * of a text must not depend on what they saw before — a text with a problem is told it
 * every time, in the same words, and an amount read the same, whatever was read before it.
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

type Money = typeof MoneyModule;

/** What each function says of `text`, asked of `money`. */
const ANSWERS: [string, (money: Money, text: string) => unknown][] = [
  ['revenueProblems', (money, text) => money.revenueProblems(text)],
  ['moneyProblems', (money, text) => money.moneyProblems(text)],
  ['amountProblems', (money, text) => money.amountProblems(text, 'which amount?')],
  ['parseMoneyRange', (money, text) => money.parseMoneyRange(text)],
  ['parseRevenueRange', (money, text) => money.parseRevenueRange(text)],
  ['parseMoney', (money, text) => money.parseMoney(text)],
];

/** A fresh copy of the module: nothing remembered. */
async function freshMoney(): Promise<Money> {
  vi.resetModules();
  return import('../src/schema/money.js');
}

describe('money checks that remember the texts they passed', () => {
  it('say of each text what a first reading says, however many texts were read before it, in any order', async () => {
    // What each text gets read first, by a module that has read nothing else.
    const firstReadings: unknown[][] = [];
    for (const text of TEXTS) {
      const money = await freshMoney();
      firstReadings.push(ANSWERS.map(([, answer]) => answer(money, text)));
    }
    // Some texts read one way and some another: no answer is the same for all.
    expect(new Set(firstReadings.map((answers) => JSON.stringify(answers))).size).toBeGreaterThan(5);
    const money = await freshMoney();
    // Fresh strings each time, as a parser gives them (not the same string object).
    const readAll = (texts: string[]) => texts.map((text) => ANSWERS.map(([, answer]) => answer(money, `${text} `.slice(0, -1))));
    expect(readAll(TEXTS)).toEqual(firstReadings);
    expect(readAll(TEXTS)).toEqual(firstReadings);
    expect(readAll([...TEXTS].reverse())).toEqual([...firstReadings].reverse());
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
