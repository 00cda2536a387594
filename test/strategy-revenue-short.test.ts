import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md, read } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

/**
 * A segment's revenue band, shortened in the generated narrative: to two decimals of its
 * unit, a half up, promoted to the next unit at a thousand. `$1.45M` to `$999.95M` read
 * `$1.4M–$1000M` (toFixed(1) of the binary 1.4499…, and no promotion).
 */
describe('threadwork strategy', () => {
  it('writes a revenue band as the user wrote it, shortened half up, never 1000M', async () => {
    const dir = workspace({
      'strategy/canvas/04-segments.md': md('title: Segments\nsegments:\n  - id: mid-market-fintech\n    name: Mid-market fintech\n    filters:\n      industry: [payments]\n      revenue: {min: "$1.45M", max: "$999.995M"}'),
    });
    gitInit(dir);
    const result = await runCli(['strategy', '--dir', dir], { env: { THREADWORK_TODAY: '2026-06-01' } });
    expect(result.code, result.stderr).toBe(0);
    expect(read(dir, 'artifacts/sales/mid-market-fintech/narrative/specifics-narrative.md')).toContain('| Annual revenue | $1.45M–$1B |');
  });
});
