import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportCommand } from '../src/cli/commands/report.js';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { commandJsonAsCli, commandTextAsCli } from './helpers/in-process.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const env = { THREADWORK_TODAY: '2026-12-01' };

/*
 * The first test prints the report in the terminal and in Markdown as processes; its JSON, and
 * the reports of the tests after it, are the report command's own function on the same day.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

/** What `threadwork report forecast [--md] --dir <dir>` prints on `env`'s day, without a process. */
const forecastText = (dir: string, flags: { md?: boolean } = {}) => commandTextAsCli(() => reportCommand('forecast', flags, { dir, json: false }), env);

/** A deal thread at Stage 4 (QUALIFY) or 5 (a pilot under way), or closed won with its ARR. */
function deal(id: string, created: string, arr: number, shape: 'qualified' | 'proposal' | 'won'): Record<string, string> {
  const d = `threads/sales/${id}`;
  const files: Record<string, string> = {
    [`${d}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers', created }),
    [`${d}/1-input.md`]: md(`date: ${created}`),
    [`${d}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${d}/3-implication.md`]: md(`arr_potential: ${arr}`),
    [`${d}/4-decision.md`]: md('decision: QUALIFY'),
  };
  if (shape !== 'qualified') files[`${d}/5-actions.md`] = md(`actions:\n  - {type: sales:pilot, status: completed, completed: ${created}}`);
  if (shape === 'won') files[`${d}/6-learning.md`] = md(`outcome: closed-won\nclosed: 2026-10-15\narr: ${arr}`);
  return files;
}

describe('report forecast on an average deal size target', () => {
  it('ranks a small deal whose win would sink the average by the size of its (negative) swing, and prints it', async () => {
    // Won so far: 30,000 and 50,000 — an average of 40,000 against a 35,000 target. Open: a
    // 5,000 deal and a 60,000 one. Won, the small deal brings the average to 28,333 — short,
    // unless the big one is won too (36,250); lost, it leaves it at 40,000 or 46,667. So
    //   swing(small) = P(big won) − 1,   swing(big) = 1 − (1 − P(small won)) = P(small won):
    // the small deal, likelier won and decisive unless the big one is won, moves the chance most — down.
    const dir = workspace({
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: Size\ndeadline: 2027-03-31\ncreated: 2026-09-01\nmetrics:\n  - name: avg_deal_size\n    target: 35000'),
      ...deal('w1', '2026-09-01', 30_000, 'won'),
      ...deal('w2', '2026-09-05', 50_000, 'won'),
      ...deal('small', '2026-11-15', 5_000, 'proposal'),
      ...deal('big', '2026-11-15', 60_000, 'qualified'),
    });
    gitInit(dir);
    const json = await commandJsonAsCli<{ goals: { metric: string; deals: { path: string; pWon: number; swing: number }[] }[] }>(() => reportCommand('forecast', {}, { dir, json: true }), env);
    expect(json.code, JSON.stringify(json.json)).toBe(0);
    const [goal] = json.json.goals;
    expect(goal!.metric).toBe('avg_deal_size');
    const [first, second] = goal!.deals;
    expect(first!.path).toBe('threads/sales/small');
    expect(second!.path).toBe('threads/sales/big');
    // Within the draws' noise (10,000 draws: ±0.02 is four standard errors at most).
    expect(Math.abs(first!.swing - (second!.pWon - 1))).toBeLessThan(0.02);
    expect(Math.abs(second!.swing - first!.pWon)).toBeLessThan(0.02);
    expect(Math.abs(first!.swing)).toBeGreaterThan(Math.abs(second!.swing));

    const text = await runCli(['report', 'forecast', '--dir', dir], { env });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/small +proposal +5,000 +\d+% +−\d+\.\d pts +█+/);
    const mdOut = await runCli(['report', 'forecast', '--md', '--dir', dir], { env });
    expect(mdOut.stdout.indexOf('| threads/sales/small |')).toBeLessThan(mdOut.stdout.indexOf('| threads/sales/big |'));
    expect(mdOut.stdout).toMatch(/\| threads\/sales\/small \|.*\| −\d+\.\d pts \|/);
  });
});

describe('report forecast when no target is in doubt', () => {
  it('says that no deal moves a chance rather than ranking swings of 0.0 pts', async () => {
    const dir = workspace({
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: Size\ndeadline: 2026-11-30\ncreated: 2026-09-01\nmetrics:\n  - name: won_count\n    target: 3'),
      ...deal('w1', '2026-09-01', 30_000, 'won'),
      ...deal('open', '2026-11-15', 60_000, 'qualified'),
    });
    gitInit(dir);
    // Past the deadline: 1 won of 3 stays 1 whatever the open deal does (chance 0%).
    const text = await forecastText(dir);
    expect(text.code, text.stdout).toBe(0);
    expect(text.stdout).toContain('open deals: every target is certain or out of reach by 2026-11-30, so none moves a chance');
    expect(text.stdout).not.toContain('deals that move the chance');
    const mdOut = await forecastText(dir, { md: true });
    expect(mdOut.stdout).toContain('#### Open deals: every target is certain or out of reach by 2026-11-30, so none moves a chance');
  });
});

describe('report forecast on a goal no open deal is linked to', () => {
  it('says there is no open deal, once, not also that every target is certain or out of reach', async () => {
    const dir = workspace({
      'goals/g-first-customers.md': md('id: g-first-customers\ntitle: Size\ndeadline: 2027-03-31\ncreated: 2026-09-01\nmetrics:\n  - name: won_count\n    target: 3'),
      ...deal('w1', '2026-09-01', 30_000, 'won'),
    });
    gitInit(dir);
    const text = await forecastText(dir);
    expect(text.code, text.stdout).toBe(0);
    expect(text.stdout).toContain('no open deal linked to this goal');
    expect(text.stdout).not.toContain('certain or out of reach');
    const mdOut = await forecastText(dir, { md: true });
    expect(mdOut.code, mdOut.stdout).toBe(0);
    expect(mdOut.stdout).toContain('#### Open deals\n\n_No open deal is linked to this goal._');
    expect(mdOut.stdout).not.toContain('certain or out of reach');
  });
});
