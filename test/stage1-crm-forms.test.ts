import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * A deal's Stage 1 copied from LinkedIn or a CRM: `employees: 201-500` (company size as a
 * band) and `revenue: "€2M ARR"` were refused by check, while the account import took the
 * same values. The band is scored by its overlap with the ICP's (docs/scoring.md); a
 * revenue's yearly words add nothing to a yearly figure. What is still unreadable is an
 * error at its value that names the forms taken.
 */

const DEAL = 'threads/sales/brightcart';

async function schemaErrors(dir: string): Promise<string[]> {
  const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
  return json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);
}

async function icpScoreAfterSync(dir: string): Promise<number> {
  const sync = await runCli(['sync'], { cwd: dir });
  expect(sync.code, sync.stderr).toBe(0);
  return (JSON.parse(read(dir, `${DEAL}/meta.json`)) as { icp_match_score: number }).icp_match_score;
}

describe("a deal's Stage 1 takes company size and revenue as LinkedIn and CRMs give them", () => {
  it('a head-count band and a revenue with ARR check clean and score as the count and amount inside the ICP do', async () => {
    const dir = exampleWorkspaceCopy();
    const before = (JSON.parse(read(dir, `${DEAL}/meta.json`)) as { icp_match_score: number }).icp_match_score;
    // 180 people and $48M sit inside the segment's 50–500 and $10M–$200M: so do 201-500 and "$48M ARR".
    replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 180', '  employees: 201-500');
    replaceInFile(dir, `${DEAL}/1-input.md`, '  revenue: "$48M"', '  revenue: $48M ARR');
    expect(await schemaErrors(dir)).toEqual([]);
    expect(await icpScoreAfterSync(dir)).toBe(before);
    // A band wholly past the ICP's 50–500 (and past its close margin, 750) is far: the score drops.
    replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 201-500', '  employees: "1,001-5,000 employees"');
    replaceInFile(dir, `${DEAL}/1-input.md`, '  revenue: $48M ARR', '  revenue: "EUR 2,000,000 ARR"');
    expect(await schemaErrors(dir)).toEqual([]);
    expect(await icpScoreAfterSync(dir)).toBeLessThan(before);
  });

  it.each([
    ['employees: about 400', 'employees: about 400', '14:14 Invalid `company.employees`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — write about 400 as 400 (got "about 400")'],
    ['employees: 500-201', 'employees: 500-201', '14:14 Invalid `company.employees`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ (got "500-201")'],
    ['a monthly revenue', 'revenue: "$150k MRR"', '15:12 Invalid `company.revenue`: expected an amount such as "$45M", a range such as "10M-50M", or a band with one bound such as "> $1B", "1M+" or "Under $1M" — $150k MRR is a monthly figure: amounts here are yearly (ARR), write the yearly amount (got "$150k MRR")'],
  ])('%s is still an error at its value, saying what is taken', async (_name, line, expected) => {
    const dir = exampleWorkspaceCopy();
    const [key] = line.split(':');
    const original = key === 'employees' ? '  employees: 180' : '  revenue: "$48M"';
    replaceInFile(dir, `${DEAL}/1-input.md`, original, `  ${line}`);
    expect(await schemaErrors(dir)).toEqual([`${DEAL}/1-input.md:${expected}`]);
  });
});
