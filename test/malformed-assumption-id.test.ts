import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * An assumption id written in the wrong form (`tests: [A4, a7]`) was reported twice at the
 * same place: once as a schema error ("expected an assumption id such as A1 or H12") and
 * once as an unknown assumption. It is now one error — the schema's, at the id's line and
 * column — that says which id was meant when the written one, upper-cased and without
 * spaces or hyphens, is one (`A7`). A well-formed id that is not in the canvas (`A9`) is
 * still the `unknown-assumption` error listing the known ones.
 */

const DEAL = 'threads/sales/brightcart';

type Result = { diagnostics: Diagnostic[] };
const checkJson = (dir: string): ReturnType<typeof commandJson<Result>> => commandJson<Result>(() => checkCommand({}, { dir, json: true }));
const syncDryRunJson = (dir: string): ReturnType<typeof commandJson<Result>> => commandJson<Result>(() => syncCommand({ dryRun: true, commit: true }, { dir, json: true }));
const errors = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`);

describe('an assumption id in the wrong form', () => {
  it('is one error at the id, naming the id it looks like, in check (the CLI) and in sync', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/2-hypothesis.md`, 'tests: [A4, A7]', 'tests: [A4, a7]');
    const expected = [`${DEAL}/2-hypothesis.md:2:13 schema Invalid \`tests[1]\`: expected an assumption id such as A1 or H12 — did you mean A7? (got "a7")`];
    const check = await runJson<Result>(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(errors(check.json.diagnostics)).toEqual(expected);
    expect(errors((await syncDryRunJson(dir)).json.diagnostics)).toEqual(expected);
  });

  it('in a learning and a goal too; an id that looks like none is not given a suggestion', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/6-learning.md`, '  - assumption: A4\n', '  - assumption: "a 4"\n');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'assumptions: [A2, A3, A4]', 'assumptions: [A2, a-3, fees]');
    expect(errors((await checkJson(dir)).json.diagnostics)).toEqual([
      'goals/g-arr-500k-2026.md:27:19 schema Invalid `assumptions[1]`: expected an assumption id such as A1 or H12 — did you mean A3? (got "a-3")',
      'goals/g-arr-500k-2026.md:27:24 schema Invalid `assumptions[2]`: expected an assumption id such as A1 or H12 (got "fees")',
      `${DEAL}/6-learning.md:9:17 schema Invalid \`validations[0].assumption\`: expected an assumption id such as A1 or H12 — did you mean A4? (got "a 4")`,
    ]);
  });

  it('a well-formed id that is not in the canvas is still an unknown assumption, once', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/2-hypothesis.md`, 'tests: [A4, A7]', 'tests: [A4, A9]');
    expect(errors((await checkJson(dir)).json.diagnostics)).toEqual([`${DEAL}/2-hypothesis.md:2:13 unknown-assumption Unknown assumption \`A9\` (not in 10-assumptions.md): expected one of A1, A2, A3, A4, A5, A6, A7`]);
  });
});
