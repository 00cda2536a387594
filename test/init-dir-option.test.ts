import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

/**
 * `init [dir]` with `--dir`: a relative `dir` is taken in the `--dir` folder, as `schemas
 * --out` and a `./thread` argument are. It was taken in the current folder, so `threadwork
 * init . --no-git --dir ../gtm` scaffolded wherever the shell stood — into another project's
 * checkout — and left `--dir` empty.
 */
describe('init with --dir and a relative folder', () => {
  it('scaffolds inside the --dir folder, never in the current one', async () => {
    const here = testdir();
    const there = testdir();
    const dot = await runCli(['init', '.', '--no-git', '--dir', there], { cwd: here });
    expect(dot.code, dot.stderr).toBe(0);
    expect(existsSync(join(there, 'threadwork.config.yaml'))).toBe(true);
    expect(readdirSync(here)).toEqual([]);
    // A folder of its own: one inside the workspace just made is refused (new-user-paths.test.ts).
    const elsewhere = testdir();
    const sub = await runCli(['init', 'gtm', '--no-git', '--dir', elsewhere], { cwd: here });
    expect(sub.code, sub.stderr).toBe(0);
    expect(existsSync(join(elsewhere, 'gtm', 'threadwork.config.yaml'))).toBe(true);
    expect(readdirSync(here)).toEqual([]);
  }, 30_000);
});
