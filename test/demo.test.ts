import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { commandJson } from './helpers/in-process.js';

describe('npm start (threadwork demo)', () => {
  it('walks a deal to closed-won on a temporary copy, commits each derived change, and leaves the repository untouched', async () => {
    const status = (): string => execFileSync('git', ['status', '--porcelain', '--', 'strategy', 'goals', 'threads', 'research', 'artifacts'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const before = status();
    const result = await runJson<{ dir: string; deal: string; history: string[]; steps: { step: string }[] }>(['demo'], { env: { THREADWORK_TODAY: '2026-11-22' } });
    expect(result.code, result.stderr).toBe(0);
    const { dir, deal, history } = result.json;
    try {
      expect(existsSync(join(dir, deal, '6-learning.md'))).toBe(true);
      expect(history.join('\n')).toMatch(/threadwork: learning threads\/sales\/bluewater-payments \(closed-won, ARR 42000\)/);
      expect(history.join('\n')).toMatch(/confidence \d\.\d\d → \d\.\d\d/);
      // The workspace the demo left, asked without a process: check's and a dry run's JSON and exit code.
      const check = await commandJson(() => checkCommand({}, { dir, json: true }));
      expect(check.code, JSON.stringify(check.json)).toBe(0);
      const again = await commandJson<{ written: string[] }>(() => syncCommand({ dryRun: true, commit: true }, { dir, json: true }));
      expect(again.json.written).toEqual([]);
      expect(status()).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The first output a new user reads (README: npm start): a count says file or files as it should.
  it('counts the derived files of each step in words that agree with the number', async () => {
    const result = await runCli(['demo'], { env: { THREADWORK_TODAY: '2026-11-22' } });
    expect(result.code, result.stderr).toBe(0);
    const dir = /Copied the example workspace to (\S+) /.exec(result.stdout)?.[1];
    try {
      const counts = [...result.stdout.matchAll(/: (\d+) derived (\w+) updated/g)].map((m) => [Number(m[1]), m[2]] as const);
      expect(counts.length).toBeGreaterThan(0);
      for (const [n, word] of counts) expect(word, `${n} derived ${word}`).toBe(n === 1 ? 'file' : 'files');
      expect(counts.some(([n]) => n === 1)).toBe(true);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
