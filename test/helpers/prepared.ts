import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { atEveryFileEnd } from './file-end.js';
import { git } from './git.js';
import { testdir } from './testdir.js';

const prepared = new Map<string, string>();
const preparing = new Map<string, Promise<string>>();
// The prepared folders are removed with the file's other temp folders: the next file prepares its own.
atEveryFileEnd(() => {
  prepared.clear();
  preparing.clear();
});

/**
 * A fresh copy of the folder `make` builds, which is built once per test file under `key`
 * (removed with the file's other temp folders). Why: a workspace in a new git repository
 * costs seven git processes (init, config, add, commit); a copy of a prepared one costs
 * one — `git update-index --refresh`, so that the copy's index holds its own files' stat
 * data, as a commit made in place leaves it, and no command sees every file as touched.
 * The copy is a workspace moved to another folder, which threadwork supports (new inodes
 * and times only miss its caches); the prepared folder itself is never handed out, so no
 * test sees another's writes.
 */
export function copyOfPrepared(key: string, make: () => string): string {
  let source = prepared.get(key);
  if (source === undefined) prepared.set(key, (source = make()));
  return copyOf(source);
}

/** `copyOfPrepared` for a workspace whose preparation is asynchronous (a setup command run through the CLI). */
export async function preparedCopy(key: string, build: () => string | Promise<string>): Promise<string> {
  let source = preparing.get(key);
  if (!source) preparing.set(key, (source = Promise.resolve().then(build)));
  return copyOf(await source);
}

/** The same as `copyOfPrepared`. */
export const preparedCopySync = copyOfPrepared;

function copyOf(source: string): string {
  const dir = testdir();
  cpSync(source, dir, { recursive: true });
  if (existsSync(join(dir, '.git'))) git(dir, 'update-index', '-q', '--refresh');
  return dir;
}
