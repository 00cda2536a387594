import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' };
const GOAL = 'goals/g-arr-500k-2026.md';

/**
 * A goal metric's baseline moves only its progress column (from the baseline to the target,
 * docs/derivation.md). The state block was rewritten and committed, but the change list and
 * the commit body said `goals/…: state block rewritten` — the words for a table edited by
 * hand — instead of what moved: the won ARR's progress 8% → 5%.
 */
describe('a goal metric baseline edited', () => {
  it('is described by the progress it moves, in the dry run, the sync and the commit body', async () => {
    const dir = exampleWorkspaceCopy();
    // 42,000 of 500,000 is 8%; from a baseline of 20,000 it is 22,000 of 480,000: 5%.
    replaceInFile(dir, GOAL, '  - name: won_arr\n    target: 500000\n', '  - name: won_arr\n    target: 500000\n    baseline: 20000\n');
    const dry = await runCli(['sync', '--dry-run', '--dir', dir], { env });
    expect(dry.stdout).toContain('g-arr-500k-2026 progress won_arr 8% → 5%');
    expect(dry.stdout).not.toContain('block rewritten');
    const sync = await runCli(['sync', '--dir', dir], { env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain('g-arr-500k-2026 progress won_arr 8% → 5%');
    const body = await runCli(['history', 'g-arr-500k-2026', '--dir', dir], { env });
    expect(body.stdout).toContain('progress won_arr 8% → 5%');
    expect((await runCli(['sync', '--dry-run', '--dir', dir], { env })).stdout).toContain('in sync: nothing to write');
  });
});
