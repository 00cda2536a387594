import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_ENTRIES } from '../../src/demo/example-entries.js';
import { REPO_ROOT } from './cli.js';
import { gitInit } from './git.js';
import { copyOfPrepared } from './prepared.js';
import { testdir } from './testdir.js';

/** A temp copy of the bundled example workspace in a fresh git repository with one commit. */
export function exampleWorkspace(): string {
  const dir = testdir();
  for (const entry of EXAMPLE_ENTRIES) if (existsSync(join(REPO_ROOT, entry))) cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  gitInit(dir);
  return dir;
}

/** exampleWorkspace(), copied from one prepared once per test file (the same files, repository and single commit). */
export function exampleWorkspaceCopy(): string {
  return copyOfPrepared('example', exampleWorkspace);
}
