import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesIfChanged } from '../src/workspace/write.js';
import { testdir } from './helpers/testdir.js';

// writeFilesIfChanged is how a sync writes its derived files: many at once, each atomic.

const names = (dir: string): string[] => readdirSync(dir).sort();

describe('writeFilesIfChanged', () => {
  it('writes a batch (flushed together), skips what is unchanged, keeps each file mode, leaves no temporary file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`threads/sales/t${i}/meta.json`] = `{"n": ${i}}\n`;
    const dir = testdir(files);
    // Modes the umask would narrow (group- and world-writable) or not (owner only, executable): each kept.
    chmodSync(join(dir, 'threads/sales/t3/meta.json'), 0o600);
    chmodSync(join(dir, 'threads/sales/t4/meta.json'), 0o666);
    chmodSync(join(dir, 'threads/sales/t6/meta.json'), 0o755);
    const batch = Object.keys(files).map((path, i) => ({ path, content: i % 2 === 0 ? `{"n": ${i}, "even": true}\n` : files[path]! }));
    batch.push({ path: 'threads/sales/new/meta.json', content: '{"new": true}\n' });
    const written = await writeFilesIfChanged(dir, batch);
    expect(written).toEqual(batch.filter((_, i) => i % 2 === 0 || i === 40).map((f) => f.path));
    for (const file of batch) expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content);
    expect(statSync(join(dir, 'threads/sales/t3/meta.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'threads/sales/t4/meta.json')).mode & 0o777).toBe(0o666);
    expect(statSync(join(dir, 'threads/sales/t6/meta.json')).mode & 0o777).toBe(0o755);
    expect(names(join(dir, 'threads/sales/t2'))).toEqual(['meta.json']);
    expect(await writeFilesIfChanged(dir, batch)).toEqual([]);
  });

  it('hands each file written to afterEach once it is in place, before the batch ends, and none left as it was', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`threads/sales/t${i}/meta.json`] = `{"n": ${i}}\n`;
    const dir = testdir(files);
    const batch = Object.keys(files).map((path, i) => ({ path, content: i % 4 === 0 ? `{"n": ${i}, "fourth": true}\n` : files[path]! }));
    const seen: string[] = [];
    let batchDone = false;
    const written = await writeFilesIfChanged(dir, batch, undefined, (file) => {
      // On disk already, with its new content, while the batch still runs.
      expect(batchDone).toBe(false);
      expect(readFileSync(join(dir, file.path), 'utf8')).toBe(file.content);
      seen.push(file.path);
    });
    batchDone = true;
    expect(seen.sort()).toEqual([...written].sort());
    expect(written).toHaveLength(10);
  });

  it('refuses a hostile path before anything is written', async () => {
    const outside = testdir({ 'secret.txt': 'not yours\n' });
    const dir = testdir({ 'goals/a.md': 'a\n' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'goals/link.md'));
    const batch = [
      { path: 'goals/a.md', content: 'changed\n' },
      { path: 'goals/link.md', content: 'overwritten\n' },
    ];
    await expect(writeFilesIfChanged(dir, batch)).rejects.toMatchObject({ code: 'path-refused' });
    expect(readFileSync(join(dir, 'goals/a.md'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('not yours\n');
    await expect(writeFilesIfChanged(dir, [{ path: '../escape.md', content: 'x' }])).rejects.toMatchObject({ code: 'path-refused' });
  });

  it('refuses a folder reached through a link, and a folder where a file should be, before anything is written', async () => {
    const outside = testdir({ 'deal/meta.json': '{}\n' });
    const dir = testdir({ 'threads/sales/a/meta.json': '{"a": 1}\n', 'threads/sales/b/meta.json/keep.md': 'a folder\n' });
    symlinkSync(join(outside, 'deal'), join(dir, 'threads/sales/linked'));
    const first = { path: 'threads/sales/a/meta.json', content: '{"a": 2}\n' };
    await expect(writeFilesIfChanged(dir, [first, { path: 'threads/sales/linked/meta.json', content: '{"x": 1}\n' }])).rejects.toMatchObject({
      code: 'path-refused',
      message: expect.stringContaining('threads/sales/linked is a symbolic link'),
    });
    await expect(writeFilesIfChanged(dir, [first, { path: 'threads/sales/b/meta.json', content: '{"b": 1}\n' }])).rejects.toMatchObject({
      code: 'path-refused',
      message: expect.stringContaining('it is a folder'),
    });
    // A file where a folder on the way should be: the system's refusal, named, before anything is written.
    writeFileSync(join(dir, 'threads/sales/c'), 'a file\n');
    await expect(writeFilesIfChanged(dir, [first, { path: 'threads/sales/c/meta.json', content: '{"c": 1}\n' }])).rejects.toMatchObject({
      code: 'write-failed',
      message: expect.stringContaining('threads/sales/c/meta.json'),
    });
    expect(readFileSync(join(dir, 'threads/sales/a/meta.json'), 'utf8')).toBe('{"a": 1}\n');
    expect(readFileSync(join(outside, 'deal/meta.json'), 'utf8')).toBe('{}\n');
    expect(names(join(dir, 'threads/sales/a'))).toEqual(['meta.json']);
  });

  it('compares a file of the same size by its content, and writes one of the same size that differs', async () => {
    const dir = testdir({ 'f/same.md': 'abc\n', 'f/other.md': 'abc\n' });
    expect(await writeFilesIfChanged(dir, [{ path: 'f/same.md', content: 'abc\n' }, { path: 'f/other.md', content: 'abd\n' }])).toEqual(['f/other.md']);
    expect(readFileSync(join(dir, 'f/other.md'), 'utf8')).toBe('abd\n');
  });

  it('stops when the check before a file throws (a lost lock), leaving every file old or new and no temporary file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`f/${i}.md`] = 'old\n';
    const dir = testdir(files);
    let checks = 0;
    const lost = (): void => {
      // One check a file to prepare, one to write its temporary file, one to rename it: the
      // 65th is the fifth rename, when every temporary file is written and a few are renamed.
      if (++checks === 30 + 30 + 5) throw new Error('lock lost');
    };
    await expect(writeFilesIfChanged(dir, Object.keys(files).map((path) => ({ path, content: 'new\n' })), lost)).rejects.toThrow('lock lost');
    // The files already being renamed finish; no file is started after the failure.
    expect(checks).toBeLessThan(30 + 30 + 30);
    const contents = Object.keys(files).map((path) => readFileSync(join(dir, path), 'utf8'));
    expect(contents.every((c) => c === 'old\n' || c === 'new\n')).toBe(true);
    const renamed = contents.filter((c) => c === 'new\n').length;
    expect(renamed).toBeGreaterThan(0);
    expect(renamed).toBeLessThan(30);
    expect(names(join(dir, 'f')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
