import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { moneyProblems, parseMoney, parseMoneyRange } from '../src/schema/money.js';
import { checkInProcess } from './helpers/check.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * Money written the European way — `€1.200.000`, `1.200.000 €`, `1 200 000 €`,
 * `€1.200,50` — was not read at all: a deal's `arr_potential` of "€36.000" was a schema
 * error, and a company's revenue of "1.200.000 €" was missing data to the ICP score. The
 * rules (docs/file-formats.md, "Money"): a dot then exactly three digits groups thousands
 * after a currency sign or when there is more than one group; a comma then one or two
 * digits is the decimal mark; what could be read two ways is an error that says how to
 * write it.
 */

describe('money written the European way', () => {
  it.each([
    ['€1.200.000', 1_200_000],
    ['1.200.000 €', 1_200_000],
    ['1.200.000', 1_200_000],
    ['1 200 000 €', 1_200_000],
    ['1\u00a0200\u00a0000 €', 1_200_000],
    ['€ 36 000', 36_000],
    ['€1.200,50', 1200.5],
    ['1.200,5 €', 1200.5],
    ['36.000 EUR', 36_000],
    ['€36.000', 36_000],
    ['£1,200.50', 1200.5],
    ['1,5 M€', 1_500_000],
    ['€1,5M', 1_500_000],
    ['€12,50', 12.5],
    // Unchanged: the way they were read before.
    ['$1.5M', 1_500_000],
    ['$1.250M', 1_250_000],
    ['$1,200,000', 1_200_000],
    ['1.5', 1.5],
    ['0.500', 0.5],
    ['$36k', 36_000],
    ['€30.000-€50.000', 40_000],
  ])('%j → %j', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each([
    ['1.200', 'expected an amount that reads one way: "1.200" reads two ways, 1200 or 1.2: write 1200 (or "€1.200", a currency sign makes the dot group thousands) or 1.2'],
    ['1.200,000', 'expected an amount that reads one way: "1.200,000" reads two ways, 1200000 or 1200: write the plain number, 1200000 or 1200'],
    ['1234 567 €', 'expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k"'],
    ['1.20.000', 'expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k"'],
  ])('%j is not read, and the schema says how to write it', (input, message) => {
    expect(parseMoney(input)).toBeUndefined();
    expect(moneyProblems(input)).toEqual([{ path: [], message }]);
  });

  // Speed: the tests below work on copies of the example prepared once for the file; the
  // first check is a real CLI run, the others ask check's own function for its JSON.
  it('a deal counts "€36.000" in the pipeline, and "36.000" is an error at the value saying how to write it', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/brightcart/3-implication.md', 'arr_potential: 36000', 'arr_potential: "€36.000"');
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential:', 'arr_potential: "36.000"\nx_old_arr_potential:');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'threads/sales/meridian-pay/3-implication.md:2:16 Invalid `arr_potential`: expected an amount that reads one way: "36.000" reads two ways, 36000 or 36: write 36000 (or "€36.000", a currency sign makes the dot group thousands) or 36 (got "36.000")',
    ]);
  });

  // Unquoted, YAML reads 36.000 as the number 36 before threadwork sees it: the deal counted 36
  // in the pipeline where 36,000 was meant, and nothing was said. The same error as quoted, at the value.
  it('refuses 36.000 written without quotes in a deal\'s money, as it refuses "36.000", and holds the deal', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: 42.000');
    replaceInFile(dir, 'threads/sales/keel-neobank/3-implication.md', 'arr_potential: {min: 60000, max: 96000}', 'arr_potential: {min: 60.000, max: 96000}');
    replaceInFile(dir, 'threads/sales/harbor-lending/6-learning.md', 'arr: 36000', 'arr: 36.000');
    replaceInFile(dir, 'threads/sales/harbor-lending/1-input.md', '  revenue: "$62M"', '  revenue: 45.000');
    const { json } = await checkInProcess(dir);
    const schema = json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path} ${d.field}: ${d.message}`);
    expect(schema).toEqual([
      expect.stringMatching(/^threads\/sales\/harbor-lending\/1-input\.md company\.revenue: Invalid `company\.revenue`: expected an amount that reads one way: "45\.000" reads two ways, 45000 or 45: .* \(got 45\.000\)$/),
      expect.stringMatching(/^threads\/sales\/harbor-lending\/6-learning\.md arr: Invalid `arr`: expected an amount that reads one way: "36\.000" reads two ways, 36000 or 36/),
      expect.stringMatching(/^threads\/sales\/keel-neobank\/3-implication\.md arr_potential\.min: Invalid `arr_potential\.min`: expected an amount that reads one way: "60\.000" reads two ways/),
      expect.stringMatching(/^threads\/sales\/meridian-pay\/3-implication\.md arr_potential: Invalid `arr_potential`: expected an amount that reads one way: "42\.000" reads two ways, 42000 or 42/),
    ]);
    // A head count so written is the schema's error already; it says what was read, and what to write.
    replaceInFile(dir, 'threads/sales/harbor-lending/1-input.md', '  employees: 410', '  employees: 1.200');
    const counted = await checkInProcess(dir);
    expect(counted.json.diagnostics.find((d) => d.field === 'company.employees')?.message).toBe(
      'Invalid `company.employees`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — 1.200 reads as the number 1.2: write 1200 (got 1.2)',
    );
    // 0.5 and 12 are no such slip.
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42.000', 'arr_potential: 12');
    const again = await checkInProcess(dir);
    expect(again.json.diagnostics.filter((d) => d.path === 'threads/sales/meridian-pay/3-implication.md' && d.rule === 'schema')).toEqual([]);
  });
});

/**
 * A currency written on one end of a range is the currency of both: `"€30.000-50.000"`
 * is one range in euros. It was read bound by bound, so `"50.000"` — no sign of its
 * own — read two ways and the deal's `arr_potential` was refused.
 */
describe('a range written with its currency once', () => {
  it.each([
    ['€30.000-50.000', { min: 30_000, max: 50_000 }],
    ['30.000-50.000 €', { min: 30_000, max: 50_000 }],
    ['EUR 30.000 - 50.000', { min: 30_000, max: 50_000 }],
    ['30.000 to 50.000 EUR', { min: 30_000, max: 50_000 }],
    ['$30,000-50,000', { min: 30_000, max: 50_000 }],
    ['30k-50k €', { min: 30_000, max: 50_000 }],
  ])('%j → %j', (input, expected) => {
    expect(parseMoneyRange(input)).toEqual(expected);
    expect(moneyProblems(input)).toEqual([]);
  });

  it('a range whose ends name two currencies is refused, not read as one', () => {
    expect(parseMoneyRange('$30k-€50k')).toBeUndefined();
    expect(moneyProblems('$30k-€50k')).toEqual([{ path: [], message: 'expected an amount that reads one way: "$30k-€50k" names two currencies, $ and €: write both ends in one' }]);
    expect(moneyProblems('USD 30k - 50k $')).toEqual([]);
    expect(parseMoneyRange('€30k-50k EUR')).toEqual({ min: 30_000, max: 50_000 });
  });

  /** `"$30k€"` was read as 30000, its two currencies unseen: one amount names one currency too. */
  it.each([
    ['$30k€', '"$30k€" names two currencies, $ and €: write the amount in one'],
    ['USD 30k EUR', '"USD 30k EUR" names two currencies, $ and €: write the amount in one'],
    ['€30k$-€50k', '"€30k$-€50k" names two currencies, € and $: write both ends in one'],
  ])('one amount with a currency at each end, %j, is refused, naming both', (input, reason) => {
    expect(parseMoney(input)).toBeUndefined();
    expect(moneyProblems(input)).toEqual([{ path: [], message: `expected an amount that reads one way: ${reason}` }]);
  });

  it('the same currency at both ends of one amount is that currency', () => {
    expect(parseMoney('$30k USD')).toBe(30_000);
    expect(parseMoney('€1.200 EUR')).toBe(1200);
  });

  it('without a currency on either end, a lone dot group still reads two ways', () => {
    expect(parseMoneyRange('30.000-50.000')).toBeUndefined();
    expect(moneyProblems('30.000-50.000')[0]?.message).toMatch(/^expected an amount that reads one way: "30\.000" reads two ways/);
  });

  it('a deal\'s "€30.000-50.000" checks clean and counts 40,000 in the pipeline of a workspace counting in EUR', async () => {
    const dir = exampleWorkspaceCopy();
    // In a USD workspace a euro amount is counted in no sum (deal-currency.test.ts).
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'currency: USD', 'currency: EUR');
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: "€30.000-50.000"');
    const check = await checkInProcess(dir);
    expect(check.json.diagnostics.filter((d) => d.path.startsWith('threads/sales/meridian-pay'))).toEqual([]);
    const pipeline = await runJson<{ stages: { stage: string; value: number }[] }>(['report', 'pipeline'], { cwd: dir });
    expect(pipeline.json.stages.find((s) => s.stage === 'lead')?.value).toBe(40_000);
  });
});

/**
 * An amount was rounded to the cent after it was read, and nowhere said so: a price of
 * "$0.005" a transaction read as 0.01 (twice the price), "$12.3456" as 12.35, while the
 * same amounts written as YAML numbers kept every decimal. An amount is now what is
 * written; only the float error of a suffix (`1.005k` is 1004.9999999999999 in binary)
 * is removed.
 */
/**
 * A comma then three digits groups thousands — but never after a lone `0`, which no
 * number begins a group with: `"€0,125"` read as 125, a thousand times the price. It
 * is the decimal mark there, as the dot is (`"0.500"`).
 */
describe('a comma after a lone 0 is the decimal mark', () => {
  it.each([
    ['€0,125', 0.125],
    ['0,500 €', 0.5],
    ['$0,125k', 125],
    ['€10,125', 10_125],
  ])('%j → %j', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });
});

describe('decimals are kept as written', () => {
  it.each([
    ['$0.005', 0.005],
    ['$12.3456', 12.3456],
    ['12,3456 €', 12.3456],
    ['1.005k', 1005],
    ['$4.35M', 4_350_000],
    ['$1.2345M', 1_234_500],
  ])('%j → %j', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it('a string and a YAML number with the same decimals read the same', () => {
    expect(parseMoney('12.3456')).toBe(parseMoney(12.3456));
    expect(parseMoneyRange('$0.005-$0.0125')).toEqual({ min: 0.005, max: 0.0125 });
  });
});

/**
 * A revenue written "12 million" was no amount: an error in Stage 1, and the company
 * scored as if its revenue were unknown. The words are suffixes as `k`, `m` and `b` are.
 */
describe('money with its size in words', () => {
  it.each([
    ['12 million', 12_000_000],
    ['12 million EUR', 12_000_000],
    ['€1.5 billion', 1_500_000_000],
    ['500 thousand', 500_000],
    ['12 Mio €', 12_000_000],
    ['$5 mn', 5_000_000],
    // German exports shorten the word with its dot, and say Mrd. for a billion.
    ['2,5 Mio. €', 2_500_000],
    ['€20 Mio.', 20_000_000],
    ['1,2 Mrd. €', 1_200_000_000],
    ['$1.5 bn.', 1_500_000_000],
    // Mio and Mrd are German words: their writers group thousands with the dot (and write 1,2 Mio for 1.2).
    ['€1.200 Mio', 1_200_000_000],
    ['1.500 Mio. €', 1_500_000_000],
    ['2.400 Mrd', 2_400_000_000_000],
    ['1,25 Mio', 1_250_000],
  ])('%s is %d', (written, amount) => {
    expect(parseMoney(written)).toBe(amount);
    expect(moneyProblems(written)).toEqual([]);
  });

  it('a word on the upper end of a range applies to a bare lower end, as a letter does', () => {
    expect(parseMoneyRange('10-50 million')).toEqual({ min: 10_000_000, max: 50_000_000 });
    expect(parseMoneyRange('10 thousand to 20 thousand')).toEqual({ min: 10_000, max: 20_000 });
    expect(parseMoneyRange('$10-50M')).toEqual({ min: 10_000_000, max: 50_000_000 });
  });

  it('a word that is no size is still no amount', () => {
    expect(parseMoney('12 millions of them')).toBeUndefined();
    expect(moneyProblems('12 lots')[0]?.message).toMatch(/^expected an amount such as 36000/);
  });
});
