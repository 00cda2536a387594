import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ThreadworkError } from '../errors.js';
import { LAYOUT } from './layout.js';

/** A folder is a workspace when it has the config file or a canvas folder. */
export function isWorkspaceRoot(dir: string): boolean {
  return existsSync(join(dir, LAYOUT.config)) || existsSync(join(dir, LAYOUT.canvas));
}

/** The workspace that contains `start`: the folder itself or its nearest ancestor, as git finds its repository. */
export function findWorkspaceRoot(start: string): string {
  let dir = resolve(start);
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new ThreadworkError(`No such folder: ${dir}`, 'no-workspace');
  // `--dir README.md` is a slip (a tab completion one name too far), answered as init answers it, not read as the folder it is in.
  if (!stat.isDirectory()) throw new ThreadworkError(`Not a folder: ${dir} is a file; give the workspace's folder (or a folder inside it)`, 'no-workspace');
  for (;;) {
    if (isWorkspaceRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ThreadworkError(
    `Not a threadwork workspace: ${resolve(start)} (nor any folder above it) has ${LAYOUT.config} or ${LAYOUT.canvas}/. Run \`threadwork init\` to create one.`,
    'no-workspace',
  );
}
