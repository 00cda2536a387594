import { foldersAtHeadIn, readAtHead } from '../git/head-files.js';
import { STAGE_FILES } from '../schema/names.js';
import type { WorkspaceModel } from '../workspace/model.js';

/**
 * The folder each thread new to HEAD was renamed from by hand, when its id was edited to
 * follow (`threads/sales/keel-bank`, `"id": "keel-bank"`): a folder of the same parent that
 * HEAD has and the disk does not, at least half of whose committed files the new folder
 * holds unchanged (meta.json compared without its `id`) — git's own measure of a rename,
 * taken file by file. Nothing else names the old folder (its `thread-id-folder` error is
 * gone with the id), so a thread with another error was read as a deal deleted and a new
 * one: the deletion was committed, the deal dropped out of its goal and metrics.
 * Only one such folder counts: two alike (a copy) name no rename. Each found with its
 * files' text in HEAD. Asked only of threads in error that HEAD has no file of: one
 * `ls-tree` of each of their parent folders and one `git cat-file --batch`.
 */
export async function foldersRenamedByHand(root: string, model: WorkspaceModel, text: (path: string) => string | undefined, newThreads: readonly string[]): Promise<{ renamedFrom: Map<string, string>; atHead: Map<string, string> }> {
  const renamedFrom = new Map<string, string>();
  const parents = [...new Set(newThreads.map(parentOf))];
  const gone = (await Promise.all(parents.map((parent) => foldersAtHeadIn(root, parent)))).flat().filter((folder) => !model.threads.has(folder));
  if (gone.length === 0) return { renamedFrom, atHead: new Map() };
  const filesOf = (folder: string): string[] => ['meta.json', ...STAGE_FILES].map((file) => `${folder}/${file}`);
  const atHead = await readAtHead(root, gone.flatMap(filesOf));
  const taken = new Set<string>();
  for (const thread of newThreads) {
    const alike = gone.filter((folder) => !taken.has(folder) && parentOf(folder) === parentOf(thread) && keepsHalf(folder, thread, atHead, text));
    if (alike.length !== 1) continue;
    renamedFrom.set(thread, alike[0]!);
    taken.add(alike[0]!);
  }
  return { renamedFrom, atHead };
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** Whether `thread` on disk holds at least half of the files `folder` has in HEAD, unchanged. */
function keepsHalf(folder: string, thread: string, atHead: ReadonlyMap<string, string>, text: (path: string) => string | undefined): boolean {
  let committed = 0;
  let kept = 0;
  for (const file of ['meta.json', ...STAGE_FILES]) {
    const before = atHead.get(`${folder}/${file}`);
    if (before === undefined) continue;
    committed++;
    const now = text(`${thread}/${file}`);
    if (now !== undefined && (file === 'meta.json' ? withoutId(now) === withoutId(before) : now === before)) kept++;
  }
  return committed > 0 && kept * 2 >= committed;
}

/** A meta.json's content without its `id`, the one key a rename edits (its text when it is no JSON object). */
function withoutId(json: string): string {
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return json;
    const { id: _id, ...rest } = value as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return json;
  }
}
