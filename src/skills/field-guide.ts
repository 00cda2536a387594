import * as z from 'zod';
import { STAGE_FILES, stageSchemas } from '../schema/stages.js';
import { STAGE_REQUIREMENTS } from '../threads/requirements.js';

type JsonSchema = { type?: string | string[]; enum?: unknown[]; anyOf?: JsonSchema[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; description?: string };

/**
 * The fields of a stage file as a Markdown table, built from the stage's zod schema and
 * what `advance` requires — so a skill never tells an agent about a field the engine
 * does not know, and never forgets one it requires.
 */
export function stageFieldTable(type: 'sales-deal' | 'sales-campaign', stage: number): string {
  const schema = z.toJSONSchema(stageSchemas[type][stage - 1] as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const requirements = STAGE_REQUIREMENTS[type][stage - 1] ?? [];
  const rows = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const required = requirements.filter((r) => r.path[0] === name);
    const needed = required.length ? required.map((r) => (r.path.length > 1 ? `\`${r.path.join('.')}\`` : 'yes')).join(', ') : '';
    const hint = required.map((r) => r.hint).join('; ') || property.description || FIELD_HINTS[type][name] || FIELD_HINTS.common[name] || '';
    // docs/ is not in the installed package, so a skill does not send the agent there.
    const said = hint.replace(/\s*\(docs\/[^)]*\)/g, '').replace(/\|/g, '\\|');
    return `| \`${name}\` | ${describeType(property)} | ${needed} | ${said} |`;
  });
  return [`Fields of \`${STAGE_FILES[stage - 1]}\` (to advance: the fields marked, filled):`, '', '| field | type | to advance | what to write |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

function describeType(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (schema.anyOf) {
    const parts = [...new Set(schema.anyOf.filter((s) => s.type !== 'null').map(describeType))];
    return parts.join(' or ') || 'any';
  }
  // Several types (`arr`: a number or money text, or null): each named, as anyOf's are.
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    if (types.length > 1) return types.map((type) => describeType(Object.assign({}, schema, { type }))).join(' or ');
  }
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null')[0] : schema.type;
  if (type === 'array') return `list of ${schema.items ? describeType(schema.items) : 'values'}`;
  if (type === 'object') return schema.properties ? `object (${Object.keys(schema.properties).map((k) => `\`${k}\``).join(', ')})` : 'object';
  if (type === 'integer') return 'whole number';
  return type ?? 'any';
}

/**
 * What to write in a field neither `advance` requires nor its schema describes: without
 * these the tables' "what to write" column was empty for `outcome`, `closed`, `arr`,
 * `criteria`, `revisit`… (docs/file-formats.md says the same of each).
 */
const FIELD_HINTS: Record<'common' | 'sales-deal' | 'sales-campaign', Record<string, string>> = {
  common: {
    statement: 'the hypothesis in one sentence',
    goal_id: 'the goal in `goals/` it counts towards (its id)',
    subgoal: 'the subgoal of that goal (SG1, SG2…)',
    strategic_value: 'high, medium or low',
    resource_cost_hours: 'the hours it will take',
    alternatives: 'the options weighed instead',
    revisit: 'for DEFER: the date (YYYY-MM-DD) to decide again',
    closed: 'the date it ended (YYYY-MM-DD)',
    validations: 'per assumption tested: `assumption` (A1…), `result` (validated, partial or invalidated) and `evidence`',
    content_opportunity: 'a topic worth writing about that this taught: `topic`, `priority`, optional `slug`',
  },
  'sales-deal': {
    criteria: 'one entry per criterion of the framework, in words: confirmed, identified, engaged, unknown, none, an amount, a date or a sentence starting with one',
    outcome: 'closed-won, closed-lost or stalled — the deal closes when written',
    arr: 'the annual value won, one amount (`42000`, `"$42k"`)',
    margin: 'the gross margin, 0 to 1',
    csat: 'customer satisfaction, 0 to 10',
    loss_reason: 'why it was lost or stalled, in a few words',
  },
  'sales-campaign': {
    expected_pipeline: 'the pipeline value you expect, one amount (`420000`, `"$420k"`)',
    results: 'the counts of the campaign (sent, delivered, opened, replied, bounced, meetings, deals…); `delivered` empty is taken as sent − bounced; leave `opened` empty when the channel does not track opens (plain-text email, LinkedIn, calls), and `clicked` when it does not track link clicks',
  },
};

/** Every stage table of deals and campaigns, as template variables `deal1` … `campaign6`. */
export function stageFieldTables(): Record<string, string> {
  const tables: Record<string, string> = {};
  for (let stage = 1; stage <= STAGE_FILES.length; stage++) {
    tables[`deal${stage}`] = stageFieldTable('sales-deal', stage);
    tables[`campaign${stage}`] = stageFieldTable('sales-campaign', stage);
  }
  return tables;
}
