import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const env = { ...gitEnv(), THREADWORK_TODAY: '2026-12-06' };

function writeA5ByHand(dir: string): void {
  const learning = join(dir, `${CAMPAIGN}/6-learning.md`);
  const text = readFileSync(learning, 'utf8');
  const edited = text.replace(/^validations: \[\]$/m, 'validations:\n  - assumption: A5\n    result: partial\n    evidence: Replies came mostly from controllers with an audit coming');
  expect(edited).not.toBe(text);
  writeFileSync(learning, edited);
}

async function fromExperiment(dir: string): Promise<Diagnostic[]> {
  const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
  return json.diagnostics.filter((d) => d.rule === 'validation-from-experiment');
}

// docs/experiments.md: a declared winner is a Stage 6 result; "Do not also write it by hand: it would count twice".
describe('validation-from-experiment', () => {
  it('warns at a hand-written result for the assumption the campaign\'s experiment winner already gives one', async () => {
    const dir = exampleWorkspaceCopy();
    // The example's campaign: audit-subject tests A5 (supports B, B won); a hand-written A5 result beside it counts twice.
    expect(await fromExperiment(dir)).toEqual([]);
    writeA5ByHand(dir);
    const found = await fromExperiment(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: `${CAMPAIGN}/6-learning.md`, severity: 'warning', field: 'validations[0].assumption' });
    expect(found[0]!.message).toContain('Assumption `A5` already has a result from experiment `audit-subject` (winner B: validated)');
  });

  it('is silent when the experiment names no assumption: the written result is the only one', async () => {
    const dir = exampleWorkspaceCopy();
    writeA5ByHand(dir);
    const actions = join(dir, `${CAMPAIGN}/5-actions.md`);
    const text = readFileSync(actions, 'utf8');
    const edited = text.replace(/^ {4}assumption: A5\n {4}supports: B\n/m, '');
    expect(edited).not.toBe(text);
    writeFileSync(actions, edited);
    expect(await fromExperiment(dir)).toEqual([]);
  });
});
