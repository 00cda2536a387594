import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * A workspace counts in one currency (11-pricing `currency`). The reports showed their
 * amounts with none (`36,000` in a euro workspace read as dollars to anyone used to the
 * tool's examples): each report's title now names it, and --json carries it as `currency`.
 */
const GOAL = 'Reach $500k ARR by the end of 2026';

describe('reports name the currency the workspace counts in', () => {
  const dir = exampleWorkspaceCopy();
  replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'currency: USD', 'currency: EUR');

  it.each([
    ['pipeline', '─ Pipeline (EUR) ─', '## Pipeline (EUR)'],
    ['winloss', '─ Win/loss (EUR) ─', '## Win/loss (EUR)'],
    ['goals', `─ ${GOAL} · g-arr-500k-2026 (EUR) ─`, `## ${GOAL} (g-arr-500k-2026, EUR)`],
    ['forecast', `─ ${GOAL} · g-arr-500k-2026 (EUR) ─`, /^## Forecast as of \d{4}-\d{2}-\d{2} \(EUR\)$/],
  ] as [string, string, string | RegExp][])('%s, in the terminal and in Markdown', async (report, terminal, markdown) => {
    const text = await runCli(['report', report, '--dir', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(terminal);
    const md = await runCli(['report', report, '--md', '--dir', dir]);
    expect(md.stdout.split('\n')[0]).toMatch(markdown);
  });

  it.each(['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns'])('report %s --json says the currency', async (report) => {
    const json = await runJson<{ currency: string }>(['report', report, '--dir', dir]);
    expect(json.json.currency).toBe('EUR');
  });
});
