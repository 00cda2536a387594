import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gitText } from './git.js';

/** The pseudorefs a single cherry-pick or revert keeps while it is stopped, asked in this order. */
const PICK_HEADS = [
  ['CHERRY_PICK_HEAD', 'cherry-pick'],
  ['REVERT_HEAD', 'revert'],
] as const;

/**
 * A single `git cherry-pick` or `git revert` stopped in a repository whose refs are in a
 * reftable (operation.ts, reftableHashLength): there `CHERRY_PICK_HEAD` and `REVERT_HEAD`
 * are in the table, not files of git's directory, and a stopped pick was named by its
 * unmerged files alone — another command's conflicts (`git add` and no `--continue`), or
 * nothing once they were added, and sync committed over the pick. The file it leaves is
 * `MERGE_MSG` (the message the pick will commit): only while that is there is git asked —
 * one `git cat-file --batch-check`, which reads the names through the ref store as `git
 * status` does. Undefined when neither is kept (a `--no-commit` pick, a merge's message).
 */
export async function pickInRefTable(gitDir: string, cwd: string): Promise<'cherry-pick' | 'revert' | undefined> {
  if (!existsSync(join(gitDir, 'MERGE_MSG'))) return undefined;
  const answer = await gitText(cwd, ['cat-file', '--batch-check'], { input: PICK_HEADS.map(([name]) => `${name}\n`).join('') }).catch(() => '');
  const lines = answer.split('\n');
  // A name git does not know is answered `<name> missing`; one it resolves, `<id> commit <size>`.
  const found = PICK_HEADS.find((_, index) => / commit \d+$/.test(lines[index] ?? ''));
  return found?.[1];
}
