import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: string;
  message: string;
}

/**
 * A deal's figure written with an open end: `arr_potential: "€50k+"` was read as 50k, its
 * `+` dropped with nothing said, and `"> $50k"` was told only that it is no amount. A figure
 * is summed and weighted as one amount: check now says where it is and what to write.
 * A company's revenue is a band (`> $1B`) and is read so (test/company-revenue-band.test.ts).
 */
describe('an amount written with an open end', () => {
  it.each([
    ['threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: "€50k+"', '2:16', '"€50k+" is 50000 or more', '("€50000" if that is it)'],
    ['threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: "> $50k"', '2:16', '"> $50k" is 50000 or more', '("$50000" if that is it)'],
    ['threads/sales/harbor-lending/6-learning.md', 'arr: 36000', 'arr: "36k+"', '4:6', '"36k+" is 36000 or more', '(36000 if that is it)'],
  ])('is refused in %s at its value, saying what to write (%s → %s)', async (path, from, to, at, reads, advice) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, path, from, to);
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    const found = check.json.diagnostics.filter((d) => d.path === path && d.severity === 'error');
    expect(found.map((d) => `${d.line}:${d.column}`)).toEqual([at]);
    expect(found[0]!.message).toContain(`expected an amount with no open end: ${reads}`);
    expect(found[0]!.message).toContain(`write the amount you expect ${advice}`);
  });

});
