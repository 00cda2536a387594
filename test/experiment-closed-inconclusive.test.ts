import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentsSummary, renderExperimentsBlock } from '../src/derive/render-experiments.js';
import { readBackSummary } from '../src/derive/summary-read-back.js';
import { analyzeExperiment } from '../src/outreach/experiment-analysis.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';
import { read } from './helpers/testdir.js';

/*
 * The example campaign closed on 2026-10-31. With 14 sends per variant its experiment read
 * "No winner yet … Needs 86 more sends of A, 86 more sends of B" in the learning block, the
 * report and the MCP answer alike: sends a closed campaign will never make. Closed short of
 * its sends, an experiment is inconclusive, and says what it had against what it needed.
 */
const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const ENV = { THREADWORK_TODAY: '2026-12-07' };

function closedShortOfSends(): string {
  const dir = exampleWorkspaceCopy();
  const learning = join(dir, CAMPAIGN, '6-learning.md');
  writeFileSync(
    learning,
    read(dir, `${CAMPAIGN}/6-learning.md`)
      .replace('A: {sent: 120, delivered: 115, opened: 45, replied: 5, bounced: 5}', 'A: {sent: 14, delivered: 14, opened: 5}')
      .replace('B: {sent: 120, delivered: 116, opened: 62, replied: 7, bounced: 4}', 'B: {sent: 14, delivered: 14, opened: 8}'),
  );
  git(dir, 'commit', '-qam', 'fourteen sends per variant');
  return dir;
}

interface Experiment {
  status: string;
  verdict: string;
  variants: { id: string; more: number | null }[];
}

describe('an experiment in a closed campaign, short of its sends', () => {
  it('ends inconclusive in the learning block, report campaigns and the MCP report, naming the sends against those needed', async () => {
    const dir = closedShortOfSends();
    const sync = await runCli(['sync', '--dir', dir], { env: ENV });
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain('experiment audit-subject: B wins, validated for A5 → inconclusive');
    const block = read(dir, `${CAMPAIGN}/6-learning.md`);
    expect(block).toContain('| A | 50% | 14 | 14 | 5 | 35.7% | — | — | — | — | — |');
    expect(block).toContain('Inconclusive: the campaign closed on 2026-10-31 with 14 sends of A, 14 sends of B against the 100 sends per variant needed for a winner (the minimum sample)');
    expect(block).not.toContain('more sends of');

    const report = await runJson<{ campaigns: { experiments: Experiment[] }[] }>(['report', 'campaigns', '--dir', dir], { env: ENV });
    const experiment = report.json.campaigns[0]!.experiments[0]!;
    expect(experiment.status).toBe('inconclusive');
    expect(experiment.variants.map((v) => v.more)).toEqual([null, null]);
    const terminal = await runCli(['report', 'campaigns', '--dir', dir], { env: ENV });
    expect(terminal.stdout).toContain('audit-subject: inconclusive');

    const mcp = await connectMcp(dir, ENV);
    const answer = await mcp.ok<{ campaigns: { experiments: Experiment[] }[] }>('report', { name: 'campaigns' });
    expect(answer.campaigns[0]!.experiments[0]).toMatchObject({ status: 'inconclusive', verdict: experiment.verdict });

    const again = await runCli(['sync', '--dir', dir], { env: ENV });
    expect(again.stdout).toContain('in sync: nothing to write');
  });

  it('names the sends a difference needed at 80% power when that is more than the minimum sample', () => {
    const design = { name: 'cta', touch: 2, metric: 'reply_rate' as const, variants: [{ id: 'A', split: 0.5 }, { id: 'B', split: 0.5 }] };
    const e = analyzeExperiment(design, { A: { sent: 120, replied: 6 }, B: { sent: 120, replied: 11 } }, { min_sample: 100, alpha: 0.05, power: 0.8 }, '2026-10-31');
    expect(e.status).toBe('inconclusive');
    expect(e.verdict).toMatch(/^Inconclusive: the campaign closed on 2026-10-31 with 120 sends of A, 120 sends of B against the [\d,]+ sends per variant needed to detect this difference at 80% power/);
    const open = analyzeExperiment(design, { A: { sent: 120, replied: 6 }, B: { sent: 120, replied: 11 } }, { min_sample: 100, alpha: 0.05, power: 0.8 });
    expect(open.status).toBe('running');
  });

  it('is read back from a block written before this checkout recorded it (a fresh clone): inconclusive, not no-results', () => {
    const design = { name: 'cta', touch: 2, metric: 'reply_rate' as const, variants: [{ id: 'A', split: 0.5 }, { id: 'B', split: 0.5 }] };
    const e = analyzeExperiment(design, { A: { sent: 14, replied: 1 }, B: { sent: 14, replied: 3 } }, { min_sample: 100, alpha: 0.05, power: 0.8 }, '2026-10-31');
    expect(experimentsSummary([e])).toEqual({ cta: 'inconclusive' });
    expect(readBackSummary('experiments', renderExperimentsBlock([e]))).toEqual({ cta: 'inconclusive' });
  });
});
