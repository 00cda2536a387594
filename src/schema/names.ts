/**
 * The names the layout is made of — canvas sections and stage files — apart from their
 * schemas, so that reading a path (workspace/layout.ts) does not load zod and every
 * schema: a cached `check` needs the names and none of the rest.
 */
export const CANVAS_SECTIONS = [
  '00-business-model-mode',
  '01-context',
  '02-constraints',
  '03-opportunity',
  '04-segments',
  '05-problem',
  '06-competitive',
  '07-uvp',
  '08-advantage',
  '09-solution',
  '10-assumptions',
  '11-pricing',
  '12-costs',
  '13-metrics',
  '14-growth',
  '15-gtm',
] as const;

export type CanvasSection = (typeof CANVAS_SECTIONS)[number];

export const STAGES = ['input', 'hypothesis', 'implication', 'decision', 'actions', 'learning'] as const;
export type StageName = (typeof STAGES)[number];
export const STAGE_FILES = STAGES.map((name, i) => `${i + 1}-${name}.md`) as readonly string[];
