import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * A won deal without its `arr` counts as won and is left out of the won ARR: the pipeline
 * report says so ("won 2 (36,000 ARR, 1 won without ARR)"), but the win/loss report's
 * average won value left it out without a word — "average won 36,000 ARR" over one of the
 * two wins — and its JSON had no count of them either.
 */
describe('the win/loss average won value with a win that has no arr', () => {
  it('says how many wins it leaves out, in the text, the Markdown and the JSON, as the pipeline report does', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000\n', 'arr: null\n');
    const [text, md, json, pipeline] = await Promise.all([
      runCli(['report', 'winloss'], { cwd: dir }),
      runCli(['report', 'winloss', '--md'], { cwd: dir }),
      runJson<{ won: number; averageWonArr: number | null; wonWithoutArr: number }>(['report', 'winloss'], { cwd: dir }),
      runCli(['report', 'pipeline'], { cwd: dir }),
    ]);
    expect(json.json).toMatchObject({ won: 2, averageWonArr: 36_000, wonWithoutArr: 1 });
    for (const out of [text.stdout, md.stdout]) expect(out).toContain('average won 36,000 ARR (1 won without ARR) in');
    expect(pipeline.stdout).toContain('won 2 (36,000 ARR, 1 won without ARR)');
  });

  it('says nothing more when every win has one', async () => {
    const { json } = await runJson<{ wonWithoutArr: number }>(['report', 'winloss'], { cwd: exampleWorkspaceCopy() });
    expect(json.wonWithoutArr).toBe(0);
    expect((await runCli(['report', 'winloss'], { cwd: exampleWorkspaceCopy() })).stdout).toMatch(/average won 39,000 ARR in \d+ days/);
  });
});
