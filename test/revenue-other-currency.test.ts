import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

interface Ranked {
  name: string;
  missing: string[];
  disqualified: { disqualifier: string }[];
  unchecked: { disqualifier: string; field: string }[];
  factors: { component: string; name: string; status: string; detail?: string }[];
}

/**
 * A revenue written in another currency than the workspace's (`€2M ARR` in a USD workspace)
 * was compared with the ICP's dollar range as if it were dollars, without a word: €2M read as
 * $2M, far under a 20M minimum, and disqualified by "revenue under …". As a deal's amounts in
 * another currency are (amount-other-currency), it is not compared: the revenue factor is
 * missing, saying why, and a revenue disqualifier cannot decide on it.
 */
describe('a company revenue in another currency than the workspace', () => {
  it('is not compared with the ICP range as dollars, in an account list', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'research/customer/icp/mid-market-fintech-icp.yaml', 'disqualifiers:\n', 'disqualifiers:\n  - Revenue under $5M\n');
    writeFileSync(join(dir, 'accounts.csv'), 'name,domain,industry,employees,revenue,geography\nEurofin,eurofin.eu,payments,480,€2M ARR,United Kingdom\nDollarco,dollarco.com,payments,480,$2M,United Kingdom\n');
    const { json, code } = await runJson<{ ranked: Ranked[] }>(['score', 'accounts.csv', '-s', 'mid-market-fintech'], { cwd: dir });
    expect(code).toBe(0);
    const euro = json.ranked.find((r) => r.name === 'Eurofin')!;
    const dollar = json.ranked.find((r) => r.name === 'Dollarco')!;
    expect(euro.missing).toContain('fit.revenue');
    expect(euro.disqualified).toEqual([]);
    // The same figure in dollars is still compared, and disqualified where the rules say so.
    expect(dollar.factors.find((f) => f.name === 'revenue')?.status).toBe('computed');
    expect(euro.unchecked).toContainEqual({ disqualifier: 'Revenue under $5M', field: 'revenue' });
    expect(dollar.disqualified.map((d) => d.disqualifier)).toEqual(['Revenue under $5M']);
  });

  it("is not compared in a deal's Stage 1, and qualify says why", async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/keel-neobank/1-input.md', '  revenue: "$140M"', '  revenue: "€2M ARR"');
    const { json, code } = await runJson<{ icp: { missing: string[]; factors: { name: string; status: string; detail: string }[] } }>(['qualify', 'keel-neobank'], { cwd: dir });
    expect(code).toBe(0);
    const revenue = json.icp.factors.find((f) => f.name === 'revenue')!;
    expect(revenue.status).toBe('missing');
    expect(revenue.detail).toContain('EUR');
    expect(revenue.detail).toContain('USD');
  });
});
