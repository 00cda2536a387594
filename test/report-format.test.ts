import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportCommand } from '../src/cli/commands/report.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson, commandText } from './helpers/in-process.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const env = { THREADWORK_TODAY: '2026-12-01', NO_COLOR: '1' };

/*
 * Speed: these tests are about the reports' words and headings, not the process. Where
 * they can, they ask the report command's own function for the text `threadwork report`
 * prints (commandText: its stdout and exit code, on the same pinned day); the empty
 * assumptions and campaigns reports run the real CLI, in the terminal and in Markdown.
 * The example workspace is built once per file and copied per test.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

/** `threadwork report <name> [--md] --dir <dir>` as printed, without a process. */
function report(name: string, dir: string, flags: { md?: boolean } = {}): ReturnType<typeof commandText> {
  vi.stubEnv('THREADWORK_TODAY', env.THREADWORK_TODAY);
  return commandText(() => reportCommand(name, flags, { dir, json: false }));
}

describe('the reports printed side by side', () => {
  it('every Markdown report starts at the same heading level', async () => {
    const dir = exampleWorkspaceCopy();
    for (const name of ['pipeline', 'assumptions', 'winloss', 'campaigns', 'forecast']) {
      const result = await report(name, dir, { md: true });
      expect(result.code).toBe(0);
      expect(result.stdout, name).toMatch(/^## /);
      expect(result.stdout, name).not.toMatch(/^# /m);
    }
  });

  // Each empty report said only what was missing ("No campaign threads."): it now says what to do next.
  it('an empty assumptions report says so and what to add, as the campaigns report does', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions: []') });
    const campaigns = await runCli(['report', 'campaigns', '--dir', dir], { env });
    expect(campaigns.stdout.trim()).toBe('No campaign threads: open one with `threadwork campaign new`.');
    const terminal = await runCli(['report', 'assumptions', '--dir', dir], { env });
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout.trim()).toBe('No assumptions in strategy/canvas/10-assumptions.md: add them under `assumptions:`, an id, a statement and a prior each (the file shows an example).');
    const markdown = await runCli(['report', 'assumptions', '--md', '--dir', dir], { env });
    expect(markdown.stdout.trim()).toBe('## Assumptions\n\nNo assumptions in strategy/canvas/10-assumptions.md: add them under `assumptions:`, an id, a statement and a prior each (the file shows an example).');
  });

  it('marks a retired assumption as the canvas table does, in Markdown and in the terminal', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions:\n  - {id: A1, statement: Buyers sign in a week, prior: 0.5}\n  - {id: A2, statement: Old pricing holds, prior: 0.5, retired: true}') });
    const markdown = await report('assumptions', dir, { md: true });
    expect(markdown.stdout).toContain('| A1 | Buyers sign in a week | 0.50 |');
    expect(markdown.stdout).toContain('| A2 | ~~Old pricing holds~~ (retired) | 0.50 |');
    const terminal = await report('assumptions', dir);
    expect(terminal.stdout).toMatch(/A2 +Old pricing holds .*untested · retired/);
    expect(terminal.stdout).not.toMatch(/A1 .*retired/);
  });

  // README: "Every `--md` report starts at a `##` heading, so several concatenate into one
  // document" — an empty one too, or its sentence lands under the previous report's heading.
  it('an empty Markdown report starts at its heading too, and says what the terminal says', async () => {
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions: []') });
    rmSync(join(dir, 'goals/g-first-customers.md'));
    const expected: Record<string, string> = {
      assumptions: '## Assumptions\n\nNo assumptions in strategy/canvas/10-assumptions.md: add them under `assumptions:`, an id, a statement and a prior each (the file shows an example).',
      campaigns: '## Campaigns\n\nNo campaign threads: open one with `threadwork campaign new`.',
      goals: '## Goals\n\nNo goals in goals/: add one as goals/{goal-id}.md, with a deadline and metrics with targets.',
    };
    for (const [name, text] of Object.entries(expected)) {
      const markdown = await report(name, dir, { md: true });
      expect(markdown.code).toBe(0);
      expect(markdown.stdout.trim(), name).toBe(text);
      const terminal = await report(name, dir);
      expect(terminal.stdout.trim(), name).toBe(text.split('\n\n')[1]);
    }
  });

  it('a cycle in days is rounded to whole days in the pipeline and win/loss reports alike', async () => {
    const dir = exampleWorkspaceCopy();
    const winloss = (await report('winloss', dir, { md: true })).stdout;
    const pipeline = (await report('pipeline', dir, { md: true })).stdout;
    const forecast = (await report('forecast', dir, { md: true })).stdout;
    for (const text of [winloss, pipeline, forecast]) expect(text).not.toMatch(/\d\.\d+ days/);
    const won = /ARR in (\d+) days/.exec(winloss)?.[1];
    const cycle = /cycle (\d+) days average/.exec(pipeline)?.[1];
    expect(won).toBeDefined();
    expect(won).toBe(cycle);
  });

  // 5 won of 11 is 45.45%: the win/loss analysis rounded it to 0.455 first and printed
  // "46%" where the pipeline report (and the metrics, the goals) print 45%.
  it('a win rate is rounded once, so win/loss and pipeline print the same percent', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 11; i++) {
      const id = `deal-${i}`;
      files[`threads/sales/${id}/meta.json`] = dealMeta(id);
      files[`threads/sales/${id}/1-input.md`] = md('date: 2026-03-01');
      files[`threads/sales/${id}/6-learning.md`] = md(i <= 5 ? 'outcome: closed-won\narr: 36000\nclosed: 2026-05-01' : 'outcome: closed-lost\nclosed: 2026-05-01\nloss_reason: Price');
    }
    const dir = workspace(files);
    const winloss = await report('winloss', dir, { md: true });
    expect(winloss.code).toBe(0);
    expect(winloss.stdout).toContain('5 won, 6 lost · win rate 45% ·');
    expect(winloss.stdout).toContain('| segment | mid-market-fintech | 11 | 5/6 | 45% | ±0 pts |');
    expect(winloss.stdout).not.toContain('46%');
    const pipeline = await report('pipeline', dir, { md: true });
    expect(pipeline.stdout).toContain('win rate 45%');
  });

  // README: days are printed in whole days, "the `--json` data keeps the exact value". The
  // pipeline's JSON gave the metrics' rounded 79 days and 0.67 where winloss gave 78.5 and 0.667.
  it('the pipeline and win/loss JSON keep the exact win rate and cycle days', async () => {
    const dir = exampleWorkspaceCopy();
    vi.stubEnv('THREADWORK_TODAY', env.THREADWORK_TODAY);
    const json = async (name: string): Promise<Record<string, unknown>> => (await commandJson(() => reportCommand(name, {}, { dir, json: true }))).json;
    const pipeline = await json('pipeline');
    const winloss = await json('winloss');
    // The example's two wins took 70 and 87 days; one loss.
    expect(pipeline).toMatchObject({ winRate: 2 / 3, avgCycleDays: 78.5, medianCycleDays: 78.5 });
    expect(winloss).toMatchObject({ winRate: 2 / 3, averageWonCycleDays: 78.5 });
    expect((await report('pipeline', dir)).stdout).toMatch(/win rate 67% · won deals' cycle 79 days average, 79 median/);
  });

  // README: the `--json` data keeps the exact value, the text rounds once. The funnel's
  // conversion was rounded to two decimals in the data itself: 2 of 3 was 0.67.
  it('the pipeline JSON keeps the funnel conversion exact; the text and Markdown print whole percents', async () => {
    const dir = exampleWorkspaceCopy();
    vi.stubEnv('THREADWORK_TODAY', env.THREADWORK_TODAY);
    const { funnel } = (await commandJson(() => reportCommand('pipeline', {}, { dir, json: true }))).json as { funnel: { stage: string; reached: number; conversion: number | null }[] };
    // The example: 3 deals reached proposal, 2 of them negotiation.
    expect(funnel.find((f) => f.stage === 'negotiation')).toEqual({ stage: 'negotiation', reached: 2, conversion: 2 / 3 });
    funnel.forEach((row, i) => expect(row.conversion).toBe(i === 0 ? null : row.reached / funnel[i - 1]!.reached));
    expect((await report('pipeline', dir, { md: true })).stdout).toContain('| negotiation | 2 | 67% |');
    expect((await report('pipeline', dir)).stdout).toMatch(/negotiation +2 +67%/);
  });

  it('a `|` in a group, loss reason or title stays inside its win/loss Markdown cell', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 3; i++) {
      const id = `deal-${i}`;
      files[`threads/sales/${id}/meta.json`] = dealMeta(id);
      files[`threads/sales/${id}/1-input.md`] = md('date: 2026-03-01\ncontact:\n  title: "CFO | COO"\ncompany:\n  industry: "Retail | B2C"');
      files[`threads/sales/${id}/6-learning.md`] = md(i === 1 ? 'outcome: closed-won\narr: 36000\nclosed: 2026-05-01' : 'outcome: closed-lost\nclosed: 2026-05-01\nloss_reason: "Price | terms"');
    }
    const winloss = await report('winloss', workspace(files), { md: true });
    expect(winloss.code).toBe(0);
    expect(winloss.stdout).toContain('| industry | Retail \\| B2C | 3 | 1/2 |');
    expect(winloss.stdout).toContain('| Price \\| terms | 2 | 100% |');
    expect(winloss.stdout).toContain('| CFO \\| COO | 1 | 100% |');
  });

  // A box measured its lines in code points: a CJK statement (two cells a character) made
  // the body wider than the border; and a statement cut at 55 UTF-16 units split an emoji.
  it('a terminal box fits CJK and emoji text, and a long statement is cut between characters', async () => {
    const long = `${'x'.repeat(53)}🚀 ships faster than the board expects`;
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': md(`title: Assumptions\nassumptions:\n  - {id: A1, statement: 顧客は一週間で契約する, prior: 0.5}\n  - {id: A2, statement: "${long}", prior: 0.5}`) });
    const terminal = await report('assumptions', dir);
    expect(terminal.code).toBe(0);
    const cells = (line: string): number => [...line].reduce((w, ch) => w + (/[\u3000-\u9fff]|\p{Emoji_Presentation}/u.test(ch) ? 2 : 1), 0);
    const lines = terminal.stdout.trimEnd().split('\n');
    expect(new Set(lines.map(cells)).size, terminal.stdout).toBe(1);
    expect(terminal.stdout).toContain(`${'x'.repeat(53)}🚀…`);
    expect(terminal.stdout).not.toMatch(/\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  // The pipeline's cycle is the won deals' (winloss says "average won … in N days"), and an
  // open deal without arr_potential adds 0 to the value: both were left unsaid.
  it("the pipeline says its cycle is the won deals' and how many open deals have no value", async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('date: 2026-03-01'),
      'threads/sales/acme/6-learning.md': md('outcome: closed-won\narr: 36000\nclosed: 2026-03-11'),
      'threads/sales/beta/meta.json': dealMeta('beta'),
      'threads/sales/beta/1-input.md': md('date: 2026-03-01'),
    });
    const pipeline = await report('pipeline', dir, { md: true });
    expect(pipeline.stdout).toContain("won deals' cycle 10 days average, 10 median");
    expect(pipeline.stdout).toContain('open 1 deal worth 0 (1 deal without arr_potential, counted as 0) ·');
    vi.stubEnv('THREADWORK_TODAY', env.THREADWORK_TODAY);
    const json = (await commandJson<{ totals: { withoutValue: number } }>(() => reportCommand('pipeline', {}, { dir, json: true }))).json;
    expect(json.totals.withoutValue).toBe(1);
  });

  it('one deal is counted as one deal, not "1 deals", in the win/loss and pipeline reports', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('date: 2026-03-01'),
      'threads/sales/acme/6-learning.md': md('outcome: closed-won\narr: 36000\nclosed: 2026-05-01'),
      'threads/sales/beta/meta.json': dealMeta('beta'),
      'threads/sales/beta/1-input.md': md('date: 2026-03-01'),
    });
    const winloss = await report('winloss', dir, { md: true });
    expect(winloss.code).toBe(0);
    expect(winloss.stdout).toContain('\n1 closed deal: 1 won, 0 lost ·');
    const pipeline = await report('pipeline', dir);
    expect(pipeline.code).toBe(0);
    expect(pipeline.stdout).toContain('open 1 deal worth');
    expect(`${winloss.stdout}${pipeline.stdout}`).not.toMatch(/\b1 (closed |open |scored )?deals\b/);
  });

  it('a cycle of one day is "1 day", not "1 days", in the pipeline and win/loss reports', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('date: 2026-03-01'),
      'threads/sales/acme/6-learning.md': md('outcome: closed-won\narr: 36000\nclosed: 2026-03-02'),
    });
    const winloss = await report('winloss', dir, { md: true });
    expect(winloss.code).toBe(0);
    expect(winloss.stdout).toContain('average won 36,000 ARR in 1 day\n');
    const pipeline = await report('pipeline', dir, { md: true });
    expect(pipeline.code).toBe(0);
    expect(pipeline.stdout).toContain('cycle 1 day average, 1 median');
    expect(`${winloss.stdout}${pipeline.stdout}`).not.toMatch(/\b1 days\b/);
  });
});
