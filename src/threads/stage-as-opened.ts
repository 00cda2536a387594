import { isDeepStrictEqual } from 'node:util';
import { today } from '../clock.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import type { ThreadMeta } from '../schema/meta.js';
import { STAGE_FILES } from '../schema/stages.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import { threadTemplateContext } from './context.js';
import { renderStageFile } from './create.js';

/**
 * Whether a stage file `advance` opened (Stage 2 to 6) still holds the front matter its
 * template gave it: nothing has been written in it yet. An agent that advances twice in a
 * row meets this stage; telling it "not written yet" with the file to write is what it can
 * act on, where "incomplete" reads as if something it wrote fell short. Values are compared,
 * not text: a comment edited or a key re-indented writes nothing. Stage 1 is opened with the
 * values `deal new` or `campaign new` was given, which the thread does not keep.
 */
export function isStageAsOpened(model: WorkspaceModel, threadPath: string, meta: ThreadMeta, stage: number): boolean {
  if (stage < 2) return false;
  const path = `${threadPath}/${STAGE_FILES[stage - 1]}`;
  const written = parseFrontMatter(model.text(path) ?? '').data;
  if (written === undefined) return false;
  const segmentName = segmentsOf(model).find((s) => s.id === meta.segment)?.name ?? null;
  let opened: string;
  try {
    opened = renderStageFile(model, meta, stage, threadTemplateContext(meta, stage, today(), segmentName), path);
  } catch {
    // A template that no longer renders is said where it is used (advance); here it only means "not as opened".
    return false;
  }
  return isDeepStrictEqual(parseFrontMatter(opened).data, written);
}
