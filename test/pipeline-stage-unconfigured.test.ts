import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

interface PipelineJson {
  stages: { stage: string; count: number; probability: number; configured?: boolean }[];
  funnel: { stage: string; reached: number }[];
  totals: { open: number };
}

/**
 * The engine derives an open deal's pipeline stage from its files (lead, qualified,
 * discovery, proposal, negotiation); its probability comes from `pipeline.stages` in
 * threadwork.config.yaml. With `discovery` taken out of the config, a deal in a demo
 * counted at probability 0 and `report pipeline` dropped it from its rows ("open 5 deals"
 * over rows that add up to 4) and from its funnel, while check said nothing.
 */
describe('an open deal whose pipeline stage is not in the config', () => {
  /** The example with Oakline's pilot not begun (its demo done: discovery), and discovery not configured. */
  function withoutDiscovery(): string {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/oakline-outfitters/5-actions.md', '  - type: sales:pilot\n    status: in_progress\n', '  - type: sales:pilot\n    status: pending\n');
    replaceInFile(dir, 'threadwork.config.yaml', '    - {name: discovery, probability: 0.4}\n', '');
    return dir;
  }

  it('is a check warning at the deal meta.json, naming the stage and the config', async () => {
    const dir = withoutDiscovery();
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(code).toBe(0);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.field}`)).toEqual([
      'threads/sales/oakline-outfitters/meta.json:12:21 warning pipeline-stage-unconfigured pipeline_stage',
    ]);
    expect(json.diagnostics[0]!.message).toBe(
      'Pipeline stage `discovery` is not in `pipeline.stages` of threadwork.config.yaml: this open deal counts at probability 0 — left out of the weighted pipeline, and never won in the goals\' forecast. Add `{name: discovery, probability: …}` to `pipeline.stages` (the stages the engine derives: lead, qualified, discovery, proposal, negotiation, closed-won)',
    );
  });

  it('is counted in a row of its own in report pipeline, marked as not configured, and in the funnel', async () => {
    const dir = withoutDiscovery();
    const configured = exampleWorkspaceCopy();
    replaceInFile(configured, 'threads/sales/oakline-outfitters/5-actions.md', '  - type: sales:pilot\n    status: in_progress\n', '  - type: sales:pilot\n    status: pending\n');
    const before = await runJson<PipelineJson>(['report', 'pipeline'], { cwd: configured });
    const { json } = await runJson<PipelineJson>(['report', 'pipeline'], { cwd: dir });
    expect(json.stages.reduce((sum, s) => sum + s.count, 0)).toBe(json.totals.open);
    expect(json.stages.find((s) => s.stage === 'discovery')).toEqual({ stage: 'discovery', probability: 0, count: 1, value: 36_000, weighted: 0, configured: false });
    expect(json.stages.filter((s) => s.configured !== undefined)).toHaveLength(1);
    // The deal reached lead and qualified, both configured: the funnel counts it there as before.
    const reached = (report: PipelineJson): Record<string, number> => Object.fromEntries(report.funnel.map((f) => [f.stage, f.reached]));
    expect(reached(json)).toEqual(Object.fromEntries(Object.entries(reached(before.json)).filter(([stage]) => stage !== 'discovery')));
    const text = await runCli(['report', 'pipeline'], { cwd: dir });
    expect(text.stdout).toMatch(/discovery \(not in config\) +1 +36,000 +0% +0/);
    expect(text.stdout).toContain('1 deal at discovery, not in pipeline.stages (threadwork.config.yaml): counted at 0%');
  });
});
