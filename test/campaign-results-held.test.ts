import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git, gitEnv } from './helpers/git.js';

/*
 * The fourth review: a campaign's Stage 6 results that check rejects (900 meetings of 231
 * delivered; per-variant replies above the campaign's) were committed by sync, exit 0 —
 * `meetings 6 → 900`, a goal at 900/40 — where a file in error is never committed.
 */
const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';
const LEARNING = `${CAMPAIGN}/6-learning.md`;
const DERIVED = ['strategy/canvas/13-metrics.md', 'goals/g-fintech-beachhead.md', 'goals/g-arr-500k-2026.md', `${CAMPAIGN}/meta.json`];

type Diagnostic = { path: string; rule: string; severity: string; line: number; message: string };

function editLearning(dir: string, edit: (text: string) => string): void {
  const file = join(dir, LEARNING);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

const texts = (dir: string): string[] => DERIVED.map((path) => readFileSync(join(dir, path), 'utf8'));

describe('campaign results that cannot be', () => {
  it.each([
    ['more meetings than delivered (campaign-results)', (t: string) => t.replace(/^ {2}meetings: 6$/m, '  meetings: 900'), 'campaign-results'],
    ['variants with more replies than the campaign (experiment-results)', (t: string) => t.replace('replied: 5, bounced: 5}', 'replied: 49, bounced: 5}'), 'experiment-results'],
  ])('%s: sync holds the campaign, exits 1 and commits nothing', async (_what, edit, rule) => {
    const dir = exampleWorkspaceCopy();
    const before = texts(dir);
    const commits = commitCount(dir);
    editLearning(dir, edit);
    const synced = await runJson<{ ok: boolean; diagnostics: Diagnostic[] }>(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code).toBe(1);
    expect(synced.json.ok).toBe(false);
    expect(synced.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ rule, severity: 'error', path: LEARNING })]));
    expect(synced.json.diagnostics.find((d) => d.rule === 'derived-held' && d.path.startsWith(`${CAMPAIGN}/`))?.message).toContain(`because of the error at ${LEARNING}`);
    expect(commitCount(dir)).toBe(commits);
    expect(texts(dir)).toEqual(before);
    expect(git(dir, 'status', '--porcelain')).toBe(` M ${LEARNING}\n`);
  });

  it('a delivered of 0 is not recorded: the variants are held to sent − bounced, as every rate reads it', async () => {
    const dir = exampleWorkspaceCopy();
    editLearning(dir, (t) => t.replace(/^ {2}delivered: 231$/m, '  delivered: 0'));
    const checked = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir, '--no-cache'], { env: gitEnv() });
    expect(checked.json.diagnostics.filter((d) => d.rule === 'experiment-results' || d.rule === 'campaign-results')).toEqual([]);
    // More than sent − bounced (240 − 9 = 231) still is an error.
    editLearning(dir, (t) => t.replace('B: {sent: 120, delivered: 116', 'B: {sent: 120, delivered: 216'));
    const over = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir, '--no-cache'], { env: gitEnv() });
    expect(over.json.diagnostics.find((d) => d.rule === 'experiment-results')?.message).toContain("record 331 delivered in all, more than the campaign's 231");
  });
});
