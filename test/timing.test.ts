import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { lastCommitPaths } from './helpers/git.js';
import { learning, repo } from './helpers/won-deal.js';

/** Every `threadwork timing …` line on stderr: what it times, and its phases as printed. */
const timingLines = (stderr: string): { what: string; phases: string[] }[] =>
  [...stderr.matchAll(/^threadwork timing ([^:]+): (.*); peak RSS \d+ MB$/gm)].map((m) => ({ what: m[1] ?? '', phases: (m[2] ?? '').split(/, (?=[^,(]+ \d+ ms \(cpu )|; (?=total )/) }));

const PHASE = /^(.+) (\d+) ms \(cpu (\d+)(?:; (\d+) child process(?:es)? (\d+) ms wall)?\)$/;

describe('THREADWORK_TIMING=1', () => {
  it('prints each phase of a sync with a commit as wall time, CPU time, and the child processes it waited on', async () => {
    const dir = await repo();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(42_000));
    const result = await runJson<{ commit?: { committed: boolean } }>(['sync', '--dir', dir], { env: { THREADWORK_TIMING: '1', THREADWORK_NO_SERVER: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.commit?.committed).toBe(true);
    expect(lastCommitPaths(dir)).toContain('threads/sales/acme/6-learning.md');
    const lines = timingLines(result.stderr);
    const whats = lines.map((l) => l.what);
    expect(whats.some((w) => w.startsWith('commit of ')), result.stderr).toBe(true);
    for (const { phases } of lines) {
      expect(phases.at(-1), result.stderr).toMatch(/^total /);
      for (const phase of phases) {
        const parsed = PHASE.exec(phase);
        expect(parsed, `${phase}\nin\n${result.stderr}`).not.toBeNull();
        const [, , wall, cpu] = parsed!.map(Number);
        expect(Number.isFinite(wall) && Number.isFinite(cpu)).toBe(true);
      }
    }
    // The commit waits on git: its phases say so, with the children's count and wall time.
    const commit = lines.find((l) => l.what.startsWith('commit of'))!;
    const children = commit.phases.map((p) => PHASE.exec(p)).filter((m) => m?.[4] !== undefined);
    expect(children.length, commit.phases.join('\n')).toBeGreaterThan(0);
    expect(children.every((m) => Number(m![4]) >= 1 && Number(m![5]) >= 0)).toBe(true);
  }, 120_000);

  it('prints nothing without it', async () => {
    const dir = await repo();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(43_000));
    const result = await runJson(['sync', '--dir', dir], { env: { THREADWORK_NO_SERVER: '1' } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/threadwork timing/);
  }, 120_000);
});
