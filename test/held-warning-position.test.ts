import { describe, expect, it } from 'vitest';
import { syncCommand } from '../src/cli/commands/sync.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { md, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/*
 * A `derived-held` warning names the error that holds its file (`because <file>:19:13 …`).
 * It sat at 1:1 of the file all the same: an editor (or a reader of file:line:col) was sent
 * to the first line, which has nothing wrong. It now sits where the error it names is.
 */

const syncJson = (dir: string): ReturnType<typeof commandJson<{ diagnostics: Diagnostic[] }>> =>
  commandJson<{ diagnostics: Diagnostic[] }>(() => syncCommand({ dryRun: false, commit: true }, { dir, json: true }));

/** A deal at Stage 5, synced and committed. */
async function committedDeal(): Promise<string> {
  const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers', subgoal: 'SG1' }) });
  writeFiles(dir, {
    'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncompany:\n  name: Acme'),
    'threads/sales/acme/2-hypothesis.md': md('tests: [A1]'),
    'threads/sales/acme/3-implication.md': md('arr_potential: 40000\nstrategic_value: high'),
    'threads/sales/acme/4-decision.md': md('decision: QUALIFY\nframework: BANT\nreasoning: fits'),
    'threads/sales/acme/5-actions.md': md('actions:\n  - {type: sales:demo, status: completed, completed: 2026-03-20}'),
  });
  gitInit(dir);
  expect((await syncJson(dir)).code).toBe(0);
  return dir;
}

function heldAndNamed(diagnostics: readonly Diagnostic[], path: string): { held: Diagnostic; named: string } {
  const held = diagnostics.find((d) => d.rule === 'derived-held' && d.path === path);
  expect(held, JSON.stringify(diagnostics)).toBeDefined();
  // Its own error is named by line and column ("its error at 5:13"), another file's by path too.
  const own = /because of its error at (\d+:\d+)/.exec(held!.message)?.[1];
  const named = own ? `${path}:${own}` : /because (?:of the error at )?(\S+:\d+:\d+)/.exec(held!.message)?.[1];
  expect(named, held!.message).toBeDefined();
  return { held: held!, named: named! };
}

describe('a derived-held warning sits at the error it names', () => {
  it('a broken file: at its first error, in sync --json and in the printed line', { timeout: 120_000 }, async () => {
    const dir = await committedDeal();
    // Line 5 of the file (after `---`, `actions:`, the entry's first two lines): a list never closed.
    writeFiles(dir, { 'threads/sales/acme/5-actions.md': md('actions:\n  - type: sales:demo\n    status: [completed\n    completed: 2026-03-20') });
    const { json } = await syncJson(dir);
    const error = json.diagnostics.find((d) => d.severity === 'error' && d.path === 'threads/sales/acme/5-actions.md')!;
    expect(error.line).toBeGreaterThan(1);
    const { held, named } = heldAndNamed(json.diagnostics, 'threads/sales/acme/5-actions.md');
    expect(named).toBe(`threads/sales/acme/5-actions.md:${error.line}:${error.column}`);
    expect(`${held.path}:${held.line}:${held.column}`).toBe(named);
    const printed = (await runCli(['sync', '--dry-run', '--dir', dir])).stdout.split('\n').find((line) => line.endsWith('(derived-held)'));
    expect(printed).toMatch(new RegExp(`^${named} warning Held: `));
  });

  it('a thread held for a cross-file error: at that error', { timeout: 120_000 }, async () => {
    const dir = await committedDeal();
    // Closed before it was created: an error at `closed`, line 3, which holds the whole thread.
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': md('outcome: closed-lost\nclosed: 2026-02-28') });
    const { json } = await syncJson(dir);
    const error = json.diagnostics.find((d) => d.rule === 'closed-before-created')!;
    expect(error.line).toBe(3);
    const { held, named } = heldAndNamed(json.diagnostics, 'threads/sales/acme/6-learning.md');
    expect(named).toBe(`threads/sales/acme/6-learning.md:3:${error.column}`);
    expect(`${held.path}:${held.line}:${held.column}`).toBe(named);
  });
});
