import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';

/*
 * The fourth review: a hand-tuned ICP file moved every deal's scores, and a template
 * override every generated narrative — and each commit held the derived change without
 * the file it came from (the ICP left modified, the override untracked): HEAD held figures
 * its own sources did not give.
 */
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';
const OVERRIDE = '.threadwork/templates/strategy/narrative/problem-narrative.md.hbs';

describe('a source the derived files follow from, outside the canvas', () => {
  it('a hand-tuned ICP file is committed with the scores it moved, named as their trigger', async () => {
    const dir = exampleWorkspaceCopy();
    const text = readFileSync(join(dir, ICP), 'utf8');
    const tuned = text.replace(/^(\s+)fit: 0\.35$/m, '$1fit: 0.5').replace(/^(\s+)intent: 0\.35$/m, '$1intent: 0.2');
    expect(tuned).not.toBe(text);
    writeFileSync(join(dir, ICP), tuned);
    const synced = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    expect(synced.stdout).toMatch(/icp_match_score \d\.\d+ → \d\.\d+/);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(ICP);
    expect(git(dir, 'log', '-1', '--format=%B')).toContain(`Threadwork-Trigger: ${ICP}`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a template override is committed with the generated files made from it, by strategy and by sync', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    const builtIn = readFileSync(join(REPO_ROOT, 'templates/strategy/narrative/problem-narrative.md.hbs'), 'utf8');
    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nOur own closing line.\n`);
    const generated = await runCli(['strategy', '--dir', dir], { env: gitEnv() });
    expect(generated.code, generated.stdout).toBe(0);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');

    writeFileSync(join(dir, OVERRIDE), `${builtIn}\nAnother closing line.\n`);
    const synced = await runCli(['sync', '--dir', dir], { env: gitEnv() });
    expect(synced.code, synced.stdout).toBe(0);
    expect(synced.stdout).toContain('(the canvas or a template it is made from changed)');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(OVERRIDE);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
