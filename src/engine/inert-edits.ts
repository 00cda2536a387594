import { isDeepStrictEqual } from 'node:util';
import { readAtHead } from '../git/head-files.js';
import { classifyPath, threadOf } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { parseFile } from '../workspace/parse-file.js';

/** Beyond this many thread files to compare with HEAD, every one is kept (a checkout's worth of edits: asking costs more than it saves). */
const COMPARED_AT_MOST = 500;

/**
 * The triggers less the edits that cannot have moved anything derived: a canvas file that
 * is no section (`99-draft.md`: never read), and a stage or meta.json whose values are
 * HEAD's — prose added under the front matter, a comment. An aggregate written names every
 * changed source as a possible cause (triggers.ts), and so a sync committed a person's
 * unrelated prose edit, staged for other work, beside a deal's close; the README promises
 * that a source that moves nothing derived is never committed by sync — unless its thread
 * is in the commit anyway (`committed`: the command's files, the derived ones). One `git cat-file`
 * of the thread files among them, only in a run that commits.
 */
export async function withoutInertEdits(root: string, model: WorkspaceModel, triggers: readonly string[], committed: readonly string[]): Promise<string[]> {
  const threadOfPath = (path: string): string | undefined => threadOf(path.split('/'))?.thread;
  // Prose in a thread the commit holds anyway (a learning closed with a note added to its
  // implication) goes with it: one thread's edits are one piece of work. Those threads'
  // files are never compared — a watch cycle's save moves its own thread's meta.json.
  const held = new Set(committed.flatMap((path) => threadOfPath(path) ?? []));
  const inert = new Set(triggers.filter((path) => classifyPath(path).kind === 'canvas-unknown'));
  const compared = triggers.filter((path) => {
    const kind = classifyPath(path).kind;
    return (kind === 'stage' || kind === 'thread-meta') && !held.has(threadOfPath(path)!) && model.files.get(path)?.value !== undefined;
  });
  if (compared.length > 0 && compared.length <= COMPARED_AT_MOST) {
    const atHead = await readAtHead(root, compared);
    for (const path of compared) {
      const text = atHead.get(path);
      if (text === undefined) continue;
      const then = parseFile(path, classifyPath(path), text).value;
      if (then !== undefined && isDeepStrictEqual(then, model.files.get(path)!.value)) inert.add(path);
    }
  }
  if (inert.size === 0) return [...triggers];
  // A thread another of its edits moves is in the commit: its prose goes with it.
  const moving = new Set(triggers.filter((path) => !inert.has(path)).flatMap((path) => threadOfPath(path) ?? []));
  return triggers.filter((path) => !inert.has(path) || moving.has(threadOfPath(path) ?? '\0'));
}
