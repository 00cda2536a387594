import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { today } from '../clock.js';
import { setFrontMatterFields } from '../markdown/front-matter-edit.js';
import type { ThreadMeta } from '../schema/meta.js';
import { threadTemplateContext } from '../threads/context.js';
import { renderStageFile } from '../threads/create.js';
import { LAYOUT } from '../workspace/layout.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
import { createFileExclusive } from '../workspace/write.js';
import type { DerivedWorkspace, MarketingOpening } from './derive-all.js';

/**
 * Opens `threads/marketing/{slug}/` for a content opportunity, citing the threads it
 * came from. Exclusive like every thread creation: an existing folder is left alone,
 * which is what makes opening idempotent.
 */
export function openMarketingThread(model: WorkspaceModel, derived: DerivedWorkspace, opening: MarketingOpening): string[] {
  const dir = `${LAYOUT.marketing}/${opening.slug}`;
  const firstSource = derived.threads.find((t) => t.path === opening.sources[0]);
  const meta: ThreadMeta = {
    id: opening.slug,
    type: 'marketing',
    title: opening.topic,
    source: opening.sources[0] ? `thread:${opening.sources[0]}` : 'inbound',
    created: today(),
  };
  if (firstSource?.meta.segment) meta.segment = firstSource.meta.segment;
  const segmentName = segmentsOf(model).find((s) => s.id === meta.segment)?.name ?? null;
  const rendered = renderStageFile(model, meta, 1, threadTemplateContext(meta, 1, meta.created, segmentName), `${dir}/1-input.md`);
  const input = setFrontMatterFields(rendered, { topic: opening.topic, priority: opening.priority, sources: opening.sources, date: meta.created });
  try {
    mkdirSync(join(model.root, dir), { recursive: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return [];
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(join(model.root, dir), { recursive: true });
  }
  const written = [`${dir}/meta.json`, `${dir}/1-input.md`];
  // Written with its derived fields already, so the next sync has nothing to add.
  const derivedMeta = { ...meta, stage: 1, status: 'open', updated: meta.created };
  createFileExclusive(model.root, written[0]!, `${JSON.stringify(derivedMeta, null, 2)}\n`);
  createFileExclusive(model.root, written[1]!, input);
  return written;
}
