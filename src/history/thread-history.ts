import { ThreadworkError } from '../errors.js';
import { resolveThreadPath, threadPathCandidates } from '../threads/resolve.js';
import { readHistory, type History } from './history.js';

/**
 * The audit trail of the thread `input` names. When its folder is gone — the deal was
 * deleted, or renamed — the trail is still in git, and it is what one asks history for:
 * the one thread folder `input` may name that threadwork commits name is read, as a removed
 * assumption or goal is. Otherwise the error is resolveThreadPath's (`unknown-thread`).
 */
export async function readThreadHistory(root: string, input: string): Promise<History> {
  try {
    return await readHistory(root, resolveThreadPath(root, input));
  } catch (error) {
    if (!(error instanceof ThreadworkError) || error.code !== 'unknown-thread') throw error;
    const recorded: History[] = [];
    for (const path of threadPathCandidates(root, input)) {
      const history = await readHistory(root, path);
      if (history.entries.length > 0) recorded.push(history);
    }
    if (recorded.length === 1) return recorded[0]!;
    if (recorded.length > 1) throw new ThreadworkError(`Ambiguous thread ${JSON.stringify(input)}: expected one of ${recorded.map((h) => h.subject).join(', ')}`, 'invalid-thread');
    throw error;
  }
}
