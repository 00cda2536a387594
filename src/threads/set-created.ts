import { pastDateOrToday } from '../clock.js';
import { writeChange, type WriteProposal } from '../engine/changes.js';
import { updateJsonObject } from '../markdown/json-edit.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { metaToEdit } from './meta-to-edit.js';

export interface CreatedSet {
  thread: string;
  created: string;
  /** The day meta.json held before: to give back to undo it. */
  before: string | null;
  /** meta.json when it changed; empty when it held that day already (nothing committed). */
  written: string[];
}

/**
 * Sets the day a thread began — `created` in its meta.json, the thread's own field, which the
 * cycle time, the forecast and `closed-before-created` read — for a deal opened in threadwork
 * after it began elsewhere. A real day, not after today (as `deal new --date`); edited in
 * place, every other byte kept. A day after the thread's close is refused by the write's
 * validation (`closed-before-created`), nothing written.
 */
export function proposeCreated(model: WorkspaceModel, thread: string, day: string): WriteProposal<CreatedSet> {
  const created = pastDateOrToday(day, 'the day the thread began');
  const { path, meta, text } = metaToEdit(model, thread, `Cannot set the day ${thread} began`);
  const after = updateJsonObject(text, { created });
  const changes = after === text ? [] : [writeChange(path, after)];
  const before = typeof meta.created === 'string' ? meta.created : null;
  return { result: { thread, created, before, written: changes.map((c) => c.path) }, changes, summary: `set ${thread} created ${created}`, thread, nothingToWrite: changes.length === 0 };
}
