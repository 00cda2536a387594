import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/** The stage templates' money examples are written in the workspace's currency (11-pricing `currency`). */
describe("a new stage file's money example", () => {
  it.each([
    ['EUR', '("€36k")'],
    ['GBP', '("£36k")'],
    ['USD', '("$36k")'],
    // No sign the money reader knows: a plain amount, which counts in the workspace's currency.
    ['CHF', '("36k")'],
  ])('in a %s workspace reads %s in Stage 3', async (currency, example) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'currency: USD', `currency: ${currency}`);
    const advanced = await runCli(['advance', 'cobalt-remit', '--no-commit', '--dir', dir]);
    expect(advanced.code).toBe(0);
    const implication = readFileSync(join(dir, 'threads/sales/cobalt-remit/3-implication.md'), 'utf8');
    expect(implication).toContain(`as people write it ${example},`);
  });

  // A Munich user's first deal read revenue examples in dollars ("$45M") in a euro workspace.
  it.each([
    ['EUR', '("€45M", "500k")', '"Series B, €40M"'],
    ['CHF', '("45M", "500k")', '"Series B, 40M"'],
  ])('in a %s workspace reads %s in a new deal\'s Stage 1', async (currency, revenue, signal) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'currency: USD', `currency: ${currency}`);
    const opened = await runCli(['deal', 'new', 'Müller & Söhne GmbH', '--segment', 'mid-market-fintech', '--no-commit', '--dir', dir]);
    expect(opened.code, opened.stderr).toBe(0);
    const input = readFileSync(join(dir, 'threads/sales/mueller-und-soehne-gmbh/1-input.md'), 'utf8');
    expect(input).toContain(`as people write it ${revenue}\n`);
    expect(input).toContain(`detail: ${signal}`);
  });
});
