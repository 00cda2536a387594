import { isDeepStrictEqual } from 'node:util';
import { readAtHead } from '../git/head-files.js';
import { classifyPath, threadOf } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { parseFile } from '../workspace/parse-file.js';
import { proseAsRead } from '../strategy/context.js';

/** Beyond this many thread files to compare with HEAD, every one is kept (a checkout's worth of edits: asking costs more than it saves). */
const COMPARED_AT_MOST = 500;

/**
 * The triggers less the edits that cannot have moved anything derived: a canvas file that
 * is no section (`99-draft.md`: never read); a stage or meta.json whose values are HEAD's —
 * prose added under the front matter, a comment; and a canvas section or goal whose front
 * matter is HEAD's, the prose the generated files quote of it included (a paragraph added
 * to `15-gtm.md`, notes under a goal). An aggregate written names every changed source as a
 * possible cause (triggers.ts), and so a sync — and a watcher, on its next cycle — committed
 * a person's unrelated prose edit, staged for other work or half-written, beside a deal's
 * close; the README promises that a source that moves nothing derived is never committed by
 * sync — unless its thread is in the commit anyway, or the file itself is (`committed`: the
 * command's files, the derived ones, the sources its own files are made from). One
 * `git cat-file` of the files compared, only in a run that commits.
 */
export async function withoutInertEdits(root: string, model: WorkspaceModel, triggers: readonly string[], committed: readonly string[]): Promise<string[]> {
  const threadOfPath = (path: string): string | undefined => threadOf(path.split('/'))?.thread;
  // Prose in a thread the commit holds anyway (a learning closed with a note added to its
  // implication) goes with it: one thread's edits are one piece of work. Those threads'
  // files are never compared — a watch cycle's save moves its own thread's meta.json.
  const held = new Set(committed.flatMap((path) => threadOfPath(path) ?? []));
  const inCommit = new Set(committed);
  const inert = new Set(triggers.filter((path) => classifyPath(path).kind === 'canvas-unknown'));
  const compared = triggers.filter((path) => {
    const kind = classifyPath(path).kind;
    if (model.files.get(path)?.value === undefined) return false;
    if (kind === 'stage' || kind === 'thread-meta') return !held.has(threadOfPath(path)!);
    return (kind === 'canvas' || kind === 'goal') && !inCommit.has(path);
  });
  if (compared.length > 0 && compared.length <= COMPARED_AT_MOST) {
    const atHead = await readAtHead(root, compared);
    for (const path of compared) {
      const text = atHead.get(path);
      if (text === undefined) continue;
      const kind = classifyPath(path);
      const then = parseFile(path, kind, text).value;
      if (then === undefined || !isDeepStrictEqual(then, model.files.get(path)!.value)) continue;
      // A section's prose the narratives and materials quote: moved, it moves what they render.
      if (kind.kind === 'canvas' && !isDeepStrictEqual(proseAsRead(kind.section, text), proseAsRead(kind.section, model.text(path)))) continue;
      inert.add(path);
    }
  }
  if (inert.size === 0) return [...triggers];
  // A thread another of its edits moves is in the commit: its prose goes with it.
  const moving = new Set(triggers.filter((path) => !inert.has(path)).flatMap((path) => threadOfPath(path) ?? []));
  return triggers.filter((path) => !inert.has(path) || moving.has(threadOfPath(path) ?? '\0'));
}
