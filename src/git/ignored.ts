import { gitSpawn } from './git.js';

/**
 * Which of `paths` (from the repository's top) git ignores: untracked and matched by a
 * `.gitignore`, `.git/info/exclude` or `core.excludesFile` — what `git add` refuses without
 * `-f`. A tracked file is never ignored, as for git. One `check-ignore` for all of them.
 */
export async function ignoredByGit(top: string, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  // check-ignore reads its paths as pathspecs and refuses GIT_LITERAL_PATHSPECS: `./` in front
  // keeps a name that starts with `:` from being read as magic (`:(exclude)…`). It answers
  // each path as given; exit code 1 says none is ignored.
  const out = await gitSpawn(top, ['check-ignore', '-z', '--stdin'], { input: paths.map((path) => `./${path}\0`).join(''), answerExitCodes: [1] });
  return out
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((path) => (path.startsWith('./') ? path.slice(2) : path));
}
