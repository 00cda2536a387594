import { headCommit, readAtHead } from '../git/head-files.js';
import { classifyPath } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';

/** Goal files a sync commits though nothing derived moves, with the thread files that follow them. */
export interface GoalsAddedOrRemoved {
  /** Goal files on disk that HEAD lacks (a goal renamed, or made with its state block already right). */
  added: string[];
  /** Goal files HEAD has that are gone from disk. */
  removed: string[];
  /** The uncommitted thread files whose `goal_id` names an added goal: the threads of a rename, fixed. */
  following: string[];
}

/**
 * A goal renamed by hand keeps its state block, so once every thread names the new id
 * (the hold of held-definitions.ts released) nothing derived moves: sync wrote nothing and
 * so committed nothing, and the rename — the new file, the old one's removal, the threads'
 * new `goal_id` — stayed out of HEAD with nothing said but "nothing to write". A goal
 * appearing or going is no inert edit (engine/inert-edits.ts: the ids threads may name
 * changed), so it is committed, with the thread files now naming the goal it added.
 * `pending`: the uncommitted sources; `invalid`: files in error or held, never committed.
 * One `git cat-file` of the uncommitted goal files (and a `rev-parse` of HEAD), only when there is one.
 */
export async function goalsAddedOrRemoved(root: string, model: WorkspaceModel, pending: readonly string[], invalid: ReadonlySet<string>): Promise<GoalsAddedOrRemoved | undefined> {
  const goals = pending.filter((path) => classifyPath(path).kind === 'goal' && !invalid.has(path));
  if (goals.length === 0) return undefined;
  // Before the first commit every file is one HEAD lacks: the whole workspace is the person's
  // to commit, and a first commit holding its goal files alone would stand for nothing.
  const [head, atHead] = await Promise.all([headCommit(root), readAtHead(root, goals)]);
  if (head === undefined) return undefined;
  const added = goals.filter((path) => model.files.get(path)?.value !== undefined && !atHead.has(path));
  const removed = goals.filter((path) => !model.files.has(path) && atHead.has(path));
  if (added.length === 0 && removed.length === 0) return undefined;
  const ids = new Set(added.map((path) => (model.files.get(path)!.value as { id: string }).id));
  const following = pending.filter((path) => {
    const kind = classifyPath(path).kind;
    if ((kind !== 'thread-meta' && kind !== 'stage') || invalid.has(path)) return false;
    const goal = (model.files.get(path)?.value as { goal_id?: unknown } | undefined)?.goal_id;
    return typeof goal === 'string' && ids.has(goal);
  });
  return { added, removed, following };
}

/** The commit's summary line: a rename when one goal file went and one came. */
export function goalsSummary({ added, removed }: GoalsAddedOrRemoved): string {
  const id = (path: string): string => path.slice('goals/'.length, -'.md'.length);
  if (added.length === 1 && removed.length === 1) return `goal ${id(removed[0]!)} renamed to ${id(added[0]!)}`;
  return [added.length ? `goal ${added.map(id).join(', ')} added` : '', removed.length ? `goal ${removed.map(id).join(', ')} removed` : ''].filter(Boolean).join('; ');
}
