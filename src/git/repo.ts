import { gitAt } from './git.js';

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
