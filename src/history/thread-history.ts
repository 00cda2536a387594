import { ThreadworkError } from '../errors.js';
import { resolveThreadPath, threadNotFound, threadPathCandidates } from '../threads/resolve.js';
import { formerThreadFolders } from './former-folders.js';
import { readHistory, withFormerNames, type History } from './history.js';

/**
 * The audit trail of the thread `input` names. When its folder is gone — the deal was
 * deleted, or renamed — the trail is still in git, and it is what one asks history for:
 * the one thread folder `input` may name that threadwork commits name is read, as a removed
 * assumption or goal is. Otherwise the error is resolveThreadPath's (`unknown-thread`).
 */
export async function readThreadHistory(root: string, input: string): Promise<History> {
  try {
    return await readRenamedThreadHistory(root, resolveThreadPath(root, input));
  } catch (error) {
    if (!(error instanceof ThreadworkError) || error.code !== 'unknown-thread') throw error;
    const recorded: History[] = [];
    for (const path of threadPathCandidates(root, input)) {
      const history = await readHistory(root, path);
      if (history.entries.length > 0) recorded.push(history);
    }
    if (recorded.length === 1) return recorded[0]!;
    if (recorded.length > 1) throw new ThreadworkError(`Ambiguous thread ${JSON.stringify(input)}: expected one of ${recorded.map((h) => h.subject).join(', ')}`, 'invalid-thread');
    // Said as an unknown assumption or goal is: "create one with `threadwork deal new`" is no
    // answer to a question about a trail, and the commits were asked too.
    throw threadNotFound(root, input, ', and no threadwork commit names it either');
  }
}

/**
 * A thread's trail across the names its folder had: threadwork's commits name a thread by
 * its path at the time, so after `git mv threads/sales/acme threads/sales/acme-corp` the
 * trail of `acme-corp` starts at the rename unless the commits naming `acme` are read too.
 * One list, newest first, each commit once; `formerly` names the earlier folders.
 */
async function readRenamedThreadHistory(root: string, thread: string): Promise<History> {
  return withFormerNames(root, await readHistory(root, thread), await formerThreadFolders(root, thread));
}
