import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * An employee range written the wrong way round (`{min: 2000, max: 200}`) passed check,
 * in a segment's filters and in an ICP, where a revenue range the wrong way round is an
 * error: every company then failed the size filter, and the ICP scored none as a fit,
 * with nothing said. It is an error at the max, in the words a money range's gets.
 */
describe('an employee range whose max is below its min', () => {
  it('is a schema error at the max, in a segment filter and in an ICP', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/04-segments.md', 'employees: {min: 200, max: 2000}', 'employees: {min: 2000, max: 200}');
    replaceInFile(dir, 'research/customer/icp/mid-market-fintech-icp.yaml', '    min: 200\n', '    min: 3000\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'research/customer/icp/mid-market-fintech-icp.yaml:27:10 Invalid `firmographics.employees.max`: expected a max of at least the min (3000) (got 2000)',
      'strategy/canvas/04-segments.md:11:35 Invalid `segments[0].filters.employees.max`: expected a max of at least the min (2000) (got 200)',
    ]);
  });
});
