import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

type Checked = { diagnostics: { path: string; rule: string; line: number; column: number; severity: string; message: string }[] };

const LEARNING = 'threads/sales/harbor-lending/6-learning.md';

/*
 * A Stage 6 that records the close — its date and the ARR signed — with `outcome` left
 * empty (the template's `outcome: null`, or the line deleted) leaves the deal open: it
 * stayed in the pipeline at 80%, its ARR in no figure, its win in no goal, and `check`
 * said nothing.
 */
describe('a deal whose Stage 6 records a close without its outcome', () => {
  it.each([
    ['outcome: null', 'outcome: null'],
    ['the outcome line deleted', ''],
  ])('check warns closed-without-outcome (%s): the deal counts as open', async (_case, replacement) => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, LEARNING);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace(/^outcome: closed-won\n/m, replacement ? `${replacement}\n` : '');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const key = replacement ? 'outcome:' : 'closed:';
    const line = edited.split('\n').findIndex((l) => l.startsWith(key)) + 1;
    const { json } = await runJson<Checked>(['check', '--no-cache'], { cwd: dir });
    const warning = json.diagnostics.find((d) => d.rule === 'closed-without-outcome');
    expect(warning).toMatchObject({ path: LEARNING, severity: 'warning', line });
    expect(warning!.message).toBe('Closed on 2026-09-24 without its outcome: expected `outcome` — closed-won, closed-lost or stalled. Until it is written, the deal counts as open: in the pipeline, its `arr` in no figure');
  });

  it('is silent for the template as advance opens it, nothing recorded yet', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, LEARNING);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^outcome: closed-won$/m, 'outcome: null').replace(/^closed: .*$/m, 'closed: null').replace(/^arr: .*$/m, 'arr: null'));
    const { json } = await runJson<Checked>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'closed-without-outcome')).toEqual([]);
  });
});
