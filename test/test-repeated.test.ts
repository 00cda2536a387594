import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/*
 * The fourth review: `tests: [A1, A1]` was taken without a word, and a later
 * `validation-untested` read "tests A1, A1".
 */
describe('an assumption listed twice in tests', () => {
  it('is warned about at the second entry, and named once by the messages that list the tests', async () => {
    const dir = exampleWorkspaceCopy();
    const hypothesis = join(dir, 'threads/sales/harbor-lending/2-hypothesis.md');
    writeFileSync(hypothesis, readFileSync(hypothesis, 'utf8').replace('tests: [A1, A3, A5]', 'tests: [A1, A3, A1, A5]'));
    const learning = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace('  - assumption: A3\n', '  - assumption: A2\n'));
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    const repeated = diagnostics.filter((d) => d.rule === 'test-repeated');
    expect(repeated).toEqual([expect.objectContaining({ path: 'threads/sales/harbor-lending/2-hypothesis.md', line: 2, severity: 'warning', field: 'tests[2]' })]);
    expect(repeated[0]!.message).toBe('Assumption `A1` is listed twice in `tests` (tests[0]): a thread tests an assumption once. Remove this entry');
    const untested = diagnostics.find((d) => d.rule === 'validation-untested');
    expect(untested?.message).toContain('threads/sales/harbor-lending/2-hypothesis.md tests A1, A3, A5.');
  });

  it('is not warned about in the example', async () => {
    const { diagnostics } = await (await openWorkspace(exampleWorkspaceCopy())).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'test-repeated')).toEqual([]);
  });
});
