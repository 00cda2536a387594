import type { AssumptionState } from '../derive/assumptions.js';
import type { CanvasSection, Segment } from '../schema/canvas.js';
import type { Icp } from '../schema/icp.js';
import { renderTemplate, resolveTemplate, templateText, workspaceTemplatesDir, type TemplateSource } from '../templates/render.js';
import { LAYOUT } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { strategyContext, type MissingInput, type StrategyContext } from './context.js';
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

/** Everything a segment's strategy is rendered from: the key of a RenderMemo is made of it. */
export interface SegmentStrategyInputs {
  segment: Segment;
  context: StrategyContext;
  icp: Icp;
  /** Each template by output name: the file used and its text. */
  templates: { name: string; source: TemplateSource; text: string }[];
}

const TEMPLATE_NAMES = [...NARRATIVES.map((n) => `narrative/${n}-narrative.md`), ...MATERIALS.map((m) => `materials/${m}.md`)];

/** Reads what one segment's strategy is rendered from (the templates' texts included). */
export function segmentStrategyInputs(model: WorkspaceModel, segment: Segment, canvasTexts: ReadonlyMap<CanvasSection, string>, assumptions: readonly AssumptionState[]): SegmentStrategyInputs {
  const context = strategyContext(model, segment, canvasTexts, assumptions);
  const templatesDir = workspaceTemplatesDir(model.root, model.config.templates_dir);
  const templates = TEMPLATE_NAMES.map((name) => {
    const source = resolveTemplate(`strategy/${name}`, templatesDir);
    return { name, source, text: templateText(source) };
  });
  return { segment, context, icp: buildIcp(segment, STRATEGY_SOURCES.map((s) => `strategy/canvas/${s}.md`)), templates };
}

/** Renders the ICP, the three narratives and the six materials of one segment. Pure but for reading templates. */
export function renderSegmentStrategy(model: WorkspaceModel, segment: Segment, canvasTexts: ReadonlyMap<CanvasSection, string>, assumptions: readonly AssumptionState[]): SegmentStrategy {
  return renderInputs(segmentStrategyInputs(model, segment, canvasTexts, assumptions));
}

export function renderInputs(inputs: SegmentStrategyInputs): SegmentStrategy {
  const { segment, context } = inputs;
  const base = `${LAYOUT.artifacts}/${segment.id}`;
  const rendered = inputs.templates.map(({ name, source, text }) => ({ path: `${base}/${name}`, content: renderTemplate(source, context, text) }));
  return { segment: segment.id, outputs: [{ path: `${LAYOUT.icp}/${segment.id}-icp.yaml`, content: icpYaml(inputs.icp, segment.name) }, ...rendered], missing: context.missing };
}
