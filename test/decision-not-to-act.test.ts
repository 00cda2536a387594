import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import { replaceInFile } from './helpers/testdir.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' };
const DEAL = 'threads/sales/keel-neobank';
const ACTIONS = `---
actions:
  - type: sales:demo
    status: in_progress
    due: 2026-12-01
    owner: Sam
---

# Actions — Keel Neobank
`;

const lines = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

/**
 * `advance` refuses to open Stage 5 after a DEFER or a REJECT (decision-not-to-act): the
 * deal still counts as deferred or rejected, its actions move no pipeline stage, and a
 * DEFER's revisit leaves `due`. A 5-actions.md written by hand beside such a decision got
 * no word from check. It is a warning at the file.
 */
describe('a 5-actions.md written by hand after a decision not to act', () => {
  it('after a DEFER, is a check warning at the file, naming the decision', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, DEAL, '5-actions.md'), ACTIONS);
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env });
    expect(code).toBe(0);
    expect(lines(json.diagnostics)).toEqual([`${DEAL}/5-actions.md:1:1 warning decision-not-to-act`]);
    expect(json.diagnostics[0]!.message).toBe(
      'Actions after a DEFER: 4-decision.md decides DEFER, and 5-actions.md follows a decision to act (QUALIFY), so the deal still counts as deferred — its actions move no pipeline stage, and `due` no longer lists its revisit (2027-01-15). If the deal went ahead, change `decision` to QUALIFY in 4-decision.md; if not, remove 5-actions.md',
    );
  });

  it('after a REJECT, is a check warning at the file', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/4-decision.md`, 'decision: DEFER\n', 'decision: REJECT\n');
    writeFileSync(join(dir, DEAL, '5-actions.md'), ACTIONS);
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env });
    expect(lines(json.diagnostics).filter((l) => l.endsWith('decision-not-to-act'))).toEqual([`${DEAL}/5-actions.md:1:1 warning decision-not-to-act`]);
    expect(json.diagnostics.find((d) => d.rule === 'decision-not-to-act')!.message).toBe(
      'Actions after a REJECT: 4-decision.md decides REJECT, and 5-actions.md follows a decision to act (QUALIFY), so the deal still counts as rejected — its actions move no pipeline stage. If the deal went ahead, change `decision` to QUALIFY in 4-decision.md; if not, remove 5-actions.md',
    );
  });

  it('is no warning after a QUALIFY', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/4-decision.md`, 'decision: DEFER\n', 'decision: QUALIFY\n');
    writeFileSync(join(dir, DEAL, '5-actions.md'), ACTIONS);
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env });
    expect(json.diagnostics.filter((d) => d.rule === 'decision-not-to-act')).toEqual([]);
  });
});
