import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { commandJson, commandText } from './helpers/in-process.js';
import { copyOfPrepared } from './helpers/prepared.js';
import { md, read } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const env = { THREADWORK_TODAY: '2026-06-01' };

/*
 * Speed: these tests are about the warnings check gives, the figures sync derives and the
 * words the reports print, not the process: check, sync and report run as the commands' own
 * functions (commandJson, commandText: the JSON, text and exit code the CLI prints) on the
 * same pinned day. The pipeline report in the terminal stays a real CLI run. The workspace
 * the last two tests share is built and git-initialised once per file and copied.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

function today(): void {
  vi.stubEnv('THREADWORK_TODAY', env.THREADWORK_TODAY);
}

/** `threadwork check --json --dir <dir>`, without a process. */
function checkJson<T>(dir: string): ReturnType<typeof commandJson<T>> {
  today();
  return commandJson<T>(() => checkCommand({}, { dir, json: true }));
}

/** `threadwork sync --dir <dir>` (its exit code), without a process. */
function sync(dir: string): ReturnType<typeof commandJson> {
  today();
  return commandJson(() => syncCommand({ commit: true }, { dir, json: true }));
}

/** `threadwork report <name> [--md] --dir <dir>` as printed, without a process. */
function reportText(name: string, dir: string, flags: { md?: boolean } = {}): ReturnType<typeof commandText> {
  today();
  return commandText(() => reportCommand(name, flags, { dir, json: false }));
}

/** `threadwork report <name> --json --dir <dir>`, without a process. */
function reportJson<T>(name: string, dir: string): ReturnType<typeof commandJson<T>> {
  today();
  return commandJson<T>(() => reportCommand(name, {}, { dir, json: true }));
}

interface Diagnostic {
  path: string;
  line: number;
  rule: string;
  severity: string;
  field?: string;
  message: string;
}

/** A deal at Stage 6 with the given learning front matter. */
function closedDeal(id: string, learning: string): Record<string, string> {
  const thread = `threads/sales/${id}`;
  return {
    [`${thread}/meta.json`]: dealMeta(id),
    [`${thread}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact: {name: Ada}\ncompany: {name: Acme}'),
    [`${thread}/2-hypothesis.md`]: md('tests: [A1, A2]\ninitial_confidence: 0.5'),
    [`${thread}/3-implication.md`]: md('arr_potential: 40000\nstrategic_value: high'),
    [`${thread}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\nreasoning: fits'),
    [`${thread}/5-actions.md`]: md('actions:\n  - {type: sales:close, status: completed, completed: 2026-04-10}'),
    [`${thread}/6-learning.md`]: md(learning),
  };
}

const metricCell = (dir: string, label: string): string => new RegExp(`\\| ${label} \\| ([^|]+) \\|`).exec(read(dir, 'strategy/canvas/13-metrics.md'))![1]!.trim();
const assumptionRow = (dir: string, id: string): string[] => new RegExp(`^\\| ${id} \\|(.*)$`, 'm').exec(read(dir, 'strategy/canvas/10-assumptions.md'))![1]!.split('|').map((c) => c.trim());

describe('a closed-won deal without ARR', () => {
  it('is a warning at its arr line, and left out of won ARR and the average deal size rather than counted as 0', async () => {
    const dir = workspace({
      ...closedDeal('acme', 'outcome: closed-won\nclosed: 2026-05-01\narr: null'),
      ...closedDeal('globex', 'outcome: closed-won\nclosed: 2026-05-02\narr: 40000'),
      ...closedDeal('initech', 'outcome: closed-lost\nclosed: 2026-05-03\narr: null\nloss_reason: budget'),
    });
    gitInit(dir);

    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.filter((d) => d.rule === 'won-without-arr')).toEqual([
      expect.objectContaining({ path: 'threads/sales/acme/6-learning.md', line: 4, field: 'arr', severity: 'warning' }),
    ]);

    expect((await sync(dir)).code).toBe(0);
    expect(metricCell(dir, 'won')).toBe('2');
    expect(metricCell(dir, 'won ARR')).toBe('40,000 (1 won without ARR)');
    expect(metricCell(dir, 'average deal size')).toBe('40,000 (1 won without ARR)');
  });

  it('alone gives no average deal size, not 0', async () => {
    const dir = workspace(closedDeal('acme', 'outcome: closed-won\nclosed: 2026-05-01\narr: null'));
    gitInit(dir);
    expect((await sync(dir)).code).toBe(0);
    expect(metricCell(dir, 'won ARR')).toBe('0 (1 won without ARR)');
    expect(metricCell(dir, 'average deal size')).toBe('— (1 won without ARR)');
  });
});

describe('a closed-lost or stalled deal with ARR', () => {
  it('is a warning at its arr line, and the ARR is counted in no figure', async () => {
    const dir = workspace({
      ...closedDeal('acme', 'outcome: closed-lost\nclosed: 2026-05-01\narr: 40000\nloss_reason: budget'),
      ...closedDeal('globex', 'outcome: stalled\nclosed: 2026-05-02\narr: 25000'),
      ...closedDeal('initech', 'outcome: closed-lost\nclosed: 2026-05-03\narr: null\nloss_reason: budget'),
      ...closedDeal('umbrella', 'outcome: closed-won\nclosed: 2026-05-04\narr: 30000'),
    });
    gitInit(dir);

    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.filter((d) => d.rule === 'arr-without-win')).toEqual([
      expect.objectContaining({ path: 'threads/sales/acme/6-learning.md', line: 4, field: 'arr', severity: 'warning', message: expect.stringContaining('closed-lost') }),
      expect.objectContaining({ path: 'threads/sales/globex/6-learning.md', line: 4, field: 'arr', severity: 'warning', message: expect.stringContaining('stalled') }),
    ]);

    expect((await sync(dir)).code).toBe(0);
    expect(metricCell(dir, 'won ARR')).toBe('30,000');
  });
});

describe('one assumption given more than one result in a learning', () => {
  it('is a warning at the repeated entry, and counts once: mixed results as one partial', async () => {
    const dir = workspace(
      closedDeal(
        'acme',
        [
          'outcome: closed-won',
          'closed: 2026-05-01',
          'arr: 40000',
          'validations:',
          '  - {assumption: A1, result: validated, evidence: Close took six days}',
          '  - {assumption: A2, result: partial, evidence: Pilot ran 50 days}',
          '  - {assumption: A1, result: invalidated, evidence: Their controller disagreed}',
          '  - {assumption: A2, result: partial, evidence: Said twice}',
        ].join('\n'),
      ),
    );
    gitInit(dir);

    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.filter((d) => d.rule === 'validation-repeated').map((d) => [d.line, d.field, d.severity])).toEqual([
      [8, 'validations[2].assumption', 'warning'],
      [9, 'validations[3].assumption', 'warning'],
    ]);

    expect((await sync(dir)).code).toBe(0);
    // statement | prior | confidence | status | evidence (n) | threads (after the id)
    expect(assumptionRow(dir, 'A1')[4]).toBe('1 (0✓ 1~ 0✗)');
    expect(assumptionRow(dir, 'A2')[4]).toBe('1 (0✓ 1~ 0✗)');
  });
});

describe('a learning that records an assumption its hypothesis never tested', () => {
  it('is a warning at the entry naming the assumption and the hypothesis file, once per assumption; the result still counts', async () => {
    const dir = workspace(
      closedDeal(
        'acme',
        [
          'outcome: closed-won',
          'closed: 2026-05-01',
          'arr: 40000',
          'validations:',
          '  - {assumption: A1, result: validated, evidence: Close took six days}',
          '  - {assumption: A3, result: invalidated, evidence: Heard it from another buyer}',
          '  - {assumption: A3, result: invalidated, evidence: Said twice}',
        ].join('\n'),
      ),
    );
    gitInit(dir);

    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.filter((d) => d.rule === 'validation-untested').map((d) => [d.path, d.line, d.field, d.severity, d.message])).toEqual([
      [
        'threads/sales/acme/6-learning.md',
        7,
        'validations[1].assumption',
        'warning',
        'Assumption `A3` is not one this thread tested: threads/sales/acme/2-hypothesis.md tests A1, A2. Evidence for an assumption the thread never set out to test is suspect, yet it counts towards A3\'s confidence: add A3 to `tests` in threads/sales/acme/2-hypothesis.md, or remove this entry',
      ],
    ]);

    expect((await sync(dir)).code).toBe(0);
    expect(assumptionRow(dir, 'A3')[4]).toBe('1 (0✓ 0~ 1✗)');
  });

  it('for an assumption that does not exist, says it is unknown and nothing about what it counts towards', async () => {
    const dir = workspace(closedDeal('acme', 'outcome: closed-won\nclosed: 2026-05-01\narr: 40000\nvalidations:\n  - {assumption: A99, result: validated, evidence: yes}'));
    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(1);
    const at = check.json.diagnostics.filter((d) => d.field === 'validations[0].assumption').map((d) => [d.rule, d.severity, d.message]);
    expect(at).toEqual([['unknown-assumption', 'error', expect.stringMatching(/^Unknown assumption `A99` \(not in 10-assumptions\.md\): expected one of A1, /)]]);
  });

  it('is not reported when the hypothesis tests it', async () => {
    const dir = workspace(closedDeal('acme', 'outcome: closed-won\nclosed: 2026-05-01\narr: 40000\nvalidations:\n  - {assumption: A2, result: validated, evidence: yes}'));
    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.json.diagnostics.filter((d) => d.rule === 'validation-untested')).toEqual([]);
  });
});

describe('a closed deal whose learning gives no result for an assumption it tested', () => {
  it('is one warning per learning naming each assumption left without a result, at validations (or outcome when it is missing)', async () => {
    const dir = workspace({
      ...closedDeal('acme', 'outcome: closed-won\nclosed: 2026-05-01\narr: 40000\nvalidations:\n  - {assumption: A1, result: validated, evidence: six-day close}'),
      ...closedDeal('globex', 'outcome: closed-lost\nclosed: 2026-05-02\nloss_reason: budget'),
      ...closedDeal('initech', 'outcome: stalled\nclosed: 2026-05-03\nloss_reason: went quiet'),
      ...closedDeal('umbrella', 'outcome: closed-won\nclosed: 2026-05-04\narr: 30000\nvalidations:\n  - {assumption: A1, result: validated, evidence: yes}\n  - {assumption: A2, result: partial, evidence: some}'),
    });

    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.filter((d) => d.rule === 'validation-missing').map((d) => [d.path, d.line, d.field, d.severity, d.message])).toEqual([
      [
        'threads/sales/acme/6-learning.md',
        6,
        'validations',
        'warning',
        'Closed-won with no result for A2, which threads/sales/acme/2-hypothesis.md tests: expected an entry in `validations` for each assumption the deal tested (validated, partial or invalidated, with the evidence). Until it is written, this deal moves no confidence of A2; remove it from `tests` if the deal did not test it after all',
      ],
      [
        'threads/sales/globex/6-learning.md',
        2,
        'outcome',
        'warning',
        'Closed-lost with no result for A1 and A2, which threads/sales/globex/2-hypothesis.md tests: expected an entry in `validations` for each assumption the deal tested (validated, partial or invalidated, with the evidence). Until they are written, this deal moves no confidence of A1 and A2; remove them from `tests` if the deal did not test them after all',
      ],
    ]);
  });
});

describe('the figures that leave out a win without ARR say so everywhere they are shown', () => {
  const goal = md(`id: g-first-customers
title: Win the first paying customers
deadline: 2026-12-31
created: 2026-03-01
metrics:
  - name: won_arr
    target: 100000
  - name: avg_deal_size
    target: 40000
  - name: won_count
    target: 3
subgoals:
  - id: SG1
    title: First revenue
    metric: won_arr
    target: 100000
  - id: SG2
    title: Three customers
    metric: won_count
    target: 3
assumptions: [A1]
`);
  const linked = (id: string, learning: string): Record<string, string> => ({
    ...closedDeal(id, learning),
    [`threads/sales/${id}/meta.json`]: dealMeta(id, { goal_id: 'g-first-customers', subgoal: 'SG1' }),
  });
  const files = (): string =>
    copyOfPrepared('two wins, one without ARR', () => {
      const dir = workspace({
        'goals/g-first-customers.md': goal,
        ...linked('acme', 'outcome: closed-won\nclosed: 2026-05-01\narr: null'),
        ...linked('globex', 'outcome: closed-won\nclosed: 2026-05-02\narr: 40000'),
      });
      gitInit(dir);
      return dir;
    });

  it('the pipeline report: won 2 (40,000 ARR, 1 won without ARR), in the terminal, Markdown and JSON', async () => {
    const dir = files();
    const terminal = await runCli(['report', 'pipeline', '--dir', dir], { env });
    expect(terminal.stdout).toContain('won 2 (40,000 ARR, 1 won without ARR) · lost 0');
    expect((await reportText('pipeline', dir, { md: true })).stdout).toContain('won 2 (40,000 ARR, 1 won without ARR) · lost 0');
    const json = await reportJson<{ closed: { won: number; wonArr: number; wonWithoutArr: number } }>('pipeline', dir);
    expect(json.json.closed).toMatchObject({ won: 2, wonArr: 40_000, wonWithoutArr: 1 });
  });

  it("the goal's state block and report goals: each won ARR figure, a metric or a subgoal's, beside how many wins it left out", async () => {
    const dir = files();
    expect((await sync(dir)).code).toBe(0);
    const state = read(dir, 'goals/g-first-customers.md');
    expect(state).toContain('| won_arr | 40,000 (1 won without ARR) | 100,000 |');
    expect(state).toContain('| avg_deal_size | 40,000 (1 won without ARR) | 40,000 |');
    expect(state).toContain('| won_count | 2 | 3 |');
    expect(state).toContain('| SG1 | First revenue | 40,000/100,000 (1 won without ARR) |');
    expect(state).toContain('| SG2 | Three customers | 0/3 |');

    expect((await reportText('goals', dir, { md: true })).stdout).toContain('| won_arr | 40,000 (1 won without ARR) | 100,000 |');
    expect((await reportText('goals', dir)).stdout).toMatch(/won_arr +40,000 \(1 won without ARR\)/);
    const json = await reportJson<{ goals: { metrics: { name: string; current: number; wonWithoutArr?: number }[]; subgoals: { id: string; wonWithoutArr?: number }[] }[] }>('goals', dir);
    const [g] = json.json.goals;
    expect(g!.metrics.map((m) => [m.name, m.current, m.wonWithoutArr])).toEqual([
      ['won_arr', 40_000, 1],
      ['avg_deal_size', 40_000, 1],
      ['won_count', 2, undefined],
    ]);
    expect(g!.subgoals.map((s) => [s.id, s.wonWithoutArr])).toEqual([
      ['SG1', 1],
      ['SG2', undefined],
    ]);
  });
});
