import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';

type SyncResult = { changes: { subject: string; description: string }[]; commit: { committed: boolean } | null };

/*
 * A goal's target edited by hand moves its block's target and gap; the commit said only
 * "goals/…: state block rewritten", so `history` could not show when a target changed.
 */
describe('a goal target edited', () => {
  it('is described as the target it moved, in the sync and its commit', async () => {
    const dir = exampleWorkspaceCopy();
    const goal = join(dir, 'goals/g-arr-500k-2026.md');
    const text = readFileSync(goal, 'utf8');
    const edited = text.replace(/^ {4}target: 500000$/m, '    target: 600000');
    expect(edited).not.toBe(text);
    writeFileSync(goal, edited);
    const synced = await runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    const described = synced.json.changes.filter((c) => c.subject === 'g-arr-500k-2026').map((c) => c.description);
    expect(described).toHaveLength(1);
    expect(described[0]).toContain('target won_arr 500,000 → 600,000');
    expect(described[0]).not.toContain('block rewritten');
    expect(git(dir, 'log', '-1', '--format=%B')).toContain('target won_arr 500,000 → 600,000');
  });

  it('a sync that moves other figures of a goal whose summary was recorded without targets does not call its target new', async () => {
    const dir = exampleWorkspaceCopy();
    // The snapshot an earlier version recorded: the goals' summaries without their targets.
    await runJson(['sync', '--dir', dir], { env: gitEnv() });
    const snapshotPath = join(dir, '.git/threadwork-derived.json');
    const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { blocks: Record<string, { summary: Record<string, string> }> };
    let removed = 0;
    for (const entry of Object.values(snapshot.blocks)) {
      for (const key of Object.keys(entry.summary)) {
        if (!key.startsWith('target ')) continue;
        delete entry.summary[key];
        removed++;
      }
    }
    expect(removed).toBeGreaterThan(0);
    writeFileSync(snapshotPath, JSON.stringify(snapshot));
    const learning = join(dir, 'threads/sales/northwind-payments/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace(/^arr: 42000$/m, 'arr: 45000'));
    const synced = await runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() });
    const goal = synced.json.changes.find((c) => c.subject === 'g-arr-500k-2026')?.description ?? '';
    expect(goal).toContain('won_arr 42,000 → 45,000');
    expect(goal).not.toContain('target');
  });
});

describe('a goal deadline edited', () => {
  it('is described as the deadline it moved, not as a block rewritten', async () => {
    const dir = exampleWorkspaceCopy();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    const text = readFileSync(goal, 'utf8');
    const edited = text.replace(/^deadline: 2027-03-31$/m, 'deadline: 2027-06-30');
    expect(edited).not.toBe(text);
    writeFileSync(goal, edited);
    const synced = await runJson<SyncResult>(['sync', '--dir', dir], { env: { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' } });
    expect(synced.code, synced.stdout).toBe(0);
    const described = synced.json.changes.filter((c) => c.subject === 'g-fintech-beachhead').map((c) => c.description);
    expect(described).toHaveLength(1);
    expect(described[0]).toContain('deadline 2027-03-31 → 2027-06-30');
    expect(described[0]).not.toContain('block rewritten');
    expect(git(dir, 'log', '-1', '--format=%B')).toContain('deadline 2027-03-31 → 2027-06-30');
  });
});

describe("a subgoal's title edited", () => {
  it('is described as the title it moved, not as a block rewritten', async () => {
    const dir = exampleWorkspaceCopy();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    const text = readFileSync(goal, 'utf8');
    const edited = text.replace('title: Win three referenceable fintech customers', 'title: Win three referenceable fintech logos');
    expect(edited).not.toBe(text);
    writeFileSync(goal, edited);
    const synced = await runJson<SyncResult>(['sync', '--dir', dir], { env: { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' } });
    expect(synced.code, synced.stdout).toBe(0);
    const described = synced.json.changes.filter((c) => c.subject === 'g-fintech-beachhead').map((c) => c.description);
    expect(described).toEqual(['g-fintech-beachhead SG2 title Win three referenceable fintech customers → Win three referenceable fintech logos']);
  });
});
