import type { ThreadType } from '../schema/meta.js';
import { stageSchemas, type StageNumber } from '../schema/stages.js';
import { assumptionsOf, metaOf, segmentsOf, workspaceCurrency, type WorkspaceModel } from '../workspace/model.js';
import type { MigrationContext } from './state.js';

/** What a stage file's values must agree with, read from the workspace: the ids `check` accepts, the thread's creation date, the currency. */
export function migrationContext(model: WorkspaceModel, threadPath: string, type: ThreadType, stage: number): MigrationContext {
  const thread = model.threads.get(threadPath);
  const meta = thread ? metaOf(thread) : undefined;
  return {
    type,
    stage: stage as StageNumber,
    created: meta?.created,
    currency: workspaceCurrency(model),
    assumptions: new Set(assumptionsOf(model).map((a) => a.id)),
    segments: segmentsOf(model).map((s) => ({ id: s.id, name: s.name })),
    goals: new Set(model.goals.keys()),
  };
}

/** Whether a stage of a thread type has fields to read at all (a content thread's stages 3 to 5 are free-form). */
export function stageHasFields(type: ThreadType, stage: number): boolean {
  const schema = stageSchemas[type][stage - 1] as unknown as { shape?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.shape ?? {}).length > 0;
}
