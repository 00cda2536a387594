import { simpleGit } from 'simple-git';

/** Whether `dir` is inside a git work tree. */
export async function isInsideRepository(dir: string): Promise<boolean> {
  try {
    return await simpleGit({ baseDir: dir }).env({ ...process.env, GIT_OPTIONAL_LOCKS: '0' }).checkIsRepo();
  } catch {
    return false;
  }
}

/** `git init` with `main` as the first branch, whatever the machine's default is. */
export async function initRepository(dir: string): Promise<void> {
  await simpleGit({ baseDir: dir }).init(['--initial-branch=main']);
}
