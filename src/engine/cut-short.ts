import { markerDiagnostic } from '../check/managed-blocks.js';
import { positionAtOffset, type Diagnostic } from '../diagnostics.js';
import { bodyOffsetOf } from '../markdown/front-matter.js';
import { findManagedBlocks } from '../markdown/managed-blocks.js';

/**
 * A block file read part-way through its save: its body is its committed body cut short
 * before the block `name` — the block gone, the last line cut in the middle (a file a person
 * shortens ends at a line end). A watcher reading an editor's first write of a long canvas
 * file put the block back after the cut, wrote the file over the one the editor was still
 * writing and committed the prose cut mid-word. Such a file is left as it is, said as an
 * error at its end; the rest of the save (or the file ended at a line) is synced as usual.
 * Undefined when the text is not that.
 */
export function cutShortBeforeBlock(path: string, text: string, committed: string | undefined, name: string): Diagnostic | undefined {
  if (committed === undefined || text.endsWith('\n')) return undefined;
  // The body compared, not the whole text: a save that also changed the front matter (a prior moved) is cut short all the same.
  const body = text.slice(bodyOffsetOf(text));
  const committedBodyOffset = bodyOffsetOf(committed);
  const committedBody = committed.slice(committedBodyOffset);
  if (body.length >= committedBody.length || !committedBody.startsWith(body)) return undefined;
  if (!findManagedBlocks(committed, committedBodyOffset).blocks.has(name)) return undefined;
  // In the words of a damaged marker (the same rule): the file is left as it is.
  return markerDiagnostic(path, {
    name,
    position: positionAtOffset(text, text.length),
    message: `The file ends in the middle of a line before its \`${name}\` block, where its committed version goes on: was it saved half-way? (save the rest; a file shortened on purpose ends with a line break, and gets its block back)`,
  });
}
