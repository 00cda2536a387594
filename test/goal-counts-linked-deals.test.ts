import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

/*
 * The pipeline report (and the demo's pipeline box) counts every deal; a goal counts only
 * the deals whose meta.json names it. A new user saw "won 4 (112,500 ARR)" above a goal at
 * "won_arr 88,500" with nothing on screen saying why the two disagree. Each goal now says
 * how many of the workspace's deals it counts, in the terminal, in Markdown and in JSON.
 */
describe('a goal says it counts only the deals linked to it', () => {
  const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-22', NO_COLOR: '1' };

  it('names its linked deals out of every deal the pipeline counts, in report goals, --md and --json', async () => {
    const dir = exampleWorkspaceCopy();
    // The example's 8 deals: 5 linked to g-arr-500k-2026, 3 to g-fintech-beachhead; one more linked to none.
    const opened = await runCli(['deal', 'new', 'Unlinked Co', '--segment', 'mid-market-fintech'], { cwd: dir, env });
    expect(opened.code, opened.stderr).toBe(0);

    const text = await runCli(['report', 'goals'], { cwd: dir, env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('counts 5 of the 9 deals: those linked to it (goal_id in meta.json)');
    expect(text.stdout).toContain('counts 3 of the 9 deals: those linked to it (goal_id in meta.json)');

    const md = await runCli(['report', 'goals', '--md'], { cwd: dir, env });
    expect(md.stdout).toContain('It counts 5 of the 9 deals: those linked to it (`goal_id` in meta.json).');

    const json = await runJson<{ deals: number; goals: { id: string }[] }>(['report', 'goals'], { cwd: dir, env });
    expect(json.json.deals).toBe(9);

    // The pipeline report counts the 9: open, won, lost, stalled and parked add up to them.
    const pipeline = await runJson<{ totals: { open: number }; closed: { won: number; lost: number; stalled: number; parked: number } }>(['report', 'pipeline'], { cwd: dir, env });
    const { totals, closed } = pipeline.json;
    expect(totals.open + closed.won + closed.lost + closed.stalled + closed.parked).toBe(9);
  });

  it('is said in the demo, under the pipeline box that counts every won deal', async () => {
    const result = await runCli(['demo'], { env });
    expect(result.code, result.stderr).toBe(0);
    const dir = /Copied the example workspace to (\S+) /.exec(result.stdout)?.[1];
    try {
      // The demo opens one more deal, linked to g-arr-500k-2026.
      expect(result.stdout).toContain('counts 6 of the 9 deals: those linked to it (goal_id in meta.json)');
      expect(result.stdout).toContain('counts 3 of the 9 deals: those linked to it (goal_id in meta.json)');
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
