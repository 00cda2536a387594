import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitEnv, gitInit } from './helpers/git.js';
import { md, testdir, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

function deal(id: string, tests: string): Record<string, string> {
  const path = `threads/sales/${id}`;
  return {
    [`${path}/meta.json`]: dealMeta(id),
    [`${path}/1-input.md`]: md('source: inbound\ndate: 2026-03-01\nsignal: Asked\ncontact: {name: Pat}\ncompany: {name: X}'),
    [`${path}/2-hypothesis.md`]: md(`tests: [${tests}]\ninitial_confidence: 0.5`),
    [`${path}/3-implication.md`]: md('arr_potential: 30000\nstrategic_value: medium'),
    [`${path}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\nreasoning: Fits'),
    [`${path}/5-actions.md`]: md('actions:\n  - {type: sales:close, status: completed, completed: 2026-03-20}'),
  };
}

function learning(id: string, assumption: string): Record<string, string> {
  return { [`threads/sales/${id}/6-learning.md`]: md(`outcome: closed-won\nclosed: 2026-03-25\narr: 30000\nvalidations:\n  - {assumption: ${assumption}, result: validated, evidence: They said so}`) };
}

interface HistoryJson {
  entries: { subject: string; changes: string[]; triggers: string[] }[];
}

/*
 * One sync over several deals commits every source it derived from, and `history A1` named
 * each of them as what triggered A1's change — the learning of a deal that tests only A2,
 * every stage file of every deal, the goal and the metrics targets. A thread's files are
 * now named for an assumption only when that thread tests or validates it.
 */
describe('history of an assumption names only the files that moved it', () => {
  it.each([
    { name: 'at the top of the repository', prefix: '' },
    { name: 'in a subfolder of the repository', prefix: 'gtm/' },
  ])('$name: a sync of two deals names each deal\'s learning under its own assumption', async ({ prefix }) => {
    const made = workspace({ ...deal('alpha', 'A1'), ...deal('beta', 'A2') });
    const top = prefix ? testdir() : made;
    if (prefix) {
      mkdirSync(join(top, prefix), { recursive: true });
      renameSync(made, join(top, prefix, 'ws'));
    }
    const dir = prefix ? join(top, prefix, 'ws') : made;
    gitInit(top, { commit: false });
    const env = gitEnv({ THREADWORK_TODAY: '2026-03-26' });
    expect((await runCli(['sync', '--dir', dir], { env })).code).toBe(0);
    writeFiles(dir, { ...learning('alpha', 'A1'), ...learning('beta', 'A2') });
    const sync = await runCli(['sync', '--dir', dir], { env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(git(top, 'show', '--name-only', '--format=', 'HEAD')).toContain('threads/sales/beta/6-learning.md');

    const a1 = await runJson<HistoryJson>(['history', 'A1', '--dir', dir], { env });
    expect(a1.code, a1.stderr).toBe(0);
    const a1Learned = a1.json.entries.find((e) => e.changes.some((c) => c.startsWith('A1 confidence 0.')));
    expect(a1Learned?.triggers).toEqual(['threads/sales/alpha/6-learning.md']);

    const a2 = await runJson<HistoryJson>(['history', 'A2', '--dir', dir], { env });
    const a2Learned = a2.json.entries.find((e) => e.changes.some((c) => c.startsWith('A2 confidence 0.')));
    expect(a2Learned?.triggers).toEqual(['threads/sales/beta/6-learning.md']);

    // The first sync committed both deals whole: A1's first entry names its deal's hypothesis and the canvas, no file of beta's.
    const first = a1.json.entries.at(-1)!;
    expect(first.changes).toEqual([expect.stringMatching(/^A1 confidence — → 0\.60/)]);
    expect(first.triggers).toContain('threads/sales/alpha/2-hypothesis.md');
    expect(first.triggers).toContain('strategy/canvas/10-assumptions.md');
    expect(first.triggers.filter((t) => t.includes('beta') || t.startsWith('goals/'))).toEqual([]);
  });
});
