import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { INIT_ENV, initialisedWorkspace } from './helpers/initialised-goal.js';
import { md, read, replaceInFile, writeFiles } from './helpers/testdir.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

const DEAL = 'threads/sales/globex-corp';

/** A workspace from `init` with a segment of the founder's own and one deal opened, as the README's first steps leave it. */
async function workspaceWithADeal(): Promise<string> {
  const dir = await initialisedWorkspace();
  replaceInFile(dir, 'strategy/canvas/04-segments.md', 'segments: []\n', 'segments:\n  - id: saas-analytics\n    name: SaaS analytics teams\n');
  replaceInFile(dir, 'strategy/canvas/10-assumptions.md', 'assumptions: []\n', 'assumptions:\n  - id: A1\n    statement: Data teams pay for dashboards they trust\n    prior: 0.6\n');
  const deal = await runCli(['deal', 'new', 'Globex Corp', '--segment', 'saas-analytics', '--goal', 'g-first-customers', '--dir', dir], { env: INIT_ENV });
  expect(deal.code, deal.stderr).toBe(0);
  return dir;
}

/**
 * A new workspace counts USD until 11-pricing names another currency. A founder who sells in
 * euros wrote `arr_potential: €36.000` in the first deal and was told "Write the amount in
 * USD": sent to convert every deal, when the one line to change was the canvas's currency.
 */
describe('the first deal written in euros in a new workspace', () => {
  it('is told it may set the workspace currency, and doing so counts the deal', async () => {
    const dir = await workspaceWithADeal();
    writeFiles(dir, {
      [`${DEAL}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.35\nstatement: They need dashboards they trust\n'),
      [`${DEAL}/3-implication.md`]: md('arr_potential: €36.000\nstrategic_value: high\n'),
    });

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env: INIT_ENV });
    const told = check.json.diagnostics.filter((d) => d.rule === 'amount-other-currency');
    expect(told.map((d) => `${d.path}:${d.line}:${d.column}`)).toEqual([`${DEAL}/3-implication.md:2:16`]);
    expect(told[0]!.message).toMatch(/Write the amount in USD, or, if the workspace counts in EUR, set `currency: EUR` in strategy\/canvas\/11-pricing\.md$/);

    // The advice, followed: the warning goes and the deal counts, in euros.
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'currency: USD', 'currency: EUR');
    const after = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env: INIT_ENV });
    expect(after.json.diagnostics).toEqual([]);
    const pipeline = await runJson<{ currency: string; totals: { value: number } }>(['report', 'pipeline', '--dir', dir], { env: INIT_ENV });
    expect(pipeline.json).toMatchObject({ currency: 'EUR', totals: { value: 36000 } });
  });
});

/**
 * The first step ticked off in Stage 5 is written `status: done`, the first decision
 * `decision: go`: check answered "expected one of pending, in_progress, completed, blocked,
 * cancelled (got "done")", and left the person to guess that done is completed.
 */
describe('a stage value written in another word than the one the schema lists', () => {
  it('is told the value it stands for, at its line', async () => {
    const dir = await workspaceWithADeal();
    writeFiles(dir, {
      [`${DEAL}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.35\nstatement: They need dashboards they trust\n'),
      [`${DEAL}/3-implication.md`]: md('arr_potential: 36000\nstrategic_value: high\n'),
      [`${DEAL}/4-decision.md`]: md('decision: go\nframework: BANT\nreasoning: The CFO has the budget\n'),
      [`${DEAL}/5-actions.md`]: md('actions:\n  - type: sales:demo\n    status: done\n    completed: 2026-11-20\n'),
    });
    const check = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${DEAL}/4-decision.md:2:11 error Invalid \`decision\`: expected one of QUALIFY, DEFER, REJECT — did you mean QUALIFY? (got "go") (schema)`,
      `${DEAL}/5-actions.md:4:13 error Invalid \`actions[0].status\`: expected one of pending, in_progress, completed, blocked, cancelled — did you mean completed? (got "done") (schema)`,
    ]);
  });
});

/**
 * `  name Jane Doe` under `contact:` in the first Stage 1 filled in: check said "a line
 * without `key:` — expected `key: value`", where `pains ["…"]` was told the colon to add.
 * A key of a nested map that lost its colon before a plain value is told it too; a plain
 * line at the top level is still told in general words (it reads as prose pasted too).
 */
describe('a key of a nested map written without its colon before a plain value', () => {
  it('is told the colon to add, at the key', async () => {
    const dir = await workspaceWithADeal();
    replaceInFile(dir, `${DEAL}/1-input.md`, '\n  name: null\n', '\n  name Jane Doe\n');
    replaceInFile(dir, `${DEAL}/1-input.md`, '\nsignal: null\n', '\nsignal They asked for a demo\n');
    const check = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${DEAL}/1-input.md:8:1 error Invalid YAML: a line without \`key:\` — expected \`key: value\` (text belongs below the closing \`---\`, or in quotes as the value of a key) (yaml-syntax)`,
      `${DEAL}/1-input.md:11:3 error Invalid YAML: \`name\` without a \`:\` after it: expected \`name: Jane Doe\` — add the colon (yaml-syntax)`,
    ]);
  });
});

/**
 * A Stage 2 saved half-way, its closing `---` not yet typed: check asked "was the file saved
 * half-way?" and said no more, where every other YAML error says what to write.
 */
describe('a stage file saved before its front matter was closed', () => {
  it('is told where the closing line goes', async () => {
    const dir = await workspaceWithADeal();
    writeFiles(dir, { [`${DEAL}/2-hypothesis.md`]: '---\ntests: [A1]\ninitial_confidence: 0.35\n' });
    const check = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${DEAL}/2-hypothesis.md:1:1 error Unclosed front matter: the \`---\` on line 1 has no closing \`---\` line: expected one after the last key, above the prose (was the file saved half-way?) (front-matter-unclosed)`,
    ]);
  });
});

/**
 * `resource_cost_hours: 20h` in the first Stage 3 was "expected a number (got "20h")", where
 * `employees: 1,200` was told "write 1,200 as 1200". A number written with the unit its key
 * is named in is told the number to write; a unit the key does not name is left alone.
 */
describe('a number written with the unit its key is named in', () => {
  it('is told the number to write', async () => {
    const dir = await workspaceWithADeal();
    writeFiles(dir, {
      [`${DEAL}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.35\nstatement: They need dashboards they trust\n'),
      [`${DEAL}/3-implication.md`]: md('arr_potential: 36000\nstrategic_value: high\nresource_cost_hours: 20h\n'),
    });
    const check = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(check.stdout.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${DEAL}/3-implication.md:4:22 error Invalid \`resource_cost_hours\`: expected a number — write 20h as 20 (got "20h") (schema)`,
    ]);
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'resource_cost_hours: 20h', 'resource_cost_hours: 3 days');
    const days = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(days.stdout).toContain(`${DEAL}/3-implication.md:4:22 error Invalid \`resource_cost_hours\`: expected a number (got "3 days") (schema)`);
  });
});

/**
 * A founder starts the next deal by copying a won deal's folder, renames it, fixes its
 * meta.json's id and title and deletes the later stages. Sync described the copy against the
 * values it brought along — `stage 6 → 2, status closed-won → open` — a won deal reopened,
 * in the output and the commit. The commit adds the file: every value is new.
 */
describe('a thread folder copied by hand to start a deal', () => {
  it('is described by sync as the commit shows it: every value new, none of the copied deal', async () => {
    const dir = await workspaceWithADeal();
    writeFiles(dir, {
      [`${DEAL}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.35\n'),
      [`${DEAL}/3-implication.md`]: md('arr_potential: 36000\nstrategic_value: high\n'),
      [`${DEAL}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\nreasoning: fits\n'),
      [`${DEAL}/5-actions.md`]: md('actions:\n  - {type: sales:close, status: completed, completed: 2026-11-22}\n'),
      [`${DEAL}/6-learning.md`]: md('outcome: closed-won\nclosed: 2026-11-22\narr: 36000\nvalidations:\n  - {assumption: A1, result: validated, evidence: yes}\n'),
    });
    const first = await runCli(['sync', '--dir', dir], { env: INIT_ENV });
    expect(first.code, first.stdout + first.stderr).toBe(0);

    const copy = 'threads/sales/initech';
    cpSync(join(dir, DEAL), join(dir, copy), { recursive: true });
    for (const stage of ['3-implication', '4-decision', '5-actions', '6-learning']) rmSync(join(dir, copy, `${stage}.md`));
    replaceInFile(dir, `${copy}/meta.json`, '"id": "globex-corp"', '"id": "initech"');
    replaceInFile(dir, `${copy}/meta.json`, '"title": "Globex Corp"', '"title": "Initech"');

    const sync = await runJson<{ changes: { subject: string; description: string }[] }>(['sync', '--dir', dir], { env: INIT_ENV });
    expect(sync.code).toBe(0);
    const line = sync.json.changes.find((c) => c.subject === copy)!.description;
    expect(line).toMatch(/^threads\/sales\/initech stage — → 2, status — → open, pipeline_stage — → lead, close_probability — → 0\.1/);
    expect(line).not.toContain('closed-won');
  });
});

/**
 * A contact's address copied from a mail client or a CRM comes with the name
 * (`Dana Reyes <dana@globex.com>`). `deal new --email` takes it as the address; written
 * into 1-input.md it was "expected an email address", the address plainly there.
 */
describe('an email address pasted with its name into a stage file', () => {
  it('is told the address to write, at its value', async () => {
    const dir = await workspaceWithADeal();
    replaceInFile(dir, `${DEAL}/1-input.md`, '  email: null', '  email: "Dana Reyes <dana@globex.com>"');
    const check = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(check.code).toBe(1);
    expect(check.stdout.split('\n').filter((line) => line.includes(' error '))).toEqual([
      `${DEAL}/1-input.md:13:10 error Invalid \`contact.email\`: expected an email address such as name@company.com, or nothing — write the address alone: dana@globex.com (got "Dana Reyes <dana@globex.com>") (schema)`,
    ]);
    // Text that is no address in brackets is told nothing more than before.
    replaceInFile(dir, `${DEAL}/1-input.md`, '"Dana Reyes <dana@globex.com>"', '"Dana Reyes <dana at globex>"');
    const far = await runCli(['check', '--dir', dir], { env: INIT_ENV });
    expect(far.stdout).toContain('error Invalid `contact.email`: expected an email address such as name@company.com, or nothing (got "Dana Reyes <dana at globex>") (schema)');
  });
});

/**
 * The goal `init` writes says to copy it to add more goals. The copy brings the first goal's
 * state block along, and sync described the new goal against it — `won_count 1 → 0`, `SG1
 * 1/2 → 0/2`, subgoal titles and a deadline "changed" — where the commit adds the file.
 */
describe('a goal file copied to start a new goal, as its template says', () => {
  it('is described by sync from nothing, not from the copied goal', async () => {
    const dir = await workspaceWithADeal();
    expect((await runCli(['sync', '--dir', dir], { env: INIT_ENV })).code).toBe(0);
    writeFiles(dir, { 'goals/g-pipeline.md': read(dir, 'goals/g-first-customers.md').replace('id: g-first-customers', 'id: g-pipeline').replace(/deadline: \S+/, 'deadline: 2027-06-30') });

    const sync = await runJson<{ changes: { subject: string; description: string }[] }>(['sync', '--dir', dir], { env: INIT_ENV });
    expect(sync.code).toBe(0);
    const line = sync.json.changes.find((c) => c.subject === 'g-pipeline')!.description;
    expect(line).toMatch(/^g-pipeline status — → active; SG1 — → 0\/2; SG2 — → 0\/1; won_count — → 0; target won_count — → 3/);
    expect(line).not.toContain('deadline');
  });
});
