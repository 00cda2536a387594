import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGarbageIfDue, parseGcAuto, tooManyLooseObjects } from '../src/git/auto-gc.js';
import { commitPaths } from '../src/git/commit.js';
import { git, gitInit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// The engine's commits are plumbing, which runs no `git gc --auto`; after each, git's own
// test of "many loose objects" decides whether to start one (src/git/auto-gc.ts).

/** `count` file contents whose blob ids begin with `17`: their loose objects land in git's sample folder. */
function contentsInSampleFolder(count: number): string[] {
  const found: string[] = [];
  for (let i = 0; found.length < count; i++) {
    const content = `note ${i}\n`;
    const id = createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
    if (id.startsWith('17')) found.push(content);
  }
  return found;
}

const looseInSample = (dir: string): string[] => {
  const folder = join(dir, '.git', 'objects', '17');
  return existsSync(folder) ? readdirSync(folder).filter((name) => /^[0-9a-f]{38}$/.test(name)) : [];
};
const packs = (dir: string): string[] => readdirSync(join(dir, '.git', 'objects', 'pack')).filter((name) => name.endsWith('.pack'));

describe('loose objects packed as git commit would have them packed', () => {
  it("counts as git does: more than gc.auto / 256 object files in objects/17, nothing else there, gc.auto 0 never", () => {
    const gitDir = join(testdir(), '.git');
    const sample = join(gitDir, 'objects', '17');
    mkdirSync(sample, { recursive: true });
    expect(tooManyLooseObjects(gitDir, 256, 20)).toBe(false); // limit 1, none
    writeFileSync(join(sample, 'a'.repeat(38)), '');
    writeFileSync(join(sample, `tmp_obj_threadwork_1_2_3`), ''); // a writer's temporary file
    writeFileSync(join(sample, 'b'.repeat(62)), ''); // a SHA-256 name, in a SHA-1 count
    expect(tooManyLooseObjects(gitDir, 256, 20)).toBe(false); // one object: not more than 1
    writeFileSync(join(sample, 'c'.repeat(38)), '');
    expect(tooManyLooseObjects(gitDir, 256, 20)).toBe(true);
    expect(tooManyLooseObjects(gitDir, 257, 20)).toBe(false); // limit 2 (rounded up)
    expect(tooManyLooseObjects(gitDir, 6700, 20)).toBe(false);
    expect(tooManyLooseObjects(gitDir, 0, 20)).toBe(false);
    expect(tooManyLooseObjects(gitDir, -1, 20)).toBe(false);
    writeFileSync(join(sample, 'd'.repeat(62)), '');
    expect(tooManyLooseObjects(gitDir, 256, 32)).toBe(true); // two SHA-256 names
    expect(collectGarbageIfDue(gitDir, gitDir, 0, 20)).toBe(false);
  });

  it('starts one gc at a time: not again while the last one may still be packing', () => {
    const top = testdir();
    gitInit(top, { commit: false }); // git's own threshold (gc.auto 6700) finds nothing to do here
    const gitDir = join(top, '.git');
    const sample = join(gitDir, 'objects', '17');
    mkdirSync(sample, { recursive: true });
    for (const c of 'abc') writeFileSync(join(sample, c.repeat(38)), '');
    expect(collectGarbageIfDue(top, gitDir, 256, 20)).toBe(true);
    expect(tooManyLooseObjects(gitDir, 256, 20)).toBe(true); // still due
    expect(collectGarbageIfDue(top, gitDir, 256, 20)).toBe(false);
  });

  it('reads gc.auto as git reads an integer: units, and git’s default when it is no number', () => {
    expect(parseGcAuto('6700')).toBe(6700);
    expect(parseGcAuto(' 2k ')).toBe(2048);
    expect(parseGcAuto('0')).toBe(0);
    expect(parseGcAuto('-1')).toBe(-1);
    expect(parseGcAuto('true')).toBeUndefined();
    expect(parseGcAuto(undefined)).toBeUndefined();
  });

  it('starts git gc --auto after a commit once loose objects are many, and git packs them', async () => {
    const files: Record<string, string> = { 'threads/sales/acme/meta.json': '{}\n' };
    contentsInSampleFolder(3).forEach((content, i) => (files[`notes/${i}.md`] = content));
    const dir = testdir(files);
    gitInit(dir);
    git(dir, 'config', 'gc.auto', '256'); // more than one loose object in objects/17 is many
    git(dir, 'config', 'gc.autoDetach', 'false'); // git's gc runs in the process started, which the engine does not wait for
    // The three blobs at least; the first commit's id, which depends on the clock, lands there one time in 256.
    expect(looseInSample(dir).length).toBeGreaterThanOrEqual(3);
    expect(packs(dir)).toEqual([]);
    writeFiles(dir, { 'threads/sales/acme/meta.json': '{"stage": 2}\n' });
    const outcome = await commitPaths({ cwd: dir, paths: ['threads/sales/acme/meta.json'], message: 'threadwork: test' });
    expect(outcome.committed).toBe(true);
    // The commit returned without waiting; git's gc packs everything reachable and removes the loose copies.
    const deadline = Date.now() + 20_000;
    while ((looseInSample(dir).length > 0 || packs(dir).length === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(looseInSample(dir)).toEqual([]);
    expect(packs(dir).length).toBeGreaterThan(0);
    expect(git(dir, 'show', 'HEAD:threads/sales/acme/meta.json')).toBe('{"stage": 2}\n');
    // Wait for git's gc to end (its lock gone) before the folder is removed.
    while (existsSync(join(dir, '.git', 'gc.pid')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(git(dir, 'fsck', '--no-dangling')).toBe('');
  });
});
