import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAtHead } from '../src/git/head-files.js';
import { git, gitInit, loggingGit } from './helpers/git.js';
import { testdir, writeFiles } from './helpers/testdir.js';

/**
 * readAtHead answers many paths from one `ls-tree` and a `cat-file` by object id (git's
 * lookups by path re-read every tree on the way for each path: a first sync's 10,000
 * meta.json cost it tens of seconds). The answers must be those of the lookups by path,
 * which it still makes for a few paths: each path is asked alone here and compared.
 */
const DEALS = 70;

/** A repository whose workspace is its `ws/` folder, HEAD holding files of every kind readAtHead may be asked about. */
function repository(): { top: string; ws: string; paths: string[] } {
  const top = testdir();
  const files: Record<string, string> = { 'README.md': 'outside the workspace\n' };
  for (let i = 0; i < DEALS; i++) {
    files[`ws/threads/sales/deal-${i}/meta.json`] = `{"id": "deal-${i}"}\n`;
    files[`ws/threads/sales/deal-${i}/1-input.md`] = `---\nstage: 1\n---\nDeal ${i} — café\n`;
  }
  Object.assign(files, {
    'ws/threads/sales/x y/meta.json': '{"id": "x y"}\n',
    'ws/threads/sales/é/meta.json': '{"id": "é"}\n',
    'ws/goals/2026.md': '---\ntarget: 1\n---\n',
    'ws/strategy/empty.md': '',
    'ws/threads/sales/deleted/meta.json': '{"id": "deleted"}\n',
  });
  writeFiles(top, files);
  mkdirSync(join(top, 'ws/threads/sales/linked'), { recursive: true });
  symlinkSync('../deal-0/meta.json', join(top, 'ws/threads/sales/linked/meta.json'));
  symlinkSync('deal-1', join(top, 'ws/threads/sales/folder-link'));
  gitInit(top);
  // On disk but not at HEAD, and at HEAD but gone from disk.
  writeFiles(top, { 'ws/threads/sales/uncommitted/meta.json': '{}\n' });
  rmSync(join(top, 'ws/threads/sales/deleted'), { recursive: true });
  const paths = [
    ...Object.keys(files).filter((p) => p.startsWith('ws/')).map((p) => p.slice('ws/'.length)),
    'threads/sales/linked/meta.json',
    'threads/sales/folder-link/meta.json', // through a symlinked folder: git's tree has no such file
    'threads/sales/uncommitted/meta.json',
    'threads/sales/deal-3', // a folder, no text
    'threads/sales/deal-3/meta.json/x',
    'threads/sales/nowhere/meta.json',
  ];
  return { top, ws: join(top, 'ws'), paths };
}

/** The answer of the lookups by path: each path asked alone. */
async function oneByOne(ws: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const path of paths) for (const [p, text] of await readAtHead(ws, [path])) found.set(p, text);
  return found;
}

describe('readAtHead of many paths', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('gives what a lookup of each path gives: committed texts, symlinks as their target, nothing for what HEAD has no blob of', async () => {
    const { ws, paths } = repository();
    const many = await readAtHead(ws, paths);
    expect(many).toEqual(await oneByOne(ws, paths));
    // What the lookups answer, so that the comparison is not of two empty maps.
    expect(many.get('threads/sales/deal-5/1-input.md')).toBe('---\nstage: 1\n---\nDeal 5 — café\n');
    expect(many.get('threads/sales/linked/meta.json')).toBe('../deal-0/meta.json');
    expect(many.get('threads/sales/deleted/meta.json')).toBe('{"id": "deleted"}\n');
    expect(many.get('strategy/empty.md')).toBe('');
    expect(many.get('threads/sales/é/meta.json')).toBe('{"id": "é"}\n');
    for (const absent of ['threads/sales/folder-link/meta.json', 'threads/sales/uncommitted/meta.json', 'threads/sales/deal-3', 'threads/sales/deal-3/meta.json/x', 'threads/sales/nowhere/meta.json']) {
      expect(many.has(absent)).toBe(false);
    }
    expect(many.size).toBe(paths.length - 5);
  });

  it('asks git for one listing and one cat-file, the paths under one folder listing only that folder', async () => {
    const { ws, paths } = repository();
    const metas = paths.filter((p) => p.startsWith('threads/sales/') && p.endsWith('/meta.json'));
    const logged = loggingGit();
    process.env.PATH = logged.path;
    const found = await readAtHead(ws, metas);
    expect(found.get('threads/sales/deal-9/meta.json')).toBe('{"id": "deal-9"}\n');
    expect(logged.calls().filter((call) => !call.startsWith('rev-parse'))).toEqual(['ls-tree -r -z --full-tree HEAD -- ws/threads/sales', 'cat-file --batch']);
  });

  it('lists only the folders of paths that lie in a few folders (held threads), and answers as the lookups by path do', async () => {
    const { ws, paths } = repository();
    // Ten deals' files and two that HEAD does not have: 22 paths in 12 folders, asked with enough others of them to take the listing.
    const few = paths.filter((p) => /^threads\/sales\/(deal-[0-9]|deleted|uncommitted)\//.test(p));
    const asked = [...few, ...few.map((p) => `${p}/x`), ...Array.from({ length: 40 }, (_, i) => `threads/sales/deal-${i % 10}/missing-${i}.md`)];
    expect(asked.length).toBeGreaterThanOrEqual(64);
    const logged = loggingGit();
    process.env.PATH = logged.path;
    const found = await readAtHead(ws, asked);
    process.env.PATH = path;
    expect(found).toEqual(await oneByOne(ws, asked));
    expect(found.get('threads/sales/deal-7/1-input.md')).toBe('---\nstage: 1\n---\nDeal 7 — café\n');
    expect(found.get('threads/sales/deleted/meta.json')).toBe('{"id": "deleted"}\n');
    const listing = logged.calls().find((call) => call.startsWith('ls-tree'));
    const folders = [...new Set(asked.map((p) => `ws/${p.slice(0, p.lastIndexOf('/'))}`))];
    expect(listing).toBe(`ls-tree -r -z --full-tree HEAD -- ${folders.join(' ')}`);
  });

  it('finds nothing before the first commit', async () => {
    const top = testdir();
    gitInit(top, { commit: false });
    const paths = Array.from({ length: DEALS }, (_, i) => `threads/sales/deal-${i}/meta.json`);
    for (const p of paths) writeFileSync(join(top, p.replaceAll('/', '-')), '{}');
    git(top, 'add', '-A');
    expect(await readAtHead(top, paths)).toEqual(new Map());
  });
});
