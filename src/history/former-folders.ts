import { posix } from 'node:path';
import { formerNamesOf } from '../git/log.js';
import { goalIdSchema } from '../schema/common.js';
import { LAYOUT } from '../workspace/layout.js';

/**
 * The folders the thread at `thread` was before it was renamed, newest first: the
 * earlier names git's rename detection finds for its meta.json and its first stage file
 * (one of them may have been rewritten in the commit that moved it, and a rename is
 * found for a file that kept at least half of its text).
 */
export async function formerThreadFolders(root: string, thread: string): Promise<string[]> {
  const traced = await Promise.all(['meta.json', '1-input.md'].map((file) => formerNamesOf(root, `${thread}/${file}`)));
  const folders = traced.flat().map((path) => posix.dirname(path));
  return [...new Set(folders)].filter((folder) => folder !== thread && folder.startsWith('threads/'));
}

/**
 * The ids the goal `id` had before its file was renamed (`goals/g-arr-300k.md` →
 * `goals/g-arr-500k.md`, its `id:` changed with it), newest first: a goal's id is its
 * file's name, and git's rename detection finds the earlier names of the file.
 */
export async function formerGoalIds(root: string, id: string): Promise<string[]> {
  const names = await formerNamesOf(root, `${LAYOUT.goals}/${id}.md`);
  const ids = names.filter((path) => posix.dirname(path) === LAYOUT.goals && path.endsWith('.md')).map((path) => posix.basename(path, '.md'));
  return [...new Set(ids)].filter((former) => former !== id && goalIdSchema.safeParse(former).success);
}
