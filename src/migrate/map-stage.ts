/**
 * A stage file written the way the LeanOS method's prompts show it — labelled lines in
 * the prose, no front matter — read into the front matter threadwork validates. Pure:
 * text and what the workspace knows in, front matter and one report per line out.
 * The prose itself is never touched (see threads/migrate.ts); docs/migrate.md has the
 * label → field table.
 */

import type * as z from 'zod';
import { expectedText } from '../schema/expected.js';
import { stageSchemas, STAGE_FILES } from '../schema/stages.js';
import { Collector, type LineReport, type Slot } from './collector.js';
import { proseLines } from './lines.js';
import { readStageLines } from './read-stage.js';
import type { MigrationContext } from './state.js';

export type { LineReport } from './collector.js';
export type { MigrationContext } from './state.js';

export interface StageMapping {
  /** The front matter to write: only fields some line gave a valid value. */
  frontMatter: Record<string, unknown>;
  /** Every labelled line (and data row), mapped or not, in file order. */
  lines: LineReport[];
}

/** Reads the labelled lines of one stage file's text (no front matter) into its front matter. */
export function mapStage(text: string, context: MigrationContext): StageMapping {
  const collector = new Collector();
  readStageLines(proseLines(text), context, collector);
  const schema = stageSchemas[context.type][context.stage - 1]! as z.ZodType;
  // A value the schema refuses is taken out and its line reported, until what is left validates.
  // Each round takes one value out (or stops), so there are at most as many rounds as values.
  const rounds = collector.build().origins.size + 1;
  for (let round = 0; round < rounds; round++) {
    const { data, origins } = collector.build();
    const result = schema.safeParse(data);
    if (result.success) return { frontMatter: inSchemaOrder(data, schema), lines: collector.finish(origins) };
    const issue = result.error.issues[0]!;
    const path = originOf(issue.path, origins);
    if (!path) break;
    collector.drop(path, `\`${formatPath(issue.path)}\`: ${expectedText(issue)}`);
  }
  // Not expected: every value comes from a reader that checks its shape. Write nothing rather than something invalid.
  const { origins } = collector.build();
  for (const path of [...origins.keys()]) collector.drop(path, `${STAGE_FILES[context.stage - 1]} would not validate with it`);
  return { frontMatter: {}, lines: collector.finish(new Map()) };
}

/** Keys in the order the schema (and the templates) list them, so a migrated file reads like a new one. */
function inSchemaOrder(data: Record<string, unknown>, schema: z.ZodType): Record<string, unknown> {
  const order = Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The collected value (scalar path or list element) a schema issue points into. */
function originOf(issuePath: readonly PropertyKey[], origins: Map<string, Slot>): string | undefined {
  const [key, index] = issuePath;
  if (typeof key === 'string' && typeof index === 'number' && origins.has(`${key}[${index}]`)) return `${key}[${index}]`;
  const dotted = issuePath.filter((p) => typeof p === 'string').join('.');
  for (const path of origins.keys()) if (dotted === path || dotted.startsWith(`${path}.`) || path.startsWith(`${dotted}.`) || (dotted && path.startsWith(`${dotted}[`))) return path;
  // A missing sibling (`content_opportunity.topic` for a given priority): the values under the same key.
  for (const path of origins.keys()) if (typeof key === 'string' && path.split(/[.[]/)[0] === key) return path;
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') || 'front matter';
}

/**
 * The labelled lines of a text that map to a field of this stage, for `check`'s warning.
 * Field names only, in the order they appear.
 */
export function mappableFields(text: string, context: MigrationContext): { field: string; line: number }[] {
  const mapping = mapStage(text, context);
  const out: { field: string; line: number }[] = [];
  for (const report of mapping.lines) {
    if (report.status !== 'mapped') continue;
    for (const path of Object.keys(report.fields ?? {})) {
      const field = path.replace(/\[\d+\]$/, '');
      if (!out.some((f) => f.field === field)) out.push({ field, line: report.line });
    }
  }
  return out;
}
