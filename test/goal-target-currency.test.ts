import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { read, replaceInFile } from './helpers/testdir.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' };
const GOAL = 'goals/g-arr-500k-2026.md';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
}
interface GoalsJson {
  goals: {
    id: string;
    progress: number;
    metrics: { name: string; gap: number | null; progress: number; otherCurrency?: string }[];
    subgoals: { id: string; status: string; otherCurrency?: string }[];
    forecast: { metrics: { name: string }[] } | null;
  }[];
}

/**
 * The figures are in the workspace's currency (11-pricing `currency`, USD in the example). A
 * goal's money target written in another, `"€500k"`, was compared with them as if it were
 * dollars, with nothing said: 42,000 USD read as 8% of €500k, and a subgoal of `"€40k"` was
 * completed by 42,000 USD and its `reached` day recorded in the goal file for good.
 */
describe('a goal money target in another currency than the workspace counts in', () => {
  it('is named by check at the value and compared with no figure: no progress, no forecast, no reached day', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, GOAL, '  - name: won_arr\n    target: 500000\n', '  - name: won_arr\n    target: "€500k"\n');
    replaceInFile(dir, GOAL, '    metric: won_count\n    target: 5\n', '    metric: won_arr\n    target: "€40k"\n');

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.json.diagnostics.filter((d) => d.rule === 'amount-other-currency').map((d) => `${d.path}:${d.line}:${d.column} ${d.severity}`)).toEqual([
      `${GOAL}:9:13 warning`,
      `${GOAL}:18:13 warning`,
    ]);

    const report = await runJson<GoalsJson>(['report', 'goals', '--dir', dir], { env });
    const goal = report.json.goals.find((g) => g.id === 'g-arr-500k-2026')!;
    expect(goal.metrics.find((m) => m.name === 'won_arr')).toMatchObject({ otherCurrency: 'EUR', gap: null, progress: 0 });
    // The goal is as far as its furthest-behind metric that can be judged: won_count, 1 of 12.
    expect(goal.progress).toBe(goal.metrics.find((m) => m.name === 'won_count')!.progress);
    expect(goal.forecast?.metrics.map((m) => m.name)).toEqual(['won_count', 'win_rate']);
    expect(goal.subgoals.find((s) => s.id === 'SG1')).toMatchObject({ otherCurrency: 'EUR', status: 'in_progress' });

    const sync = await runJson<{ ok: boolean }>(['sync', '--dir', dir], { env });
    expect(sync.json.ok).toBe(true);
    const written = read(dir, GOAL);
    expect(written).toContain('| won_arr | 42,000 | 500,000 EUR | — | — (target in EUR) |');
    expect(written).toMatch(/\| SG1 \| Land five mid-market fintech customers \| 42,000\/40,000 EUR \| in_progress \|/);
    expect(written).not.toContain('reached:');
    expect((await runCli(['sync', '--dry-run', '--dir', dir], { env })).stdout).toContain('in sync: nothing to write');
  });
});

/**
 * The same in 13-metrics: `won_arr: "€500k"` was read as 500,000 and shown as the target of
 * the workspace's won ARR in dollars; `avg_deal_size: "€42k"` sized every deal's priority
 * and the sales materials' deal size as dollars. With nothing said.
 */
describe('a 13-metrics money target in another currency than the workspace counts in', () => {
  it('is named by check at the value and shown as no target; the other targets stay, and sync stays a fixed point', async () => {
    const dir = exampleWorkspaceCopy();
    const METRICS = 'strategy/canvas/13-metrics.md';
    replaceInFile(dir, METRICS, '  won_arr: 500000\n', '  won_arr: "€500k"\n');
    const check = await runJson<{ diagnostics: (Diagnostic & { message: string })[] }>(['check', '--dir', dir], { env });
    const found = check.json.diagnostics.filter((d) => d.rule === 'amount-other-currency');
    expect(found.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity}`)).toEqual([`${METRICS}:8:12 warning`]);
    expect(found[0]!.message).toContain('Target `won_arr` is in EUR, the workspace counts USD');
    // Not an unknown target either: the currency kept beside the targets is no key of the file.
    expect(check.json.diagnostics.filter((d) => d.path === METRICS && d.rule !== 'amount-other-currency')).toEqual([]);

    const sync = await runJson<{ ok: boolean }>(['sync', '--dir', dir], { env });
    expect(sync.json.ok).toBe(true);
    const written = read(dir, METRICS);
    expect(written).toContain('| won ARR | 78,000 | — | 78,000 | 0 |');
    expect(written).toContain('| average deal size | 39,000 | 42,000 | 39,000 | — |');
    expect(written).toContain('  won_arr: "€500k"\n');
    expect((await runCli(['sync', '--dry-run', '--dir', dir], { env })).stdout).toContain('in sync: nothing to write');
  });
});
