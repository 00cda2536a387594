import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const env = { THREADWORK_TODAY: '2026-12-01', NO_COLOR: '1' };

describe('the reports printed side by side', () => {
  it('every Markdown report starts at the same heading level', async () => {
    const dir = exampleWorkspace();
    for (const name of ['pipeline', 'assumptions', 'winloss', 'campaigns', 'forecast']) {
      const result = await runCli(['report', name, '--md', '--dir', dir], { env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, name).toMatch(/^## /);
      expect(result.stdout, name).not.toMatch(/^# /m);
    }
  });

  it('an empty assumptions report says so, as the campaigns report does', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions: []') });
    const campaigns = await runCli(['report', 'campaigns', '--dir', dir], { env });
    expect(campaigns.stdout.trim()).toBe('No campaign threads.');
    const terminal = await runCli(['report', 'assumptions', '--dir', dir], { env });
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout.trim()).toBe('No assumptions in strategy/canvas/10-assumptions.md.');
    const markdown = await runCli(['report', 'assumptions', '--md', '--dir', dir], { env });
    expect(markdown.stdout.trim()).toBe('## Assumptions\n\nNo assumptions in strategy/canvas/10-assumptions.md.');
  });

  // README: "Every `--md` report starts at a `##` heading, so several concatenate into one
  // document" — an empty one too, or its sentence lands under the previous report's heading.
  it('an empty Markdown report starts at its heading too, and says what the terminal says', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions: []') });
    rmSync(join(dir, 'goals/g-first-customers.md'));
    const expected: Record<string, string> = {
      assumptions: '## Assumptions\n\nNo assumptions in strategy/canvas/10-assumptions.md.',
      campaigns: '## Campaigns\n\nNo campaign threads.',
      goals: '## Goals\n\nNo goals in goals/.',
    };
    for (const [name, text] of Object.entries(expected)) {
      const markdown = await runCli(['report', name, '--md', '--dir', dir], { env });
      expect(markdown.code, markdown.stderr).toBe(0);
      expect(markdown.stdout.trim(), name).toBe(text);
      const terminal = await runCli(['report', name, '--dir', dir], { env });
      expect(terminal.stdout.trim(), name).toBe(text.split('\n\n')[1]);
    }
  });

  it('a cycle in days is rounded to whole days in the pipeline and win/loss reports alike', async () => {
    const dir = exampleWorkspace();
    const winloss = (await runCli(['report', 'winloss', '--md', '--dir', dir], { env })).stdout;
    const pipeline = (await runCli(['report', 'pipeline', '--md', '--dir', dir], { env })).stdout;
    const forecast = (await runCli(['report', 'forecast', '--md', '--dir', dir], { env })).stdout;
    for (const text of [winloss, pipeline, forecast]) expect(text).not.toMatch(/\d\.\d+ days/);
    const won = /ARR in (\d+) days/.exec(winloss)?.[1];
    const cycle = /cycle (\d+) days average/.exec(pipeline)?.[1];
    expect(won).toBeDefined();
    expect(won).toBe(cycle);
  });

  it('one deal is counted as one deal, not "1 deals", in the win/loss and pipeline reports', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('date: 2026-03-01'),
      'threads/sales/acme/6-learning.md': md('outcome: closed-won\narr: 36000\nclosed: 2026-05-01'),
      'threads/sales/beta/meta.json': dealMeta('beta'),
      'threads/sales/beta/1-input.md': md('date: 2026-03-01'),
    });
    const winloss = await runCli(['report', 'winloss', '--md', '--dir', dir], { env });
    expect(winloss.code, winloss.stderr).toBe(0);
    expect(winloss.stdout).toContain('\n1 closed deal: 1 won, 0 lost ·');
    const pipeline = await runCli(['report', 'pipeline', '--dir', dir], { env });
    expect(pipeline.code, pipeline.stderr).toBe(0);
    expect(pipeline.stdout).toContain('open 1 deal worth');
    expect(`${winloss.stdout}${pipeline.stdout}`).not.toMatch(/\b1 (closed |open |scored )?deals\b/);
  });

  it('a cycle of one day is "1 day", not "1 days", in the pipeline and win/loss reports', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('date: 2026-03-01'),
      'threads/sales/acme/6-learning.md': md('outcome: closed-won\narr: 36000\nclosed: 2026-03-02'),
    });
    const winloss = await runCli(['report', 'winloss', '--md', '--dir', dir], { env });
    expect(winloss.code, winloss.stderr).toBe(0);
    expect(winloss.stdout).toContain('average won 36,000 ARR in 1 day\n');
    const pipeline = await runCli(['report', 'pipeline', '--md', '--dir', dir], { env });
    expect(pipeline.code, pipeline.stderr).toBe(0);
    expect(pipeline.stdout).toContain('cycle 1 day average, 1 median');
    expect(`${winloss.stdout}${pipeline.stdout}`).not.toMatch(/\b1 days\b/);
  });
});
