import { posix } from 'node:path';
import { formerNamesOf } from '../git/log.js';

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
