import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * An amount written unquoted as `42.000` is YAML's number 42 before threadwork sees it. A
 * deal's money so written was refused, as "42.000" is (reading two ways); the same slip in
 * every other money field the workspace reads — a metrics target, a price, a segment's or
 * an ICP's revenue, a goal's money target, a campaign's expected pipeline — passed check
 * and counted 42: `avg_deal_size: 42.000` moved deals' priorities with nothing said.
 */
describe('an unquoted dotted amount in any money field', () => {
  it('is refused at the value, as the quoted text is, wherever the workspace reads money', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'avg_deal_size: 42000', 'avg_deal_size: 42.000');
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 36000', 'price: 36.000');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', 'revenue: {min: "$20M", max: "$500M"}', 'revenue: {min: 20.000, max: "$500M"}');
    replaceInFile(dir, 'research/customer/icp/mid-market-fintech-icp.yaml', 'min: $20M', 'min: 20.000');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: 500.000');
    replaceInFile(dir, 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/3-implication.md', 'expected_pipeline: 420000', 'expected_pipeline: 420.000');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const schema = json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line} ${d.field}: ${d.message}`);
    const twoWays = (written: string, whole: number, read: number): string =>
      `expected an amount that reads one way: "${written}" reads two ways, ${whole} or ${read}: write ${whole} (or "€${written}", a currency sign makes the dot group thousands) or ${read} (got ${written})`;
    expect(schema).toEqual([
      `goals/g-arr-500k-2026.md:9 metrics[0].target: Invalid \`metrics[0].target\`: ${twoWays('500.000', 500000, 500)}`,
      `research/customer/icp/mid-market-fintech-icp.yaml:29 firmographics.revenue.min: Invalid \`firmographics.revenue.min\`: ${twoWays('20.000', 20000, 20)}`,
      `strategy/canvas/04-segments.md:12 segments[0].filters.revenue.min: Invalid \`segments[0].filters.revenue.min\`: ${twoWays('20.000', 20000, 20)}`,
      `strategy/canvas/11-pricing.md:7 tiers[0].price: Invalid \`tiers[0].price\`: ${twoWays('36.000', 36000, 36)}`,
      `strategy/canvas/13-metrics.md:7 targets.avg_deal_size: Invalid \`targets.avg_deal_size\`: ${twoWays('42.000', 42000, 42)}`,
      `threads/sales/campaigns/2026-09-15-fintech-controller-outbound/3-implication.md:3 expected_pipeline: Invalid \`expected_pipeline\`: ${twoWays('420.000', 420000, 420)}`,
    ]);
  });

  it('moves no deal\'s priority on a target of 42.000, and a count or a small amount is no such slip', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'avg_deal_size: 42000', 'avg_deal_size: 42.000');
    const { stdout } = await runCli(['sync', '--dry-run'], { cwd: dir });
    expect(stdout).not.toMatch(/priority/);
    expect(stdout).not.toMatch(/42,000 → 42/);
    // A money amount under 1000 written plainly, a rate and a count are read as written.
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'avg_deal_size: 42.000', 'avg_deal_size: 420');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: 500.5');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema')).toEqual([]);
  });
});
