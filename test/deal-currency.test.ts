import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}
interface PipelineJson {
  totals: { value: number; weighted: number; withoutValue: number; otherCurrency: number };
  closed: { won: number; wonArr: number; wonWithoutArr: number };
}
interface ForecastJson {
  goals: { id: string; deals: { path: string; value: number | null }[] }[];
}

/**
 * A workspace counts in one currency (11-pricing `currency`, USD in the example). A deal
 * amount written in another, `"€50k"` beside the dollar deals, was added as if it were
 * dollars: the pipeline said 86,000 where the dollar deals were worth 36,000, won ARR
 * 78,000 with €36k in it. Such an amount is now left out of every sum, and check names it.
 */
describe('deal amounts in another currency than the workspace counts in', () => {
  it('are left out of the pipeline, won ARR and the forecast, each named by check at its value', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: "€50k"');
    replaceInFile(dir, 'threads/sales/harbor-lending/6-learning.md', 'arr: 36000', 'arr: "EUR 36,000"');

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.rule === 'amount-other-currency').map((d) => `${d.path}:${d.line}:${d.column} ${d.severity}`)).toEqual([
      'threads/sales/harbor-lending/6-learning.md:4:6 warning',
      'threads/sales/meridian-pay/3-implication.md:2:16 warning',
    ]);
    expect(check.json.diagnostics.find((d) => d.path.includes('meridian-pay'))?.message).toBe(
      "`arr_potential` is in EUR, the workspace counts USD (11-pricing `currency`): it is left out of the pipeline value, the weighted pipeline, the goals' forecasts and the deal's priority, not added as if it were USD. Write the amount in USD, or, if the workspace counts in EUR, set `currency: EUR` in strategy/canvas/11-pricing.md",
    );

    const pipeline = await runJson<PipelineJson>(['report', 'pipeline', '--dir', dir]);
    // 36,000 (oakline-outfitters) is the open dollar deals' worth; €50k is not added to it.
    // meridian-pay has an arr_potential, only in euros: not one of the two deals without one.
    expect(pipeline.json.totals).toMatchObject({ value: 36000, withoutValue: 2, otherCurrency: 1 });
    const text = await runCli(['report', 'pipeline', '--dir', dir]);
    expect(text.stdout).toContain('open 4 deals worth 36,000 (2 deals without arr_potential, 1 deal with arr_potential in another currency, counted as 0)');
    // northwind-payments' 42,000; harbor-lending's EUR 36,000 counts as a win without its ARR.
    expect(pipeline.json.closed).toMatchObject({ won: 2, wonArr: 42000, wonWithoutArr: 1 });

    const forecast = await runJson<ForecastJson>(['report', 'forecast', '--dir', dir]);
    const meridian = forecast.json.goals.flatMap((g) => g.deals).find((d) => d.path === 'threads/sales/meridian-pay');
    expect(meridian?.value).toBeNull();
  });

  it('count in a workspace that counts in their currency, where a dollar amount is the one left out', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'currency: USD', 'currency: EUR');
    replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', 'arr_potential: "€50k"');
    replaceInFile(dir, 'threads/sales/oakline-outfitters/3-implication.md', 'arr_potential: 36000', 'arr_potential: "$36k"');

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.rule === 'amount-other-currency').map((d) => d.path)).toEqual(['threads/sales/oakline-outfitters/3-implication.md']);
    const pipeline = await runJson<PipelineJson>(['report', 'pipeline', '--dir', dir]);
    expect(pipeline.json.totals).toMatchObject({ value: 50000 });
  });

  /**
   * A deal's priority sizes its `arr_potential` against the `avg_deal_size` target (USD in
   * the example). `"€500k"` was read as 500,000 dollars there: meridian-pay (ICP 0.81,
   * strategic medium) turned `high` on a value the pipeline itself leaves out. Its value
   * is unknown for the priority too, as if no arr_potential were written.
   */
  it('are left out of the deal\'s priority, as an arr_potential not written is', async () => {
    const priorityWith = async (arrPotential: string): Promise<string> => {
      const dir = exampleWorkspaceCopy();
      replaceInFile(dir, 'threads/sales/meridian-pay/3-implication.md', 'arr_potential: 42000', `arr_potential: ${arrPotential}`);
      await runCli(['sync', '--dir', dir]);
      return (JSON.parse(read(dir, 'threads/sales/meridian-pay/meta.json')) as { priority: string }).priority;
    };
    // (0.81·0.40 + 1·0.35 + 0.5·0.25) = 0.80 in dollars; without a value (0.81·0.40 + 0.5·0.25) / 0.65 = 0.69.
    expect(await priorityWith('"$500k"')).toBe('high');
    expect(await priorityWith('null')).toBe('medium');
    expect(await priorityWith('"€500k"')).toBe('medium');
  });
});
