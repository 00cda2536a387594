import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * Brightcart is an `ecommerce-finance` deal. Its Stage 6 validating A3, an assumption about
 * `mid-market-fintech`, moved that segment's confidence from a customer outside it, and
 * check said nothing. It is now a warning at the entry; the result still counts.
 */

const DEAL = 'threads/sales/brightcart';

async function warnings(dir: string): Promise<string[]> {
  const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
  return json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`);
}

describe("a Stage 6 result for another segment's assumption", () => {
  it('is warned at its entry, and no longer once the assumption is about every segment', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/2-hypothesis.md`, 'tests: [A4, A7]', 'tests: [A4, A3]');
    replaceInFile(dir, `${DEAL}/6-learning.md`, '  - assumption: A7\n', '  - assumption: A3\n');
    expect(await warnings(dir)).toEqual([`${DEAL}/6-learning.md:12:17 validation-other-segment`]);
    // The assumption's segment is read at each check (a kept result would still warn).
    replaceInFile(dir, 'strategy/canvas/10-assumptions.md', 'without a procurement process\n    segment: mid-market-fintech\n', 'without a procurement process\n');
    expect(await warnings(dir)).toEqual([]);
  });
});
