import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dealNewCommand } from '../src/cli/commands/deal.js';
import { historyCommand } from '../src/cli/commands/history.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A goal file whose id is no goal id (`id: G-Fintech`) was offered as a known goal — "Unknown
 * goal `g-nope`: expected one of g-arr-500k-2026, G-Fintech" — an id the schema refuses, so
 * following the advice gave the next error; and the threads naming the goal by its file's
 * name were each an unknown-goal error on top of the goal's own. Only goal ids are offered
 * now; a goal whose written id is no id is still the goal its file's name says, when that
 * name is an id, as a goal file that cannot be read is.
 */

const GOAL = 'goals/g-fintech-beachhead.md';
type Checked = { diagnostics: Diagnostic[] };
type Refused = { ok: false; error: { code: string; message: string; known?: string[] } };

const checkJson = (dir: string): ReturnType<typeof commandJson<Checked>> => commandJson<Checked>(() => checkCommand({}, { dir, json: true }));
const errors = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`);

describe('a goal file whose id is not a goal id', () => {
  it('is its own schema error only: the threads that name the goal by its file name are not unknown, and it is offered as no goal', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, GOAL, 'id: g-fintech-beachhead', 'id: G-Fintech');
    replaceInFile(dir, 'threads/sales/brightcart/meta.json', '"goal_id": "g-arr-500k-2026"', '"goal_id": "g-nope"');
    const check = await runJson<Checked>(['check'], { cwd: dir });
    expect(errors(check.json.diagnostics)).toEqual([
      // The form only, as for assumption ids: goal-id-filename says the rest once it is one.
      `${GOAL}:2:5 schema Invalid \`id\`: expected a goal id such as g-mrr-50k — did you mean g-fintech? (got "G-Fintech")`,
      'threads/sales/brightcart/meta.json:6:14 unknown-goal Unknown goal `g-nope` (not in goals/): expected one of g-arr-500k-2026, g-fintech-beachhead',
    ]);
  });

  it('named so too: offered by no refusal or diagnostic — deal new --goal, check, history', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, GOAL), join(dir, 'goals/G-Fintech.md'));
    replaceInFile(dir, 'goals/G-Fintech.md', 'id: g-fintech-beachhead', 'id: G-Fintech');
    const created = await commandJson<Refused>(() => dealNewCommand('Acme Co', { segment: 'mid-market-fintech', goal: 'g-nope', commit: false }, { dir, json: true }));
    expect(created.code).toBe(1);
    expect(created.json.error.known).toEqual(['g-arr-500k-2026']);
    const unknownGoals = (await checkJson(dir)).json.diagnostics.filter((d) => d.rule === 'unknown-goal');
    expect(unknownGoals.length).toBeGreaterThan(0);
    for (const d of unknownGoals) expect(d.message).toMatch(/expected one of g-arr-500k-2026$/);
    const history = await commandJson<Refused>(() => historyCommand('g-nope', { dir, json: true }));
    expect(history.json.error.known).toEqual(['g-arr-500k-2026']);
  });
});

/**
 * A goal id in the wrong form (`G-ARR-500K-2026`, `g_arr_500k_2026`) was two errors at the
 * same place, the schema's and unknown-goal's, and neither named the id it stands for, as
 * an assumption id's does (`a7` → did you mean A7?). One error now, with the suggestion.
 */
describe('a goal id in the wrong form', () => {
  it.each([
    ['G-ARR-500K-2026', ' — did you mean g-arr-500k-2026?'],
    ['g_arr_500k_2026', ' — did you mean g-arr-500k-2026?'],
    ['arr 500k 2026', ' — did you mean g-arr-500k-2026?'],
    ['500k!', ''],
  ])('%s is one schema error, naming the id it looks like', async (written, suggestion) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/brightcart/meta.json', '"goal_id": "g-arr-500k-2026"', `"goal_id": ${JSON.stringify(written)}`);
    expect(errors((await checkJson(dir)).json.diagnostics)).toEqual([
      `threads/sales/brightcart/meta.json:6:14 schema Invalid \`goal_id\`: expected a goal id such as g-mrr-50k${suggestion} (got ${JSON.stringify(written)})`,
    ]);
  });
});
