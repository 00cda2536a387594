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
});
