import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { read } from './helpers/testdir.js';
import { ASSUMPTIONS, workspace } from './helpers/workspace.js';

/**
 * A figure shown to two decimals is rounded a half up, as the confidence beside it is
 * (docs/derivation.md). The prior went through toFixed, which rounds the binary value: a
 * prior of 0.285 (0.28499… as a double) showed as 0.28 in the canvas table and every
 * report, where 0.125 (exact in binary) showed 0.13.
 */
describe('an assumption prior with a third decimal', () => {
  it('shows a half rounded up, the same in the canvas table, the report and its --md', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': ASSUMPTIONS.replace('prior: 0.6', 'prior: 0.285').replace('prior: 0.5', 'prior: 0.125') });
    gitInit(dir);
    const env = { THREADWORK_TODAY: '2026-12-01' };
    const sync = await runCli(['sync'], { cwd: dir, env });
    expect(sync.code, sync.stderr).toBe(0);
    const table = read(dir, 'strategy/canvas/10-assumptions.md');
    expect(table).toMatch(/\| A1 \| [^|]+ \| 0\.29 \| 0\.29 \| untested \|/);
    expect(table).toMatch(/\| A2 \| [^|]+ \| 0\.13 \| 0\.13 \| untested \|/);
    const text = await runCli(['report', 'assumptions'], { cwd: dir, env });
    expect(text.stdout).toContain('0.29 → 0.29');
    expect(text.stdout).toContain('0.13 → 0.13');
    const markdown = await runCli(['report', 'assumptions', '--md'], { cwd: dir, env });
    expect(markdown.stdout).toMatch(/\| A1 \| [^|]+ \| 0\.29 \| 0\.29 \| untested \|/);
    // --json keeps the prior as written.
    const json = await runJson<{ assumptions: { id: string; prior: number }[] }>(['report', 'assumptions'], { cwd: dir, env });
    expect(json.json.assumptions.find((a) => a.id === 'A1')?.prior).toBe(0.285);
  });
});
