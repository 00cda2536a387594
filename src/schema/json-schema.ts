import * as z from 'zod';
import { canvasSectionSchemas, CANVAS_SECTIONS } from './canvas.js';
import { configSchema } from './config.js';
import { goalSchema } from './goal.js';
import { icpSchema } from './icp.js';
import { threadMetaSchema } from './meta.js';
import { replySchema } from './reply.js';
import { draftSchema, STAGE_FILES, stageSchemas } from './stages.js';
import { suppressionSchema } from './suppression.js';

export interface NamedJsonSchema {
  /** File name under `schemas/`, e.g. `deal-1-input.schema.json`. */
  file: string;
  /** What it describes, for the README table and the schema's own `description`. */
  describes: string;
  schema: Record<string, unknown>;
}

/**
 * JSON Schemas generated from the zod schemas — one source of truth — for editors
 * (YAML/JSON language servers) and for agents that write files.
 */
export function generateJsonSchemas(): NamedJsonSchema[] {
  const entries: { file: string; describes: string; schema: z.ZodType }[] = [
    { file: 'config.schema.json', describes: 'threadwork.config.yaml', schema: configSchema },
    { file: 'goal.schema.json', describes: 'goals/{goal-id}.md front matter', schema: goalSchema },
    { file: 'meta.schema.json', describes: 'threads/**/meta.json', schema: threadMetaSchema },
    { file: 'icp.schema.json', describes: 'research/customer/icp/{segment}-icp.yaml', schema: icpSchema },
    { file: 'suppression.schema.json', describes: 'threads/sales/campaigns/suppression.yaml (the do-not-contact list)', schema: suppressionSchema },
    { file: 'campaign-draft.schema.json', describes: 'threads/sales/campaigns/{campaign}/drafts/*.md front matter (written by `campaign draft`)', schema: draftSchema },
    { file: 'campaign-reply.schema.json', describes: 'threads/sales/campaigns/{campaign}/replies/*.md front matter (written by `campaign reply`)', schema: replySchema },
    ...CANVAS_SECTIONS.map((section) => ({
      file: `canvas-${section}.schema.json`,
      describes: `strategy/canvas/${section}.md front matter`,
      schema: canvasSectionSchemas[section],
    })),
    ...(['sales-deal', 'sales-campaign', 'marketing'] as const).flatMap((type) =>
      stageSchemas[type].map((schema, i) => ({
        file: `${type === 'sales-deal' ? 'deal' : type === 'sales-campaign' ? 'campaign' : 'marketing'}-${STAGE_FILES[i]!.replace(/\.md$/, '')}.schema.json`,
        describes: `${STAGE_FILES[i]} front matter of a ${type} thread`,
        schema: schema as z.ZodType,
      })),
    ),
  ];
  return entries.map(({ file, describes, schema }) => ({
    file,
    describes,
    schema: {
      $id: `https://threadwork.dev/schemas/${file}`,
      title: file.replace(/\.schema\.json$/, ''),
      description: `threadwork: ${describes}`,
      ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    },
  }));
}
