import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/** The example's 04-segments.md with its first segment's name made invalid YAML (an unclosed flow sequence). */
function breakSegments(dir: string): void {
  const file = join(dir, 'strategy/canvas/04-segments.md');
  const text = readFileSync(file, 'utf8');
  const broken = text.replace(/^(\s+name: )(\S)/m, '$1[$2');
  expect(broken).not.toBe(text);
  writeFileSync(file, broken);
}

/*
 * The third new-user review (an agent developer's): what an agent is told when the input of a
 * command is in error.
 */
describe('strategy with its own input in error', () => {
  it('exits 1 with ok false when 04-segments.md does not parse — the error is the sync’s', async () => {
    const dir = exampleWorkspaceCopy();
    breakSegments(dir);
    const { code, json } = await runJson<{ ok: boolean; diagnostics: unknown[]; sync: { diagnostics: { path: string; severity: string; line: number }[] } }>(['strategy'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.sync.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ path: 'strategy/canvas/04-segments.md' });
  });

  it('answers generate_strategy with ok false in the MCP server alike', async () => {
    const dir = exampleWorkspaceCopy();
    breakSegments(dir);
    const mcp = await connectMcp(dir);
    const answer = await mcp.call<{ ok: boolean; diagnostics: { path: string; severity: string }[] }>('generate_strategy', {});
    expect(answer.data.ok).toBe(false);
    expect(answer.data.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['strategy/canvas/04-segments.md']);
  });

  // `ok: false` with an empty top-level `diagnostics`: the reason was only in `sync.diagnostics`.
  it('says why at the top level when threadwork.config.yaml does not parse, and prints it once', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'threadwork.config.yaml'), `${readFileSync(join(dir, 'threadwork.config.yaml'), 'utf8')}extra: [unclosed\n`);
    const { code, json } = await runJson<{ ok: boolean; diagnostics: { path: string; severity: string; rule: string; line: number }[] }>(['strategy'], { cwd: dir });
    expect([code, json.ok]).toEqual([1, false]);
    expect(json.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.path, d.rule])).toEqual([['threadwork.config.yaml', 'yaml-syntax']]);
    const text = await runCli(['strategy'], { cwd: dir });
    // The error's own line, once (the Held line names it by place and rule, and ends in its own rule).
    expect(text.stdout.split('\n').filter((line) => line.endsWith('(yaml-syntax)'))).toHaveLength(1);
  });
});

describe('not-text in a file with front matter', () => {
  it('check reports a control character in the body after valid front matter, at its line and column, and holds the file', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, 'threads/sales/oakline-outfitters/2-hypothesis.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}Pasted from a terminal: \u001b[31mred\u001b[0m\n`);
    const lines = text.split('\n').length;
    const { code, json } = await runJson<{ diagnostics: { path: string; rule: string; line: number; column: number; severity: string }[] }>(['check', '--no-cache'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.diagnostics.find((d) => d.rule === 'not-text')).toMatchObject({ path: 'threads/sales/oakline-outfitters/2-hypothesis.md', severity: 'error', line: lines, column: 25 });
  });

  it('write_stage refuses a body holding a NUL and writes nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const before = readFileSync(join(dir, 'threads/sales/oakline-outfitters/2-hypothesis.md'), 'utf8');
    const mcp = await connectMcp(dir);
    const answer = await mcp.call<{ ok: boolean; error: { diagnostics: { rule: string }[] } }>('write_stage', { thread: 'threads/sales/oakline-outfitters', stage: 2, front_matter: { tests: ['A1'], initial_confidence: 0.5 }, body: '\u0000bin' });
    expect(answer.isError).toBe(true);
    expect(answer.data.error.diagnostics.map((d) => d.rule)).toContain('not-text');
    expect(readFileSync(join(dir, 'threads/sales/oakline-outfitters/2-hypothesis.md'), 'utf8')).toBe(before);
  });
});

describe('a deal closed without its date', () => {
  it('check warns closed-without-date at the `closed` key: the deal is left out of the cycle figures', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    const text = readFileSync(file, 'utf8');
    const undated = text.replace(/^closed: \d{4}-\d{2}-\d{2}$/m, 'closed: null');
    expect(undated).not.toBe(text);
    writeFileSync(file, undated);
    const line = undated.split('\n').findIndex((l) => l.startsWith('closed:')) + 1;
    const { json } = await runJson<{ diagnostics: { path: string; rule: string; line: number; severity: string; message: string }[] }>(['check', '--no-cache'], { cwd: dir });
    const warning = json.diagnostics.find((d) => d.rule === 'closed-without-date');
    expect(warning).toMatchObject({ path: 'threads/sales/harbor-lending/6-learning.md', severity: 'warning', line });
    expect(warning!.message).toContain('left out of the average and median cycle');
  });
});

describe('advance past a DEFER whose revisit date has come', () => {
  it('says the date has come and the DEFER is to be decided again, not that due lists it then', async () => {
    const dir = exampleWorkspaceCopy();
    const keel = 'threads/sales/keel-neobank';
    const { code, json } = await runJson<{ error: { code: string; message: string } }>(['advance', 'keel-neobank'], { cwd: dir, env: { THREADWORK_TODAY: '2027-01-20', THREADWORK_NO_SERVER: '1' } });
    expect(code).toBe(1);
    expect(json.error.code).toBe('decision-not-to-act');
    const at = readFileSync(join(dir, keel, '4-decision.md'), 'utf8').split('\n').findIndex((l) => l.startsWith('decision:')) + 1;
    expect(json.error.message).toContain(`Cannot advance ${keel}: 4-decision.md decides DEFER (${keel}/4-decision.md:${at}:11), and 5-actions.md follows a decision to act — its revisit date 2027-01-15 has come (\`threadwork due\` lists it as overdue): the DEFER is to be decided again.`);
  });
});

describe('the numbers a report and a goal show', () => {
  it('writes no gap for a goal metric with no current value yet', async () => {
    const dir = exampleWorkspaceCopy();
    // A goal no thread links to: its win rate and cycle have no value until a linked deal closes.
    writeFileSync(
      join(dir, 'goals/g-marketplaces-2027.md'),
      ['---', 'id: g-marketplaces-2027', 'title: Open marketplaces as a segment', 'created: 2026-11-01', 'deadline: 2027-06-30', 'metrics:', '  - name: win_rate', '    target: 0.5', '  - name: avg_cycle_days', '    target: 30', '    baseline: 60', '  - name: won_count', '    target: 4', '---', '', '# Open marketplaces as a segment', ''].join('\n'),
    );
    const { code } = await runJson(['sync'], { cwd: dir });
    expect(code).toBe(0);
    const rows = readFileSync(join(dir, 'goals/g-marketplaces-2027.md'), 'utf8').split('\n');
    expect(rows).toContain('| win_rate | — | 50% | — | ░░░░░░░░░░ 0% |');
    expect(rows).toContain('| avg_cycle_days | — | 30 | — | ░░░░░░░░░░ 0% |');
    // A count has a value from the start (0 won): its gap is the target.
    expect(rows).toContain('| won_count | 0 | 4 | 4 | ░░░░░░░░░░ 0% |');

    // The report shows the goal's own numbers: it had its own gap, the target measured from nothing.
    const env = { THREADWORK_NO_SERVER: '1' };
    const markdown = await runCli(['report', 'goals', '--md'], { cwd: dir, env });
    expect(markdown.code, markdown.stderr).toBe(0);
    const reported = markdown.stdout.split('\n');
    for (const row of ['| win_rate | — | 50% | — | ░░░░░░░░░░ 0% |', '| avg_cycle_days | — | 30 | — | ░░░░░░░░░░ 0% |', '| won_count | 0 | 4 | 4 | ░░░░░░░░░░ 0% |']) expect(reported).toContain(row);
    const { json } = await runJson<{ goals: { id: string; metrics: { name: string; current: number | null; gap: number | null }[] }[] }>(['report', 'goals'], { cwd: dir, env });
    const metrics = json.goals.find((g) => g.id === 'g-marketplaces-2027')!.metrics;
    expect(metrics.map(({ name, current, gap }) => ({ name, current, gap }))).toEqual([
      { name: 'win_rate', current: null, gap: null },
      { name: 'avg_cycle_days', current: null, gap: null },
      { name: 'won_count', current: 0, gap: 4 },
    ]);
  });

  it('rounds the average won ARR of the win/loss report as the metrics do', async () => {
    const dir = exampleWorkspaceCopy();
    // 36,001 and 42,000: an average of 39,000.5, which the metrics write as 39,001.
    const file = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^arr: 36000$/m, 'arr: 36001'));
    const { stdout } = await runCli(['report', 'winloss'], { cwd: dir, env: { THREADWORK_NO_SERVER: '1' } });
    expect(stdout).toContain('average won 39,001 ARR');
  });
});

describe('write_stage past a decision not to act', () => {
  it('refuses to create 5-actions.md after a REJECT, as advance does, and writes nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const keel = 'threads/sales/keel-neobank';
    const decision = readFileSync(join(dir, keel, '4-decision.md'), 'utf8');
    writeFileSync(join(dir, keel, '4-decision.md'), decision.replace(/^decision: DEFER$/m, 'decision: REJECT'));
    const answer = await mcp.call<{ ok: boolean; error: { code: string; message: string; decision: string } }>('write_stage', { thread: keel, stage: 5, front_matter: { actions: [] } });
    expect(answer.isError).toBe(true);
    // Where the decision is written, as stage-incomplete names each field's place: the agent had only "in 4-decision.md".
    const line = decision.split('\n').findIndex((l) => l.startsWith('decision:')) + 1;
    expect(answer.data.error).toMatchObject({ code: 'decision-not-to-act', decision: 'REJECT', path: `${keel}/4-decision.md`, line, column: 11 });
    expect(answer.data.error.message).toContain(`Cannot write 5-actions.md of ${keel}: 4-decision.md decides REJECT (${keel}/4-decision.md:${line}:11)`);
    expect(existsSync(join(dir, keel, '5-actions.md'))).toBe(false);
  });
});
