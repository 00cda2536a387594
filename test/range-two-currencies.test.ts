import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A range written in one string whose ends name two currencies (`"$30k-€50k"`) is refused
 * (docs/file-formats.md, "Money"). Written as `{min, max}` it was read in the min's
 * currency: `{min: "$20k", max: "€40k"}` in the USD example counted as 30,000 dollars in
 * the pipeline, with nothing said. It is the same schema error, at the max.
 */
describe('an arr_potential {min, max} whose ends name two currencies', () => {
  it('is a schema error at the max, as the same range written in one string is', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/meridian-pay/3-implication.md';
    replaceInFile(dir, path, 'arr_potential: 42000', 'arr_potential: {min: "$20k", max: "€40k"}');
    const check = await runJson<{ diagnostics: { path: string; line: number; column: number; rule: string; severity: string; message: string }[] }>(['check', '--dir', dir]);
    const found = check.json.diagnostics.filter((d) => d.path === path && d.severity === 'error');
    expect(found.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['2:35 schema']);
    expect(found[0]!.message).toContain('the min and the max name two currencies, $ and €: write both ends in one');
  });
});
