import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { INIT_ENV as env, INIT_GOAL as GOAL, initialisedWorkspace as initialised } from './helpers/initialised-goal.js';
import { md, read, replaceInFile, writeFiles } from './helpers/testdir.js';
import { dealMeta } from './helpers/workspace.js';

/*
 * A subgoal counts only the deals linked to it, and a deal names one subgoal. The goal
 * `init` scaffolds had steps of one count — SG2 "close the first paying customer" (1 win),
 * SG3 "close three paying customers" (3 wins), SG1 ten open deals — so a deal won on SG2
 * left SG3 at 0/3, and three wins made the goal achieved beside SG1 and SG3 still short.
 * Its subgoals are parts that add up to the goal now (2 + 1 customers), as docs/file-formats.md says.
 */
describe("the scaffolded goal's subgoals", () => {
  it('are all completed when the goal is achieved: two deals won on SG1 and one on SG2 make three', async () => {
    const dir = await initialised();
    replaceInFile(dir, 'strategy/canvas/04-segments.md', 'segments: []\n', 'segments:\n  - id: mid-market-fintech\n    name: Mid-market fintech\n');
    const won = (id: string, subgoal: string): Record<string, string> => ({
      [`threads/sales/${id}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers', subgoal, created: '2026-11-22' }),
      ...Object.fromEntries(['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions'].map((stage) => [`threads/sales/${id}/${stage}.md`, md('date: 2026-11-22')])),
      [`threads/sales/${id}/6-learning.md`]: md('outcome: closed-won\nclosed: 2026-11-22\narr: 12000'),
    });
    writeFiles(dir, { ...won('acme', 'SG2'), ...won('globex', 'SG1'), ...won('initech', 'SG1') });
    const synced = await runCli(['sync'], { cwd: dir, env });
    expect(synced.code, synced.stdout + synced.stderr).toBe(0);

    const goal = read(dir, GOAL);
    expect(goal).toContain('**Status:** achieved');
    const rows = goal.split('\n').filter((line) => line.startsWith('| SG'));
    expect(rows.map((row) => row.split(' | ').slice(0, 4).join(' | '))).toEqual([
      '| SG1 | Win two customers from outbound | 2/2 | completed',
      "| SG2 | Win one customer through the founders' network | 1/1 | completed",
    ]);
  });
});
