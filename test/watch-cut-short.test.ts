import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/git.js';
import { read } from './helpers/testdir.js';
import { watchStarter } from './helpers/watch.js';
import { repo } from './helpers/won-deal.js';

const start = watchStarter();

const ASSUMPTIONS = 'strategy/canvas/10-assumptions.md';

/*
 * A canvas file read while its save was under way (an editor's first write of a long file,
 * a paste into `cat >`): its prose cut mid-word before the assumptions block. The watcher
 * took the block for deleted, appended it after the cut, wrote the file — over the one the
 * editor was still writing — and committed the prose cut short. The file is now left as it
 * is, an error at its end says why, nothing is committed; the rest of the save is synced as usual.
 */
describe('watch: a block file read part-way through its save', () => {
  it('leaves a file cut mid-line before its block as it is, commits nothing, and syncs the whole save after it', async () => {
    const dir = await repo();
    const whole = read(dir, ASSUMPTIONS);
    expect(whole).toContain('<!-- threadwork:begin assumptions -->');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const w = start(dir);
    await w.ready();
    const cut = whole.slice(0, whole.indexOf('Body.') + 3);
    writeFileSync(join(dir, ASSUMPTIONS), cut);
    await w.cycle(1);
    const [first] = w.cycles();
    expect(first!.diagnostics, w.describe()).toEqual([
      expect.objectContaining({ path: ASSUMPTIONS, line: cut.split('\n').length, column: 4, severity: 'error', rule: 'managed-block', message: expect.stringContaining('saved half-way?') }),
    ]);
    expect(first!.commit ?? null, w.describe()).toBeNull();
    expect(read(dir, ASSUMPTIONS)).toBe(cut);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);

    writeFileSync(join(dir, ASSUMPTIONS), whole);
    await w.cycle(2);
    expect(w.cycles()[1]!.diagnostics, w.describe()).toEqual([]);
    expect(w.cycles()[1]!.fixed, w.describe()).toEqual([ASSUMPTIONS]);
    expect(read(dir, ASSUMPTIONS)).toBe(whole);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  }, 30_000);

  it('does so when the save also moved a value of its front matter, and commits the whole save with what it moved', async () => {
    const dir = await repo();
    const whole = read(dir, ASSUMPTIONS).replace('prior: 0.6', 'prior: 0.7');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const w = start(dir);
    await w.ready();
    const cut = whole.slice(0, whole.indexOf('Body.') + 3);
    writeFileSync(join(dir, ASSUMPTIONS), cut);
    await w.cycle(1);
    expect(w.cycles()[0]!.diagnostics?.map((d) => d.rule), w.describe()).toEqual(['managed-block']);
    expect(w.cycles()[0]!.commit ?? null, w.describe()).toBeNull();
    expect(read(dir, ASSUMPTIONS)).toBe(cut);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head);

    writeFileSync(join(dir, ASSUMPTIONS), whole);
    await w.cycle(2);
    expect(w.cycles()[1]!.commit, w.describe()).toMatchObject({ committed: true });
    expect(git(dir, 'show', `HEAD:${ASSUMPTIONS}`)).toContain('prior: 0.7');
    expect(git(dir, 'show', `HEAD:${ASSUMPTIONS}`)).toContain('<!-- threadwork:end assumptions -->');
    expect(git(dir, 'show', `HEAD:${ASSUMPTIONS}`)).toContain('\nBody.\n');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  }, 30_000);
});
