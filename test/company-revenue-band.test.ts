import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

const INPUT = 'threads/sales/brightcart/1-input.md';

/**
 * A company's revenue as CRMs export it may be a band with one bound (`> $1B`, `Over $500M`,
 * `Under $1M`): the account import and the score read it as open-ended, but a deal's Stage 1
 * `company.revenue` refused the same cell copied into it as no amount — a schema error that
 * held the whole file.
 */
describe("a company revenue band with one bound in a deal's Stage 1", () => {
  it.each(['> $1B', 'Over $500M', 'Under $1M', '$1B+'])('takes %s as the account import does', async (band) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, INPUT, '  revenue: "$48M"', `  revenue: "${band}"`);
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.path === INPUT)).toEqual([]);
  });

  it('refuses a band whose bound is no amount, at the value, saying what it expected', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, INPUT, '  revenue: "$48M"', '  revenue: "> lots"');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.path === INPUT).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      // Told as a band's bound, not as the plain amount (`expected an amount such as 36000`) it was.
      '15:12 error Invalid `company.revenue`: expected a band\'s bound to be an amount, as in "> $1B", "1M+" or "Under $1M": "lots" in "> lots" is no amount (got "> lots")',
    ]);
  });
});
