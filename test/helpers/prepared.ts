import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git.js';
import { testdir } from './testdir.js';

const prepared = new Map<string, string>();

/**
 * A fresh copy of the folder `make` builds, which is built once per test file under `key`
 * (removed with the file's other temp folders). Why: a workspace in a new git repository
 * costs seven git processes (init, config, add, commit); a copy of a prepared one costs
 * one — `git update-index --refresh`, so that the copy's index holds its own files' stat
 * data, as a commit made in place leaves it, and no command sees every file as touched.
 */
export function copyOfPrepared(key: string, make: () => string): string {
  let source = prepared.get(key);
  if (source === undefined) prepared.set(key, (source = make()));
  const dir = testdir();
  cpSync(source, dir, { recursive: true });
  if (existsSync(join(dir, '.git'))) git(dir, 'update-index', '-q', '--refresh');
  return dir;
}
