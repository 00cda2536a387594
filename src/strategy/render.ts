import type { AssumptionState } from '../derive/assumptions.js';
import type { CanvasSection, Segment } from '../schema/canvas.js';
import { renderTemplate, resolveTemplate, workspaceTemplatesDir } from '../templates/render.js';
import { LAYOUT } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { strategyContext, type MissingInput } from './context.js';
import { buildIcp, icpYaml } from './icp.js';

export const NARRATIVES = ['problem', 'solution', 'specifics'] as const;
export const MATERIALS = ['pitch-deck', 'one-pager', 'call-scripts', 'email-templates', 'pilot-agreement', 'contract-template'] as const;

/** The canvas sections a segment's strategy is generated from (what `generated_from` lists). */
export const STRATEGY_SOURCES: CanvasSection[] = ['04-segments', '05-problem', '06-competitive', '07-uvp', '08-advantage', '09-solution', '10-assumptions', '11-pricing', '13-metrics', '15-gtm'];

export interface StrategyOutput {
  path: string;
  content: string;
}

export interface SegmentStrategy {
  segment: string;
  outputs: StrategyOutput[];
  missing: MissingInput[];
}

/** The files a segment's strategy consists of. */
export function strategyPaths(segmentId: string): string[] {
  const base = `${LAYOUT.artifacts}/${segmentId}`;
  return [`${LAYOUT.icp}/${segmentId}-icp.yaml`, ...NARRATIVES.map((n) => `${base}/narrative/${n}-narrative.md`), ...MATERIALS.map((m) => `${base}/materials/${m}.md`)];
}

/** Renders the ICP, the three narratives and the six materials of one segment. Pure but for reading templates. */
export function renderSegmentStrategy(model: WorkspaceModel, segment: Segment, canvasTexts: ReadonlyMap<CanvasSection, string>, assumptions: readonly AssumptionState[]): SegmentStrategy {
  const context = strategyContext(model, segment, canvasTexts, assumptions);
  const templatesDir = workspaceTemplatesDir(model.root, model.config.templates_dir);
  const render = (name: string): string => renderTemplate(resolveTemplate(`strategy/${name}`, templatesDir), context);
  const base = `${LAYOUT.artifacts}/${segment.id}`;
  const outputs: StrategyOutput[] = [
    { path: `${LAYOUT.icp}/${segment.id}-icp.yaml`, content: icpYaml(buildIcp(segment, STRATEGY_SOURCES.map((s) => `strategy/canvas/${s}.md`)), segment.name) },
    ...NARRATIVES.map((n) => ({ path: `${base}/narrative/${n}-narrative.md`, content: render(`narrative/${n}-narrative.md`) })),
    ...MATERIALS.map((m) => ({ path: `${base}/materials/${m}.md`, content: render(`materials/${m}.md`) })),
  ];
  return { segment: segment.id, outputs, missing: context.missing };
}
