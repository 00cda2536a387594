import { today } from '../clock.js';
import { setFrontMatterFields } from '../markdown/front-matter-edit.js';
import type { ThreadMeta } from '../schema/meta.js';
import { threadTemplateContext } from './context.js';
import { renderStageFile } from './create.js';
import { LAYOUT } from '../workspace/layout.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import { createChange, type SourceChange } from '../engine/changes.js';
import type { DerivedWorkspace, MarketingOpening } from '../derive/workspace.js';

/**
 * The files of a new `threads/marketing/{slug}/` for a content opportunity, citing the
 * threads it came from. Created exclusively like every thread: an existing folder is
 * left alone, which is what makes opening idempotent. `created` is the day the thread was
 * opened (today, or the day an interrupted run began it).
 */
export function marketingThreadFiles(model: WorkspaceModel, derived: DerivedWorkspace, opening: MarketingOpening, created: string = today()): SourceChange[] {
  const dir = `${LAYOUT.marketing}/${opening.slug}`;
  const firstSource = derived.threads.find((t) => t.path === opening.sources[0]);
  const meta: ThreadMeta = {
    id: opening.slug,
    type: 'marketing',
    title: opening.topic,
    source: opening.sources[0] ? `thread:${opening.sources[0]}` : 'inbound',
    created,
  };
  if (firstSource?.meta.segment) meta.segment = firstSource.meta.segment;
  const segmentName = segmentsOf(model).find((s) => s.id === meta.segment)?.name ?? null;
  const rendered = renderStageFile(model, meta, 1, threadTemplateContext(meta, 1, meta.created, segmentName), `${dir}/1-input.md`);
  const input = setFrontMatterFields(rendered, { topic: opening.topic, priority: opening.priority, sources: opening.sources, date: meta.created });
  // Written with its derived fields already, so the next sync has nothing to add.
  const derivedMeta = { ...meta, stage: 1, status: 'open', updated: meta.created };
  return [createChange(`${dir}/meta.json`, `${JSON.stringify(derivedMeta, null, 2)}\n`), createChange(`${dir}/1-input.md`, input)];
}
