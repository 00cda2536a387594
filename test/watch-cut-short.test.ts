import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/git.js';
import { read } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo, wonArr } from './helpers/won-deal.js';

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

  /*
   * Left as it was, the half-saved file was still a changed source: when another save moved
   * a derived file in the same cycle (a deal won moves the metrics), every changed source
   * went into that commit as its trigger — the canvas file cut mid-word with it.
   */
  it('never commits it as a trigger when another save moves a derived file in the same cycle; the whole save is committed after', async () => {
    const dir = await repo();
    const whole = read(dir, ASSUMPTIONS).replace('prior: 0.6', 'prior: 0.7');
    const committedBefore = git(dir, 'show', `HEAD:${ASSUMPTIONS}`);
    const w = start(dir);
    await w.ready();
    const cut = whole.slice(0, whole.indexOf('Body.') + 3);
    // The cut file first: a cycle of its own, if it gets one, commits nothing, and the won deal's then finds it still changed.
    writeFileSync(join(dir, ASSUMPTIONS), cut);
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await waitFor(() => w.cycles().some((c) => c.commit?.committed), 'the won deal committed', () => w.describe());
    const won = w.cycles().find((c) => c.commit?.committed)!;
    expect(won.commit?.paths, w.describe()).not.toContain(ASSUMPTIONS);
    expect(w.cycles().flatMap((c) => c.diagnostics ?? []).map((d) => [d.path, d.rule])).toContainEqual([ASSUMPTIONS, 'managed-block']);
    expect(git(dir, 'show', `HEAD:${ASSUMPTIONS}`)).toBe(committedBefore);
    expect(git(dir, 'show', 'HEAD:strategy/canvas/13-metrics.md')).toContain('48,000');
    expect(read(dir, ASSUMPTIONS)).toBe(cut);

    const cycles = w.cycles().length;
    writeFileSync(join(dir, ASSUMPTIONS), whole);
    await w.cycle(cycles + 1);
    expect(w.cycles().at(-1)!.commit, w.describe()).toMatchObject({ committed: true });
    expect(w.cycles().at(-1)!.commit?.paths).toContain(ASSUMPTIONS);
    expect(git(dir, 'show', `HEAD:${ASSUMPTIONS}`)).toContain('prior: 0.7');
    expect(git(dir, 'show', `HEAD:${ASSUMPTIONS}`)).toContain('\nBody.\n');
    expect(wonArr(dir)).not.toBe('(none)');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  }, 30_000);
});
