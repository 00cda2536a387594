import * as z from 'zod';
import { commitOutput, diagnosticOutput, syncResultShape } from './common.js';

const lineOutput = z.object({
  line: z.number().int().min(1).describe('the line in the file as migrated (front matter included)'),
  bodyLine: z.number().int().min(1).describe('the same line in the file as it was, before the front matter'),
  text: z.string().describe('the line as written'),
  status: z.enum(['mapped', 'unmapped', 'ambiguous']).describe('mapped: in the front matter; unmapped: no field takes it; ambiguous: it could mean more than one thing — neither is written'),
  fields: z.record(z.string(), z.unknown()).optional().describe('mapped: each field it filled (`validations[0]`, `contact.name`) and its value'),
  reason: z.string().optional().describe('unmapped or ambiguous: why'),
  note: z.string().optional().describe('mapped: what was assumed (e.g. "Closed" with an ARR read as closed-won)'),
});

export const migrateOutput = z.object({
  root: z.string(),
  dryRun: z.boolean(),
  files: z.array(
    z.object({
      path: z.string(),
      thread: z.string(),
      type: z.enum(['sales-deal', 'sales-campaign', 'marketing']),
      stage: z.number().int().min(1).max(6),
      frontMatter: z.record(z.string(), z.unknown()).describe('what is written above the prose'),
      lines: z.array(lineOutput).describe('every labelled line (and prospect-table row), mapped or not, in file order'),
      offset: z.number().int().min(2).describe('how many lines the front matter adds'),
    }),
  ),
  skipped: z
    .array(
      z.object({
        path: z.string(),
        reason: z.string(),
        blocked: z.boolean().describe('could not be migrated as asked (the command exits 1); false: nothing to migrate, or not yet (`errors`)'),
        errors: z.array(diagnosticOutput).describe('the errors that skip it, its own or its thread\'s, each at its file, line and column; empty when skipped for anything else. A run that migrates no file and skips one for errors exits 1'),
      }),
    )
    .describe('files asked for and left as they are'),
  unmapped: z.number().int().nonnegative().describe('lines not mapped or ambiguous, across all files: each stays in the prose'),
  commit: commitOutput,
  sync: z.object(syncResultShape).nullable(),
});
