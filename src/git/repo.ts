import { isAbsolute, join } from 'node:path';
import { gitAt, gitText } from './git.js';

/** Whether `dir` is inside a git work tree. */
export async function isInsideRepository(dir: string): Promise<boolean> {
  try {
    return await gitAt(dir).checkIsRepo();
  } catch {
    return false;
  }
}

/** `git init` with `main` as the first branch, whatever the machine's default is. */
export async function initRepository(dir: string): Promise<void> {
  await gitAt(dir).init(['--initial-branch=main']);
}

export interface Repository {
  top: string;
  gitDir: string;
}

export async function repositoryOf(cwd: string): Promise<Repository | undefined> {
  try {
    const [top, gitDir] = (await gitText(cwd, ['rev-parse', '--show-toplevel', '--git-dir'])).trim().split('\n');
    if (!top || !gitDir) return undefined;
    return { top, gitDir: isAbsolute(gitDir) ? gitDir : join(cwd, gitDir) };
  } catch (error) {
    if (/not a git repository/i.test(error instanceof Error ? error.message : String(error))) return undefined;
    throw error;
  }
}
