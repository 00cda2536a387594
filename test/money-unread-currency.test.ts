import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { moneyProblems } from '../src/schema/money.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * An amount in a currency threadwork does not read (`"CHF 40000"`, `"40k CHF"`, `"₹40k"`)
 * was refused with the words for text that is no amount ("expected an amount such as
 * 36000…"), which left the person to guess what was wrong with 40000. The error says the
 * currency is one threadwork does not read, and which it does.
 */
describe('an amount in a currency threadwork does not read', () => {
  const reads = 'threadwork reads $, €, £, ¥, USD, EUR and GBP; write the amount in one of them, or as a plain number';
  it.each([
    ['CHF 40000', 'CHF'],
    ['40k CHF', 'CHF'],
    ['chf 40,000', 'CHF'],
    ['CHF 30k-50k', 'CHF'],
    ['₹40k', '₹'],
    ['40000 JPY', 'JPY'],
  ])('%j is told %s is not read, and which currencies are', (input, currency) => {
    expect(moneyProblems(input)).toEqual([{ path: [], message: `expected an amount in a currency threadwork reads: ${currency} is not one — ${reads}` }]);
  });

  it.each(['lots', '40000 ARR', '12 mln', 'TBD'])('%j is still told it is no amount', (input) => {
    expect(moneyProblems(input)[0]?.message).not.toMatch(/currency/);
  });

  it('a won deal\'s "CHF 40000" and a deal\'s "40k CHF" are schema errors naming the currency', async () => {
    const dir = exampleWorkspace();
    replaceInFile(dir, 'threads/sales/harbor-lending/6-learning.md', 'arr: 36000', 'arr: "CHF 40000"');
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: "40k CHF"');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path} ${d.message}`)).toEqual([
      `threads/sales/harbor-lending/6-learning.md Invalid \`arr\`: expected an amount in a currency threadwork reads: CHF is not one — ${reads} (got "CHF 40000")`,
      `threads/sales/meridian-pay/3-implication.md Invalid \`arr_potential\`: expected an amount in a currency threadwork reads: CHF is not one — ${reads} (got "40k CHF")`,
    ]);
  });
});
