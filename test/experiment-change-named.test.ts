import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';

type SyncResult = { changes: { subject: string; description: string }[]; commit: { committed: boolean } | null };

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';

function experimentLines(result: SyncResult): string[] {
  return result.changes.filter((c) => c.subject === CAMPAIGN && c.description.includes('experiment')).map((c) => c.description);
}

/*
 * A campaign experiment's winner is evidence for an assumption (docs/experiments.md). When
 * the assumption it tests or the variant it supports was edited, the sync's line for the
 * experiments block said `experiment audit-subject: ? → B wins`: a `?` on a fresh clone (the
 * block was never read back) and, the winner unchanged, nothing of what moved.
 */
describe('an experiment whose assumption or supported variant is edited', () => {
  it('is named by the result it now counts as, with the before the committed block showed', async () => {
    const dir = exampleWorkspaceCopy();
    const actions = join(dir, `${CAMPAIGN}/5-actions.md`);
    const text = readFileSync(actions, 'utf8');
    const edited = text.replace(/^ {4}assumption: A5\n {4}supports: B$/m, '    assumption: A2\n    supports: A');
    expect(edited).not.toBe(text);
    writeFileSync(actions, edited);
    const synced = await runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    const expected = `${CAMPAIGN} experiment audit-subject: B wins, validated for A5 → B wins, invalidated for A2`;
    expect(experimentLines(synced.json)).toEqual([expected]);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain(expected);
  });

  it('is named again when the edit is undone, from the summary this checkout recorded', async () => {
    const dir = exampleWorkspaceCopy();
    const actions = join(dir, `${CAMPAIGN}/5-actions.md`);
    const text = readFileSync(actions, 'utf8');
    writeFileSync(actions, text.replace(/^ {4}supports: B$/m, '    supports: A'));
    expect((await runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() })).code).toBe(0);
    writeFileSync(actions, text);
    const undone = await runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() });
    expect(undone.code, undone.stdout).toBe(0);
    expect(experimentLines(undone.json)).toEqual([`${CAMPAIGN} experiment audit-subject: B wins, invalidated for A5 → B wins, validated for A5`]);
    const again = await runJson<SyncResult>(['sync', '--dir', dir], { env: gitEnv() });
    expect(again.json.changes).toEqual([]);
  });
});
