import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../src/workspace/make-folders.js';
import { testdir } from './helpers/testdir.js';

describe('makeFolders', () => {
  it('makes a folder and every missing one above it, and accepts one that exists', () => {
    const root = testdir();
    const deep = join(root, 'a', 'b', 'c');
    makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeFolders(deep);
    makeFolders(join(root, 'a'));
    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('gives each folder it makes the mode asked for', () => {
    const root = testdir();
    makeFolders(join(root, 'private', 'inner'), 0o700);
    expect(statSync(join(root, 'private')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'private', 'inner')).mode & 0o777).toBe(0o700);
  });

  it('refuses a file on the way, as mkdir -p does', () => {
    const root = testdir();
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeFolders(join(root, 'file'))).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolders(join(root, 'file', 'below'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // The case Node 20's recursive mkdir loops on forever: returning at all is the point.
  it.runIf(statSync('/proc/self', { throwIfNoEntry: false }) !== undefined)('throws ENOENT where the file system makes no folder though the parent exists (/proc)', () => {
    expect(() => makeFolders('/proc/threadwork-test/deeper')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
