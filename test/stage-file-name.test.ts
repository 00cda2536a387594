import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';

/**
 * A stage file renamed by a slip of the keyboard or an editor's "save as" —
 * `6-learnings.md`, `4-Decision.md`, `4-decision.MD` — is not a stage file, so the thread
 * silently lost that stage: check said "no problems" and sync moved a won deal back to
 * open. Each such name is now a `stage-file-name` warning naming the file it should be.
 */

const DEAL = 'threads/sales/harbor-lending';

describe('a stage file under a wrong name', () => {
  it.each([
    ['6-learnings.md', '6-learning.md'],
    ['6-Learning.md', '6-learning.md'],
    ['6-learning.MD', '6-learning.md'],
    ['6_learning.md', '6-learning.md'],
    ['6-lerning.md', '6-learning.md'],
  ])('%s is reported by check and sync as the stage file it should be', async (name, expected) => {
    const dir = exampleWorkspace();
    renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, name));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.json.diagnostics.map((d) => [d.path, d.line, d.column, d.severity, d.rule, d.message])).toEqual([
      [
        `${DEAL}/${name}`,
        1,
        1,
        'warning',
        'stage-file-name',
        `Not a stage file name: \`${name}\` is ignored, so nothing in it counts for the thread; expected \`${expected}\` — rename it`,
      ],
    ]);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dry-run'], { cwd: dir });
    expect(sync.json.diagnostics.filter((d) => d.rule === 'stage-file-name').map((d) => d.path)).toEqual([`${DEAL}/${name}`]);
  });

  it('a file of the thread named otherwise (notes, a second draft of a stage) is not reported', async () => {
    const dir = exampleWorkspace();
    for (const name of ['notes.md', '6-learning-notes.md', 'call-2026-10-01.md', 'README.md']) writeFileSync(join(dir, DEAL, name), '# notes\n');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.json.diagnostics).toEqual([]);
  });
});
