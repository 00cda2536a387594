import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { DERIVED_PIPELINE_STAGES, openDealPipelineStage } from '../derive/thread-facts.js';
import type { WorkspaceModel } from '../workspace/model.js';
import type { Locators } from './locators.js';
import { ThreadMemo } from './thread-memo.js';

/**
 * An open deal whose pipeline stage — derived from its decision and actions — is not one of
 * `pipeline.stages` in the config (a stage taken out, or renamed): its probability is 0, so
 * the weighted pipeline and the forecast leave it out, and nothing else says so. A warning
 * at the deal's meta.json `pipeline_stage`, one per deal: each names a deal the config
 * leaves out, and the stage to add.
 */
export function checkPipelineStages(model: WorkspaceModel, locators: Locators, inScope: (thread: string) => boolean = () => true): Diagnostic[] {
  const configured = new Set(model.config.pipeline.stages.map((s) => s.name));
  // Every derived stage configured (the default config, most workspaces): no deal to look at.
  if (DERIVED_PIPELINE_STAGES.every((stage) => configured.has(stage))) return [];
  const out: Diagnostic[] = [];
  for (const thread of model.threads.values()) {
    if (thread.family !== 'deal' || !thread.meta || !inScope(thread.path)) continue;
    // A stage file in error reads as missing: the stage derived from the rest is not the deal's. Its own error stands.
    if (thread.stages.some((file) => file !== undefined && file.value === undefined)) continue;
    const stage = kept.get(thread, '', () => openDealPipelineStage(thread) ?? null);
    if (stage === null || configured.has(stage)) continue;
    const path = thread.meta.path;
    out.push(diagnostic(path, locators.range(path, ['pipeline_stage']), 'warning', 'pipeline-stage-unconfigured', unconfiguredMessage(stage), 'pipeline_stage'));
  }
  return out;
}

const kept = new ThreadMemo<string | null>();

function unconfiguredMessage(stage: string): string {
  return `Pipeline stage \`${stage}\` is not in \`pipeline.stages\` of threadwork.config.yaml: this open deal counts at probability 0 — left out of the weighted pipeline, and never won in the goals' forecast. Add \`{name: ${stage}, probability: …}\` to \`pipeline.stages\` (the stages the engine derives: ${DERIVED_PIPELINE_STAGES.join(', ')})`;
}
