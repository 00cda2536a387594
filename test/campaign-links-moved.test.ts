import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/*
 * The docs move a campaign to another goal in its meta.json (meta-field-in-stage: "to move a
 * thread to another segment or goal edit its meta.json"). Done so, with Stage 1 still naming
 * the goal `campaign new --goal` wrote, check's campaign-links-disagree said "expected
 * `"goal_id": "<the old goal>"` in meta.json": undo the move. The disagreement is real (the
 * goals count meta.json alone); the advice now offers both fixes, meta.json's goal first.
 */
const ENV = { THREADWORK_TODAY: '2026-12-07' };
const CAMPAIGN = 'threads/sales/campaigns/2026-12-07-audit-season';

interface Checked {
  diagnostics: { path: string; rule: string; line: number; column: number; message: string }[];
}

describe('a campaign moved to another goal in its meta.json', () => {
  it('is told to write the goal meta.json counts into Stage 1 as well, not to move it back', async () => {
    const dir = exampleWorkspaceCopy();
    const opened = await runCli(['campaign', 'new', 'Audit season', '-s', 'mid-market-fintech', '-g', 'g-fintech-beachhead', '--dir', dir], { env: ENV });
    expect(opened.code, opened.stderr).toBe(0);
    const metaPath = join(dir, CAMPAIGN, 'meta.json');
    writeFileSync(metaPath, readFileSync(metaPath, 'utf8').replace('"goal_id": "g-fintech-beachhead"', '"goal_id": "g-arr-500k-2026"'));

    const check = await runJson<Checked>(['check', '--dir', dir], { env: ENV });
    const found = check.json.diagnostics.filter((d) => d.rule === 'campaign-links-disagree');
    expect(found).toEqual([expect.objectContaining({ path: `${CAMPAIGN}/1-input.md`, line: 6, column: 10 })]);
    expect(found[0]!.message).toBe(
      'Campaign Stage 1 names goal `g-fintech-beachhead` but its meta.json names `g-arr-500k-2026`, the one counted: the campaign counts toward `g-arr-500k-2026`; expected the same goal in both — `goal_id: g-arr-500k-2026` here if the campaign moved to it, or `"goal_id": "g-fintech-beachhead"` in meta.json if it did not',
    );

    // Doing the first: the warning goes.
    const input = join(dir, CAMPAIGN, '1-input.md');
    writeFileSync(input, readFileSync(input, 'utf8').replace('goal_id: "g-fintech-beachhead"', 'goal_id: "g-arr-500k-2026"'));
    const again = await runJson<Checked>(['check', '--dir', dir], { env: ENV });
    expect(again.json.diagnostics.map((d) => d.rule)).not.toContain('campaign-links-disagree');
  });
});
