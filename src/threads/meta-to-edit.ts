import { ThreadworkError } from '../errors.js';
import type { ThreadMeta } from '../schema/meta.js';
import { metaOf, type WorkspaceModel } from '../workspace/model.js';
import { invalidMeta } from './invalid-meta.js';

/**
 * A thread's meta.json as written, to edit one of the thread's own fields in place: refused
 * for a thread that is not there (`unknown-thread`) or whose meta.json is missing or broken
 * (`invalid-meta`, its errors listed) — never edited from the version HEAD holds.
 */
export function metaToEdit(model: WorkspaceModel, thread: string, refusing: string): { path: string; meta: ThreadMeta; text: string } {
  const record = model.threads.get(thread);
  if (!record) throw new ThreadworkError(`Unknown thread ${thread}`, 'unknown-thread');
  const path = `${thread}/meta.json`;
  const meta = metaOf(record);
  const text = model.text(path);
  if (!meta || text === undefined || model.broken.has(path)) throw invalidMeta(refusing, model, thread);
  return { path, meta, text };
}
