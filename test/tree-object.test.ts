import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { mulberry32 } from '../bench/generate.js';
import { FOLDER_MODE, newTreeEntry, objectIdOf, TreeObject, type NewTreeEntry } from '../src/git/tree-object.js';
import { git } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

/** Names whose order in git differs from a plain sort (a folder sorts as `name/`). */
const NAMES = ['a', 'a-b', 'a.b', 'a0', 'ab', 'b', 'b.md', 'b-c', 'z', 'Zed', 'é', 'meta.json', '1-input.md', '6-learning.md', 'x y'];
const latin1 = (name: string): string => Buffer.from(name, 'utf8').toString('latin1');
const byOrder = (x: NewTreeEntry, y: NewTreeEntry): number => (x.order < y.order ? -1 : x.order > y.order ? 1 : 0);
const oid = (random: () => number): string => Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

describe('TreeObject', () => {
  it('an edited tree is the tree built afresh from the kept and the new entries, edit after random edit', () => {
    const random = mulberry32(11) as () => number;
    for (let round = 0; round < 2000; round++) {
      // A tree of some of the names, each a file or a folder.
      const entries = NAMES.filter(() => random() < 0.5).map((name) => newTreeEntry(random() < 0.4 ? FOLDER_MODE : '100644', latin1(name), oid(random)));
      entries.sort(byOrder);
      const body = Buffer.concat(entries.map((e) => e.raw));
      const tree = TreeObject.parse(objectIdOf('tree', body, 20), body, 20);
      expect(tree.size).toBe(entries.length);
      // Drop some entries; add others, some under the name of a dropped one (a changed file).
      const drop = new Set<number>();
      entries.forEach((_, i) => random() < 0.3 && drop.add(i));
      const taken = new Set(entries.map((_, i) => i).filter((i) => !drop.has(i)).map((i) => tree.name(i)));
      const add = NAMES.map(latin1)
        .filter((name) => !taken.has(name) && random() < 0.3)
        .map((name) => newTreeEntry(random() < 0.4 ? FOLDER_MODE : '100755', name, oid(random)))
        .sort(byOrder);
      // A name is one entry: a file and a folder of the same name are not both added.
      const unique = add.filter((e, i) => add.findIndex((o) => o.order.replace(/\/$/, '') === e.order.replace(/\/$/, '')) === i);
      const expected = Buffer.concat([...entries.filter((_, i) => !drop.has(i)), ...unique].sort(byOrder).map((e) => e.raw));
      const listed = (b: Buffer): string[] => {
        const t = TreeObject.parse('', b, 20);
        return Array.from({ length: t.size }, (_, i) => `${t.mode(i)} ${t.name(i)} ${t.id(i)}`);
      };
      expect(listed(tree.edited(drop, unique)), `round ${round}`).toEqual(listed(expected));
    }
  });

  it('a large tree edited with many entries at once, and searched many times, gives what a small edit and a single search give', () => {
    // Past 64 additions `edited` walks the tree instead of searching; past 64 searches `find` indexes it.
    const random = mulberry32(29) as () => number;
    const names = [...new Set(Array.from({ length: 900 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => 'ab-.0/é'.replace('/', '')[Math.floor(random() * 6)]).join('')))].map(latin1);
    const kept = names.filter(() => random() < 0.5);
    const entries = kept.map((name) => newTreeEntry(random() < 0.5 ? FOLDER_MODE : '100644', name, oid(random))).sort(byOrder);
    const body = Buffer.concat(entries.map((e) => e.raw));
    const add = names.filter((name) => !kept.includes(name)).map((name) => newTreeEntry(random() < 0.5 ? FOLDER_MODE : '100644', name, oid(random))).sort(byOrder);
    expect(add.length).toBeGreaterThan(64);
    const drop = new Set(entries.map((_, i) => i).filter(() => random() < 0.2));
    const expected = Buffer.concat([...entries.filter((_, i) => !drop.has(i)), ...add].sort(byOrder).map((e) => e.raw));
    const tree = TreeObject.parse('', body, 20);
    expect(tree.edited(drop, add).equals(expected)).toBe(true);
    // The same edit made one entry at a time (each below the walk's threshold) agrees.
    let small = TreeObject.parse('', body, 20);
    let remaining = new Set(drop);
    for (const entry of add) {
      small = TreeObject.parse('', small.edited(remaining, [entry]), 20);
      remaining = new Set();
    }
    expect(small.body.equals(expected)).toBe(true);
    // Every name (present as a file, as a folder, or absent) is found where a fresh tree's first searches find it.
    const searched = TreeObject.parse('', body, 20);
    const probes = [...names, ...names.map((n) => `${n}x`)];
    expect(probes.length).toBeGreaterThan(128);
    const answers = probes.map((name) => TreeObject.parse('', body, 20).find(name));
    expect(probes.map((name) => searched.find(name))).toEqual(answers);
    expect(answers.filter((a) => a >= 0)).toHaveLength(entries.length);
  });

  it('reads each entry back as git lists it, and finds a file or a folder by its name', () => {
    const dir = testdir({ 'a.b': '1\n', 'a/x': '2\n', 'a-b/y': '3\n', ab: '4\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    const id = git(dir, 'write-tree').trim();
    const raw = execFileSync('git', ['cat-file', 'tree', id], { cwd: dir });
    const tree = TreeObject.parse(id, raw, 20);
    const listed = git(dir, 'ls-tree', id).trim().split('\n').map((line) => line.split(/\s+/));
    expect(Array.from({ length: tree.size }, (_, i) => [tree.mode(i).padStart(6, '0'), tree.isFolder(i) ? 'tree' : 'blob', tree.id(i), tree.name(i)])).toEqual(listed);
    expect(tree.find('a')).toBe(listed.findIndex((l) => l[3] === 'a'));
    expect(tree.isFolder(tree.find('a'))).toBe(true);
    expect(tree.find('ab')).toBe(listed.findIndex((l) => l[3] === 'ab'));
    expect(tree.find('missing')).toBe(-1);
    expect(objectIdOf('tree', raw, 20)).toBe(id);
  });

  it('refuses a body cut inside an entry', () => {
    const entry = newTreeEntry('100644', 'a', 'ab'.repeat(20));
    expect(() => TreeObject.parse('x', entry.raw.subarray(0, entry.raw.length - 3), 20)).toThrow(/cut short/);
  });
});
