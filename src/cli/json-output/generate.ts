import * as z from 'zod';
import type { NamedJsonSchema } from '../../schema/json-schema.js';
import { CLI_OUTPUTS } from './index.js';

/**
 * JSON Schemas of the `--json` outputs, under `schemas/cli/`. Objects stay open
 * (`additionalProperties` is dropped): a field added in a later version must not break
 * a consumer that validates against the schema it shipped with.
 */
export function generateCliSchemas(): NamedJsonSchema[] {
  return CLI_OUTPUTS.map(({ id, command, schema }) => {
    const file = `cli/${id}.schema.json`;
    return {
      file,
      describes: command,
      schema: {
        $id: `https://threadwork.dev/schemas/${file}`,
        title: `cli-${id}`,
        description: `threadwork: the JSON printed by \`${command}\``,
        ...publishedJsonSchema(schema),
      },
    };
  });
}

/** A `--json` document's zod schema as published: JSON Schema 2020-12, every object left open. */
export function publishedJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return open(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' })) as Record<string, unknown>;
}

function open(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(open);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'additionalProperties' && value === false)).map(([key, value]) => [key, open(value)]));
}
