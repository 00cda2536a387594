import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { waitFor, watchStarter } from './helpers/watch.js';

/*
 * A campaign's goal changed in its Stage 1 alone is counted toward the goal meta.json names:
 * `check` warned (campaign-links-disagree), but `sync` and `watch` — where a person who edits
 * and syncs looks, and where the goals' counts are made — said "in sync" and nothing more.
 * They now show the warning too, at every run while the two disagree, not only the run after the edit.
 */
const ENV = { THREADWORK_TODAY: '2026-12-07' };
const INPUT = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/1-input.md';
const startWatch = watchStarter();

interface Synced {
  diagnostics: { path: string; rule: string; line: number; column: number; field?: string; severity: string; message: string }[];
}

function moveGoalInStageOne(dir: string): void {
  const path = join(dir, INPUT);
  writeFileSync(path, readFileSync(path, 'utf8').replace('goal_id: g-fintech-beachhead', 'goal_id: g-arr-500k-2026'));
}

describe('a campaign goal changed in Stage 1 alone', () => {
  it('is a warning of sync at the Stage 1 key, at each run while meta.json names another goal, and goes once they agree', async () => {
    const dir = exampleWorkspaceCopy();
    moveGoalInStageOne(dir);
    for (const run of [1, 2]) {
      const sync = await runJson<Synced>(['sync', '--dir', dir], { env: ENV });
      const found = sync.json.diagnostics.filter((d) => d.rule === 'campaign-links-disagree');
      expect(found, `sync ${run}`).toEqual([expect.objectContaining({ path: INPUT, line: 3, column: 10, severity: 'warning' })]);
      expect(found[0]!.message).toContain('Campaign Stage 1 names goal `g-arr-500k-2026` but its meta.json names `g-fintech-beachhead`, the one counted');
    }
    const text = await runCli(['sync', '--dry-run', '--dir', dir], { env: ENV });
    expect(text.stdout).toContain(`${INPUT}:3:10 warning Campaign Stage 1 names goal`);

    const path = join(dir, INPUT);
    writeFileSync(path, readFileSync(path, 'utf8').replace('goal_id: g-arr-500k-2026', 'goal_id: g-fintech-beachhead'));
    const agreed = await runJson<Synced>(['sync', '--dir', dir], { env: ENV });
    expect(agreed.json.diagnostics.map((d) => d.rule)).not.toContain('campaign-links-disagree');
  });

  it('is a warning of the watch cycle the edit starts', async () => {
    const dir = exampleWorkspaceCopy();
    const watcher = startWatch(dir, [], ENV);
    await watcher.ready();
    moveGoalInStageOne(dir);
    await waitFor(() => watcher.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'campaign-links-disagree' && d.path === INPUT && d.line === 3)), 'the cycle of the edit to warn', () => watcher.describe());
  });
});

/*
 * Stage 1 saying `goal_id: null` — the campaign counts toward no goal, to whoever reads it —
 * while meta.json links it to one was passed over: the campaign went on counting toward the
 * goal with no word. The two disagree as much as two goals do, and are said to.
 */
describe('a campaign whose Stage 1 says no goal while meta.json names one', () => {
  it('is warned at the Stage 1 key by check and sync, and not when Stage 1 leaves the key out', async () => {
    const dir = exampleWorkspaceCopy();
    const path = join(dir, INPUT);
    const written = readFileSync(path, 'utf8');
    writeFileSync(path, written.replace('goal_id: g-fintech-beachhead', 'goal_id: null'));
    const checked = await runJson<Synced>(['check', '--dir', dir], { env: ENV });
    const found = checked.json.diagnostics.filter((d) => d.rule === 'campaign-links-disagree');
    // At the `null` written (`goal_id: null`, column 10), as a goal written there is — not at the key, column 1.
    expect(found).toEqual([expect.objectContaining({ path: INPUT, line: 3, column: 10, field: 'goal_id', severity: 'warning' })]);
    expect(found[0]!.message).toContain('Campaign Stage 1 names no goal (`goal_id: null`) but its meta.json names `g-fintech-beachhead`, the one counted');
    const synced = await runJson<Synced>(['sync', '--dry-run', '--dir', dir], { env: ENV });
    expect(synced.json.diagnostics.filter((d) => d.rule === 'campaign-links-disagree')).toEqual([expect.objectContaining({ line: 3, column: 10 })]);
    const text = await runCli(['check', '--dir', dir], { env: ENV });
    expect(text.stdout).toContain(`${INPUT}:3:10 warning Campaign Stage 1 names no goal`);

    writeFileSync(path, written.replace('goal_id: g-fintech-beachhead\n', ''));
    const left = await runJson<Synced>(['check', '--dir', dir], { env: ENV });
    expect(left.json.diagnostics.map((d) => d.rule)).not.toContain('campaign-links-disagree');
  });
});
