import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';

interface CheckJson {
  ok: boolean;
  errors: number;
  warnings: number;
  threads: number;
  diagnostics: { path: string; line: number; message: string }[];
}

describe('the bundled example workspace', () => {
  it('passes threadwork check with no errors and no warnings', async () => {
    const result = await runJson<CheckJson>(['check']);
    expect(result.json.diagnostics).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.json.threads).toBeGreaterThanOrEqual(7);
  });

  it('prints a one-line summary in the terminal', async () => {
    const result = await runCli(['check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ \d+ files, \d+ threads: no problems/);
  });
});

describe('the bundled example at its fixed point', () => {
  it('a sync on it writes nothing', async () => {
    const result = await runJson<{ written: string[]; changes: unknown[] }>(['sync', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.json.written).toEqual([]);
    expect(result.json.changes).toEqual([]);
  });
});
